/* test-html-export.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "hostile-payloads.h"
#include "svg-oracle.h"
#include "llm-collection-loader.h"
#include "llm-html-export.h"
#include "llm-question.h"
#include "llm-test-files.h"
#include "llm-topic.h"

#define N_SEED_QUESTIONS 30
#define SEED_IMAGE "cnn-rnn-self-attention.svg"
#define KATEX_TAG "<script src=\"../assets/katex/katex.min.js\"></script>"
#define OPTIONS_TAG "<script src=\"../assets/katex-options.js\"></script>"
#define BOOTSTRAP_TAG "<script src=\"../assets/render-math.js\"></script>"
#define HIGHLIGHT_TAG "<script src=\"../assets/highlight.min.js\"></script>"
#define CODE_TAG "<script src=\"../assets/render-code.js\"></script>"

static LlmCollection *
load_seed (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("LLM_TEST_SEED"));
  g_autoptr(GError) error = NULL;
  LlmCollection *collection = llm_collection_load_file (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (collection);
  return collection;
}

static void
export_ok (LlmCollection *collection,
           LlmNoteStore  *notes,
           const char    *path)
{
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (llm_html_export (collection, notes, dir, NULL, NULL, &error));
  g_assert_no_error (error);
}

static char *
read_text (const char *dir,
           const char *relative)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
assert_exists (const char *dir,
               const char *relative)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_error ("%s is missing", path);
}

/* The names of the pages in q/, sorted. */
static GPtrArray *
list_pages (const char *site)
{
  g_autofree char *path = g_build_filename (site, "q", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_true (g_str_has_suffix (name, ".html"));
      g_ptr_array_add (pages, g_build_filename ("q", name, NULL));
    }
  g_ptr_array_sort (pages, (GCompareFunc)g_strcmp0);
  return pages;
}

/* Checks that every local href and src in @html names an existing file,
 * relative to @page's folder. Returns how many pointed into q/. */
static guint
assert_links_resolve (const char *site,
                      const char *page,
                      const char *html)
{
  g_autoptr(GRegex) regex = g_regex_new ("(?:href|src)=\"([^\"]*)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *page_dir = g_path_get_dirname (page);
  guint n_questions = 0;

  g_regex_match (regex, html, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *href = g_match_info_fetch (match, 1);
      g_autofree char *unescaped = NULL;
      g_autofree char *path = NULL;
      g_autofree char *canonical = NULL;

      /* Fragments, web links the content wrote, and the empty href that
       * cmark leaves of a javascript: link are not ours to check. */
      if (href[0] == '\0' || href[0] == '#' || g_uri_peek_scheme (href) != NULL)
        continue;

      unescaped = g_uri_unescape_string (href, NULL);
      g_assert_nonnull (unescaped);
      path = g_build_filename (site, page_dir, unescaped, NULL);
      canonical = g_canonicalize_filename (path, NULL);
      g_assert_true (g_str_has_prefix (canonical, site));
      if (!g_file_test (canonical, G_FILE_TEST_IS_REGULAR))
        g_error ("%s links to %s, which is missing", page, href);

      if (strstr (canonical, "/q/") != NULL)
        n_questions++;
    }

  return n_questions;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static void
test_seed (void)
{
  g_autofree char *tmp = llm_test_make_folder ("llm-html-export");
  g_autofree char *site = g_build_filename (tmp, "site", NULL);
  g_autofree char *notes_path = g_build_filename (tmp, "notes", NULL);
  g_autoptr(GFile) notes_dir = g_file_new_for_path (notes_path);
  g_autoptr(LlmNoteStore) notes = llm_note_store_new (notes_dir);
  g_autoptr(LlmCollection) collection = load_seed ();
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *index = NULL;
  g_autofree char *note_page = NULL;
  g_autofree char *relative = NULL;
  LlmQuestion *noted = llm_collection_get_question (collection, 3);
  gboolean saw_image = FALSE;
  guint n_with_notes = 0;

  g_assert_cmpuint (llm_collection_get_n_questions (collection), ==, N_SEED_QUESTIONS);
  g_assert_cmpint (g_mkdir (notes_path, 0700), ==, 0);
  g_assert_true (llm_note_store_save (notes, llm_question_get_id (noted),
                                      llm_question_get_title (noted),
                                      llm_question_get_topic (noted),
                                      "A ==marked== thought on $x^2$.", &error));
  g_assert_no_error (error);

  export_ok (collection, notes, site);

  assert_exists (site, "index.html");
  assert_exists (site, "assets/style.css");
  /* What style.css imports and render-math.js reads, shared with the app. */
  assert_exists (site, "assets/palette.css");
  assert_exists (site, "assets/katex-options.js");
  assert_exists (site, "assets/render-math.js");
  assert_exists (site, "assets/katex/katex.min.js");
  assert_exists (site, "assets/katex/katex.min.css");
  assert_exists (site, "assets/katex/fonts/KaTeX_Main-Regular.woff2");
  assert_exists (site, "images/" SEED_IMAGE);

  pages = list_pages (site);
  g_assert_cmpuint (pages->len, ==, N_SEED_QUESTIONS);

  /* Every question is linked from the index, by a percent-encoded href
   * (the seed's ids are Chinese) that leads to its page. */
  index = read_text (site, "index.html");
  g_assert_cmpuint (assert_links_resolve (site, "index.html", index), ==, N_SEED_QUESTIONS);
  g_assert_nonnull (strstr (index, "href=\"q/%E"));
  g_assert_nonnull (strstr (index, "Transformer"));

  for (guint i = 0; i < pages->len; i++)
    {
      const char *page = g_ptr_array_index (pages, i);
      g_autofree char *html = read_text (site, page);

      /* Contents, plus previous and next except at either end. */
      g_assert_cmpuint (assert_links_resolve (site, page, html), >=, 1);
      g_assert_nonnull (strstr (html, "href=\"../index.html\""));
      g_assert_null (strstr (html, "app://"));
      saw_image |= strstr (html, "src=\"../images/" SEED_IMAGE "\"") != NULL;
      n_with_notes += strstr (html, "class=\"my-notes\"") != NULL;
    }
  g_assert_true (saw_image);
  g_assert_cmpuint (n_with_notes, ==, 1);

  /* The seed's ids are letters and dashes, so they name their pages. */
  relative = g_strconcat ("q/", llm_question_get_id (noted), ".html", NULL);
  note_page = read_text (site, relative);
  g_assert_nonnull (strstr (note_page, "<section class=\"my-notes\">\n<h2>My Notes</h2>"));
  g_assert_nonnull (strstr (note_page, "<mark>marked</mark>"));
  g_assert_nonnull (strstr (note_page, "<span class=\"math inline\">x^2</span>"));
  /* The seed has no code with a language, so no highlight.js either. */
  g_assert_cmpuint (count (note_page, "<script"), ==, 3);
  g_assert_cmpuint (count (note_page, HIGHLIGHT_TAG), ==, 0);
  g_assert_cmpuint (count (note_page, KATEX_TAG), ==, 1);
  g_assert_cmpuint (count (note_page, OPTIONS_TAG), ==, 1);
  g_assert_cmpuint (count (note_page, BOOTSTRAP_TAG), ==, 1);
  /* The options come before the script that uses them. */
  g_assert_true (strstr (note_page, OPTIONS_TAG) < strstr (note_page, BOOTSTRAP_TAG));

  llm_test_remove_tree (tmp);
}

/* Markup a hostile collection throws at the export: every bit of it must
 * arrive as text or not at all. */
static const char hostile_md[] =
  "## <script>alert(1)</script> topic\n"
  "### 1. <img src=x onerror=alert(1)> title\n"
  "\n"
  "<script>alert(1)</script>\n"
  "\n"
  "<img src=x onerror=alert(1)>\n"
  "\n"
  "[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) <javascript:alert(1)>\n"
  "\n"
  "<a href=\"javascript:alert(1)\">z</a> <iframe src=\"javascript:alert(1)\"></iframe>\n"
  "\n"
  "![](http://example.com/x.png) ![](//example.com/y.png)\n"
  "\n"
  "$\\href{javascript:alert(1)}{x}$ and $$\\url{javascript:alert(1)}$$\n"
  "\n"
  "![[secret.png]] ![[../outside.png]] ![](secret.png)\n"
  "\n"
  "### 2. \"><svg onload=alert(1)>\n"
  "\n"
  "![[ok.png]] <meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">\n";

static void
assert_harmless (const char *name,
                 const char *html)
{
  g_autoptr(GRegex) handler = g_regex_new ("<[^>]*\\son[a-z]+\\s*=", G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GRegex) js_url = g_regex_new ("<[^>]*(?:href|src|action)\\s*=\\s*[\"']?\\s*javascript:",
                                          G_REGEX_CASELESS, 0, NULL);
  /* An empty src, what cmark leaves of an unsafe URL, loads nothing. */
  g_autoptr(GRegex) remote = g_regex_new ("<img[^>]*\\ssrc=\"(?!\\.\\./images/|\")", G_REGEX_CASELESS, 0, NULL);
  guint n_scripts = count (html, KATEX_TAG) + count (html, OPTIONS_TAG) + count (html, BOOTSTRAP_TAG) +
                    count (html, HIGHLIGHT_TAG) + count (html, CODE_TAG);

  if (count (html, "<script") != n_scripts ||
      g_regex_match (handler, html, 0, NULL) ||
      g_regex_match (js_url, html, 0, NULL) ||
      g_regex_match (remote, html, 0, NULL) ||
      strstr (html, "<iframe") != NULL ||
      strstr (html, "<svg") != NULL ||
      strstr (html, "http-equiv=\"refresh\"") != NULL)
    g_error ("%s lets hostile markup through:\n%s", name, html);

  /* Every page keeps the policy, in case a renderer bug ever lets some
   * through. */
  g_assert_nonnull (strstr (html, "script-src 'self'"));
}

static void
test_hostile (void)
{
  g_autofree char *tmp = llm_test_make_folder ("llm-html-export");
  g_autofree char *base_path = g_build_filename (tmp, "collection", NULL);
  g_autofree char *site = g_build_filename (tmp, "site", NULL);
  g_autofree char *secret = g_build_filename (tmp, "secret.txt", NULL);
  g_autofree char *link = g_build_filename (base_path, "secret.png", NULL);
  g_autofree char *outside = g_build_filename (tmp, "outside.png", NULL);
  g_autofree char *ok = g_build_filename (base_path, "ok.png", NULL);
  g_autoptr(GFile) base = g_file_new_for_path (base_path);
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *index = NULL;

  g_assert_cmpint (g_mkdir (base_path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (secret, "secret", -1, NULL));
  g_assert_true (g_file_set_contents (outside, "outside", -1, NULL));
  g_assert_true (g_file_set_contents (ok, "\x89PNG\r\n\x1a\n", -1, NULL));
  /* A symlink in the collection that leads out of it. */
  g_assert_cmpint (symlink (secret, link), ==, 0);

  collection = llm_collection_load_data (hostile_md, -1, "<script>alert(1)</script>", base, &error);
  g_assert_no_error (error);
  export_ok (collection, NULL, site);

  index = read_text (site, "index.html");
  assert_harmless ("index.html", index);
  g_assert_nonnull (strstr (index, "&lt;script&gt;alert(1)&lt;/script&gt;"));

  pages = list_pages (site);
  g_assert_cmpuint (pages->len, ==, 2);
  for (guint i = 0; i < pages->len; i++)
    {
      const char *page = g_ptr_array_index (pages, i);
      g_autofree char *html = read_text (site, page);

      assert_harmless (page, html);
      assert_links_resolve (site, page, html);
    }

  /* Only the image that really lives in the collection came along. */
  assert_exists (site, "images/ok.png");
  {
    g_autofree char *images = g_build_filename (site, "images", NULL);
    g_autoptr(GDir) dir = g_dir_open (images, 0, NULL);

    g_assert_nonnull (dir);
    g_assert_cmpstr (g_dir_read_name (dir), ==, "ok.png");
    g_assert_null (g_dir_read_name (dir));
  }

  llm_test_remove_tree (tmp);
}

/* No markup in @html may load, run or go anywhere by itself: beyond
 * assert_harmless(), no remote URL in any attribute that loads without a
 * click, no frames, objects, forms, bases or meta refreshes, and only our
 * own stylesheets. A link to a web page is fine: it waits for a click. */
static void
assert_inert (const char *name,
              const char *html)
{
  g_autoptr(GRegex) loads_remote = g_regex_new ("<[^>]*\\s(?:src|srcset|data|poster|background|action|ping)\\s*="
                                                "\\s*[\"']?[^\"'>]*(?:https?:|//)",
                                                G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GRegex) bad_url = g_regex_new ("<[^>]*\\s(?:href|src)\\s*=\\s*[\"']?\\s*(?:vbscript|data:text|file):",
                                           G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GRegex) style_url = g_regex_new ("<[^>]*\\sstyle\\s*=[^>]*url\\(", G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GRegex) bad_tag = g_regex_new ("<(?:iframe|object|embed|form|base|video|audio|style|math|image)[\\s>/]",
                                           G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GRegex) link = g_regex_new ("<link(?![^>]*href=\"(?:\\.\\./)?assets/)", G_REGEX_CASELESS, 0, NULL);

  assert_harmless (name, html);
  if (g_regex_match (loads_remote, html, 0, NULL) ||
      g_regex_match (bad_url, html, 0, NULL) ||
      g_regex_match (style_url, html, 0, NULL) ||
      g_regex_match (bad_tag, html, 0, NULL) ||
      g_regex_match (link, html, 0, NULL) ||
      count (html, "<meta http-equiv") != 1)
    g_error ("%s lets live markup through", name);
}

/* test-hostile's corpora, with its two huge payloads, as answers and as a
 * note: the export holds none of it live. */
static void
test_payload_corpus (void)
{
  g_autofree char *tmp = llm_test_make_folder ("llm-html-export");
  g_autofree char *site = g_build_filename (tmp, "site", NULL);
  g_autofree char *notes_path = g_build_filename (tmp, "notes", NULL);
  g_autoptr(GFile) notes_dir = g_file_new_for_path (notes_path);
  g_autoptr(LlmNoteStore) notes = llm_note_store_new (notes_dir);
  g_autoptr(GString) markdown = g_string_new ("## Payloads\n");
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GString) line = hostile_huge_line (9);
  g_autoptr(GString) quotes = hostile_deep_quotes (9);
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *index = NULL;
  guint n;

  n = G_N_ELEMENTS (payloads) + G_N_ELEMENTS (sanitizer_payloads);
  for (guint i = 0; i < n; i++)
    {
      const char *format = i < G_N_ELEMENTS (payloads) ? payloads[i] :
                           sanitizer_payloads[i - G_N_ELEMENTS (payloads)];
      g_autofree char *payload = g_strdup_printf (format, 9);

      g_string_append_printf (markdown, "### %u. Payload %u\n\n%s\n\n", i + 1, i + 1, payload);
      g_string_append_printf (note, "%s\n\n", payload);
    }
  g_string_append_printf (markdown, "### %u. Line\n\n%s\n\n### %u. Quotes\n\n%s\n", n + 1, line->str, n + 2, quotes->str);

  collection = llm_collection_load_data (markdown->str, markdown->len, "payloads", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (llm_collection_get_n_questions (collection), ==, n + 2);
  for (guint i = 0; i < 3; i++)
    {
      LlmQuestion *question = llm_collection_get_question (collection, i);
      const char *text = i == 0 ? note->str : i == 1 ? line->str : quotes->str;

      g_assert_true (llm_note_store_save (notes, llm_question_get_id (question), llm_question_get_title (question),
                                          llm_question_get_topic (question), text, &error));
      g_assert_no_error (error);
    }

  export_ok (collection, notes, site);

  index = read_text (site, "index.html");
  assert_inert ("index.html", index);
  /* A payload has a Python block: highlight.js came with its page. */
  assert_exists (site, "assets/highlight.min.js");
  assert_exists (site, "assets/render-code.js");
  pages = list_pages (site);
  g_assert_cmpuint (pages->len, ==, n + 2);
  for (guint i = 0; i < pages->len; i++)
    {
      const char *page = g_ptr_array_index (pages, i);
      g_autofree char *html = read_text (site, page);

      assert_inert (page, html);
    }
  g_test_message ("%u payloads exported as answers and as notes: 0 live", n + 2);

  llm_test_remove_tree (tmp);
}

static void
test_refuse_unrelated (void)
{
  g_autofree char *tmp = llm_test_make_folder ("llm-html-export");
  g_autofree char *precious = g_build_filename (tmp, "precious.txt", NULL);
  g_autofree char *index_path = g_build_filename (tmp, "index.html", NULL);
  g_autoptr(LlmCollection) collection = load_seed ();
  g_autoptr(GFile) dir = g_file_new_for_path (tmp);
  g_autoptr(GFile) file = g_file_new_for_path (precious);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_file_set_contents (precious, "mine", -1, NULL));
  g_assert_false (llm_html_export (collection, NULL, dir, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_EMPTY);
  g_assert_nonnull (strstr (error->message, tmp));
  g_clear_error (&error);
  g_assert_false (g_file_test (index_path, G_FILE_TEST_EXISTS));

  /* Someone else's index.html does not make the folder ours either. */
  g_assert_true (g_file_set_contents (index_path, "<html>my site</html>", -1, NULL));
  g_assert_false (llm_html_export (collection, NULL, dir, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_EMPTY);
  g_clear_error (&error);

  text = read_text (tmp, "index.html");
  g_assert_cmpstr (text, ==, "<html>my site</html>");
  g_clear_pointer (&text, g_free);
  text = read_text (tmp, "precious.txt");
  g_assert_cmpstr (text, ==, "mine");

  /* A file is no folder. */
  g_assert_false (llm_html_export (collection, NULL, file, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);

  llm_test_remove_tree (tmp);
}

static void
test_twice (void)
{
  g_autofree char *tmp = llm_test_make_folder ("llm-html-export");
  g_autofree char *stale_page = g_build_filename (tmp, "q", "stale.html", NULL);
  g_autofree char *stale_image = g_build_filename (tmp, "images", "old", "gone.png", NULL);
  g_autofree char *cname = g_build_filename (tmp, "CNAME", NULL);
  g_autofree char *svg = g_build_filename (tmp, "images", SEED_IMAGE, NULL);
  g_autoptr(LlmCollection) seed = load_seed ();
  g_autoptr(LlmCollection) small = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *images_old = g_path_get_dirname (stale_image);

  export_ok (seed, NULL, tmp);

  /* What an earlier export, or a person, left in our folders goes; what a
   * person put beside them stays. */
  g_assert_true (g_file_set_contents (stale_page, "old", -1, NULL));
  g_assert_cmpint (g_mkdir (images_old, 0755), ==, 0);
  g_assert_true (g_file_set_contents (stale_image, "old", -1, NULL));
  g_assert_true (g_file_set_contents (cname, "notes.example.com", -1, NULL));

  export_ok (seed, NULL, tmp);
  pages = list_pages (tmp);
  g_assert_cmpuint (pages->len, ==, N_SEED_QUESTIONS);
  g_assert_false (g_file_test (stale_page, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (images_old, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (cname, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (svg, G_FILE_TEST_IS_REGULAR));

  /* A smaller collection replaces the whole export. */
  small = llm_collection_load_data ("## T\n### 1. Only\n\nAnswer.\n", -1, "small", NULL, &error);
  g_assert_no_error (error);
  export_ok (small, NULL, tmp);
  g_clear_pointer (&pages, g_ptr_array_unref);
  pages = list_pages (tmp);
  g_assert_cmpuint (pages->len, ==, 1);
  g_assert_false (g_file_test (svg, G_FILE_TEST_EXISTS));
  assert_exists (tmp, "assets/katex/katex.min.js");

  llm_test_remove_tree (tmp);
}

typedef struct
{
  GArray *pages;    /* done, for each report while writing pages */
  guint n_pages;    /* the total those reports gave */
  guint sync_done;  /* the last report while syncing */
  guint sync_total;
  guint n_sync_reports;
  gboolean out_of_order;
} Progress;

static void
on_progress (guint    done,
             guint    total,
             gboolean syncing,
             gpointer user_data)
{
  Progress *progress = user_data;

  if (!syncing)
    {
      /* Pages first, then the sync, never back. */
      progress->out_of_order |= progress->n_sync_reports > 0;
      g_array_append_val (progress->pages, done);
      progress->n_pages = total;
      return;
    }

  progress->out_of_order |= progress->n_sync_reports > 0 &&
                            (total != progress->sync_total || done < progress->sync_done);
  progress->sync_done = done;
  progress->sync_total = total;
  progress->n_sync_reports++;
}

/* Files and folders under @path, @path itself counted as a folder;
 * GLib-style temporary files (NAME.XXXXXX) counted apart. */
static void
count_tree (const char *path,
            const char *skip,
            guint      *files,
            guint      *folders,
            guint      *temporary)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  (*folders)++;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        count_tree (child, skip, files, folders, temporary);
      else if (g_regex_match_simple ("\\.[A-Za-z0-9]{6}$", name, 0, 0))
        (*temporary)++;
      else if (g_strcmp0 (name, skip) != 0)
        (*files)++;
    }
}

/* The export reports each page as it goes, then makes everything durable
 * once, at the end: each file it wrote and each folder is synced exactly
 * once (the index and its folder after everything else), none of the
 * temporary files it wrote to is left, and an export that changes nothing
 * writes and syncs nothing. */
static void
test_progress_and_sync (void)
{
  g_autofree char *tmp = llm_test_make_folder ("llm-html-export");
  g_autofree char *site = g_build_filename (tmp, "site", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (site);
  g_autoptr(LlmCollection) seed = load_seed ();
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (guint));
  Progress progress = { pages };
  LlmHtmlExportOptions options = { .progress = on_progress, .progress_data = &progress };
  g_autoptr(GError) error = NULL;
  guint n = llm_collection_get_n_questions (seed);
  guint files = 0, folders = 0, temporary = 0;

  g_assert_true (llm_html_export (seed, NULL, dir, &options, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (pages->len, ==, n);
  g_assert_cmpuint (progress.n_pages, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (g_array_index (pages, guint, i), ==, i + 1);
  g_assert_false (progress.out_of_order);
  g_assert_cmpuint (progress.n_sync_reports, >, 0);
  g_assert_cmpuint (progress.sync_done, ==, progress.sync_total);

  /* Everything but the index (synced last, on its own) and every folder,
   * each once. */
  count_tree (site, "index.html", &files, &folders, &temporary);
  g_assert_cmpuint (temporary, ==, 0);
  g_assert_cmpuint (files, >, n);
  g_assert_cmpuint (progress.sync_total, ==, files + folders);
  assert_exists (site, "index.html");
  {
    g_autoptr(GPtrArray) written = list_pages (site);

    g_assert_cmpuint (written->len, ==, n);
  }

  /* The same export again: nothing to write, nothing to sync. */
  g_array_set_size (pages, 0);
  progress.n_sync_reports = 0;
  progress.sync_done = progress.sync_total = G_MAXUINT;
  g_assert_true (llm_html_export (seed, NULL, dir, &options, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages->len, ==, n);
  g_assert_cmpuint (progress.sync_total, ==, 0);
  files = folders = temporary = 0;
  count_tree (site, "index.html", &files, &folders, &temporary);
  g_assert_cmpuint (temporary, ==, 0);

  llm_test_remove_tree (tmp);
}

/* A symlink put in place of one of our folders must not carry the export
 * out of DIR. */
static void
test_symlinked_folder (void)
{
  g_autofree char *tmp = llm_test_make_folder ("llm-html-export");
  g_autofree char *site = g_build_filename (tmp, "site", NULL);
  g_autofree char *elsewhere = g_build_filename (tmp, "elsewhere", NULL);
  g_autofree char *q = g_build_filename (site, "q", NULL);
  g_autofree char *images = g_build_filename (site, "images", NULL);
  g_autofree char *kept = g_build_filename (elsewhere, "kept.png", NULL);
  g_autoptr(LlmCollection) seed = load_seed ();
  g_autoptr(LlmCollection) small = NULL;
  g_autoptr(GFile) dir = g_file_new_for_path (site);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) error = NULL;

  export_ok (seed, NULL, site);
  llm_test_remove_tree (q);
  g_assert_cmpint (g_mkdir (elsewhere, 0755), ==, 0);
  g_assert_cmpint (symlink (elsewhere, q), ==, 0);

  g_assert_false (llm_html_export (seed, NULL, dir, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_clear_error (&error);

  listing = g_dir_open (elsewhere, 0, NULL);
  g_assert_nonnull (listing);
  g_assert_null (g_dir_read_name (listing));

  /* Nor may clearing out old images delete what such a symlink leads to,
   * when this export has no images of its own. */
  g_assert_cmpint (g_unlink (q), ==, 0);
  g_assert_true (g_file_set_contents (kept, "kept", -1, NULL));
  llm_test_remove_tree (images);
  g_assert_cmpint (symlink (elsewhere, images), ==, 0);
  small = llm_collection_load_data ("## T\n### 1. Only\n\nAnswer.\n", -1, "small", NULL, &error);
  g_assert_no_error (error);
  export_ok (small, NULL, site);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (images, G_FILE_TEST_EXISTS));

  llm_test_remove_tree (tmp);
}

/* An export cut short leaves a folder that the next export takes as its
 * own. */
static void
test_cancelled (void)
{
  g_autofree char *tmp = llm_test_make_folder ("llm-html-export");
  g_autoptr(LlmCollection) seed = load_seed ();
  g_autoptr(GFile) dir = g_file_new_for_path (tmp);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (llm_html_export (seed, NULL, dir, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  export_ok (seed, NULL, tmp);
  pages = list_pages (tmp);
  g_assert_cmpuint (pages->len, ==, N_SEED_QUESTIONS);

  llm_test_remove_tree (tmp);
}

/* A folder collection: groups of topics in the index, and embeds found
 * next to the question's own file, as the app finds them. */
static void
test_folder (void)
{
  g_autofree char *tmp = llm_test_make_folder ("llm-html-export");
  g_autofree char *vault = g_build_filename (tmp, "vault", NULL);
  g_autofree char *img_dir = g_build_filename (vault, "sub", "img", NULL);
  g_autofree char *figure = g_build_filename (img_dir, "fig 1.png", NULL);
  g_autofree char *site = g_build_filename (tmp, "site", NULL);
  g_autoptr(GFile) base = g_file_new_for_path (vault);
  g_autoptr(LlmCollection) collection = llm_collection_new ("Vault", base);
  g_autoptr(LlmTopic) group = llm_topic_new_group ("Sub");
  g_autoptr(LlmTopic) topic = llm_topic_new ("Topic A");
  g_autoptr(LlmTopic) top = llm_topic_new ("Top");
  g_autoptr(LlmQuestion) nested = llm_question_new ("nested", 1, "Nested", "Topic A",
                                                    "![[img/fig 1.png]] ![](img/fig%201.png)", NULL);
  g_autoptr(LlmQuestion) plain = llm_question_new ("plain", 2, "Plain", "Top", "Text.", NULL);
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *index = NULL;
  g_autofree char *page = NULL;

  g_assert_cmpint (g_mkdir_with_parents (img_dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (figure, "\x89PNG\r\n\x1a\n", -1, NULL));
  llm_question_set_source (nested, "sub/a.md");
  llm_topic_append (topic, nested);
  llm_topic_append_topic (group, topic);
  llm_collection_append_group (collection, group);
  llm_topic_append (top, plain);
  llm_collection_append_topic (collection, top);

  export_ok (collection, NULL, site);

  index = read_text (site, "index.html");
  g_assert_nonnull (strstr (index, "<h2>Sub</h2>\n<section>\n<h3>Topic A</h3>"));
  g_assert_nonnull (strstr (index, "<h2>Top</h2>"));
  g_assert_cmpuint (assert_links_resolve (site, "index.html", index), ==, 2);

  assert_exists (site, "images/sub/img/fig 1.png");
  page = read_text (site, "q/nested.html");
  g_assert_cmpuint (count (page, "src=\"../images/sub/img/fig%201.png\""), ==, 2);
  pages = list_pages (site);
  for (guint i = 0; i < pages->len; i++)
    {
      g_autofree char *html = read_text (site, g_ptr_array_index (pages, i));

      assert_links_resolve (site, g_ptr_array_index (pages, i), html);
    }

  llm_test_remove_tree (tmp);
}

/* The labels and KaTeX's folder come from the caller. */
static void
test_options (void)
{
  g_autofree char *tmp = llm_test_make_folder ("llm-html-export");
  g_autofree char *site = g_build_filename (tmp, "site", NULL);
  g_autoptr(LlmCollection) seed = load_seed ();
  g_autoptr(GFile) dir = g_file_new_for_path (site);
  g_autoptr(GFile) katex = g_file_new_for_path (tmp);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *index = NULL;
  g_autofree char *page = NULL;
  LlmHtmlExportOptions options = {
    .katex_dir = katex,
    .title = "Notes & <Co>",
    .language = "zh-CN",
    .strings = { .my_notes = "我的笔记", .contents = "目录", .previous = "上一题", .next = "下一题" },
  };

  /* No KaTeX there: a clear error, not pages without math. */
  g_assert_false (llm_html_export (seed, NULL, dir, &options, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "KaTeX"));
  g_clear_error (&error);

  options.katex_dir = NULL;
  g_assert_true (llm_html_export (seed, NULL, dir, &options, NULL, &error));
  g_assert_no_error (error);

  index = read_text (site, "index.html");
  g_assert_nonnull (strstr (index, "<html lang=\"zh-CN\">"));
  g_assert_nonnull (strstr (index, "<h1>Notes &amp; &lt;Co&gt;</h1>"));
  pages = list_pages (site);
  page = read_text (site, g_ptr_array_index (pages, 0));
  g_assert_nonnull (strstr (page, ">目录</a>"));
  g_assert_true (strstr (page, ">上一题<") != NULL || strstr (page, ">下一题<") != NULL);

  llm_test_remove_tree (tmp);
}

/* A one-pixel PNG. */
#define PIXEL_PNG "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="

static const struct
{
  const char *name;
  const char *svg;
} evil_svgs[] = {
  { "script.svg",
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
    "<script>fetch('http://127.0.0.1:1/')</script><rect id=\"r\" width=\"5\" height=\"5\"/>"
    "<SCRIPT xlink:href=\"http://127.0.0.1:1/x.js\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"/></svg>" },
  { "handlers.svg",
    "<?xml version=\"1.0\"?><?xml-stylesheet href=\"http://127.0.0.1:1/s.css\"?>"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><g onclick=\"alert(2)\" ONMOUSEOVER=\"x()\">"
    "<rect width=\"5\" height=\"5\" onbegin=\"alert(3)\"/></g>"
    "<animate attributeName=\"href\" to=\"javascript:alert(4)\"/><set attributeName=\"onload\" to=\"alert(5)\"/></svg>" },
  { "foreign.svg",
    "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject width=\"100\" height=\"100\">"
    "<body xmlns=\"http://www.w3.org/1999/xhtml\"><iframe src=\"http://127.0.0.1:1/\"/></body></foreignObject>"
    "<html:script xmlns:html=\"http://www.w3.org/1999/xhtml\">alert(6)</html:script><circle r=\"4\"/></svg>" },
  { "remote.svg",
    "<!DOCTYPE svg [<!ENTITY js \"javascript:alert(7)\">]>"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
    "<style>@import url(http://127.0.0.1:1/a.css); rect { fill: url(http://127.0.0.1:1/p.svg#p) }</style>"
    "<style>.ok { fill: url(#grad) }</style>"
    "<image href=\"http://127.0.0.1:1/i.png\"/><image xlink:href=\"//127.0.0.1:1/j.png\"/>"
    "<image href=\"data:image/svg+xml;base64,PHN2Zy8+\"/><use href=\"other.svg#x\"/><use href=\"#r\"/>"
    "<a href=\"javascript:alert(8)\"><text>a</text></a><a xlink:href=\"&js;\"><text>b</text></a>"
    "<a href=\" JaVaScRiPt:alert(9)\"><text>c</text></a>"
    "<rect style=\"fill: url('http://127.0.0.1:1/f')\" filter=\"url(http://127.0.0.1:1/f#x)\" xml:base=\"http://127.0.0.1:1/\" width=\"3\" height=\"3\"/>"
    "</svg>" },  /* Found by fuzz-svg: bytes 4 to 11 say AVIF, the whole is XML, so it
   * was published as it was, and a server names it .svg. */
  { "polyglot.svg",
    "<?xmftypavifl version=\"1.0\"?>"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(10)\"><script>alert(11)</script></svg>" },
};

static void
assert_inert_element (const char *file,
                      xmlNode    *element)
{
  const char *name = (const char *)element->name;

  if (g_ascii_strcasecmp (name, "script") == 0 || g_ascii_strcasecmp (name, "foreignObject") == 0 ||
      g_ascii_strcasecmp (name, "iframe") == 0 || g_ascii_strcasecmp (name, "set") == 0 ||
      g_str_has_prefix (name, "animate"))
    g_error ("%s keeps <%s>", file, name);
  if (element->ns != NULL && g_strcmp0 ((const char *)element->ns->href, "http://www.w3.org/2000/svg") != 0)
    g_error ("%s keeps <%s> from %s", file, name, element->ns->href);

  for (xmlAttr *attr = element->properties; attr != NULL; attr = attr->next)
    {
      const char *attr_name = (const char *)attr->name;
      xmlChar *value = xmlNodeListGetString (element->doc, attr->children, 1);
      g_autofree char *lower = g_ascii_strdown (value != NULL ? (const char *)value : "", -1);

      xmlFree (value);
      if (g_ascii_strncasecmp (attr_name, "on", 2) == 0 || strcmp (attr_name, "base") == 0)
        g_error ("%s keeps %s= on <%s>", file, attr_name, name);
      if (strcmp (attr_name, "href") == 0 && lower[0] != '#')
        g_error ("%s keeps href=\"%s\" on <%s>", file, lower, name);
      if (strstr (lower, "url(") != NULL && strstr (lower, "url(#") == NULL)
        g_error ("%s keeps %s=\"%s\" on <%s>", file, attr_name, lower, name);
    }

  for (xmlNode *child = element->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE)
        assert_inert_element (file, child);
      else if (child->type == XML_PI_NODE || child->type == XML_ENTITY_REF_NODE)
        g_error ("%s keeps a processing instruction or entity", file);
    }
}

/* Parses an exported SVG as a browser would and finds nothing in it that
 * runs or loads: no script, handler, foreign HTML, animation, remote or
 * local reference outside the drawing, javascript: or data: link. */
static void
assert_inert_svg (const char *site,
                  const char *name)
{
  g_autofree char *relative = g_strconcat ("images/", name, NULL);
  g_autofree char *text = read_text (site, relative);
  g_autofree char *lower = g_ascii_strdown (text, -1);
  g_autofree char *plain = NULL;
  g_auto(GStrv) parts = NULL;
  xmlDoc *doc;

  /* The fuzz target's oracle first, then this test's own look. */
  {
    g_autofree char *offence = svg_oracle_check (text, strlen (text));

    if (offence != NULL)
      g_error ("%s has %s", name, offence);
  }

  doc = xmlReadMemory (text, strlen (text), name, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *)xmlDocGetRootElement (doc)->name, ==, "svg");
  for (xmlNode *node = doc->children; node != NULL; node = node->next)
    if (node->type == XML_PI_NODE || node->type == XML_DTD_NODE)
      g_error ("%s keeps a processing instruction or DTD", name);
  assert_inert_element (name, xmlDocGetRootElement (doc));
  xmlFreeDoc (doc);

  /* Whatever the structure, no address is left but the namespaces. */
  parts = g_strsplit (lower, "http://www.w3.org/", -1);
  plain = g_strjoinv ("", parts);
  g_assert_null (strstr (plain, "http"));
  g_assert_null (strstr (plain, "127.0.0.1"));
  g_assert_null (strstr (plain, "javascript"));
  g_assert_null (strstr (plain, "data:"));
  g_assert_null (strstr (plain, "alert"));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static void
write_bytes (const char *dir,
             const char *relative,
             const char *data,
             gsize       length)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, data, length, NULL));
}

/* The export publishes the images the notes show and nothing else a note
 * points at: not a text file, a hidden file, a PDF, a symlink out of the
 * folder or one inside it that leads to text, whatever their names say.
 * Each refusal is a warning naming the file; the SVGs that go out are
 * inert even opened on their own. */
static void
test_only_images (void)
{
  g_autofree char *tmp = llm_test_make_folder ("llm-html-export");
  g_autofree char *vault = g_build_filename (tmp, "vault", NULL);
  g_autofree char *site = g_build_filename (tmp, "site", NULL);
  g_autofree char *images = g_build_filename (site, "images", NULL);
  g_autoptr(GFile) base = g_file_new_for_path (vault);
  g_autoptr(GFile) site_dir = g_file_new_for_path (site);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) published = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) markdown = g_string_new ("### 1. Leaks\n\n"
                                              "![](secret.txt) ![](.hidden/key.txt) ![](.hidden/key.png) "
                                              "![](sub/private.pdf) ![](inlink.png) ![](fake.png) "
                                              "![](outlink.png) ![[inlink.png]] ![](hiddenlink.png)\n\n"
                                              "### 2. Images\n\n"
                                              "![](real.png) ![](photo.jpg) ![](inimage.png) ![[real.png]]\n\n");
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree guchar *png = NULL;
  g_autofree char *outside = g_build_filename (tmp, "outside.png", NULL);
  g_autofree char *page = NULL;
  LlmHtmlExportOptions options = { .warnings = warnings };
  static const char * const refused[] = {
    "secret.txt", ".hidden/key.txt", ".hidden/key.png", "sub/private.pdf", "inlink.png", "fake.png",
    "hiddenlink.png",
  };
  gsize png_length;
  const char *name;

  png = g_base64_decode (PIXEL_PNG, &png_length);
  write_bytes (vault, "real.png", (const char *)png, png_length);
  write_bytes (vault, "photo.jpg", "\xff\xd8\xff\xe0\0\x10JFIF\0", 11);
  write_bytes (vault, "secret.txt", "password=hunter2\n", -1);
  write_bytes (vault, ".hidden/key.txt", "-----BEGIN OPENSSH PRIVATE KEY-----\n", -1);
  write_bytes (vault, ".hidden/key.png", (const char *)png, png_length);
  write_bytes (vault, ".hidden/pic.png", (const char *)png, png_length);
  write_bytes (vault, "sub/private.pdf", "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", -1);
  write_bytes (vault, "fake.png", "<html><script>alert(1)</script></html>", -1);
  g_assert_true (g_file_set_contents (outside, (const char *)png, png_length, NULL));
  {
    g_autofree char *in_text = g_build_filename (vault, "inlink.png", NULL);
    g_autofree char *in_image = g_build_filename (vault, "inimage.png", NULL);
    g_autofree char *out = g_build_filename (vault, "outlink.png", NULL);
    g_autofree char *hidden = g_build_filename (vault, "hiddenlink.png", NULL);

    g_assert_cmpint (symlink ("secret.txt", in_text), ==, 0);
    g_assert_cmpint (symlink ("real.png", in_image), ==, 0);
    g_assert_cmpint (symlink (outside, out), ==, 0);
    g_assert_cmpint (symlink (".hidden/pic.png", hidden), ==, 0);
  }
  g_string_append (markdown, "### 3. Drawings\n\n");
  for (guint i = 0; i < G_N_ELEMENTS (evil_svgs); i++)
    {
      write_bytes (vault, evil_svgs[i].name, evil_svgs[i].svg, -1);
      g_string_append_printf (markdown, "![](%s) ![[%s]]\n", evil_svgs[i].name, evil_svgs[i].name);
    }

  collection = llm_collection_load_data (markdown->str, -1, "Vault", base, &error);
  g_assert_no_error (error);
  g_assert_true (llm_html_export (collection, NULL, site_dir, &options, NULL, &error));
  g_assert_no_error (error);

  dir = g_dir_open (images, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (published, g_strdup (name));
  g_ptr_array_sort (published, compare_names);
  g_assert_cmpuint (published->len, ==, 3 + G_N_ELEMENTS (evil_svgs));
  g_assert_cmpstr (g_ptr_array_index (published, 0), ==, "foreign.svg");
  g_assert_cmpstr (g_ptr_array_index (published, 1), ==, "handlers.svg");
  g_assert_cmpstr (g_ptr_array_index (published, 2), ==, "inimage.png");
  g_assert_cmpstr (g_ptr_array_index (published, 3), ==, "photo.jpg");
  g_assert_cmpstr (g_ptr_array_index (published, 4), ==, "polyglot.svg");
  g_assert_cmpstr (g_ptr_array_index (published, 5), ==, "real.png");
  g_assert_cmpstr (g_ptr_array_index (published, 6), ==, "remote.svg");
  g_assert_cmpstr (g_ptr_array_index (published, 7), ==, "script.svg");

  /* One warning per refused file, naming it, however often it is shown. */
  g_assert_cmpuint (warnings->len, ==, G_N_ELEMENTS (refused));
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      gboolean named = FALSE;

      for (guint j = 0; j < warnings->len; j++)
        named |= g_str_has_prefix (g_ptr_array_index (warnings, j), refused[i]);
      if (!named)
        g_error ("no warning names %s", refused[i]);
    }

  /* The refused images show as placeholders, the others from the site. */
  page = read_text (site, "q/leaks.html");
  g_assert_null (strstr (page, "<img"));
  g_clear_pointer (&page, g_free);
  page = read_text (site, "q/images.html");
  g_assert_cmpuint (count (page, "src=\"../images/real.png\""), ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (evil_svgs); i++)
    assert_inert_svg (site, evil_svgs[i].name);
  /* The drawing itself is kept. */
  {
    g_autofree char *script = read_text (site, "images/script.svg");
    g_autofree char *remote = read_text (site, "images/remote.svg");

    g_assert_nonnull (strstr (script, "<rect id=\"r\" width=\"5\" height=\"5\"/>"));
    g_assert_nonnull (strstr (remote, "url(#grad)"));
    g_assert_nonnull (strstr (remote, "<use href=\"#r\"/>"));
  }

  llm_test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/llm/html-export/seed", test_seed);
  g_test_add_func ("/llm/html-export/hostile", test_hostile);
  g_test_add_func ("/llm/html-export/payload-corpus", test_payload_corpus);
  g_test_add_func ("/llm/html-export/refuse-unrelated", test_refuse_unrelated);
  g_test_add_func ("/llm/html-export/twice", test_twice);
  g_test_add_func ("/llm/html-export/progress-and-sync", test_progress_and_sync);
  g_test_add_func ("/llm/html-export/symlinked-folder", test_symlinked_folder);
  g_test_add_func ("/llm/html-export/cancelled", test_cancelled);
  g_test_add_func ("/llm/html-export/folder", test_folder);
  g_test_add_func ("/llm/html-export/options", test_options);
  g_test_add_func ("/llm/html-export/only-images", test_only_images);

  return g_test_run ();
}
