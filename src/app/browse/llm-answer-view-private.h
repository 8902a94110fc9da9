/* llm-answer-view-private.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "llm-answer-page.h"
#include "llm-answer-view.h"

G_BEGIN_DECLS

/* A link to another question of the collection, as [[wikilinks]] render. */
#define LLM_QUESTION_SCHEME "llm-question:"

struct _LlmAnswerView
{
  GtkWidget parent_instance;

  LlmAnswerPage *page;
  WebKitWebView *web_view;
  GtkWidget *link_status;  /* where the link under the pointer leads */
  GtkWidget *failure_page; /* said when the page keeps ending, or NULL */
  LlmCollection *collection;
  char *language;            /* the collection's, for the page's lang */
  LlmQuestion *question;
  char *note;
  char *find_text;
  GCancellable *cancellable;

  double zoom_level;
  /* How far the answer is scrolled, as the page last said (CSS pixels),
   * and where the next question shown starts instead of the top. */
  double scroll_offset;
  double next_scroll;
  guint serial;
  guint n_ends;            /* of the web process, since first_end_time */
  gint64 first_end_time;
  guint n_matches;
  guint current_match;

  guint page_ready : 1;
  guint show_pending : 1;
  guint note_pending : 1;  /* a note waits for its math to be typeset */
  guint typesetting : 1;   /* math of this view's is being typeset */
  guint answer_hidden : 1;
};

/* What to do with the page's answer to a call: @value is what the call
 * returned, or %NULL with @error set. An answer about a page since
 * changed (llm_answer_view_show() and the like) is dropped unread. */
typedef void (*LlmPageReply) (LlmAnswerView *self,
                              JSCValue      *value,
                              const GError  *error);

void _llm_answer_view_call_page (LlmAnswerView *self,
                                 const char    *call,
                                 GVariant      *args,
                                 LlmPageReply   reply);

void _llm_answer_view_set_matches (LlmAnswerView *self,
                                   guint          n_matches,
                                   guint          current_match);

/* llm-answer-view-actions.c: answer.zoom-in, -out and -reset */
void   _llm_answer_view_class_actions_init (GtkWidgetClass *widget_class);
void   _llm_answer_view_update_actions     (LlmAnswerView  *self);
double _llm_answer_view_clamp_zoom         (double          zoom_level);

/* llm-answer-view-find.c: the search's term highlighted in the page */
void _llm_answer_view_find_again (LlmAnswerView *self,
                                  gboolean       keep_match);

/* llm-answer-view-links.c: where links lead, in the rendering, on a click
 * and in the status line */
char *_llm_answer_view_render       (LlmAnswerView *self,
                                     const char    *markdown,
                                     LlmQuestion   *question);
void  _llm_answer_view_links_init   (LlmAnswerView *self);
void  _llm_answer_view_clear_status (LlmAnswerView *self);

/* llm-answer-view-crash.c: when the page's web process ends */
void _llm_answer_view_class_crash_init  (GtkWidgetClass                    *widget_class);
void _llm_answer_view_crash_init        (LlmAnswerView                     *self);
void _llm_answer_view_crash_dispose     (LlmAnswerView                     *self);
void _llm_answer_view_web_process_ended (LlmAnswerView                     *self,
                                         WebKitWebProcessTerminationReason  reason);

/* llm-answer-view-a11y.c: the answer's text for screen readers */
void _llm_answer_view_a11y_init    (LlmAnswerView *self);
void _llm_answer_view_a11y_dispose (LlmAnswerView *self);

G_END_DECLS
