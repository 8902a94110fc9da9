/* llm-html-export.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A static copy of a collection that any browser opens offline:
 *
 *   DIR/index.html            the topic tree
 *   DIR/q/<id>.html           one page per question, with its personal note
 *   DIR/assets/style.css      our stylesheet, over palette.css (the app's colours)
 *   DIR/assets/render-math.js our KaTeX bootstrap, after katex-options.js
 *   DIR/assets/katex/…        KaTeX and its fonts
 *   DIR/images/<path>         the collection's images the pages show
 *
 * Answers and notes go through llm_render_markdown(), as in the app, so raw
 * HTML never reaches a page. On top of that every page carries a content
 * security policy that runs only script files from the export itself, and
 * the pages hold no inline script for it to make an exception for.
 *
 * This file writes the pages and runs an export; the files they carry,
 * the images, and the staged writing to disk are in the
 * llm-html-export-*.c files beside it.
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

#include "llm-file-read.h"
#include "llm-html-export.h"
#include "llm-html-export-private.h"
#include "llm-image.h"
#include "llm-link.h"
#include "llm-question.h"
#include "llm-render.h"
#include "llm-topic.h"
#include "llm-text.h"

/* Tells a folder holding an earlier export from one we must not touch. */
#define GENERATOR "LLM Notes HTML export"

#define CSP "default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; " \
            "font-src 'self'; script-src 'self'; base-uri 'none'; form-action 'none'"

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

  return export_write_file (self, "index.html", out->str, out->len, error);
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

  return export_write_file (self, "index.html", out->str, out->len, error);
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
  if (note == NULL || llm_text_is_blank (note, -1))
    return NULL;

  {
    g_autofree char *html = llm_render_markdown (note, export_resolve_image, self);

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
  answer = llm_render_markdown (llm_question_get_answer (question), export_resolve_image, self);
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
      if (!export_write_asset (self, "render-code.js", error) ||
          !export_copy_highlight (self, error))
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
                   "<script src=\"../assets/katex-options.js\"></script>\n"
                   "<script src=\"../assets/render-math.js\"></script>\n");
  if (has_code)
    g_string_append (out,
                     "<script src=\"../assets/highlight.min.js\"></script>\n"
                     "<script src=\"../assets/render-code.js\"></script>\n");
  g_string_append (out, "</body>\n</html>\n");

  relative = g_strconcat ("q/", (char *)g_ptr_array_index (self->page_names, position), ".html", NULL);
  return export_write_file (self, relative, out->str, out->len, error);
}

static gboolean
looks_like_export (GFile *dir)
{
  g_autoptr(GFile) index = g_file_get_child (dir, "index.html");
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;

  /* Not a link: an index.html that leads elsewhere is not ours. */
  info = g_file_query_info (index, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (info == NULL ||
      g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
      !llm_file_read (index, NULL, &data, NULL, NULL))
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

/* Fills @self for one export of @collection into @dir, with the caller's
 * options or their defaults, and names every question's page. */
static void
export_init (Export                     *self,
             LlmCollection              *collection,
             LlmNoteStore               *notes,
             GFile                      *dir,
             const LlmHtmlExportOptions *options,
             GCancellable               *cancellable)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = llm_collection_get_n_questions (collection);

  self->collection = collection;
  self->notes = notes;
  self->cancellable = cancellable;
  self->dir = dir;
  self->title = options->title != NULL ? options->title : llm_collection_get_title (collection);
  self->language = options->language;
  self->strings.my_notes = options->strings.my_notes ? options->strings.my_notes : _("My Notes");
  self->strings.contents = options->strings.contents ? options->strings.contents : _("Contents");
  self->strings.previous = options->strings.previous ? options->strings.previous : _("Previous");
  self->strings.next = options->strings.next ? options->strings.next : _("Next");
  self->written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->refused = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->warnings = options->warnings;
  self->page_names = g_ptr_array_new_with_free_func (g_free);
  self->staged = g_ptr_array_new_with_free_func ((GDestroyNotify)export_staged_free);
  self->folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->options = options;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->page_names,
                     make_page_name (taken, llm_question_get_id (llm_collection_get_question (collection, i))));
}

/* Our style sheet and scripts, and KaTeX: what every page needs. */
static gboolean
write_assets (Export  *self,
              GError **error)
{
  g_autoptr(GFile) default_katex = NULL;
  GFile *katex_dir = self->options->katex_dir;

  if (!export_write_asset (self, "palette.css", error) ||
      !export_write_asset (self, "style.css", error) ||
      !export_write_asset (self, "katex-options.js", error) ||
      !export_write_asset (self, "render-math.js", error))
    return FALSE;

  if (katex_dir == NULL)
    katex_dir = default_katex = g_file_new_for_path (LLM_HTML_EXPORT_KATEX_DIR);

  return export_copy_katex (self, katex_dir, error);
}

/* Sweeps what earlier exports left in the folders we own. */
static gboolean
sweep_leftovers (Export  *self,
                 GError **error)
{
  static const char * const ours[] = { "q", "assets", "images" };

  remove_index_leftovers (self);

  for (guint i = 0; i < G_N_ELEMENTS (ours); i++)
    {
      g_autoptr(GFile) folder = g_file_get_child (self->dir, ours[i]);
      GFileType type = g_file_query_file_type (folder, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                               self->cancellable);

      /* A symlink in place of a folder this export did not need is removed
       * itself; sweeping it would delete files outside DIR. */
      if (type == G_FILE_TYPE_DIRECTORY ? !export_sweep (self, folder, error)
          : type != G_FILE_TYPE_UNKNOWN && !g_file_delete (folder, self->cancellable, error))
        return FALSE;
    }

  return TRUE;
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
  export_init (&self, collection, notes, dir, options, cancellable);
  n = llm_collection_get_n_questions (collection);

  /* An export killed at any moment leaves every file whole, the old
   * version or the new (each write replaces its file in one step), and
   * index.html linking only to files that exist: the index is written
   * after everything it leads to, and the old pages are swept only after
   * it. A first export puts a stub index first, to mark the folder as
   * ours, so that an interrupted one can be run again into it. */
  if (!g_file_query_exists (index, cancellable) &&
      (!write_stub_index (&self, error) || !export_commit (&self, FALSE, error)))
    return FALSE;
  if (!write_assets (&self, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (!write_question (&self, i, error))
        return FALSE;
      export_report (&self, i + 1, n, FALSE);
    }

  /* Everything the index leads to is on disk before the index is. */
  if (!export_commit (&self, TRUE, error) ||
      !write_index (&self, error) || !export_commit (&self, FALSE, error))
    return FALSE;

  return sweep_leftovers (&self, error);
}
