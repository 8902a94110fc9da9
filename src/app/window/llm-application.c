/* llm-application.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#if HAVE_MALLOPT
#include <malloc.h>
#endif

#include "llm-application.h"
#include "llm-collection.h"
#include "llm-folder-loader.h"
#include "llm-fsrs-optimizer.h"
#include "llm-gl-probe.h"
#include "llm-html-export.h"
#include "llm-note-export.h"
#include "llm-note-store.h"
#include "llm-question.h"
#include "llm-search.h"
#include "llm-search-provider.h"
#include "llm-stats.h"
#include "llm-study.h"
#include "llm-settings.h"
#include "llm-user-data.h"
#include "llm-window.h"

struct _LlmApplication
{
  AdwApplication parent_instance;

  LlmSettings *settings;
  LlmUserData *user_data;
  LlmSearchProvider *search_provider;
};

G_DEFINE_FINAL_TYPE (LlmApplication, llm_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { "list", 'l', 0, G_OPTION_ARG_NONE, NULL,
    N_("Print one line per question (id, topic, number, title) and exit"), NULL },
  { "self-test", 't', 0, G_OPTION_ARG_NONE, NULL, N_("Start a self-test of the questions due"), NULL },
  { "search", 's', 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the questions that match QUERY (id, title, snippet), best first, and exit"), N_("QUERY") },
  { "due", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print every reviewed question (id, due date, stability, difficulty, title), soonest due first, and exit"), NULL },
  { "optimize", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Train the scheduler's parameters on all your reviews, print them with the prediction error before and after, and exit (nothing is applied)"), NULL },
  { "stats", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print one line per topic (topic, questions, reviewed, known, mean recall) and exit"), NULL },
  { "export-html", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the questions and your notes as a web site into DIR and exit"), N_("DIR") },
  { "export-notes", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write all personal notes to one markdown file and exit"), N_("OUTPUT") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE]") },
  { NULL }
};

static LlmCollection *
load_from_options (LlmApplication          *self,
                   GVariantDict            *options,
                   GError                 **error)
{
  g_autofree const char **files = NULL;
  g_autoptr(GFile) file = NULL;
  LlmCollection *collection;

  if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) || files[0] == NULL)
    return llm_user_data_load_bundled (self->user_data);

  if (files[1] != NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Only one file can be opened at a time"));
      return NULL;
    }

  file = g_file_new_for_commandline_arg (files[0]);
  collection = llm_collection_load_path (file, NULL, error);
  if (collection != NULL)
    llm_user_data_add_my_questions (self->user_data, collection);
  return collection;
}

static void
print_list (LlmCollection *collection)
{
  guint n = llm_collection_get_n_questions (collection);

  for (guint i = 0; i < n; i++)
    {
      LlmQuestion *question = llm_collection_get_question (collection, i);

      const char *source = llm_question_get_source (question);

      /* Where to find it, and whether it is asked or only read. */
      g_print ("%s\t%s\t%u\t%s\t%s\t%u\t%s\n",
               llm_question_get_id (question),
               llm_question_get_topic (question),
               llm_question_get_number (question),
               llm_question_get_title (question),
               source != NULL ? source : "",
               llm_question_get_line (question),
               llm_question_is_card (question) ? "card" : "page");
    }
}

/* A file that cannot be read fails here, in the calling process, with a
 * message on the terminal and before any window or display is needed. */
static gboolean
check_readable (GVariantDict *options)
{
  g_autofree const char **files = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) || files[0] == NULL)
    return TRUE;

  file = g_file_new_for_commandline_arg (files[0]);
  name = g_file_get_parse_name (file);
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_ACCESS_CAN_READ,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    g_printerr ("llm-notes: %s\n", error->message);
  else if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR &&
           g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
    g_printerr ("llm-notes: %s: %s\n", name, _("Not a file or folder"));
  else if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ) &&
           !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ))
    g_printerr ("llm-notes: %s: %s\n", name, _("Permission denied"));
  else
    return TRUE;

  return FALSE;
}

static int
export_notes (LlmApplication *self,
              GVariantDict   *options,
              LlmCollection  *collection)
{
  LlmNoteStore *store = llm_user_data_get_note_store (self->user_data);
  g_autoptr(GFile) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  g_autofree char *name = NULL;

  g_variant_dict_lookup (options, "export-notes", "^ay", &target);
  output = g_file_new_for_commandline_arg (target);
  name = g_file_get_parse_name (output);

  if (!llm_note_export_to_file (store, collection, output, &error))
    {
      g_printerr ("llm-notes: %s: %s\n", name, error->message);
      return 1;
    }

  g_print ("%s\n", name);
  return 0;
}

/* Searches the questions and the user's notes, as the search entry does. */
static int
print_search (LlmApplication *self,
              GVariantDict   *options,
              LlmCollection  *collection)
{
  g_autoptr(LlmSearchIndex) index = llm_user_data_build_search_index (self->user_data, collection);
  g_autoptr(GPtrArray) results = NULL;
  const char *query = NULL;

  g_variant_dict_lookup (options, "search", "&s", &query);
  results = llm_search_index_query (index, query, G_MAXUINT);

  for (guint i = 0; i < results->len; i++)
    {
      LlmSearchResult *result = g_ptr_array_index (results, i);
      LlmQuestion *question = llm_search_result_get_question (result);

      g_print ("%s\t%s\t%s\n",
               llm_question_get_id (question),
               llm_question_get_title (question),
               llm_search_result_get_snippet (result));
    }

  return 0;
}

/* The user's review log and schedule, loaded, for the command line. */
static LlmStudy *
dup_study (LlmApplication  *self,
           GError         **error)
{
  GSettings *settings = llm_settings_get_gsettings (self->settings);
  g_autoptr(LlmStudy) study = g_object_ref (llm_user_data_get_study (self->user_data));

  llm_study_set_retention (study, g_settings_get_double (settings, "desired-retention"));
  llm_settings_apply_fsrs_parameters (settings, study);
  if (!llm_study_load (study, error))
    return NULL;

  return g_steal_pointer (&study);
}

static int
compare_due (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  const LlmCard *ca = llm_study_get_card (user_data, llm_question_get_id (*(LlmQuestion **)a));
  const LlmCard *cb = llm_study_get_card (user_data, llm_question_get_id (*(LlmQuestion **)b));

  return (ca->due > cb->due) - (ca->due < cb->due);
}

/* 9999-12-31T23:59:59Z, the last second a GDateTime can hold. */
#define LAST_UNIX_TIME G_GINT64_CONSTANT (253402300799)

static int
print_due (LlmApplication *self,
           LlmCollection  *collection)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlmStudy) study = dup_study (self, &error);
  g_autoptr(GPtrArray) reviewed = g_ptr_array_new ();

  if (study == NULL)
    {
      g_printerr ("llm-notes: %s\n", error->message);
      return 1;
    }
  if (llm_study_get_warning (study) != NULL)
    g_printerr ("llm-notes: %s\n", llm_study_get_warning (study));

  for (guint i = 0; i < llm_collection_get_n_questions (collection); i++)
    {
      LlmQuestion *question = llm_collection_get_question (collection, i);
      const LlmCard *card = llm_study_get_card (study, llm_question_get_id (question));

      if (card != NULL && card->state != LLM_CARD_NEW)
        g_ptr_array_add (reviewed, question);
    }
  g_ptr_array_sort_with_data (reviewed, compare_due, study);

  for (guint i = 0; i < reviewed->len; i++)
    {
      LlmQuestion *question = g_ptr_array_index (reviewed, i);
      const LlmCard *card = llm_study_get_card (study, llm_question_get_id (question));
      g_autoptr(GDateTime) due = NULL;
      g_autofree char *iso = NULL;
      char stability[G_ASCII_DTOSTR_BUF_SIZE], difficulty[G_ASCII_DTOSTR_BUF_SIZE];

      /* GDateTime ends with the year 9999; a log with reviews near then
       * can schedule past it. */
      if (card->due > LAST_UNIX_TIME)
        {
          g_printerr (_("llm-notes: %s is due after the year 9999; shown as due at its end\n"),
                      llm_question_get_id (question));
          due = g_date_time_new_from_unix_utc (LAST_UNIX_TIME);
        }
      else
        due = g_date_time_new_from_unix_utc (card->due);
      iso = g_date_time_format_iso8601 (due);

      /* Machine-readable output: a point for decimals, whatever the locale. */
      g_print ("%s\t%s\t%s\t%s\t%s\n",
               llm_question_get_id (question), iso,
               g_ascii_formatd (stability, sizeof stability, "%.4f", card->stability),
               g_ascii_formatd (difficulty, sizeof difficulty, "%.4f", card->difficulty),
               llm_question_get_title (question));
    }

  return 0;
}

static const char *
format_metric (char   *buf,
               double  value)
{
  return g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, "%.6f", value);
}

/* Trains on every review in the log, whatever collection they belong to,
 * and prints the parameters with how well the ones in use and the new
 * ones predict the log. Applies nothing. */
static int
print_optimize (LlmApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlmStudy) study = dup_study (self, &error);
  g_autoptr(LlmFsrsOptimizer) optimizer = NULL;
  g_autofree char *text = NULL;
  double w[LLM_SCHEDULER_N_PARAMS];
  const double *current;
  LlmFsrsMetrics before, after;
  LlmFsrsOutcome outcome;
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];

  if (study == NULL)
    {
      g_printerr ("llm-notes: %s\n", error->message);
      return 1;
    }
  if (llm_study_get_warning (study) != NULL)
    g_printerr ("llm-notes: %s\n", llm_study_get_warning (study));

  optimizer = llm_fsrs_optimizer_new (llm_study_get_log (study));
  current = llm_study_get_params (study)->w;

  llm_fsrs_optimizer_train (optimizer, w, &outcome, NULL, NULL, NULL, NULL);
  if (outcome != LLM_FSRS_TRAINED)
    g_printerr ("llm-notes: %s\n", llm_fsrs_outcome_describe (outcome));

  if (!llm_fsrs_optimizer_evaluate (optimizer, current, &before, &error) ||
      !llm_fsrs_optimizer_evaluate (optimizer, w, &after, &error))
    {
      g_printerr ("llm-notes: %s\n", error->message);
      return 1;
    }

  text = llm_fsrs_parameters_to_string (w);
  g_print ("reviews\t%u\n", llm_fsrs_optimizer_get_n_used (optimizer));
  g_print ("parameters\t%s\n", text);
  g_print ("log_loss\t%s\t%s\n", format_metric (a, before.log_loss), format_metric (b, after.log_loss));
  g_print ("rmse_bins\t%s\t%s\n", format_metric (a, before.rmse_bins), format_metric (b, after.rmse_bins));
  return 0;
}

static int
print_stats (LlmApplication *self,
             LlmCollection  *collection)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlmStudy) study = dup_study (self, &error);
  g_autoptr(LlmStats) stats = NULL;
  g_autofree char *tsv = NULL;

  if (study == NULL)
    {
      g_printerr ("llm-notes: %s\n", error->message);
      return 1;
    }

  stats = llm_stats_compute (collection, study, llm_study_get_log (study), NULL,
                             g_get_real_time () / G_USEC_PER_SEC);
  tsv = llm_stats_format_topics_tsv (stats);
  g_print ("%s", tsv);
  return 0;
}

static int
export_html (LlmApplication *self,
             GVariantDict   *options,
             LlmCollection  *collection)
{
  LlmNoteStore *store = llm_user_data_get_note_store (self->user_data);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *language = llm_collection_dup_language (collection);
  LlmHtmlExportOptions export_options = { .language = language, .warnings = warnings };
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  g_autofree char *name = NULL;

  g_variant_dict_lookup (options, "export-html", "^ay", &target);
  dir = g_file_new_for_commandline_arg (target);
  name = g_file_get_parse_name (dir);

  if (!llm_html_export (collection, store, dir, &export_options, NULL, &error))
    {
      g_printerr ("llm-notes: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < warnings->len; i++)
    g_printerr ("llm-notes: %s\n", (const char *)g_ptr_array_index (warnings, i));

  g_print ("%s/index.html\n", name);
  return 0;
}

/* --version, --list, --search, --due, --optimize, --stats, --export-html and
 * --export-notes answer from the calling process, with no window and
 * no need for a running instance. */
static int
llm_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  LlmApplication *self = LLM_APPLICATION (app);
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("llm-notes %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* The whole log, whatever collection is open: no collection needed. */
  if (g_variant_dict_contains (options, "optimize"))
    return print_optimize (self);

  if (!g_variant_dict_contains (options, "list") &&
      !g_variant_dict_contains (options, "search") &&
      !g_variant_dict_contains (options, "due") &&
      !g_variant_dict_contains (options, "stats") &&
      !g_variant_dict_contains (options, "export-html") &&
      !g_variant_dict_contains (options, "export-notes"))
    return check_readable (options) ? -1 : 1;

  collection = load_from_options (self, options, &error);
  if (collection == NULL)
    {
      g_printerr ("llm-notes: %s\n", error->message);
      return 1;
    }

  /* Every command says what it could not read, one line per problem, and
   * still answers from the rest. */
  for (guint i = 0; i < llm_collection_get_n_problems (collection); i++)
    {
      g_autofree char *line = g_strdelimit (g_strdup (llm_collection_get_problem (collection, i)), "\r\n", ' ');

      g_printerr ("llm-notes: %s\n", line);
    }

  if (g_variant_dict_contains (options, "list"))
    {
      print_list (collection);
      return 0;
    }

  if (g_variant_dict_contains (options, "search"))
    return print_search (self, options, collection);

  if (g_variant_dict_contains (options, "due"))
    return print_due (self, collection);

  if (g_variant_dict_contains (options, "stats"))
    return print_stats (self, collection);

  if (g_variant_dict_contains (options, "export-html"))
    return export_html (self, options, collection);

  return export_notes (self, options, collection);
}

/* The file or folder open last time, or else the bundled notes. */
static void
open_last (LlmApplication *self,
           LlmWindow      *window)
{
  g_autofree char *uri = g_settings_get_string (llm_settings_get_gsettings (self->settings), "last-collection");
  g_autoptr(GFile) file = uri[0] ? g_file_new_for_uri (uri) : NULL;

  llm_window_open (window, file);
}

static GtkWindow *
ensure_window (LlmApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (llm_window_new (GTK_APPLICATION (self), self->settings, self->user_data));

  return window;
}

static int
llm_application_command_line (GApplication            *app,
                              GApplicationCommandLine *command_line)
{
  LlmApplication *self = LLM_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree const char **files = NULL;
  g_autoptr(GFile) file = NULL;
  GtkWindow *window;

  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) && files[0] != NULL)
    file = g_application_command_line_create_file_for_arg (command_line, files[0]);

  window = ensure_window (self);
  gtk_window_present (window);
  if (file != NULL)
    llm_window_open (LLM_WINDOW (window), file);
  else if (llm_window_get_collection (LLM_WINDOW (window)) == NULL)
    open_last (self, LLM_WINDOW (window));

  /* The desktop file's "Start Self-Test" action. */
  if (g_variant_dict_contains (options, "self-test"))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.self-test", NULL);

  return 0;
}

static void
llm_application_activate (GApplication *app)
{
  GtkWindow *window = ensure_window (LLM_APPLICATION (app));

  gtk_window_present (window);
  if (llm_window_get_collection (LLM_WINDOW (window)) == NULL)
    open_last (LLM_APPLICATION (app), LLM_WINDOW (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  static const char *developers[] = { "The LLM Notes authors", NULL };
  GtkApplication *app = user_data;
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("LLM Notes"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The LLM Notes authors"),
                        "developers", developers,
                        "copyright", "© 2026 The LLM Notes authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (user_data));

  /* Close windows rather than quit outright, so each saves its state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

/* The "color-scheme" key's nicks, as libadwaita's schemes. */
static gboolean
color_scheme_from_nick (GBinding     *binding,
                        const GValue *from,
                        GValue       *to,
                        gpointer      user_data)
{
  const char *nick = g_value_get_string (from);

  if (g_strcmp0 (nick, "light") == 0)
    g_value_set_enum (to, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (nick, "dark") == 0)
    g_value_set_enum (to, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (to, ADW_COLOR_SCHEME_DEFAULT);

  return TRUE;
}

/* glibc raises its threshold for mmap() to the size of each large block
 * freed, up to 32 MB: after one window-sized image or large answer has
 * gone, every smaller block comes from the heap, and the holes the answers
 * switched through leave there stay resident. A fixed threshold of 1 MB
 * sends larger blocks to mmap() and back to the system when freed: after
 * one pass over the bundled answers the UI process held 120.8 MB instead
 * of 128.3 (its smaps, under llm-notes-bench). At glibc's default of
 * 128 KB it held as little, but opening a 100 MB file five times peaked
 * at 850 MB instead of 729 (709 at 1 MB). Only this process: the web
 * process is started afresh. */
static void
hold_mmap_threshold (void)
{
#if HAVE_MALLOPT
  mallopt (M_MMAP_THRESHOLD, 1024 * 1024);
#endif
}

static void
llm_application_startup (GApplication *app)
{
  static const GActionEntry actions[] = {
    { "about", about_action },
    { "quit", quit_action },
  };
  static const struct { const char *action; const char *accels[4]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.toggle-bookmark", { "<Control>d", NULL } },
    { "win.toggle-notes", { "<Control>e", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.find-next", { "<Control>g", NULL } },
    { "win.find-previous", { "<Control><Shift>g", NULL } },
    { "win.go-back", { "<Alt>Left", NULL } },
    { "win.go-forward", { "<Alt>Right", NULL } },
    { "win.random-question", { "<Control>r", NULL } },
    { "win.self-test", { "<Control>t", NULL } },
    { "win.mock-done", { "<Control>Return", NULL } },
    { "win.preferences", { "<Control>comma", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.show-stats", { "<Control>i", NULL } },
    { "win.next-question", { "<Control>Page_Down", NULL } },
    { "win.previous-question", { "<Control>Page_Up", NULL } },
    { "win.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
    { "win.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
    { "win.zoom-reset", { "<Control>0", "<Control>KP_0", NULL } },
  };

  hold_mmap_threshold ();

  /* GTK opens the display in the parent's startup. */
  llm_gl_probe_prepare ();
  G_APPLICATION_CLASS (llm_application_parent_class)->startup (app);
  llm_gl_probe_finish ();

  /* Before the first window is realised: GSK reads this once. */
  if (llm_gl_probe_is_software ())
    g_setenv ("GSK_RENDERER", "cairo", FALSE);

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);

  g_object_bind_property_full (LLM_APPLICATION (app)->settings, "color-scheme",
                               adw_style_manager_get_default (), "color-scheme",
                               G_BINDING_SYNC_CREATE, color_scheme_from_nick, NULL, NULL, NULL);
}

/* GNOME Shell's search reaches the app on its own bus name. */
static gboolean
llm_application_dbus_register (GApplication     *app,
                               GDBusConnection  *connection,
                               const char       *object_path,
                               GError          **error)
{
  LlmApplication *self = LLM_APPLICATION (app);
  g_autofree char *path = g_strconcat (object_path, "/SearchProvider", NULL);

  if (!G_APPLICATION_CLASS (llm_application_parent_class)->dbus_register (app, connection, object_path, error))
    return FALSE;

  self->search_provider = llm_search_provider_new (GTK_APPLICATION (app), self->user_data,
                                                   llm_settings_get_gsettings (self->settings));
  return llm_search_provider_register (self->search_provider, connection, path, error);
}

static void
llm_application_dbus_unregister (GApplication    *app,
                                 GDBusConnection *connection,
                                 const char      *object_path)
{
  LlmApplication *self = LLM_APPLICATION (app);

  if (self->search_provider != NULL)
    llm_search_provider_unregister (self->search_provider);
  g_clear_object (&self->search_provider);

  G_APPLICATION_CLASS (llm_application_parent_class)->dbus_unregister (app, connection, object_path);
}

static void
llm_application_finalize (GObject *object)
{
  LlmApplication *self = (LlmApplication *)object;

  g_clear_object (&self->search_provider);
  g_clear_object (&self->settings);
  g_clear_object (&self->user_data);

  G_OBJECT_CLASS (llm_application_parent_class)->finalize (object);
}

/* The inactivity timeout is for GNOME Shell's searches; once the user
 * closed the last window the process should end at once. It must be set
 * before GtkApplication releases the window's hold, which arms it. */
static void
llm_application_window_removed (GtkApplication *app,
                                GtkWindow      *window)
{
  GList *windows = gtk_application_get_windows (app);

  if (windows != NULL && windows->data == window && windows->next == NULL)
    g_application_set_inactivity_timeout (G_APPLICATION (app), 0);

  GTK_APPLICATION_CLASS (llm_application_parent_class)->window_removed (app, window);
}

static void
llm_application_class_init (LlmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = llm_application_finalize;
  GTK_APPLICATION_CLASS (klass)->window_removed = llm_application_window_removed;

  app_class->startup = llm_application_startup;
  app_class->activate = llm_application_activate;
  app_class->command_line = llm_application_command_line;
  app_class->handle_local_options = llm_application_handle_local_options;
  app_class->dbus_register = llm_application_dbus_register;
  app_class->dbus_unregister = llm_application_dbus_unregister;
}

static void
llm_application_init (LlmApplication *self)
{
  /* Both cheap (no I/O), and the command line needs them before start-up. */
  self->settings = llm_settings_new ();
  self->user_data = llm_user_data_new_with_settings (NULL, llm_settings_get_gsettings (self->settings));

  /* Started by GNOME Shell's search, wait for its next question a while
   * rather than exit after each answer. */
  g_application_set_inactivity_timeout (G_APPLICATION (self), 20000);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Study interview notes for LLM and NLP roles"));
}

LlmApplication *
llm_application_new (void)
{
  return g_object_new (LLM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * llm_application_get_user_data:
 *
 * Returns: (transfer none): the user's data, shared by every window
 */
LlmUserData *
llm_application_get_user_data (LlmApplication *self)
{
  g_return_val_if_fail (LLM_IS_APPLICATION (self), NULL);

  return self->user_data;
}
