/* test-rich-answer.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What notes written for GitHub or Obsidian contain, shown in the real
 * window and read back from the page: raw HTML from the sanitiser's subset,
 * a highlighted code block whose Copy button reaches the clipboard through
 * the app, and callouts. Screenshots in light and dark.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "llm-collection.h"
#include "llm-collection-loader.h"
#include "llm-question.h"
#include "llm-test-util.h"
#include "llm-window.h"

static const char rich_md[] =
  "## Rich\n"
  "### 1. Everything at once\n\n"
  "<details><summary>View Questions</summary>\n\n"
  "- **inside** the details\n\n"
  "</details>\n\n"
  "<br>\n"
  "Line one<br>line two\n\n"
  "<div align=\"center\"><img src=\"figure.png\" alt=\"A local figure\" width=\"60\"></div>\n\n"
  "```python\n"
  "def greet(name):\n"
  "    \"\"\"Say hello.\"\"\"\n"
  "    return f\"Hello, {name}\"  # 42\n"
  "```\n\n"
  "> [!note] A note\n"
  "> Noted.\n\n"
  "> [!warning] Careful\n"
  "> Mind the gap.\n\n"
  "> [!tip]- Folded tip\n"
  "> Hidden until opened.\n";

static const char python_code[] =
  "def greet(name):\n"
  "    \"\"\"Say hello.\"\"\"\n"
  "    return f\"Hello, {name}\"  # 42\n";

static void
on_text_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  if (*text == NULL)
    *text = g_strdup ("");
}

static char *
read_clipboard (GtkWidget *widget)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_text_read, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);

  return text;
}

static void
test_rich_answer (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autofree char *tmp = g_dir_make_tmp ("llm-rich-XXXXXX", NULL);
  g_autofree char *figure = g_build_filename (tmp, "figure.png", NULL);
  g_autoptr(GFile) base = g_file_new_for_path (tmp);
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;
  g_autofree char *copied = NULL;
  LlmAnswerView *view;
  LlmWindow *window;

  /* A real PNG, so that the page can decode it. */
  {
    guint8 *data = g_malloc (60 * 40 * 4);
    g_autoptr(GBytes) pixels = NULL;

    /* Opaque GNOME blue. */
    for (guint i = 0; i < 60 * 40; i++)
      memcpy (data + 4 * i, "\x35\x84\xe4\xff", 4);
    pixels = g_bytes_new_take (data, 60 * 40 * 4);

    texture = gdk_memory_texture_new (60, 40, GDK_MEMORY_R8G8B8A8, pixels, 60 * 4);
    g_assert_true (gdk_texture_save_to_png (texture, figure));
  }

  collection = llm_collection_load_data (rich_md, -1, "rich", base, &error);
  g_assert_no_error (error);

  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  view = llm_window_get_answer_view (window);
  llm_window_set_collection (window, collection);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 1200);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (view);

  /* details/summary, with the markdown inside it rendered. */
  llm_test_assert_eval (view, "document.querySelector('article details > summary').textContent", "View Questions");
  llm_test_assert_eval (view, "document.querySelector('article details li strong').textContent", "inside");
  /* <br> breaks the line, and a <br> line does not hide what follows. */
  llm_test_assert_eval (view, "document.querySelectorAll('article br').length", "2");
  llm_test_assert_eval (view, "document.querySelector('article').textContent.includes('Line one') && "
                              "document.querySelector('article').textContent.includes('line two')", "true");
  /* The local image, loaded from the collection, centred. */
  result = llm_test_wait_for_eval (view, "(() => { const img = document.querySelector('article div[align=center] img');"
                                " return img ? img.getAttribute('src').split('?')[0] + ' ' + img.alt + ' ' + img.width + ' ' +"
                                " (img.complete && img.naturalWidth) : 'none'; })()",
                          "app://collection/figure.png A local figure 60 60");
  g_assert_cmpstr (result, ==, "app://collection/figure.png A local figure 60 60");
  g_clear_pointer (&result, g_free);

  /* The Python block: labelled, highlighted into token elements. */
  llm_test_assert_eval (view, "document.querySelector('article .code-language').textContent", "python");
  result = llm_test_wait_for_eval (view, "document.querySelectorAll('article code.language-python .hljs-keyword').length > 0 && "
                                "document.querySelectorAll('article code.language-python .hljs-string').length > 0 && "
                                "document.querySelectorAll('article code.language-python .hljs-comment').length > 0",
                          "true");
  g_assert_cmpstr (result, ==, "true");
  g_clear_pointer (&result, g_free);
  llm_test_assert_eval (view, "document.querySelector('article code.language-python .hljs-keyword').textContent", "def");
  /* Highlighting changes no character of the code. */
  result = llm_test_eval (view, "document.querySelector('article code.language-python').textContent");
  g_assert_cmpstr (result, ==, python_code);
  g_clear_pointer (&result, g_free);

  /* Copy goes through the app onto the clipboard. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)), "before");
  g_free (llm_test_eval (view, "document.querySelector('article .code-copy').click(); 'clicked'"));
  for (guint i = 0; i < 50; i++)
    {
      g_free (copied);
      copied = read_clipboard (GTK_WIDGET (window));
      if (!g_str_equal (copied, "before"))
        break;
      llm_test_wait (100);
    }
  g_assert_cmpstr (copied, ==, python_code);
  llm_test_assert_eval (view, "document.querySelector('article .code-copy').textContent", "Copied");

  /* Three callout types, and a folded one. */
  llm_test_assert_eval (view, "[...document.querySelectorAll('article .callout')].map(c => c.dataset.callout).join(' ')",
                        "note warning tip");
  llm_test_assert_eval (view, "document.querySelector('.callout[data-callout=warning] .callout-title-text').textContent",
                        "Careful");
  llm_test_assert_eval (view, "getComputedStyle(document.querySelector('.callout[data-callout=note]')).borderInlineStartColor !== "
                              "getComputedStyle(document.querySelector('.callout[data-callout=warning]')).borderInlineStartColor",
                        "true");
  llm_test_assert_eval (view, "(() => { const d = document.querySelector('details.callout[data-callout=tip]');"
                              " return d.open + ' ' + d.querySelector('summary').textContent + ' ' +"
                              " (d.getBoundingClientRect().height < 2 * d.querySelector('summary').getBoundingClientRect().height); })()",
                        "false Folded tip true");
  llm_test_assert_eval (view, "document.querySelector('article').textContent.includes('[!note]')", "false");

  llm_test_screenshot ("rich-answer");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  llm_test_wait (800);
  llm_test_screenshot ("rich-answer-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  llm_test_destroy_window (window);
  g_unlink (figure);
  g_rmdir (tmp);
}

int
main (int   argc,
      char *argv[])
{
  llm_test_init (&argc, &argv);

  g_test_add_func ("/llm/rich-answer/html-code-callouts", test_rich_answer);

  return g_test_run ();
}
