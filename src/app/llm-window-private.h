/* llm-window-private.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "llm-bookmarks.h"
#include "llm-folder-loader.h"
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
  LlmBookmarks *bookmarks;
  LlmNoteStore *notes;
  LlmCollection *collection;
  LlmQuestion *question;

  /* What the last "Clear Note" removed, for its toast's undo. */
  LlmQuestion *cleared_question;
  char *cleared_text;
  gboolean save_failing;

  /* Self-test */
  LlmStudy *study;
  GPtrArray *quiz_queue;    /* LlmQuestion */
  guint quiz_position;
  guint quiz_counts[5];     /* by LlmGrade */
  gint64 quiz_shown_at;     /* monotonic µs, for the time taken */
  gboolean quiz_active;
  gboolean quiz_revealed;
  gboolean quiz_showing;    /* the question switch is the self-test's own */
  GtkWidget *grade_buttons[5];

  /* Mock interview */
  GPtrArray *mock_questions;  /* LlmQuestion */
  GPtrArray *mock_results;    /* LlmInterviewResult */
  guint mock_position;
  guint mock_seconds_left;
  guint mock_tick;
  gint64 mock_started_at;
  gboolean mock_active;
  gboolean mock_answered;
  gboolean mock_showing;
  int mock_suggested;
  GtkWidget *mock_grade_buttons[5];

  /* Search and history */
  LlmSearchIndex *search_index;
  GQueue back;       /* question ids, most recent first */
  GQueue forward;
  gboolean in_history_step;

  /* Where the collection came from, watched for changes */
  GFile *source;
  GPtrArray *monitors;
  GCancellable *load_cancellable;
  LlmLoadProgress *load_progress_state;
  guint progress_source;
  guint reload_source;
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
  GtkWidget *history_box;
  GtkWidget *step_box;
  AdwButtonContent *self_test_content;
  AdwWindowTitle *collection_title;
  AdwWindowTitle *question_title;
  LlmSidebar *sidebar;
  GtkStack *sidebar_stack;
  GtkSearchEntry *search_entry;
  LlmSearchResults *search_results;
  GtkButton *missing_button;
  GtkButton *bookmark_button;
  GtkToggleButton *notes_button;
  GtkPaned *content_paned;
  GtkStack *content_stack;
  GtkRevealer *load_revealer;
  GtkProgressBar *load_progress;
  AdwStatusPage *empty_page;
  GtkRevealer *quiz_top;
  GtkRevealer *quiz_bar;
  GtkLabel *quiz_progress_label;
  GtkProgressBar *quiz_progress;
  GtkStack *quiz_stack;
  GtkBox *grade_box;
  AdwStatusPage *quiz_done;
  LlmStatsPage *stats_page;
  GtkRevealer *mock_bar;
  GtkLabel *mock_progress_label;
  GtkLabel *mock_clock;
  GtkWidget *mock_done_button;
  GtkTextView *mock_answer;
  GtkBox *mock_grade_row;
  GtkLabel *mock_coverage_label;
  AdwStatusPage *mock_report;
  GtkListBox *mock_report_list;
  LlmAnswerView *answer_view;
  LlmNoteEditor *note_editor;
};

/* llm-window.c */
void _llm_window_add_toast                (LlmWindow      *self,
                                           const char     *title);
void _llm_window_update_actions           (LlmWindow      *self);

/* llm-window-notes.c: bookmarks and personal notes */
void _llm_window_notes_class_init         (GtkWidgetClass *widget_class);
void _llm_window_notes_constructed        (LlmWindow      *self);
void _llm_window_update_bookmark_button   (LlmWindow      *self);
void _llm_window_update_missing_bookmarks (LlmWindow      *self);

/* llm-window-quiz.c: self-test */
void _llm_window_quiz_class_init          (GtkWidgetClass *widget_class);
void _llm_window_quiz_constructed         (LlmWindow      *self);
void _llm_window_quiz_dispose             (LlmWindow      *self);
void _llm_window_quiz_question_changed    (LlmWindow      *self);
void _llm_window_update_due_count         (LlmWindow      *self);
const char *_llm_window_grade_name        (LlmGrade        grade);

/* llm-window-mock.c: mock interview */
void _llm_window_mock_class_init          (GtkWidgetClass *widget_class);
void _llm_window_mock_constructed         (LlmWindow      *self);
void _llm_window_mock_dispose             (LlmWindow      *self);
void _llm_window_mock_question_changed    (LlmWindow      *self);

/* llm-window-open.c: opening files and folders */
void _llm_window_open_class_init          (GtkWidgetClass *widget_class);
void _llm_window_open_constructed         (LlmWindow      *self);
void _llm_window_open_dispose             (LlmWindow      *self);
void _llm_window_reload                   (LlmWindow      *self);

/* llm-window-my-questions.c: Add Question and Edit Question */
void _llm_window_my_questions_class_init  (GtkWidgetClass *widget_class);
gboolean _llm_window_is_own_save          (LlmWindow      *self,
                                           GFile          *file);

/* llm-window-search.c: search, history and random questions */
void _llm_window_search_class_init        (GtkWidgetClass *widget_class);
void _llm_window_search_constructed       (LlmWindow      *self);
void _llm_window_search_dispose           (LlmWindow      *self);
void _llm_window_history_push             (LlmWindow      *self,
                                           LlmQuestion    *leaving);
void _llm_window_search_collection_changed (LlmWindow     *self);

G_END_DECLS
