/* test-text.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "llm-text.h"

static void
test_normalize (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "SoftMax", "softmax" },
    { "ｓｏｆｔｍａｘ", "softmax" },
    { "  a \t b\n c  ", "a b c" },
    { "位置编码（PE）", "位置编码(pe)" },
    /* Zero-width and direction characters draw nothing: search skips them. */
    { "atten\u200Btion\u2060 \uFEFFis\u00AD \u202Eall", "attention is all" },
    { "\u200B\u200C\u200D", "" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = llm_text_normalize (cases[i].in);

      g_assert_cmpstr (got, ==, cases[i].out);
    }
}

/* llm_text_normalize() as it is defined, with no fast path. */
static char *
normalize_reference (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = g_utf8_casefold (nfkc, -1);
  GString *out = g_string_new (NULL);
  gboolean pending_space = FALSE;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (llm_text_is_invisible (c))
        continue;
      if (g_unichar_isspace (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* The fast paths for ASCII, ideographs and full-width forms agree with
 * GLib's NFKC and case folding for every character of the BMP, alone and
 * next to characters that compose with what comes before or after. */
static void
test_normalize_fast (void)
{
  static const char * const around[][2] = {
    { "", "" },
    { "e", "\u0301" },
    { "\uFF25", "\u0308b" },
    { "\u1100", "\u1161" },
    { "\u4E2D ", "\u3000\u200Bx" },
  };

  for (gunichar c = 1; c < 0x10000; c++)
    {
      char utf8[8] = { 0 };

      if (c >= 0xD800 && c <= 0xDFFF)
        continue;
      g_unichar_to_utf8 (c, utf8);
      for (guint i = 0; i < G_N_ELEMENTS (around); i++)
        {
          g_autofree char *text = g_strconcat (around[i][0], utf8, around[i][1], NULL);
          g_autofree char *got = llm_text_normalize (text);
          g_autofree char *want = normalize_reference (text);

          g_autofree char *folded = llm_text_casefold (text);
          g_autofree char *folded_want = g_utf8_casefold (text, -1);

          g_assert_cmpstr (got, ==, want);
          g_assert_cmpstr (folded, ==, folded_want);
        }
    }

  /* Text that is not valid is made valid, not read past its end. */
  {
    g_autofree char *folded = llm_text_casefold ("AB\xF0");

    g_assert_cmpstr (folded, ==, "ab\xEF\xBF\xBD");
  }

  /* What llm_text_make_id() takes for granted of them. */
  for (gunichar c = 0x4E00; c <= 0x9FFF; c++)
    g_assert_true (g_unichar_isalnum (c));
  for (gunichar c = 1; c < 0x80; c++)
    g_assert_cmpint (g_unichar_isalnum (c), ==, g_ascii_isalnum (c));
}

static void
test_display_title (void)
{
  static const struct { const char *in; const char *shown; gboolean empty; } cases[] = {
    { "What is attention?", "What is attention?", FALSE },
    /* An override would show "invoice\u202Efdp.exe" as "invoiceexe.pdf". */
    { "invoice\u202Efdp.exe", "invoice\u2039RLO\u203Afdp.exe", FALSE },
    { "\u202Dabc", "\u2039LRO\u203Aabc", FALSE },
    /* Marks that only set a direction stay: the title is an isolate. */
    { "\u2067\u05E9\u05DC\u05D5\u05DD\u2069 x", "\u2067\u05E9\u05DC\u05D5\u05DD\u2069 x", FALSE },
    { "\u200B\u200B", "\u200B\u200B", TRUE },
    { " \u2800\u3164\t", " \u2800\u3164\t", TRUE },
    { "\u200Ba", "\u200Ba", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = llm_text_display_title (cases[i].in);

      g_assert_cmpstr (shown, ==, cases[i].shown);
      g_assert_cmpint (llm_text_looks_empty (cases[i].in), ==, cases[i].empty);
    }
  g_assert_true (llm_text_looks_empty (NULL));
}

static void
test_number_prefix (void)
{
  guint number = 99;

  g_assert_cmpstr (llm_text_skip_number_prefix ("8. 解释 Attention", &number), ==, "解释 Attention");
  g_assert_cmpuint (number, ==, 8);
  g_assert_cmpstr (llm_text_skip_number_prefix ("12、分词", &number), ==, "分词");
  g_assert_cmpuint (number, ==, 12);
  g_assert_cmpstr (llm_text_skip_number_prefix ("3) Why", &number), ==, "Why");
  g_assert_cmpuint (number, ==, 3);
  /* Not a prefix: a number that is the title, or one without a separator. */
  g_assert_cmpstr (llm_text_skip_number_prefix ("2024", &number), ==, "2024");
  g_assert_cmpuint (number, ==, 0);
  g_assert_cmpstr (llm_text_skip_number_prefix ("3D models", &number), ==, "3D models");
  g_assert_cmpstr (llm_text_skip_number_prefix ("1.", &number), ==, "1.");
  g_assert_cmpstr (llm_text_skip_number_prefix ("1.2 讲讲 Attention", &number), ==, "讲讲 Attention");
  g_assert_cmpuint (number, ==, 1);
  g_assert_cmpstr (llm_text_skip_number_prefix ("2.3.1. Heads", &number), ==, "Heads");
  g_assert_cmpstr (llm_text_skip_number_prefix ("1.5x faster", &number), ==, "1.5x faster");
  g_assert_cmpuint (number, ==, 0);
}

static void
test_make_id (void)
{
  g_autofree char *a = llm_text_make_id ("8. 解释 Scaled Dot-Product Attention 是如何计算的。");
  g_autofree char *b = llm_text_make_id ("15.  解释 SCALED dot-product attention 是如何计算的");
  g_autofree char *c = llm_text_make_id ("解释 Scaled Dot-Product Attention 是如何计算的。");
  g_autofree char *punct = llm_text_make_id ("？？？");
  g_autofree char *other = llm_text_make_id ("Another question");

  /* The number, case and trailing punctuation do not change the id. */
  g_assert_cmpstr (a, ==, "解释-scaled-dot-product-attention-是如何计算的");
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, ==, c);
  g_assert_cmpstr (other, ==, "another-question");
  g_assert_true (g_str_has_prefix (punct, "q-"));
  g_assert_false (strchr (a, '/') != NULL);
}

static void
test_make_id_long (void)
{
  g_autoptr(GString) one = g_string_new (NULL);
  g_autoptr(GString) two = NULL;
  g_autofree char *id1 = NULL;
  g_autofree char *id2 = NULL;

  for (guint i = 0; i < 80; i++)
    g_string_append (one, "注意力");
  two = g_string_new (one->str);
  g_string_append (one, "甲");
  g_string_append (two, "乙");

  id1 = llm_text_make_id (one->str);
  id2 = llm_text_make_id (two->str);

  /* Short enough for a file name, valid UTF-8, and still distinct. */
  g_assert_cmpuint (strlen (id1), <=, 120);
  g_assert_true (g_utf8_validate (id1, -1, NULL));
  g_assert_cmpstr (id1, !=, id2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/llm/text/normalize", test_normalize);
  g_test_add_func ("/llm/text/normalize-fast", test_normalize_fast);
  g_test_add_func ("/llm/text/number-prefix", test_number_prefix);
  g_test_add_func ("/llm/text/display-title", test_display_title);
  g_test_add_func ("/llm/text/make-id", test_make_id);
  g_test_add_func ("/llm/text/make-id-long", test_make_id_long);

  return g_test_run ();
}
