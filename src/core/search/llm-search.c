/* llm-search.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "llm-collection.h"
#include "llm-question.h"
#include "llm-block-scanner.h"
#include "llm-search.h"
#include "llm-topic.h"
#include "llm-text.h"

/* Substring search over normalised text (llm_text_normalize: NFKC, case
 * folding, white space folded), so "SoftMax" and "ｓｏｆｔｍａｘ" find
 * "softmax", and Chinese needs no word segmentation. Every field is
 * normalised once when the index is built; a query is then a strstr() per
 * field, which keeps a keystroke well under 10 ms at 9,000 questions.
 *
 * Matching: the query is normalised and split at white space; a question
 * matches when every term occurs in at least one of its fields (title, key
 * points, answer, personal note).
 *
 * Ranking: each term's best field is the first of title, key point, answer,
 * note that contains it; a question ranks by the weakest of its terms' best
 * fields, so "transformer 位置编码" puts a question with both words in the
 * title above one that has only the first. Ties keep reading order.
 *
 * Snippets show the original (not normalised) text, so each normalised
 * field keeps a map back to the text it came from: anchors where the
 * normalised byte offset stops advancing in step with the original one. */

/* About 60–80 characters of context, the match near the start. */
#define SNIPPET_CHARS 72
#define SNIPPET_BEFORE 20
#define ELLIPSIS "…"

G_DEFINE_ENUM_TYPE (LlmSearchField, llm_search_field,
                    G_DEFINE_ENUM_VALUE (LLM_SEARCH_FIELD_TITLE, "title"),
                    G_DEFINE_ENUM_VALUE (LLM_SEARCH_FIELD_KEY_POINT, "key-point"),
                    G_DEFINE_ENUM_VALUE (LLM_SEARCH_FIELD_ANSWER, "answer"),
                    G_DEFINE_ENUM_VALUE (LLM_SEARCH_FIELD_NOTE, "note"))

#define N_FIELDS (LLM_SEARCH_FIELD_NOTE + 1)

/* Normalised byte offset @norm starts the text at original byte @orig; the
 * bytes after it correspond one to one up to the next anchor. */
typedef struct
{
  guint32 norm;
  guint32 orig;
} Anchor;

typedef struct
{
  char *text;        /* normalised; NULL when the field is empty */
  GArray *anchors;   /* of Anchor, sorted, the first at 0 */
} Field;

typedef struct
{
  LlmQuestion *question;  /* borrowed: the collection keeps it alive */
  char *title;            /* normalised; titles are never snippet sources */
  Field key_points;       /* one key point a line */
  Field answer;
  Field note;
  char *note_source;      /* the stripped note that the note field maps to */
} Entry;

/* ------------------------------------------------------------------------ */
/* Normalisation with an offset map                                           */

typedef struct
{
  GString *norm;
  GArray *anchors;
  gboolean keep_newlines;
  gboolean pending_space;
  gsize space_orig;
} Builder;

static void
builder_map (Builder *b,
             gsize    orig)
{
  gsize n = b->norm->len;

  if (b->anchors->len > 0)
    {
      const Anchor *last = &g_array_index (b->anchors, Anchor, b->anchors->len - 1);

      if (last->orig + (n - last->norm) == orig)
        return;
      if (last->norm == n)
        {
          /* Nothing was emitted since: the old anchor is dead. */
          g_array_index (b->anchors, Anchor, b->anchors->len - 1).orig = orig;
          return;
        }
    }

  g_array_append_val (b->anchors, ((Anchor) { (guint32)n, (guint32)orig }));
}

/* A character and the combining marks after it normalise together, so
 * "e" + U+0301 composes to "é" as it does in llm_text_normalize(). */
static const char *
unit_end (const char *p)
{
  p = g_utf8_next_char (p);
  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (g_unichar_combining_class (c) == 0 &&
          type != G_UNICODE_NON_SPACING_MARK &&
          type != G_UNICODE_SPACING_MARK &&
          type != G_UNICODE_ENCLOSING_MARK)
        break;
      p = g_utf8_next_char (p);
    }

  return p;
}

static void
builder_append (Builder    *b,
                const char *text)
{
  for (const char *p = text; *p; )
    {
      const char *end = unit_end (p);
      gsize orig = p - text;
      g_autofree char *nfkc = NULL;
      g_autofree char *folded = NULL;
      const char *out;
      gunichar first = g_utf8_get_char (p);

      if (b->keep_newlines && *p == '\n')
        {
          builder_map (b, orig);
          g_string_append_c (b->norm, '\n');
          b->pending_space = FALSE;
          p = end;
          continue;
        }

      /* Fast paths for what the notes are mostly made of: ASCII folds by
       * lowering, and unified CJK ideographs are left alone by NFKC and
       * case folding (unlike the compatibility ideographs at U+F900). */
      if (end - p == 1 && first < 0x80)
        {
          char c = g_ascii_tolower (*p);

          /* The white space g_unichar_isspace() knows, as the query's. */
          if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
            {
              if (!b->pending_space)
                b->space_orig = orig;
              b->pending_space = b->norm->len > 0 && b->norm->str[b->norm->len - 1] != '\n';
            }
          else
            {
              if (b->pending_space)
                {
                  builder_map (b, b->space_orig);
                  g_string_append_c (b->norm, ' ');
                  b->pending_space = FALSE;
                }
              builder_map (b, orig);
              g_string_append_c (b->norm, c);
            }
          p = end;
          continue;
        }
      if (end - p == 3 && first >= 0x4E00 && first <= 0x9FFF)
        {
          if (b->pending_space)
            {
              builder_map (b, b->space_orig);
              g_string_append_c (b->norm, ' ');
              b->pending_space = FALSE;
            }
          builder_map (b, orig);
          g_string_append_len (b->norm, p, 3);
          p = end;
          continue;
        }

      nfkc = g_utf8_normalize (p, end - p, G_NORMALIZE_NFKC);
      folded = g_utf8_casefold (nfkc ? nfkc : "", -1);
      out = folded;

      for (const char *q = out; *q; q = g_utf8_next_char (q))
        {
          gunichar c = g_utf8_get_char (q);

          /* As llm_text_normalize() does: "atten\u200Btion" is found. */
          if (llm_text_is_invisible (c))
            continue;
          if (g_unichar_isspace (c))
            {
              if (!b->pending_space)
                b->space_orig = orig;
              b->pending_space = b->norm->len > 0 && b->norm->str[b->norm->len - 1] != '\n';
              continue;
            }
          if (b->pending_space)
            {
              builder_map (b, b->space_orig);
              g_string_append_c (b->norm, ' ');
              b->pending_space = FALSE;
            }
          /* Every character of an expansion ("ﬁ" → "fi") maps to the start
           * of what it came from; a match ending inside it then still
           * covers the whole original character. */
          builder_map (b, orig);
          g_string_append_unichar (b->norm, c);
        }

      p = end;
    }
}

static void
field_clear (Field *field)
{
  g_clear_pointer (&field->text, g_free);
  g_clear_pointer (&field->anchors, g_array_unref);
}

static void
field_set (Field      *field,
           const char *source,
           gboolean    keep_newlines)
{
  Builder b = { 0 };

  field_clear (field);
  if (source == NULL || source[0] == '\0')
    return;

  b.norm = g_string_sized_new (strlen (source));
  b.anchors = g_array_new (FALSE, FALSE, sizeof (Anchor));
  b.keep_newlines = keep_newlines;
  builder_append (&b, source);

  if (b.norm->len == 0)
    {
      g_string_free (b.norm, TRUE);
      g_array_unref (b.anchors);
      return;
    }

  field->text = g_string_free (b.norm, FALSE);
  field->anchors = b.anchors;
}

/* Maps a normalised byte offset (at a character boundary) back into the
 * original text. */
static gsize
field_map (const Field *field,
           gsize        norm)
{
  const Anchor *anchors = (const Anchor *)(gpointer)field->anchors->data;
  guint lo = 0;
  guint hi = field->anchors->len;

  /* The last anchor at or before @norm. */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (anchors[mid].norm <= norm)
        lo = mid;
      else
        hi = mid;
    }

  return anchors[lo].orig + (norm - anchors[lo].norm);
}

/* Maps the normalised match [@start, @end) to original bytes, widened to
 * whole original characters. */
static void
field_map_span (const Field *field,
                const char  *source,
                gsize        start,
                gsize        end,
                gsize       *orig_start,
                gsize       *orig_end)
{
  const char *last = g_utf8_find_prev_char (field->text, field->text + end);

  *orig_start = field_map (field, start);
  *orig_end = unit_end (source + field_map (field, last - field->text)) - source;
  if (*orig_end < *orig_start)
    *orig_end = *orig_start;
}

/* ------------------------------------------------------------------------ */
/* Light markdown stripping                                                   */

static void
append_space (GString *out)
{
  if (out->len > 0 && out->str[out->len - 1] != ' ')
    g_string_append_c (out, ' ');
}

/* "](target)" or "](target "title")" after a link's or image's text: the
 * target is never shown, so it is neither searched nor put in a snippet.
 * Returns where the target ends, or %NULL. */
static const char *
skip_link_target (const char *p)
{
  int depth = 0;

  if (p[0] != ']' || p[1] != '(')
    return NULL;

  for (p += 2; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '(')
        depth++;
      else if (*p == ')' && depth-- == 0)
        return p + 1;
    }

  return NULL;
}

/* Whether the "[" at @p opens "[text](target)". */
static gboolean
opens_link (const char *p)
{
  const char *close = strchr (p, ']');

  return close != NULL && skip_link_target (close) != NULL;
}

/* The text of an HTML tag a reader sees: an image's alt, nothing else. */
static void
append_tag_text (GString    *out,
                 const char *tag,
                 const char *end)
{
  const char *alt;
  char quote;
  const char *value_end;

  if (g_ascii_strncasecmp (tag, "<img", 4) != 0)
    return;

  for (alt = tag; alt + 4 < end; alt++)
    if (g_ascii_strncasecmp (alt, " alt=", 5) == 0)
      break;
  if (alt + 4 >= end)
    return;

  alt += 5;
  quote = (*alt == '"' || *alt == '\'') ? *alt++ : ' ';
  value_end = alt;
  while (value_end < end && *value_end != quote && *value_end != '>' &&
         (quote != ' ' || *value_end != '/'))
    value_end++;
  append_space (out);
  g_string_append_len (out, alt, value_end - alt);
  append_space (out);
}

/* "<tag …>", "</tag>" or "<!-- … -->" starting at @p, on this line.
 * Returns where it ends, or %NULL when @p starts no tag ("a < b"). */
static const char *
skip_html_tag (const char *p)
{
  const char *q = p + 1;
  const char *end;

  if (g_str_has_prefix (p, "<!--"))
    {
      end = strstr (p, "-->");
      return end != NULL ? end + 3 : NULL;
    }

  if (*q == '/')
    q++;
  if (!g_ascii_isalpha (*q))
    return NULL;
  while (g_ascii_isalnum (*q) || *q == '-')
    q++;
  if (*q != '>' && *q != ' ' && *q != '\t' && *q != '/')
    return NULL;

  end = strchr (q, '>');
  return end != NULL ? end + 1 : NULL;
}

/* Just enough markdown removed that a snippet reads as prose: emphasis and
 * highlight marks, block quote, heading and list markers, embeds and fence
 * lines go, and what a reader never sees: link and image targets and HTML
 * tags (an image's alt text stays, as a link's text does); white space
 * collapses to single spaces. Deterministic, since the answer's field maps
 * back into exactly this text. */
static char *
strip_markdown (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  LlmBlockScanner scanner = { 0 };

  for (guint i = 0; lines[i]; i++)
    {
      const char *p = lines[i];
      LlmLineKind kind;
      gboolean in_code;

      while (*p == ' ' || *p == '\t')
        p++;
      while (*p == '>')
        {
          p++;
          while (*p == ' ' || *p == '\t')
            p++;
        }

      /* An answer's quote marks are gone already; one written inside a
       * quote is read as the quote's content. */
      kind = llm_block_scanner_feed (&scanner, p, NULL);
      if (kind == LLM_LINE_FENCE)
        {
          append_space (out);
          continue;
        }
      in_code = kind == LLM_LINE_CODE;

      if (!in_code)
        {
          if (*p == '#')
            {
              const char *q = p + strspn (p, "#");

              if (*q == ' ' || *q == '\t' || *q == '\0')
                p = q;
            }
          p += llm_markdown_list_item (p);
        }

      append_space (out);
      while (*p)
        {
          /* Byte tests, not g_str_has_prefix(): that measures the rest of
           * the line every time. */
          if (!in_code && ((p[0] == '*' && p[1] == '*') || (p[0] == '=' && p[1] == '=')))
            {
              p += 2;
              continue;
            }
          if (!in_code && p[0] == '!' && p[1] == '[' && p[2] == '[')
            {
              const char *close = strstr (p, "]]");

              if (close != NULL)
                {
                  p = close + 2;
                  continue;
                }
            }
          /* "![alt](…)" and "[text](…)": the text stays, its brackets and
           * the target go. */
          if (!in_code && p[0] == '!' && p[1] == '[' && opens_link (p + 1))
            {
              p += 2;
              continue;
            }
          if (!in_code && p[0] == '[' && p[1] != '[' && opens_link (p))
            {
              p++;
              continue;
            }
          if (!in_code && p[0] == ']')
            {
              const char *target_end = skip_link_target (p);

              if (target_end != NULL)
                {
                  p = target_end;
                  continue;
                }
            }
          if (!in_code && p[0] == '<')
            {
              const char *tag_end = skip_html_tag (p);

              if (tag_end != NULL)
                {
                  append_tag_text (out, p, tag_end);
                  p = tag_end;
                  continue;
                }
            }
          if (*p == ' ' || *p == '\t' || *p == '\r')
            {
              append_space (out);
              p++;
              continue;
            }
          g_string_append_c (out, *p++);
        }
    }

  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  if (out->len > 0 && out->str[0] == ' ')
    g_string_erase (out, 0, 1);

  return g_string_free (out, FALSE);
}

/* Key points, one a line, as both the index and the snippet read them. */
static char *
join_key_points (LlmQuestion *question)
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

static char *
make_valid (const char *text)
{
  if (g_utf8_validate (text, -1, NULL))
    return g_strdup (text);
  return g_utf8_make_valid (text, -1);
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
static int
best_field (const Entry *entry,
            const char  *term)
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

static LlmSearchResult *
make_result (const Entry        *entry,
             LlmSearchField      field,
             const char * const *terms)
{
  LlmSearchResult *result = g_object_new (LLM_TYPE_SEARCH_RESULT, NULL);
  g_autofree char *owned = NULL;
  const Field *source_field;
  const char *source;
  const char *hit = NULL;
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

  switch (field)
    {
    case LLM_SEARCH_FIELD_KEY_POINT:
      source_field = &entry->key_points;
      source = owned = join_key_points (entry->question);
      break;

    case LLM_SEARCH_FIELD_NOTE:
      source_field = &entry->note;
      source = entry->note_source;
      break;

    case LLM_SEARCH_FIELD_TITLE:
    case LLM_SEARCH_FIELD_ANSWER:
    default:
      source_field = &entry->answer;
      source = owned = strip_markdown (llm_question_get_answer (entry->question));
      break;
    }

  /* The match shown: the first term ranked by this field, or for a title
   * match the earliest term in the answer. */
  if (source_field->text != NULL)
    for (guint i = 0; terms[i]; i++)
      {
        const char *found;

        if (field != LLM_SEARCH_FIELD_TITLE && best_field (entry, terms[i]) != (int)field)
          continue;
        found = strstr (source_field->text, terms[i]);
        if (found != NULL && (hit == NULL || found < hit))
          {
            hit = found;
            hit_len = strlen (terms[i]);
          }
        if (hit != NULL && field != LLM_SEARCH_FIELD_TITLE)
          break;
      }

  seg_end = strlen (source);
  if (hit != NULL)
    {
      field_map_span (source_field, source, hit - source_field->text,
                      hit - source_field->text + hit_len, &mstart, &mend);

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

      /* Embolden every term wherever it shows in the window. */
      for (guint i = 0; terms[i]; i++)
        {
          gsize len = strlen (terms[i]);

          for (const char *found = strstr (source_field->text, terms[i]);
               found != NULL;
               found = strstr (found + len, terms[i]))
            {
              gsize os;
              gsize oe;
              guint span[2];

              field_map_span (source_field, source, found - source_field->text,
                              found - source_field->text + len, &os, &oe);
              if (os >= we)
                break;
              if (os < ws || oe > we)
                continue;
              span[0] = prefix + (os - ws);
              span[1] = prefix + (oe - ws);
              g_array_append_vals (result->spans, span, 1);
            }
        }

      g_array_sort (result->spans, compare_spans);

      /* Merge overlaps ("位置" and "位置编码" both matched). */
      for (guint i = 1; i < result->spans->len; )
        {
          guint *prev = &g_array_index (result->spans, guint, (i - 1) * 2);
          guint *span = &g_array_index (result->spans, guint, i * 2);

          if (span[0] <= prev[1])
            {
              prev[1] = MAX (prev[1], span[1]);
              g_array_remove_index (result->spans, i);
            }
          else
            i++;
        }
    }

  result->snippet = g_string_free (snippet, FALSE);

  return result;
}

/* ------------------------------------------------------------------------ */
/* LlmSearchIndex                                                            */

struct _LlmSearchIndex
{
  GObject parent_instance;

  LlmCollection *collection;
  Entry *entries;
  guint n_entries;

  /* The last query, normalised, and every entry it matched, in order.
   * Someone typing mostly adds to the end of a query; the longer query can
   * only match entries the shorter one did, so only those are looked at. */
  char *last_query;
  GArray *last_matches;
};

G_DEFINE_FINAL_TYPE (LlmSearchIndex, llm_search_index, G_TYPE_OBJECT)

static void
llm_search_index_finalize (GObject *object)
{
  LlmSearchIndex *self = (LlmSearchIndex *)object;

  for (guint i = 0; i < self->n_entries; i++)
    {
      Entry *entry = &self->entries[i];

      g_free (entry->title);
      field_clear (&entry->key_points);
      field_clear (&entry->answer);
      field_clear (&entry->note);
      g_free (entry->note_source);
    }
  g_clear_pointer (&self->entries, g_free);
  g_clear_object (&self->collection);
  g_clear_pointer (&self->last_query, g_free);
  g_clear_pointer (&self->last_matches, g_array_unref);

  G_OBJECT_CLASS (llm_search_index_parent_class)->finalize (object);
}

static void
llm_search_index_class_init (LlmSearchIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llm_search_index_finalize;
}

static void
llm_search_index_init (LlmSearchIndex *self)
{
}

static void
entry_set_note (Entry      *entry,
                const char *text)
{
  g_clear_pointer (&entry->note_source, g_free);
  field_clear (&entry->note);

  if (text == NULL || text[0] == '\0')
    return;

  {
    g_autofree char *valid = make_valid (text);

    entry->note_source = strip_markdown (valid);
  }
  field_set (&entry->note, entry->note_source, FALSE);
}

/* A topic's title, or the file's it is named after, is found with its
 * first entry (its introduction, when it has one), ranked as a title. */
static char *
normalize_title (LlmCollection *collection,
                 LlmQuestion   *question)
{
  LlmTopic *topic = llm_collection_get_parent (collection, question);
  g_autoptr(LlmQuestion) first = NULL;
  g_autofree char *both = NULL;

  if (topic != NULL)
    first = g_list_model_get_item (G_LIST_MODEL (topic), 0);
  if (first != question || g_str_equal (llm_topic_get_title (topic), llm_question_get_title (question)))
    return llm_text_normalize (llm_question_get_title (question));

  both = g_strconcat (llm_question_get_title (question), "\n", llm_topic_get_title (topic), NULL);
  return llm_text_normalize (both);
}

/**
 * llm_search_index_new:
 * @collection: the questions to search
 * @note_func: (nullable) (scope call): returns a question's personal note
 * @user_data: data for @note_func
 *
 * Normalises every question once. @note_func is only called here, once per
 * question; keep notes current afterwards with llm_search_index_set_note().
 *
 * Returns: (transfer full): a new index
 */
LlmSearchIndex *
llm_search_index_new (LlmCollection     *collection,
                      LlmSearchNoteFunc  note_func,
                      gpointer           user_data)
{
  LlmSearchIndex *self;

  g_return_val_if_fail (LLM_IS_COLLECTION (collection), NULL);

  self = g_object_new (LLM_TYPE_SEARCH_INDEX, NULL);
  self->collection = g_object_ref (collection);
  self->n_entries = llm_collection_get_n_questions (collection);
  self->entries = g_new0 (Entry, self->n_entries);

  for (guint i = 0; i < self->n_entries; i++)
    {
      Entry *entry = &self->entries[i];
      g_autofree char *key_points = NULL;
      g_autofree char *answer = NULL;

      entry->question = llm_collection_get_question (collection, i);
      entry->title = normalize_title (collection, entry->question);

      key_points = join_key_points (entry->question);
      field_set (&entry->key_points, key_points, TRUE);

      answer = strip_markdown (llm_question_get_answer (entry->question));
      field_set (&entry->answer, answer, FALSE);

      if (note_func != NULL)
        entry_set_note (entry, note_func (llm_question_get_id (entry->question), user_data));
    }

  return self;
}

/**
 * llm_search_index_get_collection:
 *
 * Returns: (transfer none): the collection the index was built from
 */
LlmCollection *
llm_search_index_get_collection (LlmSearchIndex *self)
{
  g_return_val_if_fail (LLM_IS_SEARCH_INDEX (self), NULL);

  return self->collection;
}

/**
 * llm_search_index_set_note:
 * @id: a question id
 * @text: (nullable): the question's note now, or %NULL if it has none
 *
 * Re-indexes one question's note after it was edited. Unknown ids are
 * ignored: the note may belong to a question the collection no longer has.
 */
void
llm_search_index_set_note (LlmSearchIndex *self,
                           const char     *id,
                           const char     *text)
{
  LlmQuestion *question;
  guint position;

  g_return_if_fail (LLM_IS_SEARCH_INDEX (self));
  g_return_if_fail (id != NULL);

  question = llm_collection_lookup (self->collection, id);
  if (question == NULL)
    return;

  position = llm_collection_get_position (self->collection, question);
  if (position >= self->n_entries || self->entries[position].question != question)
    return;

  entry_set_note (&self->entries[position], text);
  /* A note can add matches the last query did not have. */
  g_clear_pointer (&self->last_query, g_free);
}

/**
 * llm_search_index_query:
 * @query: what the user typed
 * @limit: the most results to return, 0 for %LLM_SEARCH_DEFAULT_LIMIT
 *
 * Returns: (transfer full) (element-type LlmSearchResult): the results, best
 *   first
 */
GPtrArray *
llm_search_index_query (LlmSearchIndex *self,
                        const char     *query,
                        guint           limit)
{
  return llm_search_index_query_full (self, query, limit, NULL);
}

static int
compare_length_descending (gconstpointer a,
                           gconstpointer b)
{
  gsize la = strlen (*(const char * const *)a);
  gsize lb = strlen (*(const char * const *)b);

  return (la < lb) - (la > lb);
}

/**
 * llm_search_index_query_full:
 * @query: what the user typed
 * @limit: the most results to return, 0 for %LLM_SEARCH_DEFAULT_LIMIT
 * @n_matches: (out) (optional): how many questions matched, past @limit too
 *
 * Finds the questions in which every white-space-separated term of @query
 * occurs, as a substring of the normalised text of any field. They rank by
 * the weakest of the terms' best fields (title, then key point, answer,
 * note), then by reading order. A query with no terms matches nothing.
 *
 * Returns: (transfer full) (element-type LlmSearchResult): at most @limit
 *   results, best first
 */
GPtrArray *
llm_search_index_query_full (LlmSearchIndex *self,
                             const char     *query,
                             guint           limit,
                             guint          *n_matches)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) terms = g_ptr_array_new ();
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GArray) matches = NULL;
  GArray *buckets[N_FIELDS];
  g_autofree char *normal = NULL;
  const guint *candidates = NULL;
  guint n_candidates;

  g_return_val_if_fail (LLM_IS_SEARCH_INDEX (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (n_matches != NULL)
    *n_matches = 0;
  if (limit == 0)
    limit = LLM_SEARCH_DEFAULT_LIMIT;

  /* Normalising folds every run of white space into one ' '. */
  normal = llm_text_normalize (query);

  /* Every term of the last query is a substring of one of this query's. */
  n_candidates = self->n_entries;
  if (self->last_query != NULL && normal != NULL && g_str_has_prefix (normal, self->last_query))
    {
      candidates = (const guint *)(gpointer)self->last_matches->data;
      n_candidates = self->last_matches->len;
    }
  matches = g_array_new (FALSE, FALSE, sizeof (guint));
  g_clear_pointer (&self->last_query, g_free);
  self->last_query = g_strdup (normal);

  for (char *p = normal; p != NULL && *p; )
    {
      char *space = strchr (p, ' ');

      g_ptr_array_add (terms, p);
      if (space == NULL)
        break;
      *space = '\0';
      p = space + 1;
    }
  if (terms->len == 0)
    {
      g_clear_pointer (&self->last_query, g_free);
      return g_steal_pointer (&results);
    }
  g_ptr_array_add (terms, NULL);

  /* The longest term is likely the rarest: trying it first rejects most
   * questions after one look. */
  order = g_ptr_array_copy (terms, NULL, NULL);
  g_ptr_array_remove_index (order, order->len - 1);
  g_ptr_array_sort (order, compare_length_descending);

  for (guint f = 0; f < N_FIELDS; f++)
    buckets[f] = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint c = 0; c < n_candidates; c++)
    {
      guint i = candidates ? candidates[c] : c;
      const Entry *entry = &self->entries[i];
      int worst = LLM_SEARCH_FIELD_TITLE;
      guint t;

      for (t = 0; t < order->len; t++)
        {
          int field = best_field (entry, g_ptr_array_index (order, t));

          if (field < 0)
            break;
          worst = MAX (worst, field);
        }
      if (t < order->len)
        continue;

      g_array_append_val (matches, i);
      g_array_append_val (buckets[worst], i);
    }

  for (guint f = 0; f < N_FIELDS && results->len < limit; f++)
    for (guint j = 0; j < buckets[f]->len && results->len < limit; j++)
      {
        const Entry *entry = &self->entries[g_array_index (buckets[f], guint, j)];

        g_ptr_array_add (results, make_result (entry, f, (const char * const *)terms->pdata));
      }

  for (guint f = 0; f < N_FIELDS; f++)
    g_array_unref (buckets[f]);

  if (n_matches != NULL)
    *n_matches = matches->len;
  g_clear_pointer (&self->last_matches, g_array_unref);
  self->last_matches = g_steal_pointer (&matches);

  return g_steal_pointer (&results);
}
