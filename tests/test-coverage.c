/* test-coverage.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "llm-collection.h"
#include "llm-collection-loader.h"
#include "llm-coverage.h"
#include "llm-question.h"

static LlmCoverage *
score_one (const char *key_point,
           const char *answer)
{
  const char *points[] = { key_point, NULL };
  LlmCoverage *coverage = llm_coverage_score (points, answer);

  g_assert_nonnull (coverage);
  g_assert_cmpuint (llm_coverage_get_n_points (coverage), ==, 1);
  g_assert_cmpstr (llm_coverage_get_point (coverage, 0), ==, key_point);

  return coverage;
}

static void
assert_covered (const char *key_point,
                const char *answer)
{
  g_autoptr(LlmCoverage) coverage = score_one (key_point, answer);

  g_test_message ("covered %.2f: %s", llm_coverage_get_ratio (coverage, 0), key_point);
  g_assert_true (llm_coverage_get_covered (coverage, 0));
  g_assert_cmpfloat (llm_coverage_get_ratio (coverage, 0), >=, LLM_COVERAGE_THRESHOLD);
  g_assert_cmpuint (llm_coverage_get_n_covered (coverage), ==, 1);
  g_assert_cmpfloat (llm_coverage_get_fraction (coverage), ==, 1.0);
}

static void
assert_missed (const char *key_point,
               const char *answer)
{
  g_autoptr(LlmCoverage) coverage = score_one (key_point, answer);

  g_test_message ("missed %.2f: %s", llm_coverage_get_ratio (coverage, 0), key_point);
  g_assert_false (llm_coverage_get_covered (coverage, 0));
  g_assert_cmpfloat (llm_coverage_get_ratio (coverage, 0), <, LLM_COVERAGE_THRESHOLD);
  g_assert_cmpuint (llm_coverage_get_n_covered (coverage), ==, 0);
  g_assert_cmpfloat (llm_coverage_get_fraction (coverage), ==, 0.0);
}

static void
test_chinese_covered (void)
{
  const char *point = "位置编码向每个输入元素的表示中添加了关于其位置的信息";

  assert_covered (point, "位置编码向每个输入元素的表示中添加了关于其位置的信息。");
  assert_covered (point, "Transformer 里，位置编码给每个输入元素的表示添加关于位置的信息，模型才知道顺序。");
}

static void
test_chinese_paraphrased (void)
{
  /* Other words around the key terms, in the point's order. */
  assert_covered ("残差连接缓解梯度消失", "加入残差连接，可以有效缓解深层网络的梯度消失。");
  assert_covered ("多头注意力在不同的表示子空间中学习信息",
                  "多头注意力让每个头在不同的表示子空间里分别学习信息。");
}

/* The same terms turned around are not what the point says, or are a
 * list of keywords: partly found, never pre-ticked. */
static void
test_words_in_order (void)
{
  const char *points[] = { "残差连接缓解梯度消失", "Residual connections help gradients flow", NULL };
  g_autoptr(LlmCoverage) chinese = llm_coverage_score (points, "梯度消失 残差连接");
  g_autoptr(LlmCoverage) english = llm_coverage_score (points, "flow gradients help connections residual");

  g_assert_false (llm_coverage_get_covered (chinese, 0));
  g_assert_cmpfloat (llm_coverage_get_ratio (chinese, 0), >, 0.0);
  g_assert_false (llm_coverage_get_covered (english, 1));
  g_assert_cmpfloat (llm_coverage_get_ratio (english, 1), >, 0.0);
  g_assert_cmpuint (llm_coverage_get_n_covered (english), ==, 0);
}

/* A one-line list of the key terms ticks them, but an answer a quarter the
 * length of the notes' is never Easy. */
static void
test_keyword_list (void)
{
  const char *points[] = { "缩放点积", "多头注意力", "位置编码", "残差连接", NULL };
  const char *reference =
    "Transformer 的核心是缩放点积注意力：用查询和键的点积除以维度的平方根，再经过 softmax 得到权重。"
    "多头注意力把表示投影到多个子空间并行计算，位置编码给输入加上顺序信息，"
    "残差连接和层归一化让深层网络稳定训练。";
  g_autoptr(LlmCoverage) list = llm_coverage_score_full (points, "缩放点积 多头注意力 位置编码 残差连接", reference);
  g_autoptr(LlmCoverage) full = llm_coverage_score_full (points, reference, reference);

  g_assert_cmpuint (llm_coverage_get_n_covered (list), ==, 4);
  g_assert_true (llm_coverage_get_short (list));
  g_assert_cmpint (llm_coverage_get_suggested_grade (list), ==, LLM_COVERAGE_GRADE_GOOD);

  g_assert_cmpuint (llm_coverage_get_n_covered (full), ==, 4);
  g_assert_false (llm_coverage_get_short (full));
  g_assert_cmpint (llm_coverage_get_suggested_grade (full), ==, LLM_COVERAGE_GRADE_EASY);

  /* The grade that follows ticks, by hand. */
  g_assert_cmpint (llm_coverage_suggest_grade (4, 4, FALSE, TRUE), ==, LLM_COVERAGE_GRADE_GOOD);
  g_assert_cmpint (llm_coverage_suggest_grade (4, 4, FALSE, FALSE), ==, LLM_COVERAGE_GRADE_EASY);
  g_assert_cmpint (llm_coverage_suggest_grade (4, 4, TRUE, FALSE), ==, LLM_COVERAGE_GRADE_AGAIN);
  g_assert_cmpint (llm_coverage_suggest_grade (0, 0, FALSE, FALSE), ==, LLM_COVERAGE_GRADE_NONE);
}

/* A correct English answer to Chinese key points: no point can be judged,
 * so none is ticked, nothing is suggested, and the result says why. */
static void
test_cross_script (void)
{
  const char *points[] = { "位置编码向输入添加位置信息", "多头注意力", "缩放点积", NULL };
  g_autoptr(LlmCoverage) english =
    llm_coverage_score (points, "Positional encoding adds position information to the input; "
                                "multi-head attention uses scaled dot products.");
  g_autoptr(LlmCoverage) chinese = llm_coverage_score (points, "多头注意力");

  g_assert_true (llm_coverage_get_cross_script (english));
  g_assert_cmpuint (llm_coverage_get_n_covered (english), ==, 0);
  for (guint i = 0; i < 3; i++)
    g_assert_false (llm_coverage_get_covered (english, i));
  g_assert_cmpint (llm_coverage_get_suggested_grade (english), ==, LLM_COVERAGE_GRADE_NONE);

  g_assert_false (llm_coverage_get_cross_script (chinese));
  g_assert_cmpuint (llm_coverage_get_n_covered (chinese), ==, 1);

  /* Chinese notes with English terms in them are not another script. */
  {
    const char *mixed[] = { "Softmax 归一化", NULL };
    g_autoptr(LlmCoverage) coverage = llm_coverage_score (mixed, "softmax normalises the scores");

    g_assert_true (llm_coverage_get_cross_script (coverage));
  }
}

/* "==翻译对齐|translation alignment==": either form covers the point. */
static void
test_bilingual (void)
{
  const char *points[] = { "翻译对齐|translation alignment", "注意力|attention", NULL };
  g_autoptr(LlmCoverage) english = llm_coverage_score (points, "It learns a translation alignment between the sentences.");
  g_autoptr(LlmCoverage) chinese = llm_coverage_score (points, "模型学到了翻译对齐。");
  g_autofree char *label = llm_coverage_point_label (points[0]);
  g_autofree char *plain = llm_coverage_point_label ("a | b |");
  g_autofree char *lone = llm_coverage_point_label ("|x|");

  g_assert_false (llm_coverage_get_cross_script (english));
  g_assert_true (llm_coverage_get_covered (english, 0));
  g_assert_false (llm_coverage_get_covered (english, 1));
  g_assert_true (llm_coverage_get_covered (chinese, 0));
  g_assert_false (llm_coverage_get_covered (chinese, 1));

  g_assert_cmpstr (label, ==, "翻译对齐");
  g_assert_cmpstr (plain, ==, "a");
  g_assert_cmpstr (lone, ==, "|x|");
}

static void
test_chinese_missed (void)
{
  assert_missed ("多头注意力在不同的表示子空间中学习信息", "位置编码提供顺序信息。");
  assert_missed ("残差连接缓解梯度消失", "我不知道。");
  /* Sharing only function words is no coverage. */
  assert_missed ("知识蒸馏把大模型的知识传给小模型", "我们可以通过这个进行一些处理，因为这是一个问题。");
}

static void
test_english (void)
{
  assert_covered ("Scaled dot-product attention divides by the square root of the key dimension",
                  "We take the dot product of queries and keys, then divide by the square root "
                  "of the dimension: that is scaled attention.");
  assert_covered ("Residual connections help gradients flow",
                  "Gradients flow better thanks to the residual connection, which helps deep nets.");
  assert_missed ("Residual connections help gradients flow",
                 "Attention weights come from a softmax over the scores.");
  /* Stop words alone cover nothing. */
  assert_missed ("Residual connections help gradients flow",
                 "It is what it is, and that is all there is to it.");
}

static void
test_normalised (void)
{
  assert_covered ("Softmax 归一化", "ＳＯＦＴＭＡＸ 做归一化");
  assert_covered ("KV Cache", "kv-cache");
  /* A key point without features is looked for as it is. */
  assert_covered ("Q", "Q、K、V");
  assert_missed ("Q", "K and V");
}

static void
test_empty_answer (void)
{
  const char *points[] = { "位置编码", "Residual connections", "Q", NULL };
  const char *answers[] = { "", "   ", "。，！" };

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr(LlmCoverage) coverage = llm_coverage_score (points, answers[i]);

      g_assert_cmpuint (llm_coverage_get_n_points (coverage), ==, 3);
      g_assert_cmpuint (llm_coverage_get_n_covered (coverage), ==, 0);
      for (guint p = 0; p < 3; p++)
        {
          g_assert_false (llm_coverage_get_covered (coverage, p));
          g_assert_cmpfloat (llm_coverage_get_ratio (coverage, p), ==, 0.0);
        }
      g_assert_cmpfloat (llm_coverage_get_fraction (coverage), ==, 0.0);
      g_assert_cmpint (llm_coverage_get_suggested_grade (coverage), ==, LLM_COVERAGE_GRADE_AGAIN);
    }
}

static void
test_grades (void)
{
  const char *points[] = { "alpha beta", "gamma delta", "epsilon zeta", "theta kappa", NULL };
  struct {
    const char *answer;
    guint n_covered;
    int grade;
  } cases[] = {
    { "nothing relevant", 0, LLM_COVERAGE_GRADE_AGAIN },
    { "alpha beta", 1, LLM_COVERAGE_GRADE_HARD },
    { "alpha beta, gamma delta", 2, LLM_COVERAGE_GRADE_GOOD },
    { "alpha beta, gamma delta, epsilon zeta", 3, LLM_COVERAGE_GRADE_GOOD },
    { "theta kappa epsilon zeta gamma delta alpha beta", 4, LLM_COVERAGE_GRADE_EASY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LlmCoverage) coverage = llm_coverage_score (points, cases[i].answer);

      g_assert_cmpuint (llm_coverage_get_n_covered (coverage), ==, cases[i].n_covered);
      g_assert_cmpfloat_with_epsilon (llm_coverage_get_fraction (coverage), cases[i].n_covered / 4.0, 1e-9);
      g_assert_cmpint (llm_coverage_get_suggested_grade (coverage), ==, cases[i].grade);
    }

  /* Nothing to judge by, nothing suggested. */
  {
    const char *none[] = { NULL };
    g_autoptr(LlmCoverage) coverage = llm_coverage_score (none, "an answer");

    g_assert_cmpuint (llm_coverage_get_n_points (coverage), ==, 0);
    g_assert_cmpfloat (llm_coverage_get_fraction (coverage), ==, 0.0);
    g_assert_cmpint (llm_coverage_get_suggested_grade (coverage), ==, LLM_COVERAGE_GRADE_NONE);
  }
}

static void
test_ref (void)
{
  const char *points[] = { "alpha beta", NULL };
  LlmCoverage *coverage = llm_coverage_score (points, "alpha beta");
  GValue value = G_VALUE_INIT;

  /* Boxed, so it fits in a GValue or a property. */
  g_value_init (&value, LLM_TYPE_COVERAGE);
  g_value_set_boxed (&value, coverage);
  llm_coverage_unref (coverage);
  coverage = g_value_get_boxed (&value);
  g_assert_cmpuint (llm_coverage_get_n_covered (coverage), ==, 1);
  g_value_unset (&value);
}

static void
assert_points (char       **got,
               const char  *expected[])
{
  g_autofree char *joined = g_strjoinv (" | ", got);

  g_test_message ("key points: %s", joined);
  g_assert_cmpuint (g_strv_length (got), ==, g_strv_length ((char **)expected));
  for (guint i = 0; expected[i]; i++)
    g_assert_cmpstr (got[i], ==, expected[i]);
}

static void
test_key_points_highlights (void)
{
  g_auto(GStrv) points = llm_coverage_key_points_from_markdown (
    "Intro ==first point== and **bold**.\n"
    "- item: ==second point==\n");
  const char *expected[] = { "first point", "second point", NULL };

  assert_points (points, expected);
}

static void
test_key_points_bold (void)
{
  g_auto(GStrv) points = llm_coverage_key_points_from_markdown (
    "Intro **Bold one**：explained, and **Bold two** again.\n"
    "- **位置编码**: 给出位置\n"
    "- **Bold one** repeated\n"
    "```\n"
    "**not in code**\n"
    "```\n"
    "Nor `**in a code span**`.\n");
  const char *expected[] = { "Bold one", "Bold two", "位置编码", NULL };

  assert_points (points, expected);
}

static void
test_key_points_lead_phrases (void)
{
  g_auto(GStrv) points = llm_coverage_key_points_from_markdown (
    "Preamble, not a list item.\n"
    "- 位置编码：给出位置信息\n"
    "- Attention, all you need\n"
    "1. 残差连接。还有别的\n"
    "2) `KV cache`，省计算\n"
    "> * quoted item: yes\n"
    "  - nested, too\n"
    "```\n"
    "- in code: no\n"
    "```\n"
    "plain line: no\n");
  const char *expected[] = { "位置编码", "Attention", "残差连接", "KV cache", "quoted item", "nested", NULL };

  assert_points (points, expected);
}

static void
test_key_points_none (void)
{
  g_auto(GStrv) points = llm_coverage_key_points_from_markdown ("Just prose, no structure.");
  const char *expected[] = { NULL };

  assert_points (points, expected);
}

static void
test_key_points_question (void)
{
  const char *own[] = { "own point", NULL };
  g_autoptr(LlmQuestion) with_own = llm_question_new ("a", 1, "A", "T", "Has **bold** too.", own);
  g_autoptr(LlmQuestion) without = llm_question_new ("b", 2, "B", "T", "Has **bold** only.", NULL);
  g_auto(GStrv) first = llm_coverage_key_points_for (with_own);
  g_auto(GStrv) second = llm_coverage_key_points_for (without);
  const char *expected_second[] = { "bold", NULL };

  assert_points (first, own);
  assert_points (second, expected_second);
}

static void
test_seed (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("LLM_TEST_SEED"));
  g_autoptr(GError) error = NULL;
  g_autoptr(LlmCollection) collection = llm_collection_load_file (file, &error);

  g_assert_no_error (error);

  /* Question 1 has no highlights: its bold span stands in. */
  {
    g_auto(GStrv) points = llm_coverage_key_points_for (llm_collection_get_question (collection, 0));
    const char *expected[] = { "Encoder-Decoder 架构", NULL };

    assert_points (points, expected);
  }

  /* Every answer covers its own key points. */
  for (guint i = 0; i < llm_collection_get_n_questions (collection); i++)
    {
      LlmQuestion *question = llm_collection_get_question (collection, i);
      g_auto(GStrv) points = llm_coverage_key_points_for (question);
      g_autoptr(LlmCoverage) coverage = llm_coverage_score ((const char * const *)points,
                                                            llm_question_get_answer (question));

      if (points[0] == NULL)
        continue;
      g_assert_cmpuint (llm_coverage_get_n_covered (coverage), ==, g_strv_length (points));
      g_assert_cmpint (llm_coverage_get_suggested_grade (coverage), ==, LLM_COVERAGE_GRADE_EASY);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/llm/coverage/chinese-covered", test_chinese_covered);
  g_test_add_func ("/llm/coverage/chinese-paraphrased", test_chinese_paraphrased);
  g_test_add_func ("/llm/coverage/chinese-missed", test_chinese_missed);
  g_test_add_func ("/llm/coverage/words-in-order", test_words_in_order);
  g_test_add_func ("/llm/coverage/keyword-list", test_keyword_list);
  g_test_add_func ("/llm/coverage/cross-script", test_cross_script);
  g_test_add_func ("/llm/coverage/bilingual", test_bilingual);
  g_test_add_func ("/llm/coverage/english", test_english);
  g_test_add_func ("/llm/coverage/normalised", test_normalised);
  g_test_add_func ("/llm/coverage/empty-answer", test_empty_answer);
  g_test_add_func ("/llm/coverage/grades", test_grades);
  g_test_add_func ("/llm/coverage/ref", test_ref);
  g_test_add_func ("/llm/coverage/key-points-highlights", test_key_points_highlights);
  g_test_add_func ("/llm/coverage/key-points-bold", test_key_points_bold);
  g_test_add_func ("/llm/coverage/key-points-lead-phrases", test_key_points_lead_phrases);
  g_test_add_func ("/llm/coverage/key-points-none", test_key_points_none);
  g_test_add_func ("/llm/coverage/key-points-question", test_key_points_question);
  g_test_add_func ("/llm/coverage/seed", test_seed);

  return g_test_run ();
}
