/* llm-folder-loader.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "llm-collection.h"
#include "llm-collection-loader.h"
#include "llm-file-read.h"
#include "llm-file-names.h"
#include "llm-folder-loader.h"
#include "llm-load-progress.h"
#include "llm-question.h"
#include "llm-text.h"
#include "llm-topic.h"

/* Opens a notes folder, such as an Obsidian vault, as one collection.
 *
 * Three passes: a walk lists the files in reading order (natural order,
 * folders among files), a pool of threads reads and parses them into
 * drafts, and the drafts become topics and questions in reading order, so
 * that duplicate titles get their "-2" in the order the user reads them.
 *
 * A top-level folder becomes a group of topics; deeper folders add their
 * topics to that group, as the tree has three levels. Files that are a
 * single note (no topic of their own) gather into one topic named after
 * their folder. None of this touches the main thread's objects: the
 * collection is handed over only once it is complete. */

#define WALK_ATTRIBUTES G_FILE_ATTRIBUTE_STANDARD_NAME "," \
                        G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," \
                        G_FILE_ATTRIBUTE_STANDARD_TYPE

/* Deeper than this is a loop or a mistake, not notes. */
#define MAX_DEPTH 32

/* A file to read, or a message about the folder at its place in the
 * reading order (then only @warning is set). */
typedef struct
{
  GFile *file;
  char *path;      /* relative to the folder, as on disk */
  char *name;      /* relative to the folder, for messages */
  char *stem;      /* the file's display name without its extension */
  guint dir;       /* index into Loader.dir_titles */
  int top;         /* the top-level folder holding it, or -1 */
  LlmDraft *draft;
  char *warning;
} Job;

typedef struct
{
  GFile *root;
  GCancellable *cancellable;
  LlmLoadProgress *progress;
  GPtrArray *jobs;
  GPtrArray *dir_titles;
  GPtrArray *dir_names;   /* each folder's path, for telling names apart */
  GPtrArray *files;
  GPtrArray *dirs;        /* GFile: each folder listed, to watch; or NULL */
  guint n_files;
} Loader;

/* A topic or a group on its way to becoming one. */
typedef struct
{
  char *title;
  guint dir;
  gboolean loose;     /* the topic of a folder's single notes */
  GPtrArray *topics;  /* a group's nodes, or NULL for a topic */
  GArray *entries;    /* a topic's questions */
  Job *job;           /* the file of a topic, NULL for a group or folder */
  LlmDraftTopic *draft_topic;
} Node;

typedef struct
{
  LlmDraftQuestion *question;
  Job *job;
} Entry;

static void
job_free (Job *job)
{
  g_clear_object (&job->file);
  g_free (job->path);
  g_free (job->name);
  g_free (job->stem);
  g_clear_pointer (&job->draft, llm_draft_free);
  g_free (job->warning);
  g_free (job);
}

static void
node_free (Node *node)
{
  g_free (node->title);
  g_clear_pointer (&node->topics, g_ptr_array_unref);
  g_clear_pointer (&node->entries, g_array_unref);
  g_free (node);
}

static void
warn (Loader     *self,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
warn (Loader     *self,
      const char *format,
      ...)
{
  Job *job = g_new0 (Job, 1);
  va_list args;

  va_start (args, format);
  job->warning = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (self->jobs, job);
}

static int
compare_infos (gconstpointer a,
               gconstpointer b)
{
  GFileInfo *info_a = *(GFileInfo **)a;
  GFileInfo *info_b = *(GFileInfo **)b;

  return llm_file_name_compare (g_object_get_data (G_OBJECT (info_a), "llm-key"),
                          g_object_get_data (G_OBJECT (info_b), "llm-key"));
}

/* Lists the entries of @dir worth reading, in natural order. */
static GPtrArray *
list_folder (Loader      *self,
             GFile       *dir,
             const char  *name,
             GError     **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (dir, WALK_ATTRIBUTES,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          self->cancellable, error);
  if (enumerator == NULL)
    return NULL;

  while ((info = g_file_enumerator_next_file (enumerator, self->cancellable, &local_error)) != NULL)
    {
      const char *file_name = g_file_info_get_name (info);
      const char *display = g_file_info_get_display_name (info);

      /* Hidden folders hold tools' state (.git, .obsidian, .trash), and
       * node_modules holds other people's READMEs: none are notes. */
      if (file_name[0] == '.' || g_str_equal (file_name, "node_modules"))
        {
          g_object_unref (info);
          continue;
        }

      g_object_set_data_full (G_OBJECT (info), "llm-key",
                              g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY
                                ? g_strdup (display) : llm_file_name_strip_extension (display),
                              g_free);
      g_ptr_array_add (infos, info);
    }

  /* A folder that fails halfway still gives what it listed. */
  if (local_error != NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    warn (self, _("Could not read all of the folder “%s”: %s"), name, local_error->message);

  g_ptr_array_sort (infos, compare_infos);
  return g_steal_pointer (&infos);
}

/* Lists @dir into the loader's jobs. @path and @name are those of @dir,
 * %NULL for the opened folder, which alone fails with @error: inside it, a
 * folder that does not open is a warning. */
static gboolean
walk (Loader      *self,
      GFile       *dir,
      const char  *path,
      const char  *name,
      guint        dir_index,
      int          top,
      guint        depth,
      GError     **error)
{
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) local_error = NULL;

  infos = list_folder (self, dir, name ? name : g_ptr_array_index (self->dir_titles, 0), &local_error);
  if (infos == NULL)
    {
      if (error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        warn (self, _("Could not open the folder “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  if (self->dirs != NULL)
    g_ptr_array_add (self->dirs, g_object_ref (dir));

  for (guint i = 0; i < infos->len; i++)
    {
      GFileInfo *info = g_ptr_array_index (infos, i);
      const char *display = g_file_info_get_display_name (info);
      g_autofree char *child_path = NULL;
      g_autofree char *child_name = NULL;
      g_autoptr(GFile) child = NULL;

      child_path = path ? g_strconcat (path, "/", g_file_info_get_name (info), NULL)
                        : g_strdup (g_file_info_get_name (info));
      child_name = name ? g_strconcat (name, "/", display, NULL) : g_strdup (display);
      child = g_file_get_child (dir, g_file_info_get_name (info));

      switch ((int)g_file_info_get_file_type (info))
        {
        case G_FILE_TYPE_DIRECTORY:
          if (depth >= MAX_DEPTH)
            {
              warn (self, _("Skipped “%s”: its folders are nested too deeply"), child_name);
              break;
            }
          g_ptr_array_add (self->dir_titles, g_strdup (llm_file_name_skip_number (display, NULL)));
          g_ptr_array_add (self->dir_names, g_strdup (child_name));
          walk (self, child, child_path, child_name, self->dir_titles->len - 1,
                top >= 0 ? top : (int)self->dir_titles->len - 1, depth + 1, NULL);
          break;

        case G_FILE_TYPE_REGULAR:
          if (llm_file_name_is_markdown (display))
            {
              Job *job = g_new0 (Job, 1);

              job->file = g_steal_pointer (&child);
              job->path = g_steal_pointer (&child_path);
              job->name = g_steal_pointer (&child_name);
              job->stem = llm_file_name_strip_extension (display);
              job->dir = dir_index;
              job->top = top;
              g_ptr_array_add (self->jobs, job);
              self->n_files++;
            }
          else
            g_ptr_array_add (self->files, g_steal_pointer (&child_path));
          break;

        case G_FILE_TYPE_SYMBOLIC_LINK:
          /* A link may lead out of the folder, or in a circle. */
          warn (self, _("Skipped “%s”: links are not followed"), child_name);
          break;

        default:
          break;
        }
    }

  return TRUE;
}

/* Runs in a pool thread: reads one file and makes its draft. */
static void
read_job (gpointer data,
          gpointer user_data)
{
  Job *job = data;
  Loader *self = user_data;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  gboolean blank;

  if (job->file == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  if (!llm_file_read (job->file, self->cancellable, &contents, &length, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        {
          g_autofree char *size = g_format_size (LLM_FILE_READ_MAX_BYTES);

          job->warning = g_strdup_printf (_("Skipped “%s”: it is larger than %s"), job->name, size);
        }
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        job->warning = g_strdup_printf (_("Could not read “%s”: %s"), job->name, error->message);
      goto done;
    }

  /* The parser takes the text over; whether it was blank picks the message. */
  blank = llm_text_is_blank (contents, length);
  job->draft = llm_draft_parse_owned (g_steal_pointer (&contents), length, &error);
  if (job->draft == NULL)
    job->warning = g_strdup_printf (_("Skipped “%s”: it is a binary file, not markdown"), job->name);
  else if (job->draft->n_entries == 0)
    {
      job->warning = blank
        ? g_strdup_printf (_("Skipped “%s”: it is empty"), job->name)
        : g_strdup_printf (_("Skipped “%s”: it holds no questions"), job->name);
      g_clear_pointer (&job->draft, llm_draft_free);
    }

done:
  if (self->progress != NULL)
    llm_load_progress_add_file_done (self->progress);
}

static void
read_jobs (Loader *self)
{
  guint n_threads = CLAMP (g_get_num_processors (), 1, 8);
  GThreadPool *pool;

  if (self->jobs->len < 2 || n_threads == 1)
    {
      for (guint i = 0; i < self->jobs->len; i++)
        read_job (g_ptr_array_index (self->jobs, i), self);
      return;
    }

  /* Reading and parsing are independent per file; the tree is put
   * together afterwards, in order. */
  pool = g_thread_pool_new (read_job, self, n_threads, FALSE, NULL);
  for (guint i = 0; i < self->jobs->len; i++)
    g_thread_pool_push (pool, g_ptr_array_index (self->jobs, i), NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
}

static Node *
node_new (const char *title,
          guint       dir,
          gboolean    group)
{
  Node *node = g_new0 (Node, 1);

  node->title = g_strdup (title);
  node->dir = dir;
  if (group)
    node->topics = g_ptr_array_new_with_free_func ((GDestroyNotify)node_free);
  else
    node->entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  return node;
}

static void
add_entries (Node          *node,
             LlmDraftTopic *topic,
             Job           *job)
{
  for (guint i = 0; i < topic->questions->len; i++)
    {
      Entry entry = { g_ptr_array_index (topic->questions, i), job };

      g_array_append_val (node->entries, entry);
    }
}

/* A file that is one study card and nothing else. */
static gboolean
is_single_note (LlmDraft *draft)
{
  LlmDraftTopic *topic;
  LlmDraftQuestion *question;

  if (draft->topics->len != 1 || draft->heading_title != NULL || draft->n_entries != 1)
    return FALSE;

  topic = g_ptr_array_index (draft->topics, 0);
  question = g_ptr_array_index (topic->questions, 0);

  /* A whole file's front matter title is the question's title. */
  return topic->title == NULL && !question->is_page &&
         (draft->title == NULL || question->title == NULL);
}

/* The name of a file's own topic: its front matter title, its "#" title,
 * its file name, or for a README, its folder's name. */
static const char *
file_title (Loader   *self,
            Job      *job,
            LlmDraft *draft)
{
  const char *stem = llm_file_name_skip_number (job->stem, NULL);
  gboolean stem_generic = llm_file_name_is_generic (stem);

  if (draft->title != NULL)
    return draft->title;
  if (draft->heading_title != NULL && (stem_generic || !llm_file_name_is_generic (draft->heading_title)))
    return llm_file_name_skip_number (draft->heading_title, NULL);
  if (stem_generic)
    return g_ptr_array_index (self->dir_titles, job->dir);
  return stem;
}

/* Files become nodes, in reading order. */
static GPtrArray *
plan_tree (Loader *self)
{
  g_autoptr(GHashTable) loose_topics = g_hash_table_new (NULL, NULL);
  GPtrArray *root = g_ptr_array_new_with_free_func ((GDestroyNotify)node_free);
  Node *group = NULL;

  for (guint i = 0; i < self->jobs->len; i++)
    {
      Job *job = g_ptr_array_index (self->jobs, i);
      LlmDraft *draft = job->draft;
      GPtrArray *container = root;

      if (draft == NULL)
        continue;

      if (job->top >= 0)
        {
          if (group == NULL || group->dir != (guint)job->top)
            {
              group = node_new (g_ptr_array_index (self->dir_titles, job->top), job->top, TRUE);
              g_ptr_array_add (root, group);
            }
          container = group->topics;
        }

      /* One note with no topic of its own joins its folder's topic. A
       * title, in front matter or a "#" heading, names a topic though. */
      if (is_single_note (draft))
        {
          Node *topic = g_hash_table_lookup (loose_topics, GUINT_TO_POINTER (job->dir));

          if (topic == NULL)
            {
              topic = node_new (g_ptr_array_index (self->dir_titles, job->dir), job->dir, FALSE);
              topic->loose = TRUE;
              g_ptr_array_add (container, topic);
              g_hash_table_insert (loose_topics, GUINT_TO_POINTER (job->dir), topic);
            }
          add_entries (topic, g_ptr_array_index (draft->topics, 0), job);
          continue;
        }

      for (guint t = 0; t < draft->topics->len; t++)
        {
          LlmDraftTopic *draft_topic = g_ptr_array_index (draft->topics, t);
          const char *title = draft_topic->title;
          Node *topic;

          /* "# 1.分词" in "1.分词/1.分词.md": the number orders the file,
           * as it does in the file's name, and is not part of the topic. */
          if (title == NULL)
            title = file_title (self, job, draft);
          topic = node_new (title, job->dir, FALSE);
          topic->job = job;
          topic->draft_topic = draft_topic;
          add_entries (topic, draft_topic, job);
          g_ptr_array_add (container, topic);
        }
    }

  return root;
}

static LlmTopic *
build_topic (Node       *node,
             GHashTable *ids)
{
  LlmTopic *topic = llm_topic_new (node->title);
  guint n_cards = 0;

  if (node->draft_topic != NULL)
    llm_topic_set_location (topic, node->job->path,
                            (const guint *)node->draft_topic->lines->data,
                            node->draft_topic->lines->len);

  for (guint i = 0; i < node->entries->len; i++)
    {
      Entry *entry = &g_array_index (node->entries, Entry, i);
      LlmDraftQuestion *draft_question = entry->question;
      g_autoptr(LlmQuestion) question = NULL;
      const char *title = draft_question->title;
      guint number = draft_question->number;
      g_autofree char *id = NULL;

      /* A whole file is one question, titled by its front matter or name;
       * the text before a file's first heading is titled like its topic. */
      if (title == NULL && draft_question->is_page)
        title = node->title;
      else if (title == NULL)
        title = entry->job->draft->title ? entry->job->draft->title
              : llm_file_name_skip_number (entry->job->stem, &number);
      if (draft_question->id == NULL)
        id = llm_text_make_id (title);

      n_cards += !draft_question->is_page;
      question = llm_question_new_take (llm_draft_unique_id (ids, id ? id : draft_question->id),
                                        number ? number : draft_question->is_page ? 0 : n_cards,
                                        llm_text_skip_number_prefix (title, NULL),
                                        node->title,
                                        g_steal_pointer (&draft_question->answer),
                                        g_steal_pointer (&draft_question->key_points));
      llm_question_set_source (question, entry->job->path);
      llm_question_set_line (question, draft_question->line);
      llm_question_set_is_card (question, !draft_question->is_page);
      llm_topic_append (topic, question);
    }

  return topic;
}

/* Two siblings of the same name from different places would look like one
 * listed twice: each gets its file's or folder's name after its own. */
static void
name_apart (Loader    *self,
            GPtrArray *nodes)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) shared = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < nodes->len; i++)
    {
      Node *node = g_ptr_array_index (nodes, i);
      Node *first = g_hash_table_lookup (seen, node->title);

      if (first == NULL)
        g_hash_table_insert (seen, node->title, node);
      else if (first->job == NULL || node->job == NULL || first->job != node->job)
        g_hash_table_add (shared, node->title);
    }

  if (g_hash_table_size (shared) == 0)
    return;

  for (guint i = 0; i < nodes->len; i++)
    {
      Node *node = g_ptr_array_index (nodes, i);
      const char *place;
      char *title;

      if (!g_hash_table_contains (shared, node->title))
        continue;
      place = node->job != NULL ? node->job->name : g_ptr_array_index (self->dir_names, node->dir);
      title = g_strdup_printf ("%s (%s)", node->title, place);
      g_free (node->title);
      node->title = title;
    }
}

static void
add_tags (GPtrArray          *tags,
          const char * const *more)
{
  for (guint i = 0; more[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (tags, more[i], g_str_equal, NULL))
      g_ptr_array_add (tags, (gpointer)more[i]);
}

/* A top-level node: a topic, or a folder's group of topics. */
static void
append_node (LlmCollection *collection,
             Node          *node,
             GHashTable    *ids)
{
  Node *only = node->topics && node->topics->len == 1 ? g_ptr_array_index (node->topics, 0) : NULL;

  if (node->topics == NULL)
    {
      g_autoptr(LlmTopic) topic = build_topic (node, ids);

      llm_collection_append_topic (collection, topic);
    }
  else if (only != NULL)
    {
      g_autoptr(LlmTopic) topic = NULL;

      /* A folder of single notes, or of one file, is a topic, not a
       * group of one; the folder's name stays in front of the file's,
       * "2024 / Onsite", so that two such folders stay apart. */
      if (!g_str_equal (only->title, node->title) && !only->loose)
        {
          char *title = g_strdup_printf ("%s / %s", node->title, only->title);

          g_free (only->title);
          only->title = title;
        }
      topic = build_topic (only, ids);

      llm_collection_append_topic (collection, topic);
    }
  else
    {
      g_autoptr(LlmTopic) group = llm_topic_new_group (node->title);

      for (guint t = 0; t < node->topics->len; t++)
        {
          g_autoptr(LlmTopic) topic = build_topic (g_ptr_array_index (node->topics, t), ids);

          llm_topic_append_topic (group, topic);
        }
      llm_collection_append_group (collection, group);
    }
}

/* What each file says of itself, and what went wrong with it. */
static void
add_file_facts (Loader        *self,
                LlmCollection *collection,
                GPtrArray     *tags)
{
  gboolean has_language = FALSE;

  for (guint i = 0; i < self->jobs->len; i++)
    {
      Job *job = g_ptr_array_index (self->jobs, i);

      if (job->draft != NULL)
        {
          llm_draft_add_warnings (job->draft, collection, job->name);
          add_tags (tags, (const char * const *)job->draft->tags);
          /* The first file that says its language speaks for the folder. */
          if (job->draft->language != NULL && !has_language)
            {
              llm_collection_set_language (collection, job->draft->language);
              has_language = TRUE;
            }
        }
      if (job->warning != NULL)
        llm_collection_add_problem (collection, job->name, job->warning);
    }
  for (guint i = 0; i < self->files->len; i++)
    llm_collection_add_file (collection, g_ptr_array_index (self->files, i));
}

static LlmCollection *
build_collection (Loader      *self,
                  const char  *title,
                  GError     **error)
{
  g_autoptr(LlmCollection) collection = llm_collection_new (title, self->root);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GPtrArray) root = plan_tree (self);

  name_apart (self, root);
  for (guint i = 0; i < root->len; i++)
    {
      Node *node = g_ptr_array_index (root, i);

      if (node->topics != NULL)
        name_apart (self, node->topics);
    }

  for (guint i = 0; i < root->len; i++)
    append_node (collection, g_ptr_array_index (root, i), ids);
  add_file_facts (self, collection, tags);

  g_ptr_array_add (tags, NULL);
  llm_collection_set_tags (collection, (const char * const *)tags->pdata);

  /* Nothing loaded because of what went wrong ("Permission denied"):
   * that is the answer, not a lecture on what notes look like. */
  if (llm_collection_get_n_questions (collection) == 0 && llm_collection_get_n_problems (collection) > 0)
    {
      g_autofree char *problems = g_strjoinv ("\n", (char **)llm_collection_get_warnings (collection));

      g_set_error (error, LLM_COLLECTION_ERROR, LLM_COLLECTION_ERROR_EMPTY,
                   _("No questions could be loaded from “%s”:\n%s"), title, problems);
      return NULL;
    }
  if (llm_collection_get_n_questions (collection) == 0)
    {
      g_set_error (error, LLM_COLLECTION_ERROR, LLM_COLLECTION_ERROR_EMPTY,
                   _("No questions found in “%s”. A notes folder holds markdown files such as “Transformer.md”, whose headings such as “## What is attention?” are the questions."),
                   title);
      return NULL;
    }

  return g_steal_pointer (&collection);
}

static LlmCollection *
load_folder (GFile            *folder,
             LlmLoadProgress  *progress,
             GPtrArray        *dirs,
             GCancellable     *cancellable,
             GError          **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  Loader self = { 0 };
  LlmCollection *collection = NULL;
  g_autofree char *title = NULL;

  info = g_file_query_info (folder, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  title = g_strdup (g_file_info_get_display_name (info));

  self.root = folder;
  self.cancellable = cancellable;
  self.progress = progress;
  self.dirs = dirs;
  self.jobs = g_ptr_array_new_with_free_func ((GDestroyNotify)job_free);
  self.dir_titles = g_ptr_array_new_with_free_func (g_free);
  self.dir_names = g_ptr_array_new_with_free_func (g_free);
  self.files = g_ptr_array_new_with_free_func (g_free);

  /* The folder itself must open; anything inside may fail on its own. */
  g_ptr_array_add (self.dir_titles, g_strdup (title));
  g_ptr_array_add (self.dir_names, g_strdup (title));
  if (!walk (&self, folder, NULL, NULL, 0, -1, 0, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", name, local_error->message);
      goto out;
    }

  if (progress != NULL)
    llm_load_progress_set_files_total (progress, self.n_files);

  read_jobs (&self);
  if (!g_cancellable_set_error_if_cancelled (cancellable, error))
    collection = build_collection (&self, title, error);

out:
  g_ptr_array_unref (self.jobs);
  g_ptr_array_unref (self.dir_titles);
  g_ptr_array_unref (self.dir_names);
  g_ptr_array_unref (self.files);

  return collection;
}

/**
 * llm_collection_load_path_full:
 * @progress: (nullable): a counter to update while loading
 * @watch: (nullable) (element-type GFile): where to add every folder read,
 *   to watch for changes; nothing is added for a single file
 *
 * Loads as llm_collection_load_path() does, and says what was read.
 */
LlmCollection *
llm_collection_load_path_full (GFile            *file,
                               LlmLoadProgress  *progress,
                               GPtrArray        *watch,
                               GCancellable     *cancellable,
                               GError          **error)
{
  LlmCollection *collection;

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
    return load_folder (file, progress, watch, cancellable, error);

  if (progress != NULL)
    llm_load_progress_set_files_total (progress, 1);
  collection = llm_collection_load_file (file, error);
  if (progress != NULL)
    llm_load_progress_add_file_done (progress);

  return collection;
}

/**
 * llm_collection_load_path:
 * @file: a markdown file or a folder of them
 * @cancellable: (nullable): a #GCancellable
 *
 * Loads a single file as llm_collection_load_file() does, or every
 * markdown file under a folder. Files that cannot be used are skipped and
 * named in llm_collection_get_warnings().
 *
 * Returns: (transfer full): the collection, or %NULL with @error set
 */
LlmCollection *
llm_collection_load_path (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);

  return llm_collection_load_path_full (file, NULL, NULL, cancellable, error);
}
