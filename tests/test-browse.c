/* test-browse.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Browsing without friction, through the real window: where the keyboard
 * starts and stays, type-ahead into the search (real key presses, sent
 * by xdotool), the tree's filter scoping next and previous, and the
 * search's match counter over the answer. Widgets are reached by type
 * and name, the page through JavaScript.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "llm-application.h"
#include "llm-bookmarks.h"
#include "llm-collection.h"
#include "llm-question.h"
#include "llm-sidebar.h"
#include "llm-study.h"
#include "llm-test-util.h"
#include "llm-window.h"

static LlmApplication *app;

typedef struct
{
  LlmWindow *window;
  gpointer data;
} Probe;

static GtkWidget *
focus_of (LlmWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* The tree's row the focus is on, if it is on one, and mapped (GTK drops a
 * key sent to a row not mapped yet). */
static gpointer
focused_row_item (LlmWindow *window)
{
  GtkWidget *focus = focus_of (window);
  GtkTreeListRow *row;

  if (!GTK_IS_TREE_EXPANDER (focus) || !gtk_widget_get_mapped (focus) ||
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (llm_window_get_sidebar (window))))
    return NULL;

  row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (focus));
  return row ? gtk_tree_list_row_get_item (row) : NULL;
}

static gboolean
focus_on_row_of (gpointer data)
{
  Probe *probe = data;
  g_autoptr(GObject) item = focused_row_item (probe->window);

  return item != NULL && item == probe->data;
}

static gboolean
shows (gpointer data)
{
  Probe *probe = data;

  return llm_window_get_question (probe->window) == probe->data;
}

static GtkWidget *
search_entry_of (LlmWindow *window)
{
  GtkWidget *entry = llm_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL);

  g_assert_nonnull (entry);
  return entry;
}

static gboolean
entry_has (gpointer data)
{
  Probe *probe = data;
  GtkWidget *entry = search_entry_of (probe->window);
  GtkWidget *focus = focus_of (probe->window);

  return g_str_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), probe->data) &&
         focus != NULL && gtk_widget_is_ancestor (focus, entry);
}

static gboolean
entry_is_empty (gpointer data)
{
  return gtk_editable_get_text (GTK_EDITABLE (search_entry_of (data)))[0] == '\0';
}

static gboolean
focus_in_web_view (gpointer data)
{
  LlmWindow *window = data;
  GtkWidget *web_view = GTK_WIDGET (llm_answer_view_get_web_view (llm_window_get_answer_view (window)));
  GtkWidget *focus = focus_of (window);

  return focus != NULL && (focus == web_view || gtk_widget_is_ancestor (focus, web_view));
}

static LlmWindow *
open_window (LlmSettings *settings,
             int          width)
{
  LlmWindow *window;

  g_object_set (settings, "window-width", width, "window-height", 760, "sidebar-width", 300, NULL);
  window = llm_window_new (GTK_APPLICATION (app), settings, llm_application_get_user_data (app));
  /* As the app starts: the window first, then the notes. */
  gtk_window_present (GTK_WINDOW (window));
  llm_window_open (window, NULL);
  llm_test_wait_for_shown (llm_window_get_answer_view (window));

  return window;
}

/* The keyboard starts on the shown question's row, with its focus ring,
 * and stays on the shown row through Ctrl+Page Down; typing, a space
 * included, goes to the search, from the tree and from the answer; Esc
 * ends the search from the answer. */
static void
test_focus_and_type_ahead (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  LlmWindow *window;
  LlmCollection *collection;
  LlmQuestion *question;
  Probe probe;

  if (!llm_test_has_xdotool ())
    {
      g_test_skip ("xdotool is not installed");
      return;
    }

  llm_settings_set_last_question (settings, "");
  window = open_window (settings, 1100);
  collection = llm_window_get_collection (window);
  question = llm_window_get_question (window);
  g_assert_true (question == llm_collection_get_question (collection, 0));
  llm_test_focus_window (GTK_WINDOW (window));

  /* On the shown question's row, not a header button, ring visible. */
  probe = (Probe) { window, question };
  llm_test_wait_for_condition (focus_on_row_of, &probe, "the focus on the shown question's row");
  g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (window)));
  g_assert_true (gtk_widget_get_state_flags (focus_of (window)) & GTK_STATE_FLAG_FOCUS_VISIBLE);
  llm_test_screenshot ("browse-start-focus");

  /* Ctrl+Page Down, past the first topic's end: the focus follows. */
  for (guint i = 0; i < 6; i++)
    {
      question = llm_collection_get_neighbour (collection, question, +1);
      llm_test_press ("ctrl+Next");
      probe = (Probe) { window, question };
      llm_test_wait_for_condition (shows, &probe, "Ctrl+Page Down to show the next question");
      llm_test_wait_for_condition (focus_on_row_of, &probe, "the focus to follow Ctrl+Page Down");
    }
  g_assert_true (gtk_widget_get_state_flags (focus_of (window)) & GTK_STATE_FLAG_FOCUS_VISIBLE);

  /* Typing in the tree: every key reaches the entry, the space too, and
   * the focus moves there. */
  llm_test_xdotool ("type --delay 80 'self attention'");
  probe = (Probe) { window, "self attention" };
  llm_test_wait_for_condition (entry_has, &probe, "the typed query, with its space, in the entry");
  llm_test_screenshot ("browse-type-ahead");

  /* Esc in the entry ends it; the tree has the focus back. */
  llm_test_press ("Escape");
  llm_test_wait_for_condition (entry_is_empty, window, "Esc to end the search");
  probe = (Probe) { window, llm_window_get_question (window) };
  llm_test_wait_for_condition (focus_on_row_of, &probe, "the focus back on the shown row");

  /* From the answer (Enter gives it the focus) as from the tree. */
  llm_test_press ("Return");
  llm_test_wait_for_condition (focus_in_web_view, window, "the answer to take the focus");
  llm_test_xdotool ("type --delay 80 ' multi head'");
  probe = (Probe) { window, " multi head" };
  llm_test_wait_for_condition (entry_has, &probe, "the query typed in the answer");

  /* Esc ends a search from anywhere: here from the answer. */
  gtk_widget_grab_focus (GTK_WIDGET (llm_answer_view_get_web_view (llm_window_get_answer_view (window))));
  llm_test_wait_for_condition (focus_in_web_view, window, "the answer to have the focus");
  llm_test_press ("Escape");
  llm_test_wait_for_condition (entry_is_empty, window, "Esc in the answer to end the search");

  llm_test_destroy_window (window);
}

/* The row the tree has selected, and whether it is in view. */
static gpointer
dup_selected (LlmWindow *window,
              gboolean  *in_view)
{
  GtkWidget *sidebar = GTK_WIDGET (llm_window_get_sidebar (window));
  GtkWidget *list = llm_test_find_widget (sidebar, GTK_TYPE_LIST_VIEW, NULL);
  GtkWidget *scroller = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  guint position = gtk_single_selection_get_selected (selection);
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (selection);

  *in_view = FALSE;
  if (row == NULL)
    return NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *expander = gtk_widget_get_first_child (child);
      graphene_rect_t bounds;
      GtkTreeListRow *shown;

      if (!GTK_IS_TREE_EXPANDER (expander) || !gtk_widget_get_mapped (child))
        continue;
      shown = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander));
      if (shown == NULL || gtk_tree_list_row_get_position (shown) != position)
        continue;
      if (gtk_widget_compute_bounds (child, scroller, &bounds))
        *in_view = bounds.origin.y >= -1 &&
                   bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller) + 1;
    }

  return gtk_tree_list_row_get_item (row);
}

static gboolean
selected_in_view (gpointer data)
{
  Probe *probe = data;
  gboolean in_view;
  g_autoptr(GObject) item = dup_selected (probe->window, &in_view);

  return item == probe->data && in_view;
}

static void
set_filter (LlmWindow  *window,
            const char *filter)
{
  gtk_widget_activate_action (GTK_WIDGET (llm_window_get_sidebar (window)), "sidebar.filter", "s", filter);
}

static void
step (LlmWindow   *window,
      const char  *action,
      LlmQuestion *expected)
{
  Probe probe = { window, expected };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  g_assert_true (llm_window_get_question (window) == expected);
  llm_test_wait_for_condition (selected_in_view, &probe, "the question stepped to, selected and in view");
}

/* At an end of the filtered list the step goes nowhere. */
static void
step_nowhere (LlmWindow  *window,
              const char *action)
{
  LlmQuestion *before = llm_window_get_question (window);

  gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
  g_assert_true (llm_window_get_question (window) == before);
}

/* The filter scopes Ctrl+Page Down / Up, and switching it keeps the shown
 * question selected and in view. */
static void
test_filter_scopes_navigation (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  GSettings *gsettings = llm_settings_get_gsettings (settings);
  LlmWindow *window;
  LlmCollection *collection;
  LlmBookmarks *bookmarks;
  LlmQuestion *q3, *q8, *q20, *q10, *last;
  g_autofree char *filter = NULL;
  Probe probe;

  g_settings_reset (gsettings, "bookmarks");
  llm_settings_set_last_question (settings, "");
  window = open_window (settings, 1100);
  collection = llm_window_get_collection (window);
  bookmarks = llm_window_get_bookmarks (window);
  q3 = llm_test_question_numbered (collection, 3);
  q8 = llm_test_question_numbered (collection, 8);
  q10 = llm_test_question_numbered (collection, 10);
  q20 = llm_test_question_numbered (collection, 20);
  last = llm_collection_get_question (collection, llm_collection_get_n_questions (collection) - 1);
  llm_bookmarks_set (bookmarks, llm_question_get_id (q3), TRUE);
  llm_bookmarks_set (bookmarks, llm_question_get_id (q8), TRUE);
  llm_bookmarks_set (bookmarks, llm_question_get_id (q20), TRUE);

  /* From the last question, far down the tree: each filter keeps it
   * selected and scrolled into view (it used to jump to the top). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-question", "s", llm_question_get_id (last)));
  probe = (Probe) { window, last };
  llm_test_wait_for_condition (selected_in_view, &probe, "the last question in view");
  set_filter (window, "starred");
  g_object_get (llm_window_get_sidebar (window), "filter", &filter, NULL);
  g_assert_cmpstr (filter, ==, "starred");
  /* The three starred and the shown one, under their topics. */
  g_assert_cmpuint (llm_sidebar_get_n_rows (llm_window_get_sidebar (window)), >=, 4 + 2);
  llm_test_wait_for_condition (selected_in_view, &probe, "the shown question kept by the Starred filter");
  set_filter (window, "notes");
  llm_test_wait_for_condition (selected_in_view, &probe, "the shown question kept by the notes filter");
  set_filter (window, "all");
  llm_test_wait_for_condition (selected_in_view, &probe, "the shown question kept by All");
  llm_test_wait (300);

  /* Starred: next and previous walk the starred ones only. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-question", "s", llm_question_get_id (q8)));
  set_filter (window, "starred");
  probe = (Probe) { window, q8 };
  llm_test_wait_for_condition (selected_in_view, &probe, "question 8 selected under Starred");
  step (window, "win.next-question", q20);
  step_nowhere (window, "win.next-question");
  step (window, "win.previous-question", q8);
  step (window, "win.previous-question", q3);
  step_nowhere (window, "win.previous-question");
  llm_test_wait (300);
  llm_test_screenshot ("browse-filter-starred");

  /* An unstarred question shown stays in the tree; next goes on from it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-question", "s", llm_question_get_id (q10)));
  probe = (Probe) { window, q10 };
  llm_test_wait_for_condition (selected_in_view, &probe, "an unstarred question shown under Starred");
  {
    guint with_q10 = llm_sidebar_get_n_rows (llm_window_get_sidebar (window));

    step (window, "win.next-question", q20);
    /* and drops out once left. */
    g_assert_cmpuint (llm_sidebar_get_n_rows (llm_window_get_sidebar (window)), <, with_q10);
  }

  /* All again: next is the very next question. */
  set_filter (window, "all");
  llm_test_wait_for_condition (selected_in_view, &(Probe) { window, q20 }, "question 20 kept by All");
  step (window, "win.next-question", llm_collection_get_neighbour (collection, q20, +1));

  llm_test_destroy_window (window);
  g_settings_reset (gsettings, "bookmarks");
}

static char *
counter_text (LlmWindow *window)
{
  GtkWidget *label = llm_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "find-counter");
  GtkWidget *revealer;

  g_assert_nonnull (label);
  revealer = gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER);
  if (!gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)))
    return g_strdup ("");
  return g_strdup (gtk_label_get_label (GTK_LABEL (label)));
}

static gboolean
counter_is (gpointer data)
{
  Probe *probe = data;
  g_autofree char *text = counter_text (probe->window);

  return g_str_equal (text, probe->data);
}

static char *
eval (LlmWindow  *window,
      const char *script)
{
  return llm_test_eval (llm_window_get_answer_view (window), script);
}

/* The search's matches in the answer: "n of m" with previous and next,
 * the current one styled apart from the others and from key points, and
 * gone as soon as the query changes. */
static void
test_match_counter (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  LlmWindow *window = open_window (settings, 1100);
  LlmAnswerView *view = llm_window_get_answer_view (window);
  GtkWidget *entry = search_entry_of (window);
  g_autofree char *n_text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *current = NULL;
  guint n;
  Probe probe;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  /* Question 8 writes it "softmax" and "Softmax": case is folded. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "softmax");
  /* search-changed comes after GtkSearchEntry's delay. */
  llm_test_wait (600);
  g_signal_emit_by_name (entry, "activate");
  llm_test_wait_for_shown (view);
  for (guint i = 0; i < 200 && llm_answer_view_get_n_matches (view) == 0; i++)
    llm_test_wait (20);
  llm_test_wait (500);
  n = llm_answer_view_get_n_matches (view);
  g_assert_cmpuint (n, >=, 3);

  /* The page marks as many as the counter says, the first current. */
  n_text = eval (window, "String(document.querySelectorAll('mark.llm-find').length >= " G_STRINGIFY (3) ")");
  g_assert_cmpstr (n_text, ==, "true");
  expected = g_strdup_printf (C_("match", "%u of %u"), 1, n);
  probe = (Probe) { window, expected };
  llm_test_wait_for_condition (counter_is, &probe, "the counter on the first match");
  current = eval (window, "[...document.querySelectorAll('mark.llm-find.current')].map(m => m.textContent).join('').toLowerCase()");
  g_assert_cmpstr (current, ==, "softmax");

  /* Next and previous step through them, round the ends. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-next", NULL);
  g_free (expected);
  expected = g_strdup_printf (C_("match", "%u of %u"), 2, n);
  probe.data = expected;
  llm_test_wait_for_condition (counter_is, &probe, "the counter on the second match");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-previous", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-previous", NULL);
  g_free (expected);
  expected = g_strdup_printf (C_("match", "%u of %u"), n, n);
  probe.data = expected;
  llm_test_wait_for_condition (counter_is, &probe, "the counter to wrap to the last match");

  /* Current, other matches and key points look different. */
  styles = eval (window,
                 "(() => { const bg = e => e ? getComputedStyle(e).backgroundColor + '/' + getComputedStyle(e).outlineStyle : 'none';"
                 " const cur = bg(document.querySelector('mark.llm-find.current'));"
                 " const other = bg(document.querySelector('mark.llm-find:not(.current)'));"
                 " const key = bg(document.querySelector('mark:not(.llm-find)'));"
                 " return [cur !== other, key === 'none' || (key !== other && key !== cur), cur.endsWith('/solid')].join(' '); })()");
  g_assert_cmpstr (styles, ==, "true true true");
  llm_test_wait (300);
  llm_test_screenshot ("browse-match-counter");

  /* A new query clears the old highlights at once. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "softma");
  probe.data = "";
  llm_test_wait_for_condition (counter_is, &probe, "the counter to go with the old query");
  g_free (n_text);
  n_text = eval (window, "String(document.querySelectorAll('mark.llm-find').length)");
  g_assert_cmpstr (n_text, ==, "0");

  llm_test_destroy_window (window);
}

static void
grade (LlmWindow *window,
       guint      number,
       LlmGrade   grade,
       gint64     when)
{
  LlmQuestion *question = llm_test_question_numbered (llm_window_get_collection (window), number);
  g_autoptr(GError) error = NULL;

  g_assert_true (llm_study_grade (llm_window_get_study (window), llm_question_get_id (question),
                                  grade, 5000, when, &error));
  g_assert_no_error (error);
}

/* The tree's state pills, the Due filter, and screenshots of a wide and
 * a narrow window. */
/* The first drawn widget under @root with the style class @name. */
static GtkWidget *
find_drawn_with_class (GtkWidget  *root,
                       const char *name)
{
  if (gtk_widget_has_css_class (root, name) && gtk_widget_is_drawable (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_drawn_with_class (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Rows fill the tree's width: a topic's readiness ends its line. */
static void
assert_readiness_at_end (LlmWindow *window)
{
  GtkWidget *sidebar = GTK_WIDGET (llm_window_get_sidebar (window));
  GtkWidget *readiness = find_drawn_with_class (sidebar, "readiness");
  graphene_rect_t bounds;

  g_assert_nonnull (readiness);
  g_assert_true (gtk_widget_compute_bounds (readiness, sidebar, &bounds));
  g_assert_cmpfloat (gtk_widget_get_width (sidebar) - (bounds.origin.x + bounds.size.width), <, 40);
}

static void
test_states_and_narrow (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  LlmWindow *window;
  LlmCollection *collection;
  LlmQuestion *q2;
  Probe probe;

  llm_settings_set_last_question (settings, "");
  window = open_window (settings, 1100);
  collection = llm_window_get_collection (window);
  q2 = llm_test_question_numbered (collection, 2);
  grade (window, 2, LLM_GRADE_GOOD, now - 30 * 86400);
  grade (window, 3, LLM_GRADE_EASY, now - 60);
  grade (window, 4, LLM_GRADE_AGAIN, now - 10);
  grade (window, 7, LLM_GRADE_GOOD, now - 40 * 86400);

  /* The window comes back to this collection's last place: start over
   * from question 1. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-question", "s",
                                             llm_question_get_id (llm_test_question_numbered (collection, 1))));

  /* Due: question 2 and 7 only; from question 1, next is 2, then 7. */
  gtk_widget_activate_action (GTK_WIDGET (llm_window_get_sidebar (window)), "sidebar.filter", "s", "due");
  step (window, "win.next-question", q2);
  step (window, "win.next-question", llm_test_question_numbered (collection, 7));
  step_nowhere (window, "win.next-question");
  gtk_widget_activate_action (GTK_WIDGET (llm_window_get_sidebar (window)), "sidebar.filter", "s", "all");
  probe = (Probe) { window, llm_test_question_numbered (collection, 7) };
  llm_test_wait_for_condition (selected_in_view, &probe, "question 7 kept by All");
  llm_test_wait (400);
  llm_test_screenshot ("browse-states");
  assert_readiness_at_end (window);
  llm_test_destroy_window (window);

  window = open_window (settings, 360);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  llm_test_wait (600);
  llm_test_screenshot ("browse-narrow");
  assert_readiness_at_end (window);
  llm_test_destroy_window (window);
}


/* The interview plan over the tree ---------------------------------------- */

static GtkWidget *
plan_label_of (LlmWindow *window)
{
  GtkWidget *label = llm_test_find_widget (GTK_WIDGET (llm_window_get_sidebar (window)), GTK_TYPE_LABEL, "plan-label");

  g_assert_nonnull (label);
  return label;
}

static gboolean
plan_hidden (gpointer data)
{
  return !gtk_widget_is_drawable (plan_label_of (data));
}

static gboolean
plan_says (gpointer data)
{
  Probe *probe = data;
  GtkWidget *label = plan_label_of (probe->window);

  return gtk_widget_is_drawable (label) && g_str_equal (gtk_label_get_label (GTK_LABEL (label)), probe->data);
}

static void
set_interview_in (GSettings *gsettings,
                  int        days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");

  g_settings_set_string (gsettings, "interview-date", text);
}

static char *
plan_text (const char *when,
           guint       per_day)
{
  g_autofree char *what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u review a day", "%u reviews a day", per_day),
                                           per_day);

  return g_strdup_printf (C_("plan", "%s · %s"), when, what);
}

/* With an interview date set (in GSettings, as Statistics sets it), the
 * sidebar says the plan in a line and starts a self-test from it; it
 * follows the date and the reviews, and goes with the date. */
static void
test_interview_plan (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  GSettings *gsettings = llm_settings_get_gsettings (settings);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  LlmWindow *window;
  LlmCollection *collection;
  GtkWidget *start;
  g_autofree char *in_14 = NULL;
  g_autofree char *expected = NULL;
  guint n_cards = 0;
  Probe probe;

  g_settings_reset (gsettings, "interview-date");
  llm_settings_set_last_question (settings, "");
  window = open_window (settings, 1100);
  collection = llm_window_get_collection (window);
  llm_test_wait_for_condition (plan_hidden, window, "no plan without an interview date");

  /* Nothing reviewed yet: every question is still to do. */
  for (guint i = 0; i < llm_collection_get_n_questions (collection); i++)
    {
      LlmQuestion *question = llm_collection_get_question (collection, i);

      if (!llm_question_is_card (question))
        continue;
      g_assert_cmpint (llm_study_get_state (llm_window_get_study (window), llm_question_get_id (question), now),
                       ==, LLM_STUDY_NEW);
      n_cards++;
    }
  g_assert_cmpuint (n_cards, ==, 30);

  /* 30 questions in 14 days: 3 a day (2.1, rounded up). */
  set_interview_in (gsettings, 14);
  in_14 = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Interview in %d day", "Interview in %d days", 14), 14);
  expected = plan_text (in_14, 3);
  probe = (Probe) { window, expected };
  llm_test_wait_for_condition (plan_says, &probe, "the plan for an interview in 14 days");
  /* In any language, the days and the reviews a day are there. */
  g_assert_nonnull (strstr (expected, "14"));
  g_assert_nonnull (strstr (expected, "3"));
  llm_test_wait (300);
  llm_test_screenshot ("browse-plan");

  /* Tomorrow, all 30 are for today; one known well leaves 29. */
  set_interview_in (gsettings, 1);
  g_free (expected);
  expected = plan_text (_("Interview tomorrow"), 30);
  probe.data = expected;
  llm_test_wait_for_condition (plan_says, &probe, "the plan to follow the date");
  grade (window, 5, LLM_GRADE_EASY, now);
  g_free (expected);
  expected = plan_text (_("Interview tomorrow"), 29);
  probe.data = expected;
  llm_test_wait_for_condition (plan_says, &probe, "the plan to follow a review");

  /* Start: the self-test begins. */
  start = llm_test_find_actionable (GTK_WIDGET (llm_window_get_sidebar (window)), "win.self-test");
  g_assert_nonnull (start);
  g_assert_true (gtk_widget_is_drawable (start));
  g_signal_emit_by_name (start, "clicked");
  llm_test_wait_for_mode (window, LLM_WINDOW_MODE_SELF_TEST);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.quiz-stop", NULL);
  llm_test_wait_for_mode (window, LLM_WINDOW_MODE_BROWSE);

  /* No date, no plan. */
  g_settings_reset (gsettings, "interview-date");
  llm_test_wait_for_condition (plan_hidden, window, "the plan to go with the date");

  llm_test_destroy_window (window);
}

/* The filter's empty state ------------------------------------------------ */

static AdwStatusPage *
empty_page_of (LlmWindow *window)
{
  GtkWidget *page = llm_test_find_widget (GTK_WIDGET (llm_window_get_sidebar (window)),
                                          ADW_TYPE_STATUS_PAGE, "filter-empty");

  g_assert_nonnull (page);
  return ADW_STATUS_PAGE (page);
}

/* The empty state is up and says @data, or (NULL) is down. */
static gboolean
empty_state_is (gpointer data)
{
  Probe *probe = data;
  AdwStatusPage *page = empty_page_of (probe->window);

  if (probe->data == NULL)
    return !gtk_widget_is_drawable (GTK_WIDGET (page));
  return gtk_widget_is_drawable (GTK_WIDGET (page)) &&
         g_str_equal (adw_status_page_get_title (page), probe->data) &&
         adw_status_page_get_description (page) != NULL && adw_status_page_get_description (page)[0] != '\0';
}

/* A filter that matches nothing but the question shown says so, with a
 * hint, and keeps that question's row under it. */
static void
test_filter_empty_state (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  GSettings *gsettings = llm_settings_get_gsettings (settings);
  LlmWindow *window;
  LlmBookmarks *bookmarks;
  LlmQuestion *shown, *q5;
  Probe probe;

  g_settings_reset (gsettings, "bookmarks");
  llm_settings_set_last_question (settings, "");
  window = open_window (settings, 1100);
  bookmarks = llm_window_get_bookmarks (window);
  shown = llm_window_get_question (window);
  q5 = llm_test_question_numbered (llm_window_get_collection (window), 5);
  probe = (Probe) { window, NULL };
  llm_test_wait_for_condition (empty_state_is, &probe, "no empty state while all are shown");

  /* Starred, with none starred: the empty state over the shown row. */
  set_filter (window, "starred");
  probe.data = (gpointer)_("No Starred Questions");
  llm_test_wait_for_condition (empty_state_is, &probe, "the Starred filter's empty state");
  llm_test_wait_for_condition (selected_in_view, &(Probe) { window, shown }, "the shown question kept under it");
  llm_test_wait (300);
  llm_test_screenshot ("browse-filter-empty");

  /* A starred question, shown or not, is a match; unstarred, gone again. */
  llm_bookmarks_set (bookmarks, llm_question_get_id (q5), TRUE);
  llm_test_wait_for_condition (empty_state_is, &(Probe) { window, NULL }, "a starred question to end it");
  llm_bookmarks_set (bookmarks, llm_question_get_id (q5), FALSE);
  llm_test_wait_for_condition (empty_state_is, &probe, "the empty state back when none is starred");
  llm_bookmarks_set (bookmarks, llm_question_get_id (shown), TRUE);
  llm_test_wait_for_condition (empty_state_is, &(Probe) { window, NULL }, "the shown question starred to end it");
  llm_bookmarks_set (bookmarks, llm_question_get_id (shown), FALSE);

  /* The other filters say their own. */
  set_filter (window, "notes");
  probe.data = (gpointer)_("No Questions With Notes");
  llm_test_wait_for_condition (empty_state_is, &probe, "the notes filter's empty state");
  set_filter (window, "due");
  probe.data = (gpointer)_("Nothing Due");
  llm_test_wait_for_condition (empty_state_is, &probe, "the Due filter's empty state");
  set_filter (window, "all");
  llm_test_wait_for_condition (empty_state_is, &(Probe) { window, NULL }, "All to end the empty state");

  llm_test_destroy_window (window);
  g_settings_reset (gsettings, "bookmarks");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  llm_test_init (&argc, &argv);

  /* The shortcuts are the application's, so the window belongs to a
   * registered one, as when the app runs. */
  app = llm_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  /* Starting, it took its colour scheme from its settings: dark
   * screenshots ask again. */
  if (g_strcmp0 (g_getenv ("LLM_TEST_DARK"), "1") == 0)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);

  g_test_add_func ("/llm/browse/focus-and-type-ahead", test_focus_and_type_ahead);
  g_test_add_func ("/llm/browse/filter-scopes-navigation", test_filter_scopes_navigation);
  g_test_add_func ("/llm/browse/match-counter", test_match_counter);
  g_test_add_func ("/llm/browse/interview-plan", test_interview_plan);
  g_test_add_func ("/llm/browse/filter-empty-state", test_filter_empty_state);
  g_test_add_func ("/llm/browse/states-and-narrow", test_states_and_narrow);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
