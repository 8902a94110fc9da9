/* llm-answer-view-find.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "llm-answer-view-private.h"

/* Find in the page: the search's term highlighted in each answer shown
 * (page.js's llmPage.find()), with how many matches there are and which
 * one is current as the view's properties. */

static guint
dup_array_uint (JSCValue *array,
                guint     index)
{
  g_autoptr(JSCValue) item = jsc_value_object_get_property_at_index (array, index);

  return jsc_value_is_number (item) ? (guint)MAX (jsc_value_to_int32 (item), 0) : 0;
}

/* The page answers [count, current]. */
static void
found (LlmAnswerView *self,
       JSCValue      *value,
       const GError  *error)
{
  if (error != NULL)
    g_warning ("Could not find in the answer: %s", error->message);
  else if (jsc_value_is_array (value))
    _llm_answer_view_set_matches (self, dup_array_uint (value, 0), dup_array_uint (value, 1));
}

/**
 * _llm_answer_view_find_again:
 * @keep_match: whether to stay on the current match (the same answer, its
 *   notes or cover changed) rather than go to the first
 *
 * Highlights belong to the answer they were made in: a search in
 * progress is redone over new content.
 */
void
_llm_answer_view_find_again (LlmAnswerView *self,
                             gboolean       keep_match)
{
  if (self->find_text == NULL)
    return;

  _llm_answer_view_call_page (self, "find(needle, keep)",
                              g_variant_new_parsed ("{'needle': <%s>, 'keep': <%u>}",
                                                    self->find_text, (guint32)keep_match),
                              found);
}

/**
 * llm_answer_view_set_find_text:
 * @text: (nullable): what to highlight in the answers shown from now on
 *
 * Highlights @text (case-insensitively) in the page; the highlight is made
 * again each time an answer is swapped in, until it is set to %NULL.
 */
void
llm_answer_view_set_find_text (LlmAnswerView *self,
                               const char    *text)
{
  g_return_if_fail (LLM_IS_ANSWER_VIEW (self));

  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (g_strcmp0 (self->find_text, text) == 0)
    return;

  g_free (self->find_text);
  self->find_text = g_strdup (text);

  if (text == NULL)
    _llm_answer_view_set_matches (self, 0, 0);
  /* Otherwise the next answer swapped in is searched. */
  if (self->page_ready && !self->show_pending)
    _llm_answer_view_call_page (self, "find(needle, false)",
                                g_variant_new_parsed ("{'needle': <%s>}", text ? text : ""), found);
}

/**
 * llm_answer_view_find_next:
 * @forward: %FALSE to step back
 *
 * Steps to the next (or previous) highlighted match, round the ends, and
 * scrolls it into view.
 */
void
llm_answer_view_find_next (LlmAnswerView *self,
                           gboolean       forward)
{
  g_return_if_fail (LLM_IS_ANSWER_VIEW (self));

  if (self->find_text == NULL || !self->page_ready)
    return;

  _llm_answer_view_call_page (self, forward ? "findStep(1)" : "findStep(-1)", NULL, found);
}

guint
llm_answer_view_get_n_matches (LlmAnswerView *self)
{
  g_return_val_if_fail (LLM_IS_ANSWER_VIEW (self), 0);

  return self->n_matches;
}

/**
 * llm_answer_view_get_current_match:
 *
 * Returns: which of the matches is the current one, from 1; 0 with none
 */
guint
llm_answer_view_get_current_match (LlmAnswerView *self)
{
  g_return_val_if_fail (LLM_IS_ANSWER_VIEW (self), 0);

  return self->current_match;
}
