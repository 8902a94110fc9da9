/* llm-window-private.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "llm-bookmarks.h"
#include "llm-mock-panel.h"
#include "llm-self-test-bar.h"
#include "llm-collection-source.h"
#include "llm-note-editor.h"
#include "llm-note-store.h"
#include "llm-search.h"
#include "llm-search-results.h"
#include "llm-stats-page.h"
#include "llm-study.h"
#include "llm-window.h"

G_BEGIN_DECLS

struct _LlmWindow
{
  AdwApplicationWindow parent_instance;

  LlmSettings *settings;
  LlmUserData *user_data;
  LlmBookmarks *bookmarks;
  LlmNoteStore *notes;
  LlmCollection *collection;
  LlmQuestion *question;

  /* What the last "Clear Note" removed, for its toast's undo. */
  LlmQuestion *cleared_question;
  char *cleared_text;
  gboolean save_failing;

  /* Self-test and mock interview: the sessions live in their widgets. */
  LlmStudy *study;
  LlmWindowMode mode;
  gboolean session_showing;   /* the question switch is the session's own */
  gboolean self_test_asked;   /* before the collection being loaded came */
  GPtrArray *mock_missed;     /* LlmQuestion, for "Retry missed" */
  LlmQuestion *leave_question;                /* where leaving a session goes */
  void (*leave_then) (LlmWindow *self);       /* or what it does */
  guint mock_seconds;

  /* Search and history */
  LlmSearchIndex *search_index;
  GQueue back;       /* question ids, most recent first */
  GQueue forward;
  gboolean in_history_step;

  /* Where the collection came from, %NULL for the bundled notes; the
   * source loads it and watches it for changes. */
  GFile *source;
  LlmCollectionSource *collection_source;
  guint progress_source;
  GMenu *recent_menu;

  /* Narrow windows show one pane at a time. */
  gboolean folded;
  gboolean folded_show_sidebar;
  guint fold_idle;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkPaned *paned;
  GtkWidget *sidebar_pane;
  GtkWidget *content_pane;
  AdwHeaderBar *sidebar_header;
  AdwHeaderBar *content_header;
  GtkWidget *show_sidebar_button;
  GtkWidget *stats_back_button;
  GtkWidget *history_box;
  GtkWidget *step_box;
  GtkWidget *self_test_button;
  GtkWidget *mock_button;
  AdwButtonContent *self_test_content;
  AdwWindowTitle *collection_title;
  AdwWindowTitle *question_title;
  LlmSidebar *sidebar;
  GtkStack *sidebar_stack;
  GtkSearchEntry *search_entry;
  AdwBin *search_bin;
  LlmSearchResults *search_results;   /* %NULL until the first search, in search_bin */
  GtkButton *missing_button;
  GtkButton *bookmark_button;
  GtkToggleButton *notes_button;
  GtkPaned *content_paned;
  GtkStack *content_stack;
  GtkRevealer *load_revealer;
  GtkProgressBar *load_progress;
  AdwStatusPage *empty_page;
  GtkRevealer *self_test_revealer;
  LlmSelfTestBar *self_test_bar;
  GtkLabel *done_reviewed;
  GtkLabel *done_again;
  GtkLabel *done_time;
  GtkLabel *done_next;
  AdwBin *stats_bin;
  LlmStatsPage *stats_page;   /* %NULL until first shown, in stats_bin */
  GtkRevealer *mock_revealer;
  LlmMockPanel *mock_panel;   /* %NULL until an interview starts, in mock_revealer */
  AdwStatusPage *mock_report;
  GtkListBox *mock_report_list;
  LlmAnswerView *answer_view;
  /* Built when first needed, %NULL until then: _llm_window_ensure_note_editor().
   * Until then the window watches the shown question's note file itself. */
  LlmNoteEditor *note_editor;
  GFileMonitor *note_monitor;
  GtkRevealer *find_revealer;
  GtkLabel *find_counter;
};

/* llm-window.c */
void _llm_window_add_toast                (LlmWindow      *self,
                                           const char     *title);
void _llm_window_set_mode                 (LlmWindow      *self,
                                           LlmWindowMode   mode);
void _llm_window_leave_then               (LlmWindow      *self,
                                           void          (*then) (LlmWindow *self));
void _llm_window_update_question_title    (LlmWindow      *self);

/* llm-window-layout.c: narrow windows, and where the focus starts */
void _llm_window_layout_class_init        (GtkWidgetClass *widget_class);
void _llm_window_layout_init              (LlmWindow      *self);
void _llm_window_apply_folded             (LlmWindow      *self);
void _llm_window_focus_tree               (LlmWindow      *self,
                                           gboolean        first);

/* llm-window-actions.c: the window's own actions and their enabled states */
void _llm_window_actions_class_init       (GtkWidgetClass *widget_class);
void _llm_window_update_actions           (LlmWindow      *self);

/* llm-window-notes.c: bookmarks and personal notes */
void _llm_window_notes_class_init         (GtkWidgetClass *widget_class);
void _llm_window_notes_constructed        (LlmWindow      *self);
void _llm_window_update_bookmark_button   (LlmWindow      *self);
void _llm_window_update_missing_bookmarks (LlmWindow      *self);
LlmNoteEditor *_llm_window_ensure_note_editor (LlmWindow  *self);
gboolean _llm_window_flush_note           (LlmWindow      *self);
char *_llm_window_note_question_changed   (LlmWindow      *self);

/* llm-window-quiz.c: self-test */
void _llm_window_quiz_class_init          (GtkWidgetClass *widget_class);
void _llm_window_quiz_constructed         (LlmWindow      *self);
void _llm_window_quiz_dispose             (LlmWindow      *self);
void _llm_window_quiz_question_changed    (LlmWindow      *self);
void _llm_window_update_due_count         (LlmWindow      *self);
char *_llm_window_dup_due_text            (LlmWindow      *self);
GPtrArray *_llm_window_dup_questions      (LlmWindow      *self);
const char *_llm_window_grade_name        (LlmGrade        grade);

/* llm-window-mock.c: mock interview */
void _llm_window_mock_class_init          (GtkWidgetClass *widget_class);
void _llm_window_mock_constructed         (LlmWindow      *self);
void _llm_window_mock_dispose             (LlmWindow      *self);
void _llm_window_mock_question_changed    (LlmWindow      *self);
LlmMockPanel *_llm_window_ensure_mock_panel (LlmWindow    *self);

/* llm-window-open.c: opening files and folders */
void _llm_window_open_class_init          (GtkWidgetClass *widget_class);
void _llm_window_open_constructed         (LlmWindow      *self);
void _llm_window_open_dispose             (LlmWindow      *self);
void _llm_window_reload                   (LlmWindow      *self);
void _llm_window_remember_place           (LlmWindow      *self);
char *_llm_window_dup_place               (LlmWindow      *self,
                                           double         *scroll_offset);

/* llm-window-my-questions.c: Add Question and Edit Question */
void _llm_window_my_questions_class_init  (GtkWidgetClass *widget_class);

/* llm-window-search.c: search, history and random questions */
void _llm_window_search_class_init        (GtkWidgetClass *widget_class);
void _llm_window_search_constructed       (LlmWindow      *self);
void _llm_window_search_dispose           (LlmWindow      *self);
void _llm_window_history_push             (LlmWindow      *self,
                                           LlmQuestion    *leaving);
void _llm_window_search_collection_changed (LlmWindow     *self);
void _llm_window_search_note_changed      (LlmWindow      *self,
                                           const char     *id,
                                           const char     *text);

G_END_DECLS
