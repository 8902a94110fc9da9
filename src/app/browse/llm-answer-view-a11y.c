/* llm-answer-view-a11y.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "llm-answer-view-private.h"
#include "llm-question.h"

/* What a screen reader gets of the answer.
 *
 * WebKitGTK makes an accessibility tree for the page, but under GTK 4 it
 * can only hang it into the app's own tree through GtkAtSpiSocket, which is
 * GTK 4.14: with Debian 12's GTK 4.8 the web view is an empty leaf to an
 * AT-SPI client, and the answer, the one thing the app is for, cannot be
 * reached (tests/test-atspi.py walks the tree to check). So after each
 * change of the page its text is read back and set as the accessible
 * description of the answer view (a document) and of the web view in it
 * (what takes the keyboard focus), labelled with the question.
 *
 * The text comes from the page, not the markdown, so it is what a sighted
 * user sees: the cover rather than the answer during a self-test, the
 * user's own notes and a mock interview's key points. */

#define SOURCE_KEY      "llm-a11y-source"
#define READ_DELAY_MS   400

static void
set_text (LlmAnswerView *self,
          const char    *text)
{
  LlmQuestion *question = llm_answer_view_get_question (self);
  const char *label = question ? llm_question_get_title (question) : "";
  GtkAccessible *targets[] = {
    GTK_ACCESSIBLE (self),
    GTK_ACCESSIBLE (llm_answer_view_get_web_view (self)),
  };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    gtk_accessible_update_property (targets[i],
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
}

/* The text of a page since replaced never comes here (see
 * _llm_answer_view_call_page()). */
static void
text_read (LlmAnswerView *self,
           JSCValue      *value,
           const GError  *error)
{
  g_autofree char *text = NULL;

  if (error != NULL)
    {
      g_debug ("Could not read the answer's text: %s", error->message);
      return;
    }
  if (!jsc_value_is_string (value))
    return;

  text = jsc_value_to_string (value);
  set_text (self, text);
}

static gboolean
read_text_later (gpointer data)
{
  LlmAnswerView *self = data;

  g_object_steal_data (G_OBJECT (self), SOURCE_KEY);
  _llm_answer_view_call_page (self, "readText()", NULL, text_read);

  return G_SOURCE_REMOVE;
}

static void
remove_source (gpointer data)
{
  g_source_remove (GPOINTER_TO_UINT (data));
}

/* The walk touches every node of the page, and each node it touches gets
 * a JavaScript wrapper that keeps the page alive until the next full
 * collection: stepping quickly through 1,000 questions doubled the web
 * process's growth. So only a page that stays shown for a moment is read;
 * nobody listens to a page they have already left. */
static void
on_shown (LlmAnswerView *self)
{
  guint source = g_timeout_add (READ_DELAY_MS, read_text_later, self);

  g_object_set_data_full (G_OBJECT (self), SOURCE_KEY, GUINT_TO_POINTER (source), remove_source);
}

/**
 * _llm_answer_view_a11y_init:
 *
 * Keeps the answer view's accessible label and description in step with
 * the page.
 */
void
_llm_answer_view_a11y_init (LlmAnswerView *self)
{
  g_signal_connect (self, "shown", G_CALLBACK (on_shown), NULL);
}

/**
 * _llm_answer_view_a11y_dispose:
 *
 * Drops a read not yet started (one running ends with the view's calls).
 */
void
_llm_answer_view_a11y_dispose (LlmAnswerView *self)
{
  g_object_set_data (G_OBJECT (self), SOURCE_KEY, NULL);
}
