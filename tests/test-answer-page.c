/* test-answer-page.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two windows on two collections share one answer page (one web context,
 * one scheme handler): each shows its own answer, and each is served the
 * files of its own collection's folder only, read back from the pages;
 * and a page that keeps the images it decoded still shows the next
 * collection's own. A page whose web process keeps ending is started
 * again twice, then the view says so until asked to try again.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "llm-collection.h"
#include "llm-collection-loader.h"
#include "llm-question.h"
#include "llm-test-util.h"
#include "llm-window.h"

typedef struct
{
  char *folder;
  LlmCollection *collection;
  LlmSettings *settings;
  LlmWindow *window;
} Side;

/* A PNG @width pixels wide, so that which folder served an image shows in
 * its naturalWidth. */
static void
write_png (const char *folder,
           const char *name,
           int         width)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  guint8 *data = g_malloc (width * 10 * 4);
  g_autoptr(GBytes) pixels = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  /* Opaque GNOME blue, to be seen in the screenshot. */
  for (int i = 0; i < width * 10; i++)
    memcpy (data + 4 * i, "\x35\x84\xe4\xff", 4);
  pixels = g_bytes_new_take (data, width * 10 * 4);
  texture = gdk_memory_texture_new (width, 10, GDK_MEMORY_R8G8B8A8, pixels, width * 4);

  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
open_side (Side       *side,
           const char *markdown,
           const char *name)
{
  g_autoptr(GFile) base = g_file_new_for_path (side->folder);
  g_autoptr(GError) error = NULL;

  side->collection = llm_collection_load_data (markdown, -1, name, base, &error);
  g_assert_no_error (error);

  side->settings = llm_settings_new ();
  g_object_set (side->settings, "window-width", 900, "window-height", 600, NULL);
  side->window = llm_window_new (NULL, side->settings, llm_test_get_user_data ());
  llm_window_set_collection (side->window, side->collection);
  gtk_window_present (GTK_WINDOW (side->window));
  llm_test_wait_for_shown (llm_window_get_answer_view (side->window));
}

static char *
eval (Side       *side,
      const char *script)
{
  return llm_test_eval (llm_window_get_answer_view (side->window), script);
}

static void
assert_eval (Side       *side,
             const char *script,
             const char *expected)
{
  llm_test_assert_eval (llm_window_get_answer_view (side->window), script, expected);
}

static gboolean
image_complete (gpointer subject,
                gpointer data)
{
  g_autofree char *script = g_strdup_printf ("document.querySelector('%s').complete", (const char *)data);
  g_autofree char *complete = eval (subject, script);

  return g_str_equal (complete, "true");
}

/* Checks the width of the image @selector picks in @side's page once it
 * has loaded: "0" if it was refused. */
static void
assert_image_width (Side       *side,
                    const char *selector,
                    const char *width)
{
  g_autofree char *script = g_strdup_printf ("String(document.querySelector('%s').naturalWidth)", selector);

  llm_test_wait_until (image_complete, side, (gpointer)selector, "an image to load or fail");
  assert_eval (side, script, width);
}

static gboolean
body_color_is (gpointer subject,
               gpointer data)
{
  g_autofree char *color = eval (subject, "getComputedStyle(document.body).color");

  return g_str_equal (color, data);
}

/* Loads @uri as an image in @side's page and checks its width. */
static void
assert_served (Side       *side,
               const char *uri,
               const char *width)
{
  g_autofree char *add = g_strdup_printf ("(() => {"
                                          "  document.getElementById('probe')?.remove();"
                                          "  const img = document.createElement('img');"
                                          "  img.id = 'probe';"
                                          "  img.src = '%s';"
                                          "  document.body.append(img);"
                                          "  return 'added';"
                                          "})()", uri);

  g_free (eval (side, add));
  assert_image_width (side, "#probe", width);
}

static void
close_side (Side *side)
{
  static const char * const files[] = { "figure.png", "only-a.png", "two words.png" };

  llm_test_destroy_window (side->window);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (side->folder, files[i], NULL);

      g_remove (path);
    }
  g_rmdir (side->folder);
  g_clear_object (&side->collection);
  g_clear_object (&side->settings);
  g_clear_pointer (&side->folder, g_free);
}

static void
test_two_windows (void)
{
  Side a = { g_dir_make_tmp ("llm-page-a-XXXXXX", NULL) };
  Side b = { g_dir_make_tmp ("llm-page-b-XXXXXX", NULL) };
  WebKitWebView *view_a;
  WebKitWebView *view_b;

  /* The same name in both folders, told apart by width; one file only A
   * has. */
  write_png (a.folder, "figure.png", 60);
  write_png (b.folder, "figure.png", 30);
  write_png (a.folder, "only-a.png", 20);
  write_png (a.folder, "two words.png", 40);

  open_side (&a, "## Alpha topic\n### 1. Alpha question\n\nAlpha answer.\n\n![A figure](figure.png)\n", "alpha");
  open_side (&b, "## Beta topic\n### 1. Beta question\n\nBeta answer.\n\n![B figure](figure.png)\n", "beta");

  /* One context, one network session, one scheme handler for both. */
  view_a = llm_answer_view_get_web_view (llm_window_get_answer_view (a.window));
  view_b = llm_answer_view_get_web_view (llm_window_get_answer_view (b.window));
  g_assert_true (view_a != view_b);
  g_assert_true (webkit_web_view_get_context (view_a) == webkit_web_view_get_context (view_b));
  g_assert_true (webkit_web_view_get_network_session (view_a) == webkit_web_view_get_network_session (view_b));

  /* Each page shows its own answer... */
  assert_eval (&a, "document.querySelector('article.answer').textContent.trim()", "Alpha answer.");
  assert_eval (&b, "document.querySelector('article.answer').textContent.trim()", "Beta answer.");

  /* ...with its own folder's image under the same app:// URI (its query
   * tells the collections apart, see test_next_collection()). */
  assert_eval (&a, "document.querySelector('article img').getAttribute('src').split('?')[0]", "app://collection/figure.png");
  assert_eval (&b, "document.querySelector('article img').getAttribute('src').split('?')[0]", "app://collection/figure.png");
  assert_image_width (&a, "article img", "60");
  assert_image_width (&b, "article img", "30");
  llm_test_screenshot ("answer-page-two-windows");

  /* A file of A's folder is A's alone: B asking for it gets nothing. */
  assert_served (&a, "app://collection/only-a.png", "20");
  assert_served (&b, "app://collection/only-a.png", "0");
  /* A name is escaped in the URI and found again; a path that climbs
   * out of the folder is not served, escaped or not. */
  assert_served (&a, "app://collection/two%20words.png", "40");
  assert_served (&a, "app://collection/two%20words.png?v=1", "40");
  assert_served (&a, "app://collection/..%2Fllm-page-b", "0");

  /* The shared page outlives a window: B still loads and shows. */
  close_side (&a);
  assert_served (&b, "app://collection/figure.png", "30");
  /* The page's own world never sees the app's API. */
  assert_eval (&b, "typeof window.llmPage", "undefined");

  /* The shared palette follows the window's style, both ways. */
  assert_eval (&b, "getComputedStyle(document.body).color", "rgba(0, 0, 0, 0.8)");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  llm_test_wait_until (body_color_is, &b, "rgb(255, 255, 255)", "the page to turn dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  llm_test_wait_until (body_color_is, &b, "rgba(0, 0, 0, 0.8)", "the page to turn light");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  close_side (&b);
}

/* The web context keeps the images it decoded, so that going back to an
 * answer does not fetch and decode its figures again (a web process that
 * did kept growing). The page outlives the collection it shows: an answer
 * of the next collection gets the next folder's figure.png, not the one
 * kept, under a URI of its own. */
static void
test_next_collection (void)
{
  Side a = { g_dir_make_tmp ("llm-page-a-XXXXXX", NULL) };
  g_autofree char *b_folder = g_dir_make_tmp ("llm-page-b-XXXXXX", NULL);
  g_autofree char *b_figure = g_build_filename (b_folder, "figure.png", NULL);
  g_autoptr(GFile) b_base = g_file_new_for_path (b_folder);
  g_autoptr(LlmCollection) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_src = NULL;
  g_autofree char *next_src = NULL;
  LlmAnswerView *view;

  write_png (a.folder, "figure.png", 60);
  write_png (b_folder, "figure.png", 30);
  open_side (&a, "## Alpha topic\n### 1. Alpha question\n\nAlpha answer.\n\n![A figure](figure.png)\n\n"
             "### 2. Second question\n\nNo figure.\n", "alpha");
  assert_image_width (&a, "article img", "60");
  view = llm_window_get_answer_view (a.window);
  g_assert_cmpint (webkit_web_context_get_cache_model (webkit_web_view_get_context (llm_answer_view_get_web_view (view))),
                   ==, WEBKIT_CACHE_MODEL_DOCUMENT_BROWSER);

  /* Away and back: the same figure. */
  llm_window_show_question (a.window, llm_collection_get_question (a.collection, 1));
  llm_test_wait_for_shown (view);
  llm_window_show_question (a.window, llm_collection_get_question (a.collection, 0));
  llm_test_wait_for_shown (view);
  assert_image_width (&a, "article img", "60");

  /* The next collection, in the same window and page. */
  b = llm_collection_load_data ("## Beta topic\n### 1. Beta question\n\nBeta answer.\n\n![B figure](figure.png)\n",
                                -1, "beta", b_base, &error);
  g_assert_no_error (error);
  first_src = eval (&a, "document.querySelector('article img').getAttribute('src')");
  llm_window_set_collection (a.window, b);
  llm_test_wait_for_shown (view);
  assert_eval (&a, "document.querySelector('article.answer').textContent.trim()", "Beta answer.");
  assert_image_width (&a, "article img", "30");
  next_src = eval (&a, "document.querySelector('article img').getAttribute('src')");
  g_assert_true (g_str_has_prefix (next_src, "app://collection/figure.png?"));
  g_assert_cmpstr (first_src, !=, next_src);

  close_side (&a);
  g_remove (b_figure);
  g_rmdir (b_folder);
}

/* The web process ended by WebKit's own call, as a crash would end it. */
static void
end_web_process (LlmAnswerView *view)
{
  webkit_web_view_terminate_web_process (llm_answer_view_get_web_view (view));
}

static void
test_keeps_ending (void)
{
  Side a = { g_dir_make_tmp ("llm-page-a-XXXXXX", NULL) };
  LlmAnswerView *view;
  GtkWidget *web_view;
  GtkWidget *retry;

  open_side (&a, "## Alpha topic\n### 1. Alpha question\n\nAlpha answer.\n", "alpha");
  view = llm_window_get_answer_view (a.window);
  web_view = GTK_WIDGET (llm_answer_view_get_web_view (view));
  g_assert_null (llm_test_find_actionable (GTK_WIDGET (view), "answer.reload"));

  /* Twice: started again on the same answer. */
  for (int i = 0; i < 2; i++)
    {
      end_web_process (view);
      llm_test_wait_for_shown (view);
      assert_eval (&a, "document.querySelector('article.answer').textContent.trim()", "Alpha answer.");
    }

  /* The third time within the minute: said, not started again, and the
   * keyboard focus the page had goes to Try Again. */
  gtk_widget_grab_focus (web_view);
  end_web_process (view);
  llm_test_wait (500);
  retry = llm_test_find_actionable (GTK_WIDGET (view), "answer.reload");
  g_assert_nonnull (retry);
  g_assert_true (gtk_widget_is_visible (retry));
  g_assert_false (gtk_widget_get_visible (web_view));
  g_assert_true (llm_test_shows_label (GTK_WIDGET (view), _("Answers Cannot Be Shown")));
  g_assert_true (gtk_widget_is_sensitive (retry));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (a.window)) == retry);
  llm_test_screenshot ("answer-view-stopped");

  /* Asked to: the answer again, and the count starts afresh. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "answer.reload", NULL));
  llm_test_wait_for_shown (view);
  g_assert_true (gtk_widget_get_visible (web_view));
  g_assert_false (gtk_widget_is_visible (retry));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (a.window)) == web_view);
  assert_eval (&a, "document.querySelector('article.answer').textContent.trim()", "Alpha answer.");
  end_web_process (view);
  llm_test_wait_for_shown (view);
  g_assert_true (gtk_widget_get_visible (web_view));

  close_side (&a);
}

int
main (int   argc,
      char *argv[])
{
  llm_test_init (&argc, &argv);

  g_test_add_func ("/llm/answer-page/two-windows", test_two_windows);
  g_test_add_func ("/llm/answer-page/next-collection", test_next_collection);
  g_test_add_func ("/llm/answer-page/keeps-ending", test_keeps_ending);

  return g_test_run ();
}
