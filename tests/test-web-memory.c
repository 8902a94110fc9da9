/* test-web-memory.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the answer view's web process is started with (llm-web-memory.c):
 * an answer with Chinese text upright, in italic, in bold and bold italic,
 * and in a highlighted code block's italic comment, shown in the real
 * window, leaves each Noto Sans CJK file mapped once per face in the web
 * process, read from its /proc/PID/maps; the italic is still italic; its
 * JavaScript runs without the optimizing compiler (its /proc/PID/environ);
 * and nothing the app launches later inherits the variables the process
 * was started with.
 */

#include "config.h"

#include <adwaita.h>

#include "llm-collection.h"
#include "llm-test-util.h"
#include "llm-window.h"

static const char answer[] =
  "## 主题\n"
  "### 1. 为什么要缩放点积？\n"
  "\n"
  "正文的汉字，*斜体的汉字*，**粗体的汉字**，***粗斜体的汉字***。\n"
  "\n"
  "```python\n"
  "# 注释里的汉字\n"
  "scores = q @ k.T / d ** 0.5\n"
  "```\n";

/* How many times each Noto Sans CJK file is mapped, by path. */
static GHashTable *
count_cjk_mappings (GPid pid)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *path = g_strdup_printf ("/proc/%d/maps", pid);
  g_autofree char *maps = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &maps, NULL, NULL));
  lines = g_strsplit (maps, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *file = strchr (lines[i], '/');
      guint count;

      if (file == NULL || strstr (file, "NotoSansCJK") == NULL)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, file));
      g_hash_table_insert (counts, g_strdup (file), GUINT_TO_POINTER (count + 1));
    }

  return counts;
}

/* Whether @pid was started with @variable, "NAME=VALUE". */
static gboolean
environ_holds (GPid        pid,
               const char *variable)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/environ", pid);
  g_autofree char *environ = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &environ, &length, NULL));
  for (const char *entry = environ; entry < environ + length; entry += strlen (entry) + 1)
    if (g_str_equal (entry, variable))
      return TRUE;

  return FALSE;
}

static void
test_web_process (void)
{
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GArray) pids = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autofree char *highlighted = NULL;
  GHashTableIter iter;
  gpointer file, count;
  LlmAnswerView *view;
  LlmWindow *window;

  if (!g_file_test ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("Noto Sans CJK is not installed");
      return;
    }

  window = llm_test_open_window (answer, -1, &collection);
  view = llm_window_get_answer_view (window);

  /* Every style drawn: the comment is italic once highlighted. */
  highlighted = llm_test_wait_for_eval (view, "document.querySelectorAll('.hljs-comment').length", "1");
  g_assert_cmpstr (highlighted, ==, "1");
  llm_test_wait (300);
  llm_test_assert_eval (view, "getComputedStyle(document.querySelector('article em')).fontStyle", "italic");
  llm_test_assert_eval (view, "getComputedStyle(document.querySelector('.hljs-comment')).fontStyle", "italic");

  pids = llm_test_find_processes ("WebKitWebProces");
  g_assert_cmpuint (pids->len, ==, 1);
  counts = count_cjk_mappings (g_array_index (pids, GPid, 0));
  /* Each file is opened once per face the page uses, whatever the style
   * asked of it: the regular file for the text's face and the code's
   * (Noto Sans Mono CJK SC), the bold one for the text's. Italic once
   * opened a copy of its own for each. */
  g_assert_cmpuint (g_hash_table_size (counts), ==, 2);
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &file, &count))
    {
      g_test_message ("%s mapped %u times", (const char *)file, GPOINTER_TO_UINT (count));
      g_assert_cmpuint (GPOINTER_TO_UINT (count), ==, strstr (file, "Bold") != NULL ? 1 : 2);
    }

  /* Its JavaScript goes without the optimizing compiler... */
  g_assert_true (environ_holds (g_array_index (pids, GPid, 0), "JSC_useDFGJIT=false"));

  /* ...and nothing the app starts later inherits what the web process got. */
  g_assert_null (g_getenv ("FONTCONFIG_FILE"));
  g_assert_null (g_getenv ("JSC_useDFGJIT"));

  llm_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  llm_test_init (&argc, &argv);

  g_test_add_func ("/llm/web-memory/web-process", test_web_process);

  return g_test_run ();
}
