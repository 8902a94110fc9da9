/* llm-coverage.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "llm-coverage.h"
#include "llm-text.h"

/* Scores a typed mock-interview answer against a question's key points.
 *
 * Exact matching would fail every paraphrase, so both sides become bags of
 * features on normalised text (llm_text_normalize, punctuation dropped):
 * CJK text gives its character bigrams (Chinese needs no segmentation that
 * way), Latin text its words of two or more letters. A key point is covered
 * when at least LLM_COVERAGE_THRESHOLD of its distinct features occur in the
 * answer: "位置编码给输入加上位置信息" covers "位置编码向输入添加位置信息"
 * although the wording differs.
 *
 * Function words would let any fluent answer cover anything, so a few
 * English stop words and common Chinese function bigrams are no features,
 * and the commonest Chinese particles split runs like punctuation does.
 *
 * A bag of features is fooled by a list of keywords, so features count
 * only in the order the key point has them (the longest common
 * subsequence of the two): "gradients flow" covers "gradients flow", not
 * "flow … gradients". What is left is a suggestion the candidate checks:
 * only a point covered this way is pre-ticked; an answer in another script
 * than every key point (English against Chinese notes) ticks nothing and
 * says so; a key point may carry a second form after a '|'
 * ("翻译对齐|translation alignment"), either one counting. */

struct _LlmCoverage
{
  grefcount ref_count;
  GStrv points;
  double *ratios;
  guint n_points;
  guint n_covered;
  gboolean blank;
  gboolean cross_script;
  gboolean short_answer;   /* far shorter than the reference answer */
};

G_DEFINE_BOXED_TYPE (LlmCoverage, llm_coverage, llm_coverage_ref, llm_coverage_unref)

static const char * const english_stop_words[] = {
  "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "do",
  "does", "for", "from", "has", "have", "how", "if", "in", "into", "is", "it",
  "its", "of", "on", "or", "so", "such", "than", "that", "the", "their",
  "them", "then", "there", "these", "they", "this", "those", "to", "via",
  "was", "we", "were", "what", "when", "which", "while", "who", "why",
  "will", "with", "would", "you", "your",
};

static const char * const chinese_stop_bigrams[] = {
  "一个", "一些", "一种", "这个", "这些", "这种", "这样", "那个", "那些",
  "那种", "我们", "你们", "他们", "它们", "可以", "进行", "以及", "其中",
  "通过", "使得", "就是", "并且", "而且", "因为", "所以", "如果", "但是",
  "什么", "如何", "从而", "此外", "对于", "然后",
};

/* Split CJK runs like punctuation: they glue content words together
 * ("模型的输出") and would otherwise make bigrams of nothing. */
static gboolean
is_particle (gunichar c)
{
  return c == 0x7684   /* 的 */
      || c == 0x4E86   /* 了 */
      || c == 0x7740   /* 着 */
      || c == 0x662F   /* 是 */
      || c == 0x5728   /* 在 */
      || c == 0x548C   /* 和 */
      || c == 0x4E0E   /* 与 */
      || c == 0x6216;  /* 或 */
}

static gboolean
is_cjk (gunichar c)
{
  switch ((int)g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
      return g_unichar_isalpha (c);
    default:
      return FALSE;
    }
}

static gboolean
in_list (const char * const *list,
         gsize               n,
         const char         *word)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (list[i], word) == 0)
      return TRUE;
  return FALSE;
}

static void
add_word (GPtrArray *features,
          GString   *word,
          guint      n_chars)
{
  /* "embeddings" and "embedding" are the same key term. */
  if (n_chars > 3 && word->str[word->len - 1] == 's' && word->str[word->len - 2] != 's')
    g_string_truncate (word, word->len - 1);

  if (n_chars >= 2 && !in_list (english_stop_words, G_N_ELEMENTS (english_stop_words), word->str))
    g_ptr_array_add (features, g_strdup (word->str));
}

/* A run of CJK gives its bigrams; a lone character between particles or
 * punctuation gives itself. With @all_unigrams every character is also a
 * feature, before the bigram it starts, so that the answer side can match
 * a key point's lone ones. */
static void
add_run (GPtrArray *features,
         GArray    *run,
         gboolean   all_unigrams)
{
  const gunichar *chars = (const gunichar *)(gpointer)run->data;

  for (guint i = 0; i < run->len; i++)
    {
      char buf[14] = { 0 };
      gsize len;

      if (all_unigrams || run->len == 1)
        {
          len = g_unichar_to_utf8 (chars[i], buf);
          g_ptr_array_add (features, g_strndup (buf, len));
        }
      if (i + 1 < run->len)
        {
          len = g_unichar_to_utf8 (chars[i], buf);
          len += g_unichar_to_utf8 (chars[i + 1], buf + len);
          buf[len] = '\0';
          if (!in_list (chinese_stop_bigrams, G_N_ELEMENTS (chinese_stop_bigrams), buf))
            g_ptr_array_add (features, g_strdup (buf));
        }
    }
}

/* The features of @text in the order they occur, repeats kept. */
static GPtrArray *
features_of (const char *text,
             gboolean    all_unigrams)
{
  GPtrArray *features = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *normal = llm_text_normalize (text);
  g_autoptr(GArray) run = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr(GString) word = g_string_new (NULL);
  guint word_chars = 0;

  for (const char *p = normal; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean cjk = *p && is_cjk (c) && !is_particle (c);
      gboolean letter = *p && !cjk && !is_particle (c) &&
                        (g_unichar_isalnum (c) || g_unichar_ismark (c));

      if (!cjk && run->len > 0)
        {
          add_run (features, run, all_unigrams);
          g_array_set_size (run, 0);
        }
      if (!letter && word->len > 0)
        {
          add_word (features, word, word_chars);
          g_string_truncate (word, 0);
          word_chars = 0;
        }

      if (*p == '\0')
        break;

      if (cjk)
        g_array_append_val (run, c);
      else if (letter)
        {
          g_string_append_unichar (word, c);
          word_chars++;
        }
    }

  return features;
}

/* How many of @point's features @answer has in the same order: the length
 * of their longest common subsequence. */
static guint
in_order (GPtrArray *point,
          GPtrArray *answer)
{
  g_autofree guint *row = g_new0 (guint, point->len + 1);

  for (guint a = 0; a < answer->len; a++)
    {
      const char *feature = g_ptr_array_index (answer, a);
      guint diagonal = 0;

      for (guint p = 1; p <= point->len; p++)
        {
          guint above = row[p];

          if (strcmp (g_ptr_array_index (point, p - 1), feature) == 0)
            row[p] = diagonal + 1;
          else if (row[p - 1] > row[p])
            row[p] = row[p - 1];
          diagonal = above;
        }
    }

  return row[point->len];
}

typedef enum {
  SCRIPT_NONE,
  SCRIPT_LATIN,
  SCRIPT_CJK,
} Script;

/* Which writing @text is mostly in. A CJK character carries about as much
 * as a Latin word, so it weighs as four letters. @has_cjk and @has_latin
 * say whether there is any of each. */
static Script
script_of (const char *text,
           gboolean   *has_cjk,
           gboolean   *has_latin)
{
  guint cjk = 0, latin = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_cjk (c))
        cjk++;
      else if (g_unichar_isalpha (c))
        latin++;
    }

  if (has_cjk)
    *has_cjk = cjk > 0;
  if (has_latin)
    *has_latin = latin > 0;
  if (cjk == 0 && latin == 0)
    return SCRIPT_NONE;

  return cjk * 4 >= latin ? SCRIPT_CJK : SCRIPT_LATIN;
}

/* A key point's forms: "翻译对齐|translation alignment" has two. A '|' with
 * nothing on one side is part of the text. */
static GStrv
forms_of (const char *point)
{
  const char *bar = strchr (point, '|');
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GStrv forms;

  if (bar == NULL)
    return g_strdupv ((char *[]) { (char *)point, NULL });

  first = g_strstrip (g_strndup (point, bar - point));
  second = g_strstrip (g_strdup (bar + 1));
  if (first[0] == '\0' || second[0] == '\0')
    return g_strdupv ((char *[]) { (char *)point, NULL });

  forms = g_new0 (char *, 3);
  forms[0] = g_steal_pointer (&first);
  forms[1] = g_steal_pointer (&second);
  return forms;
}

/**
 * llm_coverage_point_label:
 * @point: a key point as written
 *
 * Returns: (transfer full): what to show of @point: its first form
 */
char *
llm_coverage_point_label (const char *point)
{
  g_auto(GStrv) forms = NULL;

  g_return_val_if_fail (point != NULL, NULL);

  forms = forms_of (point);
  return g_strdup (forms[0]);
}

/* What is left of @text with punctuation and spaces gone, for key points
 * too short to have any feature. */
static char *
letters_only (const char *text)
{
  g_autofree char *normal = llm_text_normalize (text);
  GString *out = g_string_new (NULL);

  for (const char *p = normal; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static guint
count_letters (const char *text)
{
  g_autofree char *letters = letters_only (text);

  return g_utf8_strlen (letters, -1);
}

/* The fraction of @form's features @answer has, in order. */
static double
score_form (const char *form,
            GPtrArray  *answer_features,
            const char *answer_letters)
{
  g_autoptr(GPtrArray) features = features_of (form, FALSE);

  if (features->len == 0)
    {
      g_autofree char *letters = letters_only (form);

      return letters[0] != '\0' && strstr (answer_letters, letters) != NULL;
    }

  return (double)in_order (features, answer_features) / features->len;
}

/**
 * llm_coverage_score_full:
 * @key_points: the key points to look for; each may have a second form
 *   after a '|'
 * @answer: the typed answer
 * @reference: (nullable): the question's own answer, to tell an answer far
 *   shorter than it
 *
 * Judges each key point covered or missed (see LLM_COVERAGE_THRESHOLD and
 * the top of this file). A key point with no features at all (a lone
 * letter, say) is covered when its letters occur in the answer as they
 * are. When the answer is in another script than every form of every key
 * point, nothing is covered and llm_coverage_get_cross_script() says so.
 *
 * Returns: (transfer full): the coverage
 */
LlmCoverage *
llm_coverage_score_full (const char * const *key_points,
                         const char         *answer,
                         const char         *reference)
{
  LlmCoverage *self;
  g_autoptr(GPtrArray) answer_features = NULL;
  g_autofree char *answer_letters = NULL;
  gboolean answer_cjk = FALSE, answer_latin = FALSE;
  gboolean shared_script = FALSE;

  g_return_val_if_fail (key_points != NULL, NULL);

  if (answer == NULL)
    answer = "";

  self = g_new0 (LlmCoverage, 1);
  g_ref_count_init (&self->ref_count);
  self->points = g_strdupv ((char **)key_points);
  self->n_points = g_strv_length (self->points);
  self->ratios = g_new0 (double, self->n_points);

  answer_features = features_of (answer, TRUE);
  answer_letters = letters_only (answer);
  script_of (answer, &answer_cjk, &answer_latin);
  self->blank = answer_letters[0] == '\0';

  if (reference != NULL)
    {
      guint mine = count_letters (answer_letters);
      guint theirs = count_letters (reference);

      self->short_answer = (guint64)mine * LLM_COVERAGE_SHORT_FACTOR < theirs;
    }

  for (guint i = 0; i < self->n_points; i++)
    {
      g_auto(GStrv) forms = forms_of (self->points[i]);

      for (guint f = 0; forms[f] != NULL; f++)
        {
          Script script = script_of (forms[f], NULL, NULL);

          /* The answer need only have some of the point's main script:
           * Chinese answers name English terms, and back. */
          shared_script |= script == SCRIPT_NONE ||
                           (script == SCRIPT_CJK && answer_cjk) ||
                           (script == SCRIPT_LATIN && answer_latin);
          self->ratios[i] = MAX (self->ratios[i], score_form (forms[f], answer_features, answer_letters));
        }
    }

  self->cross_script = !self->blank && self->n_points > 0 && !shared_script;

  for (guint i = 0; i < self->n_points; i++)
    {
      if (self->cross_script)
        self->ratios[i] = 0.0;
      if (self->ratios[i] >= LLM_COVERAGE_THRESHOLD)
        self->n_covered++;
    }

  return self;
}

/**
 * llm_coverage_score:
 *
 * llm_coverage_score_full() without a reference answer.
 *
 * Returns: (transfer full): the coverage
 */
LlmCoverage *
llm_coverage_score (const char * const *key_points,
                    const char         *answer)
{
  return llm_coverage_score_full (key_points, answer, NULL);
}

/**
 * llm_coverage_get_cross_script:
 *
 * Returns: whether the answer is written in another script than the key
 *   points (an English answer to Chinese notes): then nothing is covered
 *   and the candidate ticks the points themselves
 */
gboolean
llm_coverage_get_cross_script (LlmCoverage *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->cross_script;
}

/**
 * llm_coverage_get_blank:
 *
 * Returns: whether the answer has no letters at all
 */
gboolean
llm_coverage_get_blank (LlmCoverage *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->blank;
}

/**
 * llm_coverage_suggest_grade:
 * @n_ticked: key points the candidate covered (as ticked)
 * @n_points: key points in all
 * @blank: the answer was left empty or time ran out on it
 * @short_answer: the answer is far shorter than the reference one
 *
 * The grade that follows the ticks: below a quarter Again, below half
 * Hard, below 0.85 Good, else Easy; a blank answer is Again, and a short
 * one is never Easy.
 *
 * Returns: an LLM_COVERAGE_GRADE_* value, NONE when there are no key
 *   points to judge by
 */
int
llm_coverage_suggest_grade (guint    n_ticked,
                            guint    n_points,
                            gboolean blank,
                            gboolean short_answer)
{
  double fraction;

  if (blank)
    return LLM_COVERAGE_GRADE_AGAIN;
  if (n_points == 0)
    return LLM_COVERAGE_GRADE_NONE;

  fraction = (double)MIN (n_ticked, n_points) / n_points;
  if (fraction < 0.25)
    return LLM_COVERAGE_GRADE_AGAIN;
  if (fraction < 0.5)
    return LLM_COVERAGE_GRADE_HARD;
  if (fraction < 0.85 || short_answer)
    return LLM_COVERAGE_GRADE_GOOD;
  return LLM_COVERAGE_GRADE_EASY;
}

/**
 * llm_coverage_get_short:
 *
 * Returns: whether the answer is far shorter than the reference answer
 *   (under 1 / LLM_COVERAGE_SHORT_FACTOR of its letters)
 */
gboolean
llm_coverage_get_short (LlmCoverage *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->short_answer;
}

LlmCoverage *
llm_coverage_ref (LlmCoverage *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);

  return self;
}

void
llm_coverage_unref (LlmCoverage *self)
{
  g_return_if_fail (self != NULL);

  if (!g_ref_count_dec (&self->ref_count))
    return;

  g_strfreev (self->points);
  g_free (self->ratios);
  g_free (self);
}

guint
llm_coverage_get_n_points (LlmCoverage *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_points;
}

/**
 * llm_coverage_get_point:
 *
 * Returns: (transfer none): the key point at @index
 */
const char *
llm_coverage_get_point (LlmCoverage *self,
                        guint        index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_points, NULL);

  return self->points[index];
}

gboolean
llm_coverage_get_covered (LlmCoverage *self,
                          guint        index)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index < self->n_points, FALSE);

  return self->ratios[index] >= LLM_COVERAGE_THRESHOLD;
}

/**
 * llm_coverage_get_ratio:
 *
 * Returns: the fraction of the key point's features found in the answer,
 *   0 to 1
 */
double
llm_coverage_get_ratio (LlmCoverage *self,
                        guint        index)
{
  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (index < self->n_points, 0.0);

  return self->ratios[index];
}

guint
llm_coverage_get_n_covered (LlmCoverage *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_covered;
}

/**
 * llm_coverage_get_fraction:
 *
 * Returns: the fraction of key points covered, 0 when there are none
 */
double
llm_coverage_get_fraction (LlmCoverage *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  if (self->n_points == 0)
    return 0.0;

  return (double)self->n_covered / self->n_points;
}

/**
 * llm_coverage_get_suggested_grade:
 *
 * llm_coverage_suggest_grade() for the points covered. With no key points
 * a blank answer is still Again.
 *
 * Returns: an LLM_COVERAGE_GRADE_* value
 */
int
llm_coverage_get_suggested_grade (LlmCoverage *self)
{
  g_return_val_if_fail (self != NULL, LLM_COVERAGE_GRADE_NONE);

  if (self->cross_script)
    return LLM_COVERAGE_GRADE_NONE;

  return llm_coverage_suggest_grade (self->n_covered, self->n_points, self->blank, self->short_answer);
}
