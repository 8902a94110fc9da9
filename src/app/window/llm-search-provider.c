/* llm-search-provider.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "llm-collection.h"
#include "llm-folder-loader.h"
#include "llm-question.h"
#include "llm-search.h"
#include "llm-search-provider.h"
#include "llm-user-data.h"
#include "llm-window.h"

/* Answers GNOME Shell's search (org.gnome.Shell.SearchProvider2) from the
 * collection the app shows, or last showed: typing "蒸馏" in the Activities
 * overview lists the matching questions, and picking one opens it. */

#define MAX_RESULTS 10

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

struct _LlmSearchProvider
{
  GObject parent_instance;

  GtkApplication *application;   /* not owned: it owns us */
  LlmUserData *user_data;
  GSettings *settings;
  GDBusConnection *connection;
  guint registration;

  LlmCollection *collection;
  LlmSearchIndex *index;

  /* While an index is built in a thread, the shell's calls wait here,
   * and notes saved meanwhile are kept to be put into the new index. */
  GQueue waiting;
  GHashTable *saved_while_building;
  gboolean building;
};

G_DEFINE_FINAL_TYPE (LlmSearchProvider, llm_search_provider, G_TYPE_OBJECT)

/* What the thread builds: the collection searched and its index. */
typedef struct
{
  LlmCollection *collection;
  LlmSearchIndex *index;
} Built;

static void
built_free (Built *built)
{
  g_clear_object (&built->collection);
  g_clear_object (&built->index);
  g_free (built);
}

static LlmWindow *
dup_window (LlmSearchProvider *self)
{
  GtkWindow *window = gtk_application_get_active_window (self->application);

  return LLM_IS_WINDOW (window) ? g_object_ref (LLM_WINDOW (window)) : NULL;
}

/* The collection to search: the window's, or NULL for what the app would
 * open (the last collection, else the bundled notes). */
static LlmCollection *
wanted_collection (LlmSearchProvider *self)
{
  g_autoptr(LlmWindow) window = dup_window (self);

  return window ? llm_window_get_collection (window) : NULL;
}

static void
build_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  LlmSearchProvider *self = source_object;
  Built *built = g_new0 (Built, 1);

  /* A window's collection is read-only once built, so this thread may
   * read it while the window shows it. */
  built->collection = task_data ? g_object_ref (task_data) : NULL;
  if (built->collection == NULL)
    {
      g_autofree char *uri = g_settings_get_string (self->settings, "last-collection");

      if (uri[0] != '\0')
        {
          g_autoptr(GFile) file = g_file_new_for_uri (uri);

          built->collection = llm_collection_load_path (file, NULL, NULL);
          if (built->collection != NULL)
            llm_user_data_add_my_questions (self->user_data, built->collection);
        }
      if (built->collection == NULL)
        built->collection = llm_user_data_load_bundled (self->user_data);
    }

  built->index = llm_user_data_build_search_index (self->user_data, built->collection);
  g_task_return_pointer (task, built, (GDestroyNotify)built_free);
}

static void answer_waiting (LlmSearchProvider *self);

static void
on_built (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  LlmSearchProvider *self = LLM_SEARCH_PROVIDER (object);
  Built *built = g_task_propagate_pointer (G_TASK (result), NULL);
  GHashTableIter iter;
  gpointer id, text;

  self->building = FALSE;
  g_set_object (&self->collection, built->collection);
  g_set_object (&self->index, built->index);
  built_free (built);

  g_hash_table_iter_init (&iter, self->saved_while_building);
  while (g_hash_table_iter_next (&iter, &id, &text))
    llm_search_index_set_note (self->index, id, text);
  g_hash_table_remove_all (self->saved_while_building);

  answer_waiting (self);
}

/* Whether the index answers for the collection the shell should search;
 * if not, one is built in a thread, so that loading a collection and
 * reading every note never blocks the app's main loop. */
static gboolean
index_ready (LlmSearchProvider *self)
{
  LlmCollection *wanted = wanted_collection (self);
  g_autoptr(GTask) task = NULL;

  if (self->index != NULL && (wanted == NULL || wanted == self->collection))
    return TRUE;
  if (self->building)
    return FALSE;

  self->building = TRUE;
  task = g_task_new (self, NULL, on_built, NULL);
  g_task_set_source_tag (task, index_ready);
  if (wanted != NULL)
    g_task_set_task_data (task, g_object_ref (wanted), g_object_unref);
  g_task_run_in_thread (task, build_in_thread);
  return FALSE;
}

static void
on_note_saved (LlmSearchProvider *self,
               const char        *id,
               const char        *text,
               LlmNoteStore      *store)
{
  if (self->building)
    g_hash_table_insert (self->saved_while_building, g_strdup (id), g_strdup (text));
  if (self->index != NULL)
    llm_search_index_set_note (self->index, id, text);
}

static GVariant *
search (LlmSearchProvider *self,
        GVariant          *terms)
{
  g_autofree const char **words = g_variant_get_strv (terms, NULL);
  g_autofree char *query = g_strjoinv (" ", (char **)words);
  g_autoptr(GPtrArray) results = llm_search_index_query (self->index, query, MAX_RESULTS);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("as"));
  for (guint i = 0; i < results->len; i++)
    g_variant_builder_add (&builder, "s",
                           llm_question_get_id (llm_search_result_get_question (g_ptr_array_index (results, i))));

  return g_variant_new ("(as)", &builder);
}

static GVariant *
result_metas (LlmSearchProvider *self,
              GVariant          *identifiers)
{
  g_autofree const char **ids = g_variant_get_strv (identifiers, NULL);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; ids[i]; i++)
    {
      LlmQuestion *question = llm_collection_lookup (self->collection, ids[i]);
      GVariantDict meta;

      if (question == NULL)
        continue;

      g_variant_dict_init (&meta, NULL);
      g_variant_dict_insert (&meta, "id", "s", ids[i]);
      g_variant_dict_insert (&meta, "name", "s", llm_question_get_title (question));
      g_variant_dict_insert (&meta, "description", "s", llm_question_get_topic (question));
      g_variant_dict_insert (&meta, "gicon", "s", APP_ID);
      g_variant_builder_add_value (&builder, g_variant_dict_end (&meta));
    }

  return g_variant_new ("(aa{sv})", &builder);
}

/* Answers a call that needs the index; the index is ready. */
static void
answer (LlmSearchProvider     *self,
        GDBusMethodInvocation *invocation)
{
  const char *method_name = g_dbus_method_invocation_get_method_name (invocation);
  GVariant *parameters = g_dbus_method_invocation_get_parameters (invocation);
  g_autoptr(GVariant) strv = NULL;

  if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      strv = g_variant_get_child_value (parameters, 1);
      g_dbus_method_invocation_return_value (invocation, search (self, strv));
    }
  else
    {
      strv = g_variant_get_child_value (parameters, 0);
      if (g_str_equal (method_name, "GetResultMetas"))
        g_dbus_method_invocation_return_value (invocation, result_metas (self, strv));
      else
        g_dbus_method_invocation_return_value (invocation, search (self, strv));
    }

  /* Held since the call came in. */
  g_application_release (G_APPLICATION (self->application));
}

static void
answer_waiting (LlmSearchProvider *self)
{
  /* The window may have opened another collection meanwhile. */
  if (!index_ready (self))
    return;

  while (!g_queue_is_empty (&self->waiting))
    answer (self, g_queue_pop_head (&self->waiting));
}

static void
activate_result (LlmSearchProvider *self,
                 const char        *id)
{
  g_autoptr(LlmWindow) window = NULL;

  g_application_activate (G_APPLICATION (self->application));
  window = dup_window (self);
  if (window == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-question", "s", id);
  gtk_window_present (GTK_WINDOW (window));
}

static void
handle_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  LlmSearchProvider *self = user_data;

  /* The app stays alive while answering the shell. */
  g_application_hold (G_APPLICATION (self->application));

  if (g_str_equal (method_name, "GetInitialResultSet") ||
      g_str_equal (method_name, "GetSubsearchResultSet") ||
      g_str_equal (method_name, "GetResultMetas"))
    {
      /* The invocation keeps its reference until it is answered. */
      if (index_ready (self))
        answer (self, invocation);
      else
        g_queue_push_tail (&self->waiting, invocation);
      return;
    }

  if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *id = NULL;

      g_variant_get_child (parameters, 0, "&s", &id);
      activate_result (self, id);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_application_activate (G_APPLICATION (self->application));
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No such method: %s", method_name);

  g_application_release (G_APPLICATION (self->application));
}

static void
llm_search_provider_finalize (GObject *object)
{
  LlmSearchProvider *self = (LlmSearchProvider *)object;

  llm_search_provider_unregister (self);
  g_clear_pointer (&self->saved_while_building, g_hash_table_unref);
  g_clear_object (&self->index);
  g_clear_object (&self->collection);
  g_clear_object (&self->settings);
  g_clear_object (&self->user_data);

  G_OBJECT_CLASS (llm_search_provider_parent_class)->finalize (object);
}

static void
llm_search_provider_class_init (LlmSearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = llm_search_provider_finalize;
}

static void
llm_search_provider_init (LlmSearchProvider *self)
{
  g_queue_init (&self->waiting);
  self->saved_while_building = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

LlmSearchProvider *
llm_search_provider_new (GtkApplication *application,
                         LlmUserData    *user_data,
                         GSettings      *settings)
{
  LlmSearchProvider *self = g_object_new (LLM_TYPE_SEARCH_PROVIDER, NULL);

  self->application = application;
  self->user_data = g_object_ref (user_data);
  self->settings = g_object_ref (settings);
  /* Notes saved while the index is kept are found too. */
  g_signal_connect_object (llm_user_data_get_note_store (user_data), "changed",
                           G_CALLBACK (on_note_saved), self, G_CONNECT_SWAPPED);
  return self;
}

gboolean
llm_search_provider_register (LlmSearchProvider  *self,
                              GDBusConnection    *connection,
                              const char         *object_path,
                              GError            **error)
{
  static const GDBusInterfaceVTable vtable = { handle_method_call, NULL, NULL };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (introspection_xml, error);

  g_return_val_if_fail (LLM_IS_SEARCH_PROVIDER (self), FALSE);

  if (info == NULL)
    return FALSE;

  self->registration = g_dbus_connection_register_object (connection, object_path, info->interfaces[0],
                                                          &vtable, self, NULL, error);
  if (self->registration == 0)
    return FALSE;

  self->connection = g_object_ref (connection);
  return TRUE;
}

void
llm_search_provider_unregister (LlmSearchProvider *self)
{
  g_return_if_fail (LLM_IS_SEARCH_PROVIDER (self));

  if (self->registration != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration);
  self->registration = 0;
  g_clear_object (&self->connection);
}
