/* llm-search-result.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* LlmSearchResult: one question found by a query, the field it was found
 * in, and a snippet of the original text around the match with every term
 * marked. The snippet is cut from the stripped (not normalised) text, using
 * the entry's text map to find the match there. */

#include "config.h"

#include <string.h>

#include "llm-question.h"
#include "llm-search-private.h"

/* About 60–80 characters of context, the match near the start. */
#define SNIPPET_CHARS 72
#define SNIPPET_BEFORE 20
#define ELLIPSIS "…"

G_DEFINE_ENUM_TYPE (LlmSearchField, llm_search_field,
                    G_DEFINE_ENUM_VALUE (LLM_SEARCH_FIELD_TITLE, "title"),
                    G_DEFINE_ENUM_VALUE (LLM_SEARCH_FIELD_KEY_POINT, "key-point"),
                    G_DEFINE_ENUM_VALUE (LLM_SEARCH_FIELD_ANSWER, "answer"),
                    G_DEFINE_ENUM_VALUE (LLM_SEARCH_FIELD_NOTE, "note"))

/* Key points, one a line, as both the index and the snippet read them. */
char *
llm_search_join_key_points (LlmQuestion *question)
{
  const char * const *points = llm_question_get_key_points (question);
  GString *out = g_string_new (NULL);

  for (guint i = 0; points[i]; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      for (const char *p = points[i]; *p; p++)
        g_string_append_c (out, (*p == '\n' || *p == '\r') ? ' ' : *p);
    }

  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------ */
/* LlmSearchResult                                                           */

struct _LlmSearchResult
{
  GObject parent_instance;

  LlmQuestion *question;
  LlmSearchField field;
  char *snippet;
  GArray *spans;   /* of guint pairs: byte ranges of the snippet to embolden */
  guint match_start;
  guint match_end;
  gboolean has_match;
};

G_DEFINE_FINAL_TYPE (LlmSearchResult, llm_search_result, G_TYPE_OBJECT)

enum {
  RESULT_PROP_0,
  RESULT_PROP_QUESTION,
  RESULT_PROP_FIELD,
  RESULT_PROP_SNIPPET,
  RESULT_N_PROPS
};

static GParamSpec *result_properties[RESULT_N_PROPS];

static void
llm_search_result_finalize (GObject *object)
{
  LlmSearchResult *self = (LlmSearchResult *)object;

  g_clear_object (&self->question);
  g_clear_pointer (&self->snippet, g_free);
  g_clear_pointer (&self->spans, g_array_unref);

  G_OBJECT_CLASS (llm_search_result_parent_class)->finalize (object);
}

static void
llm_search_result_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LlmSearchResult *self = LLM_SEARCH_RESULT (object);

  switch (prop_id)
    {
    case RESULT_PROP_QUESTION:
      g_value_set_object (value, self->question);
      break;

    case RESULT_PROP_FIELD:
      g_value_set_enum (value, self->field);
      break;

    case RESULT_PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llm_search_result_class_init (LlmSearchResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llm_search_result_finalize;
  object_class->get_property = llm_search_result_get_property;

  /* Read-only, for list item templates and expressions to bind. */
  result_properties[RESULT_PROP_QUESTION] =
    g_param_spec_object ("question", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  result_properties[RESULT_PROP_FIELD] =
    g_param_spec_enum ("field", NULL, NULL, LLM_TYPE_SEARCH_FIELD, LLM_SEARCH_FIELD_TITLE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  result_properties[RESULT_PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, RESULT_N_PROPS, result_properties);
}

static void
llm_search_result_init (LlmSearchResult *self)
{
  self->spans = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
}

/**
 * llm_search_result_get_question:
 *
 * Returns: (transfer none): the question that matched
 */
LlmQuestion *
llm_search_result_get_question (LlmSearchResult *self)
{
  g_return_val_if_fail (LLM_IS_SEARCH_RESULT (self), NULL);

  return self->question;
}

/**
 * llm_search_result_get_field:
 *
 * Returns: the weakest of the terms' best fields, which is what the result
 *   ranks by
 */
LlmSearchField
llm_search_result_get_field (LlmSearchResult *self)
{
  g_return_val_if_fail (LLM_IS_SEARCH_RESULT (self), LLM_SEARCH_FIELD_TITLE);

  return self->field;
}

/**
 * llm_search_result_get_snippet:
 *
 * A line of original text around the match, with markdown lightly
 * stripped and "…" where it was cut. For a title match it comes from the
 * answer (the title is on show anyway), or is the answer's opening when no
 * term occurs there. Empty when there is nothing to show.
 *
 * Returns: (transfer none): the plain snippet
 */
const char *
llm_search_result_get_snippet (LlmSearchResult *self)
{
  g_return_val_if_fail (LLM_IS_SEARCH_RESULT (self), NULL);

  return self->snippet;
}

/**
 * llm_search_result_get_match:
 * @start: (out) (optional): byte offset of the match in the snippet
 * @end: (out) (optional): byte offset just past it
 *
 * Returns: %TRUE if the snippet shows the match that ranked the result
 */
gboolean
llm_search_result_get_match (LlmSearchResult *self,
                             guint           *start,
                             guint           *end)
{
  g_return_val_if_fail (LLM_IS_SEARCH_RESULT (self), FALSE);

  if (start != NULL)
    *start = self->has_match ? self->match_start : 0;
  if (end != NULL)
    *end = self->has_match ? self->match_end : 0;

  return self->has_match;
}

/**
 * llm_search_result_get_snippet_markup:
 *
 * The snippet escaped for Pango markup (and HTML), with every occurrence of
 * a query term in it wrapped in `<b>…</b>`.
 *
 * Returns: (transfer full): the markup
 */
char *
llm_search_result_get_snippet_markup (LlmSearchResult *self)
{
  GString *out;
  guint pos = 0;

  g_return_val_if_fail (LLM_IS_SEARCH_RESULT (self), NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < self->spans->len; i++)
    {
      const guint *span = &g_array_index (self->spans, guint, i * 2);
      g_autofree char *before = g_markup_escape_text (self->snippet + pos, span[0] - pos);
      g_autofree char *match = g_markup_escape_text (self->snippet + span[0], span[1] - span[0]);

      g_string_append (out, before);
      g_string_append (out, "<b>");
      g_string_append (out, match);
      g_string_append (out, "</b>");
      pos = span[1];
    }
  {
    g_autofree char *rest = g_markup_escape_text (self->snippet + pos, -1);

    g_string_append (out, rest);
  }

  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Snippets                                                                   */

static gboolean
is_word_byte (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* Chooses [*start, *end) of @text within [seg_start, seg_end) to show the
 * match [mstart, mend): a little context before it, the rest after, and
 * never a Latin word cut in half unless the match itself is. */
static void
snippet_window (const char *text,
                gsize       seg_start,
                gsize       seg_end,
                gsize       mstart,
                gsize       mend,
                gsize      *start,
                gsize      *end)
{
  gsize ws = mstart;
  gsize we;
  guint chars = 0;

  for (guint i = 0; i < SNIPPET_BEFORE && ws > seg_start; i++)
    ws = g_utf8_find_prev_char (text + seg_start, text + ws) - text;

  we = ws;
  while (we < seg_end && (chars < SNIPPET_CHARS || we < mend))
    {
      we = g_utf8_next_char (text + we) - text;
      chars++;
    }
  if (we > seg_end)
    we = seg_end;

  /* Near the end, spend what is left on context before. */
  while (we == seg_end && chars < SNIPPET_CHARS && ws > seg_start)
    {
      ws = g_utf8_find_prev_char (text + seg_start, text + ws) - text;
      chars++;
    }

  if (ws > seg_start && is_word_byte (text[ws - 1]))
    while (ws < mstart && is_word_byte (text[ws]))
      ws++;
  while (ws < mstart && text[ws] == ' ')
    ws++;

  if (we < seg_end && is_word_byte (text[we]))
    while (we > mend && is_word_byte (text[we - 1]))
      we--;
  while (we > mend && text[we - 1] == ' ')
    we--;

  *start = ws;
  *end = we;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const guint *sa = a;
  const guint *sb = b;

  return (sa[0] > sb[0]) - (sa[0] < sb[0]);
}

/* Returns the best field containing @term, or -1. */
int
llm_search_entry_best_field (const LlmSearchEntry *entry,
                             const char           *term)
{
  if (strstr (entry->title, term) != NULL)
    return LLM_SEARCH_FIELD_TITLE;
  if (entry->key_points.text != NULL && strstr (entry->key_points.text, term) != NULL)
    return LLM_SEARCH_FIELD_KEY_POINT;
  if (entry->answer.text != NULL && strstr (entry->answer.text, term) != NULL)
    return LLM_SEARCH_FIELD_ANSWER;
  if (entry->note.text != NULL && strstr (entry->note.text, term) != NULL)
    return LLM_SEARCH_FIELD_NOTE;

  return -1;
}

/* The text a snippet is cut from for @field, and the map into it. A title
 * match shows the answer: titles are already on screen. */
static const char *
entry_source (const LlmSearchEntry  *entry,
              LlmSearchField         field,
              const LlmTextMap     **map,
              char                 **owned)
{
  switch (field)
    {
    case LLM_SEARCH_FIELD_KEY_POINT:
      *map = &entry->key_points;
      return *owned = llm_search_join_key_points (entry->question);

    case LLM_SEARCH_FIELD_NOTE:
      *map = &entry->note;
      return entry->note_source;

    case LLM_SEARCH_FIELD_TITLE:
    case LLM_SEARCH_FIELD_ANSWER:
    default:
      *map = &entry->answer;
      return *owned = llm_search_strip_markdown (llm_question_get_answer (entry->question));
    }
}

/* The match shown: the first term ranked by this field, or for a title
 * match the earliest term in the answer. */
static const char *
find_shown_match (const LlmSearchEntry *entry,
                  LlmSearchField        field,
                  const LlmTextMap     *map,
                  const char * const   *terms,
                  gsize                *hit_len)
{
  const char *hit = NULL;

  if (map->text == NULL)
    return NULL;

  for (guint i = 0; terms[i]; i++)
    {
      const char *found;

      if (field != LLM_SEARCH_FIELD_TITLE && llm_search_entry_best_field (entry, terms[i]) != (int)field)
        continue;
      found = strstr (map->text, terms[i]);
      if (found != NULL && (hit == NULL || found < hit))
        {
          hit = found;
          *hit_len = strlen (terms[i]);
        }
      if (hit != NULL && field != LLM_SEARCH_FIELD_TITLE)
        break;
    }

  return hit;
}

/* Emboldens every term wherever it shows in the window [@ws, @we) of
 * @source, which starts at byte @prefix of the snippet; overlapping
 * matches ("位置" and "位置编码") merge into one span. */
static void
add_spans (LlmSearchResult    *self,
           const LlmTextMap   *map,
           const char         *source,
           const char * const *terms,
           gsize               ws,
           gsize               we,
           gsize               prefix)
{
  for (guint i = 0; terms[i]; i++)
    {
      gsize len = strlen (terms[i]);

      for (const char *found = strstr (map->text, terms[i]);
           found != NULL;
           found = strstr (found + len, terms[i]))
        {
          gsize os;
          gsize oe;
          guint span[2];

          llm_text_map_span (map, source, found - map->text,
                             found - map->text + len, &os, &oe);
          if (os >= we)
            break;
          if (os < ws || oe > we)
            continue;
          span[0] = prefix + (os - ws);
          span[1] = prefix + (oe - ws);
          g_array_append_vals (self->spans, span, 1);
        }
    }

  g_array_sort (self->spans, compare_spans);

  for (guint i = 1; i < self->spans->len; )
    {
      guint *prev = &g_array_index (self->spans, guint, (i - 1) * 2);
      guint *span = &g_array_index (self->spans, guint, i * 2);

      if (span[0] <= prev[1])
        {
          prev[1] = MAX (prev[1], span[1]);
          g_array_remove_index (self->spans, i);
        }
      else
        i++;
    }
}

LlmSearchResult *
llm_search_result_new_for_entry (const LlmSearchEntry *entry,
                                 LlmSearchField        field,
                                 const char * const   *terms)
{
  LlmSearchResult *result = g_object_new (LLM_TYPE_SEARCH_RESULT, NULL);
  g_autofree char *owned = NULL;
  const LlmTextMap *map;
  const char *source;
  const char *hit;
  gsize hit_len = 0;
  gsize seg_start = 0;
  gsize seg_end;
  gsize mstart = 0;
  gsize mend = 0;
  gsize ws;
  gsize we;
  GString *snippet;
  gsize prefix;

  result->question = g_object_ref (entry->question);
  result->field = field;

  source = entry_source (entry, field, &map, &owned);
  hit = find_shown_match (entry, field, map, terms, &hit_len);

  seg_end = strlen (source);
  if (hit != NULL)
    {
      llm_text_map_span (map, source, hit - map->text,
                         hit - map->text + hit_len, &mstart, &mend);

      /* A key point's snippet stays within that key point. */
      if (field == LLM_SEARCH_FIELD_KEY_POINT)
        {
          const char *nl = strchr (source + mend, '\n');

          seg_end = nl ? (gsize)(nl - source) : seg_end;
          while (seg_start < mstart && (nl = strchr (source + seg_start, '\n')) && (gsize)(nl - source) < mstart)
            seg_start = nl - source + 1;
        }
    }

  snippet_window (source, seg_start, seg_end, mstart, mend, &ws, &we);

  snippet = g_string_new (NULL);
  if (ws > seg_start)
    g_string_append (snippet, ELLIPSIS);
  prefix = snippet->len;
  g_string_append_len (snippet, source + ws, we - ws);
  if (we < seg_end)
    g_string_append (snippet, ELLIPSIS);

  if (hit != NULL)
    {
      result->has_match = TRUE;
      result->match_start = prefix + (mstart - ws);
      result->match_end = prefix + (mend - ws);
      add_spans (result, map, source, terms, ws, we, prefix);
    }

  result->snippet = g_string_free (snippet, FALSE);

  return result;
}
