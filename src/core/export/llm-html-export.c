/* llm-html-export.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A static copy of a collection that any browser opens offline:
 *
 *   DIR/index.html            the topic tree
 *   DIR/q/<id>.html           one page per question, with its personal note
 *   DIR/assets/style.css      our stylesheet
 *   DIR/assets/render-math.js our KaTeX bootstrap
 *   DIR/assets/katex/…        KaTeX and its fonts
 *   DIR/images/<path>         the collection's images the pages show
 *
 * Answers and notes go through llm_render_markdown(), as in the app, so raw
 * HTML never reaches a page. On top of that every page carries a content
 * security policy that runs only script files from the export itself, and
 * the pages hold no inline script for it to make an exception for.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "llm-html-export.h"
#include "llm-image.h"
#include "llm-link.h"
#include "llm-question.h"
#include "llm-render.h"
#include "llm-topic.h"

/* Tells a folder holding an earlier export from one we must not touch. */
#define GENERATOR "LLM Notes HTML export"

#define CSP "default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; " \
            "font-src 'self'; script-src 'self'; base-uri 'none'; form-action 'none'"

/* Anything larger is not the index.html we wrote. */
#define MAX_INDEX_BYTES (64 * 1024 * 1024)

/* The same options as the app's page.js, so math looks the same. trust:
 * false keeps \href{javascript:…} and friends from becoming links. */
static const char render_math_js[] =
  "/* Typesets the math LLM Notes left in the page, as the app does. */\n"
  "'use strict';\n"
  "for (const el of document.querySelectorAll('.math')) {\n"
  "  try {\n"
  "    katex.render(el.textContent, el, {\n"
  "      displayMode: el.classList.contains('display'),\n"
  "      throwOnError: false,\n"
  "      trust: false,\n"
  "      maxExpand: 500,\n"
  "    });\n"
  "  } catch (e) {\n"
  "    el.classList.add('math-error');\n"
  "  }\n"
  "}\n";

/* As the app's page.js does it, without the chunks: a browser shows the
 * page before its scripts run. */
static const char render_code_js[] =
  "/* Highlights the code blocks LLM Notes marked with a language. */\n"
  "'use strict';\n"
  "const observer = new IntersectionObserver(entries => {\n"
  "  for (const entry of entries) {\n"
  "    if (!entry.isIntersecting)\n"
  "      continue;\n"
  "    observer.unobserve(entry.target);\n"
  "    const match = /(?:^|\\s)language-([\\w+#.-]+)/.exec(entry.target.className);\n"
  "    if (match && hljs.getLanguage(match[1]))\n"
  "      hljs.highlightBlock(entry.target);\n"
  "  }\n"
  "}, { rootMargin: '100% 0px' });\n"
  "for (const code of document.querySelectorAll('pre > code[class*=\"language-\"]'))\n"
  "  observer.observe(code);\n";

/* The answer page's look (resources/page/page.css) for a stand-alone page:
 * an opaque background, dark by the browser's preference rather than the
 * app's, and navigation. Kept here because the core cannot read the app's
 * resources. */
static const char style_css[] =
  ":root {\n"
  "  --fg: rgba(0, 0, 0, 0.8); --dim: rgba(0, 0, 0, 0.55); --accent: #1c71d8;\n"
  "  --bg: #ffffff; --card: rgba(0, 0, 0, 0.04); --border: rgba(0, 0, 0, 0.12);\n"
  "  --mark-bg: rgba(246, 211, 45, 0.45); --code-bg: rgba(0, 0, 0, 0.06);\n"
  "  --hl-keyword: #cf222e; --hl-string: #0a3069; --hl-number: #0550ae;\n"
  "  --hl-comment: #6e7781; --hl-title: #8250df; --hl-type: #953800;\n"
  "  --callout-note: 28, 113, 216; --callout-abstract: 0, 139, 139; --callout-success: 38, 132, 67;\n"
  "  --callout-warning: 200, 97, 0; --callout-danger: 192, 28, 40; --callout-example: 129, 61, 156;\n"
  "  --callout-quote: 110, 110, 110;\n"
  "  color-scheme: light dark;\n"
  "}\n"
  "@media (prefers-color-scheme: dark) {\n"
  "  :root {\n"
  "    --fg: #ffffff; --dim: rgba(255, 255, 255, 0.6); --accent: #78aeed;\n"
  "    --bg: #1e1e1e; --card: rgba(255, 255, 255, 0.05); --border: rgba(255, 255, 255, 0.15);\n"
  "    --mark-bg: rgba(229, 165, 10, 0.35); --code-bg: rgba(255, 255, 255, 0.08);\n"
  "    --hl-keyword: #ff7b72; --hl-string: #a5d6ff; --hl-number: #79c0ff;\n"
  "    --hl-comment: #8b949e; --hl-title: #d2a8ff; --hl-type: #ffa657;\n"
  "    --callout-note: 120, 174, 237; --callout-abstract: 80, 200, 200; --callout-success: 87, 227, 137;\n"
  "    --callout-warning: 255, 163, 72; --callout-danger: 246, 97, 81; --callout-example: 192, 132, 252;\n"
  "    --callout-quote: 180, 180, 180;\n"
  "  }\n"
  "}\n"
  "html, body { margin: 0; background: var(--bg); }\n"
  "body {\n"
  "  color: var(--fg);\n"
  "  font-family: \"Cantarell\", \"Noto Sans CJK SC\", \"Noto Sans\", system-ui, sans-serif;\n"
  "  font-size: 16px; line-height: 1.7;\n"
  "}\n"
  "main, nav.pager { max-width: 760px; margin: 0 auto; padding: 28px 36px; }\n"
  "main { padding-bottom: 16px; }\n"
  "a { color: var(--accent); }\n"
  "header .topic { color: var(--accent); font-size: 0.85em; font-weight: 700; margin: 0 0 6px; }\n"
  "header h1 { font-size: 1.6em; line-height: 1.35; font-weight: 800; margin: 0 0 22px; }\n"
  ".number { color: var(--dim); font-weight: 700; margin-inline-end: 0.35em; }\n"
  "header .date { color: var(--dim); margin: -14px 0 22px; }\n"
  ".answer > :first-child { margin-top: 0; }\n"
  "main { overflow-wrap: anywhere; }\n"
  "h2, h3, h4, h5, h6 { line-height: 1.35; margin: 1.4em 0 0.5em; }\n"
  "mark { background: var(--mark-bg); color: inherit; border-radius: 3px; padding: 0 2px; }\n"
  "code, pre {\n"
  "  font-family: \"Source Code Pro\", \"Noto Sans Mono CJK SC\", monospace;\n"
  "  font-size: 0.9em; background: var(--code-bg); border-radius: 4px;\n"
  "}\n"
  "code { padding: 1px 4px; }\n"
  "pre { padding: 12px 14px; overflow-x: auto; line-height: 1.5; }\n"
  "pre code { background: none; padding: 0; }\n"
  "/* Code blocks: a header with the language and a Copy button, then the\n"
  " * code, highlighted by highlight.js once it scrolls near (page.js). */\n"
  ".code-block { margin: 1em 0; border-radius: 6px; background: var(--code-bg); }\n"
  ".code-block pre { margin: 0; padding-top: 2px; background: none; border-radius: 0 0 6px 6px; }\n"
  "kbd { font-family: monospace; font-size: 0.85em; padding: 0 5px; border: 1px solid var(--border); border-radius: 4px; }\n"
  "details { margin: 1em 0; }\n"
  ".html-removed { color: var(--dim); font-size: 0.8em; font-family: monospace; text-decoration: line-through; }\n"
  "summary { cursor: pointer; }\n"
  ".code-header {\n"
  "  display: flex; align-items: center; gap: 8px;\n"
  "  padding: 4px 8px 0 14px; min-height: 26px;\n"
  "  font-size: 0.8em; color: var(--dim);\n"
  "}\n"
  ".code-language { font-family: \"Source Code Pro\", \"Noto Sans Mono CJK SC\", monospace; }\n"
  ".code-copy {\n"
  "  margin-inline-start: auto; font: inherit; color: inherit; cursor: pointer;\n"
  "  background: none; border: 1px solid var(--border); border-radius: 5px; padding: 1px 8px;\n"
  "}\n"
  ".code-copy:hover { color: var(--fg); background: var(--card); }\n"
  ".hljs-keyword, .hljs-selector-tag, .hljs-literal, .hljs-doctag { color: var(--hl-keyword); }\n"
  ".hljs-string, .hljs-regexp, .hljs-addition, .hljs-template-string { color: var(--hl-string); }\n"
  ".hljs-number, .hljs-attr, .hljs-attribute, .hljs-symbol, .hljs-bullet, .hljs-link { color: var(--hl-number); }\n"
  ".hljs-comment, .hljs-quote, .hljs-meta { color: var(--hl-comment); font-style: italic; }\n"
  ".hljs-title, .hljs-section, .hljs-name, .hljs-selector-id, .hljs-selector-class { color: var(--hl-title); }\n"
  ".hljs-built_in, .hljs-type, .hljs-class .hljs-title, .hljs-variable, .hljs-template-variable, .hljs-params { color: var(--hl-type); }\n"
  ".hljs-deletion { color: var(--hl-keyword); }\n"
  ".hljs-emphasis { font-style: italic; }\n"
  ".hljs-strong { font-weight: 700; }\n"
  /* Copying goes through the app; a page in a browser has its own way. */
  ".code-copy { display: none; }\n"
  "/* Obsidian callouts: a colour and an icon per type (llm-render.c names\n"
  " * the type in data-callout), in light and dark. */\n"
  ".callout {\n"
  "  --callout: var(--callout-note);\n"
  "  margin: 1em 0; padding: 2px 16px 4px; border-radius: 6px;\n"
  "  border-inline-start: 4px solid rgb(var(--callout));\n"
  "  background: rgba(var(--callout), 0.08);\n"
  "}\n"
  ".callout-title {\n"
  "  display: flex; align-items: baseline; gap: 8px; margin: 8px 0 4px;\n"
  "  font-weight: 700; color: rgb(var(--callout));\n"
  "}\n"
  "summary.callout-title { cursor: pointer; list-style: none; }\n"
  "summary.callout-title::-webkit-details-marker { display: none; }\n"
  "summary.callout-title::after { content: \"›\"; margin-inline-start: 4px; transition: transform 0.1s; }\n"
  "details.callout[open] > summary.callout-title::after { transform: rotate(90deg); }\n"
  ".callout-icon::before { content: \"✎\"; }\n"
  ".callout-content > :first-child { margin-top: 4px; }\n"
  ".callout-content > :last-child { margin-bottom: 8px; }\n"
  ".callout[data-callout=\"abstract\"] { --callout: var(--callout-abstract); }\n"
  ".callout[data-callout=\"abstract\"] .callout-icon::before { content: \"☰\"; }\n"
  ".callout[data-callout=\"info\"] { --callout: var(--callout-note); }\n"
  ".callout[data-callout=\"info\"] .callout-icon::before { content: \"ℹ\"; }\n"
  ".callout[data-callout=\"todo\"] { --callout: var(--callout-note); }\n"
  ".callout[data-callout=\"todo\"] .callout-icon::before { content: \"☑\"; }\n"
  ".callout[data-callout=\"tip\"] { --callout: var(--callout-abstract); }\n"
  ".callout[data-callout=\"tip\"] .callout-icon::before { content: \"✦\"; }\n"
  ".callout[data-callout=\"success\"] { --callout: var(--callout-success); }\n"
  ".callout[data-callout=\"success\"] .callout-icon::before { content: \"✓\"; }\n"
  ".callout[data-callout=\"question\"] { --callout: var(--callout-warning); }\n"
  ".callout[data-callout=\"question\"] .callout-icon::before { content: \"?\"; }\n"
  ".callout[data-callout=\"warning\"] { --callout: var(--callout-warning); }\n"
  ".callout[data-callout=\"warning\"] .callout-icon::before { content: \"⚠\"; }\n"
  ".callout[data-callout=\"failure\"] { --callout: var(--callout-danger); }\n"
  ".callout[data-callout=\"failure\"] .callout-icon::before { content: \"✗\"; }\n"
  ".callout[data-callout=\"danger\"] { --callout: var(--callout-danger); }\n"
  ".callout[data-callout=\"danger\"] .callout-icon::before { content: \"⚡\"; }\n"
  ".callout[data-callout=\"bug\"] { --callout: var(--callout-danger); }\n"
  ".callout[data-callout=\"bug\"] .callout-icon::before { content: \"✱\"; }\n"
  ".callout[data-callout=\"example\"] { --callout: var(--callout-example); }\n"
  ".callout[data-callout=\"example\"] .callout-icon::before { content: \"≡\"; }\n"
  ".callout[data-callout=\"quote\"] { --callout: var(--callout-quote); }\n"
  ".callout[data-callout=\"quote\"] .callout-icon::before { content: \"❝\"; }\n"
  "blockquote { margin: 1em 0; padding: 2px 16px; border-inline-start: 3px solid var(--border); color: var(--dim); }\n"
  "table { border-collapse: collapse; margin: 1em 0; display: block; overflow-x: auto; }\n"
  "th, td { border: 1px solid var(--border); padding: 6px 12px; text-align: start; }\n"
  "th { background: var(--card); }\n"
  "img { max-width: 100%; }\n"
  "img.embed { display: block; margin: 1em auto; }\n"
  ".embed-missing, .remote-image {\n"
  "  display: inline-block; padding: 2px 8px; border: 1px dashed var(--border);\n"
  "  border-radius: 4px; color: var(--dim); font-size: 0.9em;\n"
  "}\n"
  ".embed-missing::before { content: \"⚠ \"; }\n"
  ".math.display { overflow-x: auto; overflow-y: hidden; margin: 1em 0; }\n"
  ".katex { font-size: 1.1em; }\n"
  "ul.contains-task-list { list-style: none; padding-inline-start: 1.2em; }\n"
  ".footnotes { color: var(--dim); font-size: 0.9em; border-top: 1px solid var(--border); margin-top: 2em; }\n"
  "section.my-notes {\n"
  "  margin-top: 2.2em; padding: 4px 20px 8px; border-radius: 12px;\n"
  "  background: var(--card); border-inline-start: 4px solid var(--accent);\n"
  "}\n"
  "section.my-notes h2 { color: var(--accent); font-size: 0.95em; margin: 12px 0 6px; }\n"
  "nav.toc h2 { color: var(--accent); font-size: 1.05em; }\n"
  "nav.toc h3 { color: var(--accent); font-size: 0.95em; }\n"
  "nav.toc section section { margin-inline-start: 1em; }\n"
  "nav.toc ul { list-style: none; padding: 0; margin: 0; }\n"
  "nav.toc li { margin: 4px 0; }\n"
  "nav.toc a { color: inherit; text-decoration: none; }\n"
  "nav.toc a:hover { color: var(--accent); }\n"
  "nav.pager { display: flex; gap: 16px; justify-content: space-between; align-items: center;\n"
  "  padding-top: 12px; padding-bottom: 12px; font-size: 0.9em; }\n"
  "nav.pager.bottom { border-top: 1px solid var(--border); padding-bottom: 48px; }\n"
  "nav.pager a { text-decoration: none; }\n"
  "nav.pager .prev, nav.pager .next { flex: 1; }\n"
  "nav.pager .next { text-align: end; }\n"
  "nav.pager .label { display: block; color: var(--dim); font-size: 0.85em; }\n";

typedef struct
{
  LlmCollection *collection;
  LlmNoteStore *notes;
  GCancellable *cancellable;
  LlmHtmlExportStrings strings;
  const char *title;
  const char *language;

  GFile *dir;
  GHashTable *written;    /* path of every file written this time */
  GHashTable *images;     /* path inside the collection → href */
  GPtrArray *page_names;  /* question position → file name without ".html" */
  LlmQuestion *current;   /* the question being rendered */
  GError *image_error;    /* the first failure inside the embed resolver */
  gboolean wrote_highlight; /* highlight.js is in assets/ */
  GHashTable *refused;    /* paths inside the collection not published */
  GPtrArray *warnings;    /* (nullable): the caller's, one line per refusal */
  GPtrArray *staged;      /* Staged: written to a temporary file, not yet in place */
  GHashTable *folders;    /* folders the staged files go into, and theirs up to DIR */
  const LlmHtmlExportOptions *options;
} Export;

typedef struct
{
  char *temp;
  char *path;
} Staged;

static void
staged_free (Staged *staged)
{
  g_free (staged->temp);
  g_free (staged->path);
  g_free (staged);
}

static void
export_clear (Export *self)
{
  g_clear_pointer (&self->written, g_hash_table_unref);
  g_clear_pointer (&self->images, g_hash_table_unref);
  g_clear_pointer (&self->refused, g_hash_table_unref);
  g_clear_pointer (&self->page_names, g_ptr_array_unref);
  g_clear_error (&self->image_error);
  g_clear_pointer (&self->folders, g_hash_table_unref);

  /* An export that failed or was cancelled leaves no temporary file. */
  for (guint i = 0; self->staged != NULL && i < self->staged->len; i++)
    g_unlink (((Staged *)g_ptr_array_index (self->staged, i))->temp);
  g_clear_pointer (&self->staged, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Export, export_clear)

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

/* Creates each folder of @relative under the export. An existing one must
 * be a real folder: a symlink left in its place would carry the writes out
 * of DIR. */
static gboolean
ensure_folders (Export      *self,
                const char  *relative,
                GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (relative, "/", -1);
  g_autoptr(GFile) folder = g_object_ref (self->dir);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr(GFile) child = g_file_get_child (folder, parts[i]);
      g_autofree char *path = g_file_get_path (child);
      GStatBuf st;

      if (g_mkdir (path, 0755) != 0 && errno != EEXIST)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       "%s: %s", path, g_strerror (saved));
          return FALSE;
        }
      if (g_lstat (path, &st) != 0 || !S_ISDIR (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                       _("%s is not a folder"), path);
          return FALSE;
        }
      g_set_object (&folder, child);
    }

  return TRUE;
}

/* Every file written is synced once; KaTeX's sixty fonts and the pages
 * that did not change need not be written, nor synced, again. */
static gboolean
same_contents (const char *path,
               const char *data,
               gsize       length)
{
  g_autofree char *old = NULL;
  gsize old_length;
  GStatBuf st;

  if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) || (gsize)st.st_size != length)
    return FALSE;

  return g_file_get_contents (path, &old, &old_length, NULL) &&
         old_length == length && memcmp (old, data, length) == 0;
}

static gboolean
set_error_from_errno (GError    **error,
                      const char *path)
{
  int saved = errno;

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
  return FALSE;
}

/* Durability without a sync per write. Each file is written whole to a
 * temporary file beside its place (GLib's NAME.XXXXXX, which the next
 * export sweeps if this one is killed) and left there; commit() syncs
 * them all, each once, then moves each into place in one step, then syncs
 * each folder once. Syncing the data before the rename is what keeps a
 * power cut from leaving an empty or torn page where the old one was;
 * doing it once at the end rather than per write is what keeps a
 * 5,000-question export from waiting on the disk 10,000 times. */
static gboolean
stage (Export      *self,
       const char  *path,
       const char  *data,
       gsize        length,
       GError     **error)
{
  Staged *staged;
  g_autofree char *temp = g_strconcat (path, ".XXXXXX", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *dir_path = g_file_get_path (self->dir);
  int fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0644);
  gsize written = 0;

  if (fd < 0)
    return set_error_from_errno (error, path);

  while (written < length)
    {
      gssize n = write (fd, data + written, MIN (length - written, (gsize)G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_error_from_errno (error, path);
          close (fd);
          g_unlink (temp);
          return FALSE;
        }
      written += n;
    }
  if (close (fd) != 0)
    {
      set_error_from_errno (error, path);
      g_unlink (temp);
      return FALSE;
    }

  staged = g_new0 (Staged, 1);
  staged->temp = g_steal_pointer (&temp);
  staged->path = g_strdup (path);
  g_ptr_array_add (self->staged, staged);

  /* Its folder, and the folders above it up to DIR, hold new entries. */
  while (!g_hash_table_contains (self->folders, folder))
    {
      g_autofree char *parent = g_path_get_dirname (folder);

      g_hash_table_add (self->folders, g_strdup (folder));
      if (strcmp (folder, dir_path) == 0 || strcmp (parent, folder) == 0)
        break;
      g_free (folder);
      folder = g_steal_pointer (&parent);
    }

  return TRUE;
}

static gboolean
sync_path (const char  *path,
           int          flags,
           GError     **error)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC | flags);

  if (fd < 0)
    return set_error_from_errno (error, path);
  if (fsync (fd) != 0)
    {
      set_error_from_errno (error, path);
      close (fd);
      return FALSE;
    }
  close (fd);

  return TRUE;
}

static void
report (Export   *self,
        guint     done,
        guint     total,
        gboolean  syncing)
{
  if (self->options->progress != NULL)
    self->options->progress (done, total, syncing, self->options->progress_data);
}

/* Puts every staged file in place, durably: one fsync per file, then one
 * rename per file, then one fsync per folder. */
static gboolean
commit (Export    *self,
        gboolean   with_progress,
        GError   **error)
{
  g_autofree char **folders = (char **)g_hash_table_get_keys_as_array (self->folders, NULL);
  guint n_folders = g_hash_table_size (self->folders);
  guint n_files = self->staged->len;
  guint total = n_files + n_folders;

  for (guint i = 0; i < n_files; i++)
    {
      Staged *staged = g_ptr_array_index (self->staged, i);

      if (with_progress && i % 16 == 0)
        report (self, i, total, TRUE);
      if (g_cancellable_set_error_if_cancelled (self->cancellable, error) ||
          !sync_path (staged->temp, 0, error))
        return FALSE;
    }

  /* The order of the folders does not matter, but that of a folder's
   * entries does: each file's data is on disk before its name is. */
  for (guint i = 0; i < n_files; i++)
    {
      Staged *staged = g_ptr_array_index (self->staged, i);

      if (g_rename (staged->temp, staged->path) != 0)
        return set_error_from_errno (error, staged->path);
    }
  g_ptr_array_set_size (self->staged, 0);

  for (guint i = 0; i < n_folders; i++)
    {
      if (with_progress && i % 16 == 0)
        report (self, n_files + i, total, TRUE);
      if (!sync_path (folders[i], O_DIRECTORY, error))
        return FALSE;
    }
  if (with_progress)
    report (self, total, total, TRUE);

  g_hash_table_remove_all (self->folders);
  return TRUE;
}

/* Every write replaces its file in one step, so a page is never seen half
 * written and a symlink in its place is replaced rather than followed. */
static gboolean
write_file (Export      *self,
            const char  *relative,
            const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_resolve_relative_path (self->dir, relative);
  g_autofree char *folders = g_path_get_dirname (relative);
  g_autofree char *path = NULL;

  if (!g_file_has_prefix (file, self->dir))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("%s is outside the export folder"), relative);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  if (strcmp (folders, ".") != 0 && !ensure_folders (self, folders, error))
    return FALSE;

  path = g_file_get_path (file);
  if (!same_contents (path, data, length) && !stage (self, path, data, length, error))
    return FALSE;

  g_hash_table_add (self->written, g_steal_pointer (&path));
  return TRUE;
}

static gboolean
copy_file (Export      *self,
           GFile       *source,
           const char  *relative,
           GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_load_contents (source, self->cancellable, &data, &length, NULL, error))
    return FALSE;

  return write_file (self, relative, data, length, error);
}

static gboolean
copy_highlight (Export  *self,
                GError **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (LLM_HTML_EXPORT_HIGHLIGHT_JS);

  if (!copy_file (self, source, "assets/highlight.min.js", error))
    {
      g_prefix_error (error, _("highlight.js was not found at %s: "), LLM_HTML_EXPORT_HIGHLIGHT_JS);
      return FALSE;
    }

  return TRUE;
}

static gboolean
copy_katex (Export      *self,
            GFile       *katex_dir,
            GError     **error)
{
  static const char * const files[] = { "katex.min.js", "katex.min.css" };
  g_autoptr(GFile) fonts = g_file_get_child (katex_dir, "fonts");
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GFileInfo *info;
  GFile *child;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GFile) source = g_file_get_child (katex_dir, files[i]);
      g_autofree char *relative = g_strconcat ("assets/katex/", files[i], NULL);

      if (!copy_file (self, source, relative, error))
        {
          g_autofree char *name = g_file_get_parse_name (katex_dir);

          g_prefix_error (error, _("KaTeX was not found in %s: "), name);
          return FALSE;
        }
    }

  /* katex.min.css names each font in several formats and a browser takes
   * the first it knows, so all of them come along. The default flags follow
   * Debian's fonts symlink to the real files. */
  enumerator = g_file_enumerate_children (fonts, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, self->cancellable, error);
  if (enumerator == NULL)
    return FALSE;

  while (g_file_enumerator_iterate (enumerator, &info, &child, self->cancellable, error))
    {
      g_autofree char *relative = NULL;

      if (info == NULL)
        return TRUE;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        continue;

      relative = g_strconcat ("assets/katex/fonts/", g_file_info_get_name (info), NULL);
      if (!copy_file (self, child, relative, error))
        return FALSE;
    }

  return FALSE;
}

static gboolean
has_hidden_part (const char *relative)
{
  g_auto(GStrv) parts = g_strsplit (relative, "/", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] == '.')
      return TRUE;

  return FALSE;
}

/* The real path of @source relative to the real collection folder, or
 * %NULL when symlinks lead it out of the folder. */
static char *
real_relative_path (Export *self,
                    GFile  *source)
{
  GFile *base = llm_collection_get_base (self->collection);
  g_autofree char *real_base = NULL;
  g_autofree char *real = NULL;
  gsize len;

  /* Notes that are no files on disk (the bundled ones, in the program's
   * resources) have no links to follow. */
  if (g_file_peek_path (base) == NULL)
    return g_file_get_relative_path (base, source);

  real_base = realpath (g_file_peek_path (base), NULL);
  real = g_file_peek_path (source) != NULL ? realpath (g_file_peek_path (source), NULL) : NULL;
  if (real_base == NULL || real == NULL)
    return NULL;

  len = strlen (real_base);
  if (strncmp (real, real_base, len) != 0 || (real[len] != '/' && strcmp (real_base, "/") != 0))
    return NULL;

  return g_strdup (real + len + (real[len] == '/' ? 1 : 0));
}

static void
refuse_image (Export     *self,
              const char *relative,
              char       *message)
{
  g_hash_table_add (self->refused, g_strdup (relative));
  if (self->warnings != NULL)
    g_ptr_array_add (self->warnings, message);
  else
    g_free (message);
}

/* Publishes @source as images/@relative if it is an image the notes may
 * show: inside the collection folder once symlinks are followed, in no
 * hidden folder, and an image by its bytes, whatever its name says. An
 * SVG goes out sanitised: opened on its own from a web site, it is a page
 * that could run script. */
static gboolean
publish_image (Export      *self,
               GFile       *source,
               const char  *relative,
               GError     **error)
{
  g_autofree char *real = real_relative_path (self, source);
  g_autofree char *destination = NULL;
  g_autofree char *data = NULL;
  g_autofree char *clean = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *type;
  gsize length;

  if (real == NULL)
    {
      refuse_image (self, relative, g_strdup_printf (_("%s was not published: it lies outside the notes folder"), relative));
      return TRUE;
    }
  if (has_hidden_part (relative) || has_hidden_part (real))
    {
      refuse_image (self, relative, g_strdup_printf (_("%s was not published: it is in a hidden folder or is hidden"), relative));
      return TRUE;
    }
  if (!g_file_load_contents (source, self->cancellable, &data, &length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      refuse_image (self, relative, g_strdup_printf (_("%s was not published: %s"), relative, local_error->message));
      return TRUE;
    }

  type = llm_image_sniff (data, length);
  if (g_strcmp0 (type, "image/svg+xml") == 0)
    {
      gsize clean_length = 0;

      clean = llm_image_sanitize_svg (data, length, &clean_length);
      g_clear_pointer (&data, g_free);
      data = g_steal_pointer (&clean);
      length = clean_length;
    }
  if (type == NULL || data == NULL)
    {
      refuse_image (self, relative, g_strdup_printf (_("%s was not published: it is not an image"), relative));
      return TRUE;
    }

  destination = g_strconcat ("images/", relative, NULL);
  return write_file (self, destination, data, length, error);
}

/* The renderer's embed resolver: copies each image the pages show into
 * images/ and points the page at that copy. The collection resolves only
 * files really inside its folder, and publish_image() checks again, so
 * nothing else on the disk can end up published. */
static char *
resolve_image (const char *target,
               gpointer    user_data)
{
  Export *self = user_data;
  g_autofree char *uri = NULL;
  g_autoptr(GFile) source = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *escaped = NULL;
  char *href;

  if (self->image_error != NULL)
    return NULL;

  /* As in the app: next to the question's own file first, for folders. */
  uri = llm_collection_resolve_embed_for (self->collection, self->current, target);
  source = uri != NULL ? llm_collection_resolve_uri (self->collection, uri) : NULL;
  if (source == NULL)
    return NULL;

  relative = g_file_get_relative_path (llm_collection_get_base (self->collection), source);
  if (relative == NULL || g_hash_table_contains (self->refused, relative))
    return NULL;

  href = g_hash_table_lookup (self->images, relative);
  if (href != NULL)
    return g_strdup (href);

  if (!publish_image (self, source, relative, &self->image_error) ||
      g_hash_table_contains (self->refused, relative))
    return NULL;

  /* Pages live in q/, one level down. */
  escaped = g_uri_escape_string (relative, "/", FALSE);
  href = g_strconcat ("../images/", escaped, NULL);
  g_hash_table_insert (self->images, g_steal_pointer (&relative), href);

  return g_strdup (href);
}

/* A page's file name is its id when that is letters, digits, '-' and '_'
 * alone (Chinese titles stay readable); anything else, and a name that
 * only differs in case from one taken (a FAT stick would merge them), is
 * replaced by a checksum. */
static char *
make_page_name (GHashTable *taken,
                const char *id)
{
  gboolean plain = id != NULL && *id != '\0' && strlen (id) <= 200 &&
                   g_utf8_validate (id, -1, NULL);
  g_autofree char *name = NULL;
  char *folded;

  for (const char *p = id; plain && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      plain = g_unichar_isalnum (c) || c == '-' || c == '_';
    }

  if (plain)
    name = g_strdup (id);
  else
    name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, id != NULL ? id : "", -1);

  for (guint n = 2; g_hash_table_contains (taken, (folded = g_utf8_casefold (name, -1))); n++)
    {
      g_autofree char *stem = g_strndup (name, strcspn (name, "~"));

      g_free (folded);
      g_free (name);
      name = g_strdup_printf ("%s~%u", stem, n);
    }
  g_hash_table_add (taken, folded);

  return g_steal_pointer (&name);
}

static char *
page_href (Export     *self,
           guint       position,
           const char *prefix)
{
  g_autofree char *escaped = g_uri_escape_string (g_ptr_array_index (self->page_names, position),
                                                  NULL, FALSE);

  return g_strconcat (prefix, escaped, ".html", NULL);
}

/* Everything up to and including <body>. @root leads from the page to DIR. */
static void
append_head (Export     *self,
             GString    *out,
             const char *title,
             const char *root,
             gboolean    math)
{
  g_autofree char *title_html = escape (title);
  g_autofree char *lang_html = escape (self->language);

  g_string_append (out, "<!DOCTYPE html>\n");
  if (self->language != NULL)
    g_string_append_printf (out, "<html lang=\"%s\">\n", lang_html);
  else
    g_string_append (out, "<html>\n");
  g_string_append_printf (out,
                          "<head>\n"
                          "<meta charset=\"utf-8\">\n"
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"%s\">\n"
                          "<meta name=\"generator\" content=\"%s\">\n"
                          "<meta name=\"referrer\" content=\"no-referrer\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                          "<meta name=\"color-scheme\" content=\"light dark\">\n"
                          "<title>%s</title>\n",
                          CSP, GENERATOR, title_html);
  if (math)
    g_string_append_printf (out, "<link rel=\"stylesheet\" href=\"%sassets/katex/katex.min.css\">\n", root);
  g_string_append_printf (out,
                          "<link rel=\"stylesheet\" href=\"%sassets/style.css\">\n"
                          "</head>\n"
                          "<body>\n", root);
}

static void
append_question_title (GString     *out,
                       LlmQuestion *question)
{
  g_autofree char *shown = llm_question_dup_display_title (question);
  g_autofree char *title = escape (shown);
  guint number = llm_question_get_number (question);

  if (number > 0)
    g_string_append_printf (out, "<span class=\"number\">%u.</span>", number);
  /* An isolate of its own, its overrides made visible, as in the app. */
  g_string_append_printf (out, "<bdi>%s</bdi>", title);
}

static void
append_topic (Export   *self,
              GString  *out,
              LlmTopic *topic,
              int       level)
{
  g_autofree char *title = escape (llm_topic_get_title (topic));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (topic));

  g_string_append_printf (out, "<section>\n<h%d>%s</h%d>\n", level, title, level);

  /* A group (a folder of a folder collection) holds topics, not questions. */
  if (llm_topic_is_group (topic))
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LlmTopic) child = g_list_model_get_item (G_LIST_MODEL (topic), i);

          append_topic (self, out, child, MIN (level + 1, 6));
        }
      g_string_append (out, "</section>\n");
      return;
    }

  g_string_append (out, "<ul>\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlmQuestion) question = g_list_model_get_item (G_LIST_MODEL (topic), i);
      guint position = llm_collection_get_position (self->collection, question);
      g_autofree char *href = NULL;

      if (position == G_MAXUINT)
        continue;

      href = page_href (self, position, "q/");
      g_string_append_printf (out, "<li><a href=\"%s\">", href);
      append_question_title (out, question);
      g_string_append (out, "</a></li>\n");
    }
  g_string_append (out, "</ul>\n</section>\n");
}

static gboolean
write_index (Export  *self,
             GError **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *title = escape (self->title);
  g_autofree char *contents = escape (self->strings.contents);
  const char *date = llm_collection_get_date (self->collection);
  GListModel *tree = llm_collection_get_tree (self->collection);
  guint n = g_list_model_get_n_items (tree);

  append_head (self, out, self->title, "", FALSE);
  g_string_append_printf (out, "<main>\n<header>\n<h1>%s</h1>\n", title);
  if (date != NULL && *date != '\0')
    {
      g_autofree char *date_html = escape (date);

      g_string_append_printf (out, "<p class=\"date\">%s</p>\n", date_html);
    }
  g_string_append_printf (out, "</header>\n<nav class=\"toc\" aria-label=\"%s\">\n", contents);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlmTopic) topic = g_list_model_get_item (tree, i);

      append_topic (self, out, topic, 2);
    }

  g_string_append (out, "</nav>\n</main>\n</body>\n</html>\n");

  return write_file (self, "index.html", out->str, out->len, error);
}

/* What a first export writes before anything else: a whole page that
 * marks the folder as ours, so that an export cut short can be run again
 * into it, and that links to nothing the cut may have left missing. */
static gboolean
write_stub_index (Export  *self,
                  GError **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *title = escape (self->title);
  g_autofree char *message = escape (_("This export is not finished yet. Export again to complete it."));

  append_head (self, out, self->title, "", FALSE);
  /* Not even the stylesheet: it is not written yet. */
  g_string_replace (out, "<link rel=\"stylesheet\" href=\"assets/style.css\">\n", "", 0);
  g_string_append_printf (out, "<main>\n<header>\n<h1>%s</h1>\n</header>\n<p>%s</p>\n</main>\n"
                          "</body>\n</html>\n", title, message);

  return write_file (self, "index.html", out->str, out->len, error);
}

/* GLib's temporary files (NAME.XXXXXX) that a killed export left beside
 * its index. Those in our folders go with the sweep. */
static void
remove_index_leftovers (Export *self)
{
  g_autofree char *path = g_file_get_path (self->dir);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_pattern_match_simple ("index.html.??????", name))
      {
        g_autofree char *leftover = g_build_filename (path, name, NULL);

        g_unlink (leftover);
      }
}

static void
append_neighbour (Export     *self,
                  GString    *out,
                  guint       position,
                  int         offset,
                  const char *class,
                  const char *label)
{
  LlmQuestion *question = llm_collection_get_question (self->collection, position);
  LlmQuestion *neighbour = llm_collection_get_neighbour (self->collection, question, offset);
  g_autofree char *label_html = escape (label);
  g_autofree char *href = NULL;

  if (neighbour == NULL)
    {
      /* An empty slot keeps "Contents" in the middle. */
      g_string_append_printf (out, "<span class=\"%s\"></span>\n", class);
      return;
    }

  href = page_href (self, position + offset, "");
  g_string_append_printf (out, "<a class=\"%s\" rel=\"%s\" href=\"%s\"><span class=\"label\">%s</span>",
                          class, class, href, label_html);
  append_question_title (out, neighbour);
  g_string_append (out, "</a>\n");
}

static gboolean
is_blank (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* The note rendered, or %NULL when there is none to show. */
static char *
render_note (Export       *self,
             LlmQuestion  *question,
             GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *note = NULL;

  if (self->notes == NULL)
    return NULL;

  note = llm_note_store_read (self->notes, llm_question_get_id (question), &local_error);
  /* An id the store cannot name a file after never has a note. */
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME))
    return NULL;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (note == NULL || is_blank (note))
    return NULL;

  {
    g_autofree char *html = llm_render_markdown (note, resolve_image, self);

    /* Its footnotes apart from the answer's, on the same page. */
    return llm_link_prefix_footnotes (html, "note-");
  }
}

static gboolean
write_question (Export  *self,
                guint    position,
                GError **error)
{
  LlmQuestion *question = llm_collection_get_question (self->collection, position);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) note_error = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *note = NULL;
  gboolean has_code;
  g_autofree char *page_title = NULL;
  g_autofree char *topic = escape (llm_question_get_topic (question));
  g_autofree char *contents = escape (self->strings.contents);
  g_autofree char *my_notes = escape (self->strings.my_notes);
  g_autofree char *relative = NULL;
  guint number = llm_question_get_number (question);

  self->current = question;
  answer = llm_render_markdown (llm_question_get_answer (question), resolve_image, self);
  note = render_note (self, question, &note_error);
  if (note_error != NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&note_error),
                                  _("Cannot read the note on “%s”: "),
                                  llm_question_get_title (question));
      return FALSE;
    }
  if (self->image_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->image_error));
      return FALSE;
    }

  /* highlight.js (846 KB) goes into the site with the first page that has
   * code to highlight, before that page, which is before the index. */
  has_code = strstr (answer, "<code class=\"language-") != NULL ||
             (note != NULL && strstr (note, "<code class=\"language-") != NULL);
  if (has_code && !self->wrote_highlight)
    {
      if (!write_file (self, "assets/render-code.js", render_code_js, strlen (render_code_js), error) ||
          !copy_highlight (self, error))
        return FALSE;
      self->wrote_highlight = TRUE;
    }

  if (number > 0)
    page_title = g_strdup_printf ("%u. %s — %s", number, llm_question_get_title (question), self->title);
  else
    page_title = g_strdup_printf ("%s — %s", llm_question_get_title (question), self->title);

  append_head (self, out, page_title, "../", TRUE);
  g_string_append_printf (out,
                          "<nav class=\"pager top\"><a href=\"../index.html\">%s</a></nav>\n"
                          "<main>\n<header>\n<p class=\"topic\">%s</p>\n<h1>",
                          contents, topic);
  append_question_title (out, question);
  g_string_append (out, "</h1>\n</header>\n<article class=\"answer\">\n");
  g_string_append (out, answer);
  g_string_append (out, "</article>\n");
  if (note != NULL)
    g_string_append_printf (out,
                            "<section class=\"my-notes\">\n<h2>%s</h2>\n"
                            "<div class=\"note-body\">\n%s</div>\n</section>\n",
                            my_notes, note);
  g_string_append (out, "</main>\n<nav class=\"pager bottom\">\n");
  append_neighbour (self, out, position, -1, "prev", self->strings.previous);
  g_string_append_printf (out, "<a href=\"../index.html\">%s</a>\n", contents);
  append_neighbour (self, out, position, 1, "next", self->strings.next);
  /* External files only: the policy runs no inline script at all. */
  g_string_append (out,
                   "</nav>\n"
                   "<script src=\"../assets/katex/katex.min.js\"></script>\n"
                   "<script src=\"../assets/render-math.js\"></script>\n");
  if (has_code)
    g_string_append (out,
                     "<script src=\"../assets/highlight.min.js\"></script>\n"
                     "<script src=\"../assets/render-code.js\"></script>\n");
  g_string_append (out, "</body>\n</html>\n");

  relative = g_strconcat ("q/", (char *)g_ptr_array_index (self->page_names, position), ".html", NULL);
  return write_file (self, relative, out->str, out->len, error);
}

static gboolean
looks_like_export (GFile *dir)
{
  g_autoptr(GFile) index = g_file_get_child (dir, "index.html");
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;

  info = g_file_query_info (index, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (info == NULL ||
      g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
      g_file_info_get_size (info) > MAX_INDEX_BYTES ||
      !g_file_load_contents (index, NULL, &data, NULL, NULL, NULL))
    return FALSE;

  return strstr (data, "<meta name=\"generator\" content=\"" GENERATOR "\">") != NULL;
}

/* The export may only land in a new or empty folder, or replace an earlier
 * export: anything else is someone's files. */
static gboolean
prepare_folder (GFile         *dir,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) first = NULL;
  g_autofree char *name = g_file_get_parse_name (dir);

  if (g_file_make_directory_with_parents (dir, cancellable, &local_error))
    return TRUE;
  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_error (&local_error);

  if (g_file_query_file_type (dir, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, _("%s is not a folder"), name);
      return FALSE;
    }

  enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, error);
  if (enumerator == NULL)
    return FALSE;
  /* A first export killed while writing its stub index leaves nothing
   * but GLib's temporary file of it: the folder is still ours. */
  while ((first = g_file_enumerator_next_file (enumerator, cancellable, &local_error)) != NULL &&
         g_file_info_get_file_type (first) == G_FILE_TYPE_REGULAR &&
         g_pattern_match_simple ("index.html.??????", g_file_info_get_name (first)))
    g_clear_object (&first);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (first != NULL && !looks_like_export (dir))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_EMPTY,
                   _("%s is not empty and holds no earlier export; choose an empty folder"),
                   name);
      return FALSE;
    }

  return TRUE;
}

/* Removes what an earlier export left in our own folders and this one did
 * not write: pages of questions since removed, images no longer shown. */
static gboolean
sweep (Export  *self,
       GFile   *folder,
       GError **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GFileInfo *info;
  GFile *child;

  enumerator = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          self->cancellable, error);
  if (enumerator == NULL)
    return FALSE;

  while (g_file_enumerator_iterate (enumerator, &info, &child, self->cancellable, error))
    {
      g_autofree char *path = NULL;

      if (info == NULL)
        return TRUE;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          if (!sweep (self, child, error))
            return FALSE;
          /* Fails, as it should, while the folder still holds files. */
          g_file_delete (child, NULL, NULL);
          continue;
        }

      path = g_file_get_path (child);
      if (!g_hash_table_contains (self->written, path) &&
          !g_file_delete (child, self->cancellable, error))
        return FALSE;
    }

  return FALSE;
}

/**
 * llm_html_export:
 * @collection: the collection to export
 * @notes: (nullable): personal notes to include with their questions
 * @dir: the folder to write to; created if missing
 * @options: (nullable): KaTeX's folder, title, language and labels
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes @collection as a static site that a browser opens offline: an
 * index, one page per question with its note, KaTeX, and the images the
 * pages show. @dir must be new, empty, or hold an earlier export, which is
 * replaced; nothing is ever written outside it.
 *
 * Returns: %TRUE on success
 */
gboolean
llm_html_export (LlmCollection              *collection,
                 LlmNoteStore               *notes,
                 GFile                      *dir,
                 const LlmHtmlExportOptions *options,
                 GCancellable               *cancellable,
                 GError                    **error)
{
  static const LlmHtmlExportOptions defaults = { 0 };
  g_auto(Export) self = { 0 };
  g_autoptr(GHashTable) taken = NULL;
  g_autoptr(GFile) default_katex = NULL;
  g_autoptr(GFile) index = NULL;
  g_autofree char *dir_path = NULL;
  guint n;

  g_return_val_if_fail (LLM_IS_COLLECTION (collection), FALSE);
  g_return_val_if_fail (notes == NULL || LLM_IS_NOTE_STORE (notes), FALSE);
  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &defaults;

  /* Atomic writes need a real path; a remote folder has none. */
  dir_path = g_file_get_path (dir);
  if (dir_path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (dir);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot export to %s: only local folders are supported"), name);
      return FALSE;
    }

  if (!prepare_folder (dir, cancellable, error))
    return FALSE;
  index = g_file_get_child (dir, "index.html");

  self.collection = collection;
  self.notes = notes;
  self.cancellable = cancellable;
  self.dir = dir;
  self.title = options->title != NULL ? options->title : llm_collection_get_title (collection);
  self.language = options->language;
  self.strings.my_notes = options->strings.my_notes ? options->strings.my_notes : _("My Notes");
  self.strings.contents = options->strings.contents ? options->strings.contents : _("Contents");
  self.strings.previous = options->strings.previous ? options->strings.previous : _("Previous");
  self.strings.next = options->strings.next ? options->strings.next : _("Next");
  self.written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.refused = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.warnings = options->warnings;
  self.page_names = g_ptr_array_new_with_free_func (g_free);
  self.staged = g_ptr_array_new_with_free_func ((GDestroyNotify)staged_free);
  self.folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.options = options;

  n = llm_collection_get_n_questions (collection);
  taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self.page_names,
                     make_page_name (taken, llm_question_get_id (llm_collection_get_question (collection, i))));

  /* An export killed at any moment leaves every file whole, the old
   * version or the new (each write replaces its file in one step), and
   * index.html linking only to files that exist: the index is written
   * after everything it leads to, and the old pages are swept only after
   * it. A first export puts a stub index first, to mark the folder as
   * ours, so that an interrupted one can be run again into it. */
  if (!g_file_query_exists (index, cancellable) &&
      (!write_stub_index (&self, error) || !commit (&self, FALSE, error)))
    return FALSE;
  if (!write_file (&self, "assets/style.css", style_css, strlen (style_css), error) ||
      !write_file (&self, "assets/render-math.js", render_math_js, strlen (render_math_js), error))
    return FALSE;

  if (options->katex_dir == NULL)
    default_katex = g_file_new_for_path (LLM_HTML_EXPORT_KATEX_DIR);
  if (!copy_katex (&self, options->katex_dir != NULL ? options->katex_dir : default_katex, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (!write_question (&self, i, error))
        return FALSE;
      report (&self, i + 1, n, FALSE);
    }

  /* Everything the index leads to is on disk before the index is. */
  if (!commit (&self, TRUE, error) ||
      !write_index (&self, error) || !commit (&self, FALSE, error))
    return FALSE;
  remove_index_leftovers (&self);

  for (guint i = 0; i < 3; i++)
    {
      static const char * const ours[] = { "q", "assets", "images" };
      g_autoptr(GFile) folder = g_file_get_child (dir, ours[i]);
      GFileType type = g_file_query_file_type (folder, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable);

      /* A symlink in place of a folder this export did not need is removed
       * itself; sweeping it would delete files outside DIR. */
      if (type == G_FILE_TYPE_DIRECTORY ? !sweep (&self, folder, error)
          : type != G_FILE_TYPE_UNKNOWN && !g_file_delete (folder, cancellable, error))
        return FALSE;
    }

  return TRUE;
}
