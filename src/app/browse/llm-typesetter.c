/* llm-typesetter.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Math typeset before the answer page sees it. The renderer writes each
 * formula as <span class="math inline">TeX</span> (or display, or a
 * <div>); the answer view hands the answer's HTML to
 * llm_typesetter_apply(), which puts in what each formula became and
 * lists those it has not seen, and those go to the typesetting helper
 * (src/typeset/llm-notes-typeset.c), a process that runs KaTeX and ends
 * when it has been idle a few seconds. Run in the page, KaTeX stayed in
 * the web process for the life of the page (6 MB after 1,000 switches
 * through the bundled notes, which hold three formulas); the helper gives
 * all of it back when it ends, and starts again in ~35 ms.
 *
 * Without the helper (not installed, or it failed) the answer goes to the
 * page as it is, and page.js typesets it with KaTeX loaded into the page,
 * as it does answers over 1 MB, which it typesets as they scroll in. */

#include "config.h"

#include <signal.h>
#include <string.h>

#include "llm-typesetter.h"

/* Idle this long, the helper is ended. */
#define IDLE_SECONDS 3
/* A request not answered in this long ends the helper for good. */
#define TIMEOUT_SECONDS 30
/* Page.js's LAZY_MATH_BYTES: larger answers are typeset in the page. */
#define LARGE_HTML (1024 * 1024)
/* What the formulas typeset may take, as page.js bounds its own. */
#define CACHE_CHARS (4 * 1024 * 1024)
#define MAX_REPLY (64 * 1024 * 1024)

struct _LlmTypesetter
{
  GObject parent_instance;

  char *helper;                 /* the program; NULL if there is none */
  GSubprocess *process;
  GBytes *outgoing;             /* being written to the helper */
  guint32 reply_size;
  guint8 *reply;
  GQueue requests;              /* GTask; the head is the helper's */
  guint timeout_source;
  guint idle_source;
  gboolean failed;

  GHashTable *cache;            /* formula → its HTML */
  GQueue cache_order;           /* the cache's keys, oldest first */
  gsize cache_chars;
};

G_DEFINE_FINAL_TYPE (LlmTypesetter, llm_typesetter, G_TYPE_OBJECT)

static void start_head (LlmTypesetter *self);

static GRegex *
math_regex (void)
{
  static GRegex *regex;

  /* The pattern of typeset.js's MATH: a formula whose text holds no tag. */
  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("<(span|div) class=\"math (inline|display)\">([^<]*)</\\1>", 0, 0, NULL));

  return regex;
}

/* A message to the helper: its size, then the variant. */
static void
append_message (GByteArray *message,
                GVariant   *variant)
{
  g_autoptr(GVariant) sunk = g_variant_ref_sink (variant);
  guint32 size = GUINT32_TO_LE ((guint32)g_variant_get_size (sunk));

  g_byte_array_append (message, (const guint8 *)&size, sizeof size);
  g_byte_array_append (message, g_variant_get_data (sunk), g_variant_get_size (sunk));
}

/* The helper's first message: the scripts it runs, in order. */
static void
append_scripts (GByteArray *message)
{
  static const char * const paths[] = {
    RESOURCE_BASE "/katex/katex.min.js",
    RESOURCE_BASE "/export/katex-options.js",
    RESOURCE_BASE "/page/typeset.js",
  };
  GVariantBuilder scripts;

  g_variant_builder_init (&scripts, G_VARIANT_TYPE_STRING_ARRAY);
  for (gsize i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (paths[i], G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      /* Resource data ends with a NUL: a string as it is. */
      g_assert (bytes != NULL);
      g_variant_builder_add (&scripts, "s", g_bytes_get_data (bytes, NULL));
    }
  append_message (message, g_variant_builder_end (&scripts));
}

static void
cache_add (LlmTypesetter *self,
           const char    *formula,
           const char    *html)
{
  char *key;

  if (g_hash_table_contains (self->cache, formula))
    return;

  key = g_strdup (formula);
  g_hash_table_insert (self->cache, key, g_strdup (html));
  g_queue_push_tail (&self->cache_order, key);
  self->cache_chars += strlen (formula) + strlen (html);

  while (self->cache_chars > CACHE_CHARS && self->cache_order.length > 1)
    {
      const char *oldest = g_queue_pop_head (&self->cache_order);

      self->cache_chars -= strlen (oldest) + strlen (g_hash_table_lookup (self->cache, oldest));
      g_hash_table_remove (self->cache, oldest);
    }
}

static void
stop_helper (LlmTypesetter *self)
{
  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_handle_id (&self->timeout_source, g_source_remove);
  g_clear_pointer (&self->outgoing, g_bytes_unref);
  g_clear_pointer (&self->reply, g_free);
  if (self->process == NULL)
    return;

  /* It ends at the end of its input; GSubprocess reaps it. */
  g_output_stream_close (g_subprocess_get_stdin_pipe (self->process), NULL, NULL);
  g_clear_object (&self->process);
}

static void
fail (LlmTypesetter *self,
      const GError  *error)
{
  GTask *task;

  /* Said once, for whoever reads the log: math still shows. */
  g_message ("Math is typeset in the answer page from now on: %s", error->message);
  self->failed = TRUE;
  if (self->process != NULL)
    g_subprocess_force_exit (self->process);
  stop_helper (self);

  while ((task = g_queue_pop_head (&self->requests)) != NULL)
    {
      g_task_return_error (task, g_error_copy (error));
      g_object_unref (task);
    }
}

static void
fail_with (LlmTypesetter *self,
           const char    *message)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, message);

  fail (self, error);
}

static gboolean
on_timeout (gpointer user_data)
{
  LlmTypesetter *self = user_data;

  self->timeout_source = 0;
  fail_with (self, "the typesetting helper did not answer");

  return G_SOURCE_REMOVE;
}

static gboolean
on_idle (gpointer user_data)
{
  LlmTypesetter *self = user_data;

  self->idle_source = 0;
  stop_helper (self);

  return G_SOURCE_REMOVE;
}

/* Whether @source is a pipe of the helper still running: what a helper
 * that failed or was ended leaves behind is not looked at. */
static gboolean
is_current (LlmTypesetter *self,
            GObject       *source)
{
  return self->process != NULL
         && (source == G_OBJECT (g_subprocess_get_stdin_pipe (self->process))
             || source == G_OBJECT (g_subprocess_get_stdout_pipe (self->process)));
}

static void
read_reply (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  LlmTypesetter *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  GPtrArray *formulas;
  GTask *task;
  gsize read;

  g_input_stream_read_all_finish (G_INPUT_STREAM (source), result, &read, &error);
  if (!is_current (self, source))
    return;
  if (error != NULL || read != self->reply_size)
    {
      fail_with (self, "the typesetting helper ended");
      return;
    }

  reply = g_variant_ref_sink (g_variant_new_from_data (G_VARIANT_TYPE_STRING_ARRAY, self->reply, self->reply_size,
                                                       FALSE, g_free, self->reply));
  self->reply = NULL;
  task = g_queue_pop_head (&self->requests);
  formulas = g_task_get_task_data (task);
  if (g_variant_n_children (reply) != formulas->len)
    {
      g_queue_push_head (&self->requests, task);
      fail_with (self, "the typesetting helper answered something else");
      return;
    }

  for (guint i = 0; i < formulas->len; i++)
    {
      const char *html;

      g_variant_get_child (reply, i, "&s", &html);
      cache_add (self, g_ptr_array_index (formulas, i), html);
    }
  g_clear_handle_id (&self->timeout_source, g_source_remove);
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
  start_head (self);
}

static void
read_size (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LlmTypesetter *self = user_data;
  g_autoptr(GError) error = NULL;
  gsize read;

  g_input_stream_read_all_finish (G_INPUT_STREAM (source), result, &read, &error);
  if (!is_current (self, source))
    return;
  self->reply_size = GUINT32_FROM_LE (self->reply_size);
  if (error != NULL || read != sizeof self->reply_size || self->reply_size > MAX_REPLY)
    {
      fail_with (self, "the typesetting helper ended");
      return;
    }

  self->reply = g_malloc (self->reply_size);
  g_input_stream_read_all_async (G_INPUT_STREAM (source), self->reply, self->reply_size,
                                 G_PRIORITY_DEFAULT, NULL, read_reply, self);
}

static void
wrote_request (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  LlmTypesetter *self = user_data;
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, &error);
  if (!is_current (self, source))
    return;
  g_clear_pointer (&self->outgoing, g_bytes_unref);
  if (error != NULL)
    {
      fail_with (self, "the typesetting helper ended");
      return;
    }

  g_input_stream_read_all_async (g_subprocess_get_stdout_pipe (self->process),
                                 &self->reply_size, sizeof self->reply_size,
                                 G_PRIORITY_DEFAULT, NULL, read_size, self);
}

static void
start_head (LlmTypesetter *self)
{
  GTask *task = g_queue_peek_head (&self->requests);
  g_autoptr(GByteArray) message = g_byte_array_new ();
  GPtrArray *formulas;

  if (task == NULL)
    {
      g_clear_handle_id (&self->idle_source, g_source_remove);
      self->idle_source = g_timeout_add_seconds (IDLE_SECONDS, on_idle, self);
      return;
    }

  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (self->process == NULL)
    {
      g_autoptr(GError) error = NULL;

      /* A helper that ends while it is written to must fail the request,
       * not end the app: GIO ignores SIGPIPE as soon as it makes a socket,
       * which an app on D-Bus always has, but this must not depend on it. */
      signal (SIGPIPE, SIG_IGN);
      self->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                        &error, self->helper, NULL);
      if (self->process == NULL)
        {
          fail (self, error);
          return;
        }
      append_scripts (message);
    }

  formulas = g_task_get_task_data (task);
  append_message (message, g_variant_new_strv ((const char * const *)formulas->pdata, formulas->len));
  self->outgoing = g_byte_array_free_to_bytes (g_steal_pointer (&message));
  self->timeout_source = g_timeout_add_seconds (TIMEOUT_SECONDS, on_timeout, self);
  g_output_stream_write_all_async (g_subprocess_get_stdin_pipe (self->process),
                                   g_bytes_get_data (self->outgoing, NULL), g_bytes_get_size (self->outgoing),
                                   G_PRIORITY_DEFAULT, NULL, wrote_request, self);
}

static void
llm_typesetter_finalize (GObject *object)
{
  LlmTypesetter *self = LLM_TYPESETTER (object);

  g_assert (g_queue_is_empty (&self->requests));
  stop_helper (self);
  g_queue_clear (&self->cache_order);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_free (self->helper);

  G_OBJECT_CLASS (llm_typesetter_parent_class)->finalize (object);
}

static void
llm_typesetter_class_init (LlmTypesetterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = llm_typesetter_finalize;
}

static void
llm_typesetter_init (LlmTypesetter *self)
{
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * llm_typesetter_new:
 * @helper: (nullable): the typesetting helper's program; %NULL for none,
 *   which leaves every formula to the page
 */
LlmTypesetter *
llm_typesetter_new (const char *helper)
{
  LlmTypesetter *self = g_object_new (LLM_TYPE_TYPESETTER, NULL);

  self->helper = g_strdup (helper);

  return self;
}

static gboolean
is_program (const char *path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR) && g_file_test (path, G_FILE_TEST_IS_EXECUTABLE);
}

/* LLM_NOTES_TYPESET if set (empty for none); else beside the running
 * program, as in the build folder; else where it is installed. */
static char *
find_helper (void)
{
  const char *path = g_getenv ("LLM_NOTES_TYPESET");
  g_autofree char *program = NULL;
  g_autofree char *beside = NULL;
  g_autofree char *installed = NULL;

  if (path != NULL)
    return *path != '\0' ? g_strdup (path) : NULL;

  program = g_file_read_link ("/proc/self/exe", NULL);
  if (program != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (program);

      beside = g_build_filename (folder, "llm-notes-typeset", NULL);
      if (is_program (beside))
        return g_steal_pointer (&beside);
    }

  installed = g_build_filename (LIBEXECDIR, "llm-notes-typeset", NULL);
  if (is_program (installed))
    return g_steal_pointer (&installed);

  return NULL;
}

/**
 * llm_typesetter_get_default:
 *
 * Returns: (transfer none): the process's typesetter, made on first use
 *   and kept to its end
 */
LlmTypesetter *
llm_typesetter_get_default (void)
{
  static LlmTypesetter *typesetter;

  if (typesetter == NULL)
    {
      g_autofree char *helper = find_helper ();

      typesetter = llm_typesetter_new (helper);
    }

  return typesetter;
}

/**
 * llm_typesetter_has_formulas:
 * @html: HTML from the renderer
 *
 * Returns: whether @html holds math not typeset yet
 */
gboolean
llm_typesetter_has_formulas (const char *html)
{
  g_return_val_if_fail (html != NULL, FALSE);

  return g_regex_match (math_regex (), html, 0, NULL);
}

typedef struct
{
  LlmTypesetter *self;
  GPtrArray *missing;
  GHashTable *listed;
} Apply;

static gboolean
replace_formula (const GMatchInfo *info,
                 GString          *result,
                 gpointer          user_data)
{
  Apply *apply = user_data;
  g_autofree char *formula = g_match_info_fetch (info, 0);
  const char *html = g_hash_table_lookup (apply->self->cache, formula);

  g_string_append (result, html != NULL ? html : formula);
  /* The page typesets what could not be sent. */
  if (html == NULL && apply->missing != NULL && g_utf8_validate (formula, -1, NULL)
      && g_hash_table_add (apply->listed, formula))
    g_ptr_array_add (apply->missing, g_steal_pointer (&formula));

  return FALSE;
}

/**
 * llm_typesetter_apply:
 * @html: HTML from the renderer
 * @missing: (element-type utf8) (nullable): gets the formulas of @html
 *   the helper has yet to typeset, once each
 *
 * Returns: (transfer full) (nullable): @html with each formula the helper
 *   has typeset replaced by what it became, or %NULL if that is @html as
 *   it is: an answer can be a hundred megabytes, not to be copied for
 *   nothing
 */
char *
llm_typesetter_apply (LlmTypesetter *self,
                      const char    *html,
                      GPtrArray     *missing)
{
  g_autoptr(GHashTable) listed = NULL;
  Apply apply = { self, NULL, NULL };

  g_return_val_if_fail (LLM_IS_TYPESETTER (self), NULL);
  g_return_val_if_fail (html != NULL, NULL);

  /* Answers the page typesets as they scroll in are left to it, as is
   * everything without the helper. */
  if (self->helper == NULL || self->failed || strlen (html) > LARGE_HTML
      || !llm_typesetter_has_formulas (html))
    return NULL;

  listed = g_hash_table_new (g_str_hash, g_str_equal);
  apply.missing = missing;
  apply.listed = listed;

  return g_regex_replace_eval (math_regex (), html, -1, 0, 0, replace_formula, &apply, NULL);
}

/**
 * llm_typesetter_typeset_async:
 * @formulas: (element-type utf8): formulas from llm_typesetter_apply()
 *
 * Typesets @formulas with the helper, started if it is not running. It
 * fails if the helper cannot be started or does not answer, and from then
 * on llm_typesetter_apply() leaves every formula to the page.
 */
void
llm_typesetter_typeset_async (LlmTypesetter       *self,
                              GPtrArray           *formulas,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LLM_IS_TYPESETTER (self));
  g_return_if_fail (formulas != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, llm_typesetter_typeset_async);
  g_task_set_task_data (task, g_ptr_array_ref (formulas), (GDestroyNotify)g_ptr_array_unref);

  if (self->helper == NULL || self->failed)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no typesetting helper");
      return;
    }

  g_queue_push_tail (&self->requests, g_steal_pointer (&task));
  if (self->requests.length == 1)
    start_head (self);
}

gboolean
llm_typesetter_typeset_finish (LlmTypesetter  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
