/* test-typesetter.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Math typeset by the typesetting helper (llm-typesetter.c and
 * src/typeset/llm-notes-typeset.c), the real program: formulas come back
 * as KaTeX's HTML, once each; a link to javascript: in TeX does not
 * become one; the helper ends once idle; without it, or when it fails,
 * formulas are left to the page. In the real window an answer's math,
 * and a note's, shows typeset while the page never loads KaTeX.
 */

#include "config.h"

#include <adwaita.h>

#include "llm-answer-page.h"
#include "llm-collection.h"
#include "llm-test-util.h"
#include "llm-typesetter.h"
#include "llm-window.h"

static const char formulas_html[] =
  "<p>Energy <span class=\"math inline\">E = mc^2</span>, again "
  "<span class=\"math inline\">E = mc^2</span>, and "
  "<span class=\"math inline\">\\href{javascript:alert(1)}{x}</span>.</p>"
  "<div class=\"math display\">\\frac{a}{b} &lt; 1</div>";

typedef struct
{
  gboolean done;
  gboolean ok;
  GError *error;
} Wait;

static void
typeset_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = llm_typesetter_typeset_finish (LLM_TYPESETTER (source), result, &wait->error);
  wait->done = TRUE;
}

static gboolean
typeset_and_wait (LlmTypesetter  *typesetter,
                  GPtrArray      *formulas,
                  GError        **error)
{
  Wait wait = { FALSE, FALSE, NULL };

  llm_typesetter_typeset_async (typesetter, formulas, NULL, typeset_done, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);

  return wait.ok;
}

static gboolean
no_helper_running (gpointer data)
{
  g_autoptr(GArray) helpers = llm_test_find_processes ("llm-notes-types");

  return helpers->len == 0;
}

static void
test_typesets (void)
{
  g_autoptr(LlmTypesetter) typesetter = llm_typesetter_new (g_getenv ("LLM_NOTES_TYPESET"));
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) helpers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (llm_typesetter_has_formulas (formulas_html));

  /* Nothing typeset yet: each formula listed once, the HTML unchanged. */
  before = llm_typesetter_apply (typesetter, formulas_html, missing);
  g_assert_cmpstr (before, ==, formulas_html);
  g_assert_null (llm_typesetter_apply (typesetter, "<p>No math.</p>", missing));
  g_assert_cmpuint (missing->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (missing, 0), ==, "<span class=\"math inline\">E = mc^2</span>");

  g_assert_true (typeset_and_wait (typesetter, missing, &error));
  g_assert_no_error (error);
  helpers = llm_test_find_processes ("llm-notes-types");
  g_assert_cmpuint (helpers->len, ==, 1);

  after = llm_typesetter_apply (typesetter, formulas_html, none);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_false (llm_typesetter_has_formulas (after));
  g_assert_nonnull (strstr (after, "<span class=\"math inline\"><span class=\"katex\">"));
  g_assert_nonnull (strstr (after, "<div class=\"math display\"><span class=\"katex-display\">"));
  /* The TeX the MathML keeps for screen readers, unescaped once. */
  g_assert_nonnull (strstr (after, "<annotation encoding=\"application/x-tex\">\\frac{a}{b} &lt; 1</annotation>"));
  /* With trust off, \href is drawn, not linked. */
  g_assert_null (strstr (after, "href="));
  g_assert_null (strstr (after, "javascript:alert(1)\""));

  /* Idle a few seconds, the helper ends. */
  llm_test_wait_for_condition (no_helper_running, NULL, "the typesetting helper to end");
}

static void
test_without_helper (void)
{
  g_autoptr(LlmTypesetter) nothing = llm_typesetter_new (NULL);
  g_autoptr(LlmTypesetter) failing = llm_typesetter_new ("/bin/false");
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;

  g_assert_null (llm_typesetter_apply (nothing, formulas_html, missing));
  g_assert_cmpuint (missing->len, ==, 0);

  /* A helper that ends at once fails the request... */
  html = llm_typesetter_apply (failing, formulas_html, missing);
  g_assert_cmpuint (missing->len, ==, 3);
  g_assert_false (typeset_and_wait (failing, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);

  /* ...and from then on the page typesets. */
  g_ptr_array_set_size (missing, 0);
  g_assert_null (llm_typesetter_apply (failing, formulas_html, missing));
  g_assert_cmpuint (missing->len, ==, 0);
}

static gboolean
math_shown (gpointer subject,
            gpointer data)
{
  g_autofree char *count = llm_test_eval (subject, "String(document.querySelectorAll('article .math .katex-mathml').length)");

  return g_str_equal (count, data);
}

static gboolean
note_math_shown (gpointer subject,
                 gpointer data)
{
  g_autofree char *tex = llm_test_eval (subject, "String(document.querySelector('.my-notes .katex-mathml annotation')?.textContent)");

  return g_str_equal (tex, data);
}

static void
test_page_without_katex (void)
{
  static const char markdown[] =
    "## Math\n"
    "### 1. Two formulas\n\nEnergy $E = mc^2$ and $$\\frac{a}{b}$$\n"
    "### 2. None\n\nJust words.\n";
  g_autoptr(LlmCollection) collection = NULL;
  g_autofree char *katex = NULL;
  LlmAnswerView *view;
  LlmWindow *window;

  window = llm_test_open_window (markdown, -1, &collection);
  view = llm_window_get_answer_view (window);

  llm_test_wait_until (math_shown, view, "2", "the answer's two formulas, typeset");
  llm_test_assert_eval (view, "document.querySelector('article .katex-mathml annotation').textContent", "E = mc^2");
  katex = llm_test_eval_in_world (view, LLM_ANSWER_PAGE_WORLD, "typeof katex");
  g_assert_cmpstr (katex, ==, "undefined");

  /* Away and back: typeset from what the app kept. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-question", NULL);
  llm_test_wait_until (math_shown, view, "0", "the second answer");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-question", NULL);
  llm_test_wait_until (math_shown, view, "2", "the first answer again");

  /* A note's new formula waits for the helper as the answer's did. */
  llm_answer_view_set_note (view, "Mine: $y^2 + \\alpha$");
  llm_test_wait_until (note_math_shown, view, "y^2 + \\alpha", "the note's formula, typeset");
  g_clear_pointer (&katex, g_free);
  katex = llm_test_eval_in_world (view, LLM_ANSWER_PAGE_WORLD, "typeof katex");
  g_assert_cmpstr (katex, ==, "undefined");

  llm_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  llm_test_init (&argc, &argv);

  g_test_add_func ("/llm/typesetter/typesets", test_typesets);
  g_test_add_func ("/llm/typesetter/without-helper", test_without_helper);
  g_test_add_func ("/llm/typesetter/page-without-katex", test_page_without_katex);

  return g_test_run ();
}
