/* llm-text.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "llm-text.h"

/* Ids become file names (notes/<id>.md), so they stay well under NAME_MAX
 * even for long Chinese titles, which take three bytes a character. */
#define ID_MAX_BYTES 120

/* The character at @p of UTF-8 whose sequences are well formed, decoded
 * here for the common lengths: a call to GLib per character is most of
 * what folding a title costs. */
static inline gunichar
get_char (const char *p)
{
  const guchar *s = (const guchar *)p;

  if (s[0] < 0x80)
    return s[0];
  if ((s[0] & 0xF0) == 0xE0)
    return ((gunichar)(s[0] & 0x0F) << 12) | ((gunichar)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
  return g_utf8_get_char (p);
}

/* g_string_append_len() is a call; g_string_append_c() is inline. */
static inline void
append_bytes (GString    *out,
              const char *p,
              const char *end)
{
  while (p < end)
    g_string_append_c (out, *p++);
}

/* The CJK Unified Ideographs. */
static inline gboolean
is_ideograph (gunichar c)
{
  return c >= 0x4E00 && c <= 0x9FFF;
}

/* NFKC may be worked out piece by piece, cutting before any character
 * that no normalisation joins to what precedes it and that is never
 * reordered (canonical combining class 0); case folding maps each
 * character alone, so any cut does for it. ASCII, the CJK Unified
 * Ideographs and, for NFKC, the full-width forms of ASCII are such
 * characters, and each of them alone becomes one character that case
 * folding maps alone. They are most of what notes' titles are made of;
 * this is what folding makes of one, or 0 for any other character. */
static inline gunichar
fold_simple (gunichar c,
             gboolean nfkc)
{
  if (nfkc && c >= 0xFF01 && c <= 0xFF5E)
    c -= 0xFEE0;
  if (c < 0x80)
    return g_ascii_tolower (c);
  return is_ideograph (c) ? c : 0;
}

/* As g_utf8_casefold() on valid UTF-8, after NFKC when @nfkc is set, cut
 * into pieces at the characters above: a character that is a piece on its
 * own is mapped here, the rest go through GLib a piece at a time, which is
 * what makes a title cheap to fold. */
static char *
fold_in_pieces (const char *text,
                gboolean    nfkc)
{
  GString *out = g_string_sized_new (strlen (text));
  const char *p = text;

  while (*p != '\0')
    {
      const char *next = g_utf8_next_char (p);
      gunichar simple = fold_simple (get_char (p), nfkc);
      const char *end = next;
      g_autofree char *folded = NULL;

      /* NFKC may join what follows to a character; case folding never. */
      if (simple == 0 || nfkc)
        while (*end != '\0' && fold_simple (get_char (end), nfkc) == 0)
          end = g_utf8_next_char (end);

      if (simple != 0 && end == next)
        {
          /* An ideograph stays as it is written. */
          if (simple < 0x80)
            g_string_append_c (out, (char)simple);
          else
            append_bytes (out, p, next);
          p = next;
          continue;
        }

      if (nfkc)
        {
          g_autofree char *normal = g_utf8_normalize (p, end - p, G_NORMALIZE_NFKC);

          folded = g_utf8_casefold (normal, -1);
        }
      else
        folded = g_utf8_casefold (p, end - p);
      g_string_append (out, folded);
      p = end;
    }

  return g_string_free (out, FALSE);
}

/* g_unichar_isspace() on ASCII, without the call: Unicode's spaces and
 * the controls GLib counts as space, but not U+000B. */
static inline gboolean
is_ascii_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/**
 * llm_text_normalize:
 * @text: UTF-8 text
 *
 * Folds @text for comparison: NFKC (which also turns full-width forms into
 * their ASCII counterparts), case folding, and every run of white space
 * collapsed into one space with none at either end.
 *
 * Returns: (transfer full): the normalised text
 */
char *
llm_text_normalize (const char *text)
{
  g_autofree char *folded = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  if (g_utf8_validate (text, -1, NULL))
    folded = fold_in_pieces (text, TRUE);
  else
    {
      g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);

      if (nfkc == NULL)
        nfkc = g_utf8_make_valid (text, -1);
      folded = g_utf8_casefold (nfkc, -1);
    }

  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded, *next; *p; p = next)
    {
      gunichar c = get_char (p);

      next = g_utf8_next_char (p);
      /* Ideographs are neither invisible nor space. */
      if (c >= 0x80 && !is_ideograph (c) && llm_text_is_invisible (c))
        continue;
      if (c < 0x80 ? is_ascii_space (c) : !is_ideograph (c) && g_unichar_isspace (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      /* The character as it is written: no need to encode it again. */
      append_bytes (out, p, next);
    }

  return g_string_free (out, FALSE);
}

/**
 * llm_text_casefold:
 * @text: UTF-8 text
 *
 * Returns: (transfer full): g_utf8_casefold (@text, -1), worked out here
 *   for ASCII and ideographs, which are most of a title, and by GLib for
 *   the rest; text that is not valid UTF-8 is first made valid
 */
char *
llm_text_casefold (const char *text)
{
  g_autofree char *valid = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  /* GLib's own folding reads past the end of a sequence cut short
   * ("ab\xF0"). */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  return fold_in_pieces (text, FALSE);
}

/**
 * llm_text_skip_number_prefix:
 * @title: a heading's text, such as "8. Explain attention"
 * @number: (out) (optional): the number, or 0 when there is none
 *
 * Returns: the title without its number prefix ("8.", "8、", "8)", and
 *   "1.2" or "1.2." for a part of question 1); @number is the first number
 */
const char *
llm_text_skip_number_prefix (const char *title,
                             guint      *number)
{
  const char *p = title;
  guint64 value = 0;

  g_return_val_if_fail (title != NULL, NULL);

  if (number != NULL)
    *number = 0;

  while (g_ascii_isdigit (*p) && p - title < 9)
    value = value * 10 + (guint64)(*p++ - '0');

  if (p == title)
    return title;

  /* "1.2 Title" and "1.2. Title" number a part: the whole number goes. */
  while (p[0] == '.' && g_ascii_isdigit (p[1]) && p - title < 12)
    {
      p++;
      while (g_ascii_isdigit (*p) && p - title < 12)
        p++;
      if (*p == ' ' || *p == '\t')
        break;
    }

  if (*p == '.' || *p == ')')
    p++;
  else if (g_str_has_prefix (p, "、"))
    p += strlen ("、");
  else if ((*p != ' ' && *p != '\t') || strchr (title, '.') == NULL || strchr (title, '.') > p)
    return title;

  while (*p == ' ' || *p == '\t')
    p++;

  if (*p == '\0')
    return title;

  if (number != NULL)
    *number = (guint)value;

  return p;
}

/**
 * llm_text_make_id:
 * @title: a question's title, with or without its number prefix
 *
 * Derives a question id from the title alone, so that renumbering,
 * reordering or moving a question keeps its id. Letters and digits of every
 * script are kept (a Chinese title stays readable in the notes folder);
 * every other run of characters becomes one '-'. A title too long for a file
 * name is cut and given a checksum of the whole, so two long titles that
 * share a beginning still differ.
 *
 * Returns: (transfer full): the id, never empty
 */
char *
llm_text_make_id (const char *title)
{
  g_autofree char *normal = NULL;
  GString *id;
  gboolean pending_dash = FALSE;

  g_return_val_if_fail (title != NULL, NULL);

  normal = llm_text_normalize (llm_text_skip_number_prefix (title, NULL));
  id = g_string_sized_new (strlen (normal));

  for (const char *p = normal, *next; *p; p = next)
    {
      gunichar c = get_char (p);
      gboolean kept = c < 0x80 ? g_ascii_isalnum (c)
                               : is_ideograph (c) || g_unichar_isalnum (c) ||
                                 g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK;

      next = g_utf8_next_char (p);
      if (!kept)
        {
          pending_dash = id->len > 0;
          continue;
        }
      if (pending_dash)
        g_string_append_c (id, '-');
      pending_dash = FALSE;
      append_bytes (id, p, next);
    }

  if (id->len > ID_MAX_BYTES)
    {
      g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, normal, -1);
      gsize cut = ID_MAX_BYTES - 9;

      /* Back up to a character boundary, then past any trailing dash. */
      while (cut > 0 && (id->str[cut] & 0xC0) == 0x80)
        cut--;
      while (cut > 0 && id->str[cut - 1] == '-')
        cut--;
      g_string_truncate (id, cut);
      g_string_append_printf (id, "-%.8s", sum);
    }
  else if (id->len == 0)
    {
      /* A title of punctuation only: still an id, still stable. */
      g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, normal, -1);

      g_string_append_printf (id, "q-%.12s", sum);
    }

  return g_string_free (id, FALSE);
}

/**
 * llm_text_is_invisible:
 * @c: a character
 *
 * Zero-width characters and direction controls: they draw nothing, so
 * search ignores them ("atten\u200Btion" is "attention") and a title made
 * of nothing else looks empty.
 *
 * Returns: whether @c draws nothing and takes no room
 */
gboolean
llm_text_is_invisible (gunichar c)
{
  return c == 0x00AD || c == 0x034F || c == 0x061C || c == 0x115F || c == 0x1160 ||
         c == 0x17B4 || c == 0x17B5 || c == 0x180E ||
         (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x206F) ||
         c == 0x3164 || c == 0xFEFF || c == 0xFFA0;
}

/**
 * llm_text_looks_empty:
 * @text: (nullable): a title
 *
 * Returns: whether @text shows nothing: only white space and invisible
 *   characters
 */
gboolean
llm_text_looks_empty (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && !llm_text_is_invisible (c) && c != 0x2800)
        return FALSE;
    }

  return TRUE;
}

/**
 * llm_text_is_blank:
 * @text: (nullable): UTF-8 text
 * @length: the length of @text in bytes, or -1 when it ends with a nul
 *
 * Ideographic spaces count as blank, as ASCII ones do: a note or a file
 * written with a Chinese input method is as empty with either. Text that
 * is not valid UTF-8 is not blank, so that it is never thrown away.
 *
 * Returns: whether @text holds nothing but white space
 */
gboolean
llm_text_is_blank (const char *text,
                   gssize      length)
{
  const char *end;

  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, length, &end))
    return FALSE;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/**
 * llm_text_display_title:
 * @title: a title as written
 *
 * A title is shown as written, but it cannot disguise itself: an explicit
 * direction override (U+202D, U+202E), which would show "gnp.exe" as
 * "exe.png", becomes a visible mark. Whatever other direction controls it
 * holds end with the title, as each is shown as an isolate of its own: a
 * label of its own in the window, a <bdi> in the page.
 *
 * Returns: (transfer full): the title to show
 */
char *
llm_text_display_title (const char *title)
{
  GString *out;

  g_return_val_if_fail (title != NULL, NULL);

  out = g_string_sized_new (strlen (title) + 8);
  for (const char *p = title; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x202D)
        g_string_append (out, "\u2039LRO\u203A");
      else if (c == 0x202E)
        g_string_append (out, "\u2039RLO\u203A");
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * llm_text_guess_language:
 * @text: UTF-8 text
 * @max_bytes: how much of it to look at
 *
 * Tells the page which language its text is in, for fonts, line breaking
 * and screen readers, when the notes do not say (front matter `lang:`):
 * the script most letters are in. Chinese notes name English terms all
 * the time, so a fifth of the letters being Han already makes them
 * Chinese; kana make Han Japanese.
 *
 * Returns: a BCP 47 tag: "zh-CN", "ja", "ko" or "en"
 */
const char *
llm_text_guess_language (const char *text,
                         gsize       max_bytes)
{
  guint han = 0, kana = 0, hangul = 0, latin = 0;
  const char *end;

  g_return_val_if_fail (text != NULL, "en");

  end = text + strnlen (text, max_bytes);
  for (const char *p = text; p < end; )
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          p++;
          continue;
        }
      p = g_utf8_next_char (p);

      switch (g_unichar_get_script (c))
        {
        case G_UNICODE_SCRIPT_HAN:      han++; break;
        case G_UNICODE_SCRIPT_HIRAGANA:
        case G_UNICODE_SCRIPT_KATAKANA: kana++; break;
        case G_UNICODE_SCRIPT_HANGUL:   hangul++; break;
        case G_UNICODE_SCRIPT_LATIN:    latin++; break;
        default: break;
        }
    }

  if (hangul * 5 > hangul + han + latin)
    return "ko";
  if (kana * 20 > kana + han + latin)
    return "ja";
  if (han * 5 > han + latin)
    return "zh-CN";
  return "en";
}
