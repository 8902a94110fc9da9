/* llm-optimize-group.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Preferences → Scheduler: trains FSRS-6's parameters on the review log in
 * a thread, shows how much better they predict it, and stores them in
 * the `fsrs-parameters` key only when asked to. Everything that schedules
 * follows that key. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "llm-fsrs-optimizer.h"
#include "llm-optimize-group.h"
#include "llm-review-log.h"

struct _LlmOptimizeGroup
{
  AdwPreferencesGroup parent_instance;

  GSettings *settings;
  GFile *review_log;
  GCancellable *cancellable;   /* while running */

  /* The last result, until applied or replaced. */
  gboolean has_result;
  double w[LLM_SCHEDULER_N_PARAMS];

  AdwActionRow *parameters_row;
  AdwActionRow *progress_row;
  GtkProgressBar *progress_bar;
  AdwActionRow *result_row;
};

G_DEFINE_FINAL_TYPE (LlmOptimizeGroup, llm_optimize_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  char          *log_path;
  double         current[LLM_SCHEDULER_N_PARAMS];
  GMainContext  *context;
  GWeakRef       group;
} Job;

typedef struct {
  guint          n_used;
  LlmFsrsOutcome outcome;
  double         w[LLM_SCHEDULER_N_PARAMS];
  LlmFsrsMetrics before;
  LlmFsrsMetrics after;
} Result;

static void
job_free (Job *job)
{
  g_free (job->log_path);
  g_main_context_unref (job->context);
  g_weak_ref_clear (&job->group);
  g_free (job);
}

/* The parameters in use: the key's, or the defaults when it holds none. */
static void
get_current (LlmOptimizeGroup *self,
             double           *w)
{
  g_autoptr(GVariant) value = g_settings_get_value (self->settings, "fsrs-parameters");
  gsize n = 0;
  const double *stored = g_variant_get_fixed_array (value, &n, sizeof (double));

  if (llm_scheduler_weights_are_valid (stored, n))
    memcpy (w, stored, sizeof (double) * LLM_SCHEDULER_N_PARAMS);
  else
    llm_fsrs_parameters_get_default (w);
}

static void
update_state (LlmOptimizeGroup *self)
{
  g_autoptr(GVariant) value = NULL;
  gboolean running = self->cancellable != NULL;
  gboolean custom = FALSE;

  if (self->settings != NULL)
    {
      value = g_settings_get_value (self->settings, "fsrs-parameters");
      custom = g_variant_n_children (value) > 0;
    }

  adw_action_row_set_subtitle (self->parameters_row,
                               custom ? _("Trained on your reviews")
                                      : _("The defaults, trained on many people's reviews"));

  gtk_widget_set_visible (GTK_WIDGET (self->progress_row), running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "optimize.run", !running && self->settings != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "optimize.cancel", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "optimize.apply", self->has_result && !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "optimize.reset", custom && !running);
}

typedef struct {
  LlmOptimizeGroup *group;   /* owned */
  double            fraction;
} ProgressUpdate;

static void
progress_update_free (ProgressUpdate *update)
{
  g_object_unref (update->group);
  g_free (update);
}

static gboolean
apply_progress (gpointer data)
{
  ProgressUpdate *update = data;
  LlmOptimizeGroup *self = update->group;

  if (self->cancellable != NULL && self->progress_bar != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, update->fraction);

  return G_SOURCE_REMOVE;
}

/* Called in the worker thread: the bar moves in the main one. */
static void
on_progress (double   fraction,
             gpointer user_data)
{
  Job *job = user_data;
  LlmOptimizeGroup *group = g_weak_ref_get (&job->group);
  ProgressUpdate *update;

  /* Closed meanwhile: nobody to tell. */
  if (group == NULL)
    return;

  update = g_new (ProgressUpdate, 1);
  update->group = group;
  update->fraction = fraction;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, apply_progress, update,
                              (GDestroyNotify)progress_update_free);
}

static void
optimize_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GFile) file = g_file_new_for_path (job->log_path);
  g_autoptr(LlmReviewLog) log = llm_review_log_new_for_file (file);
  g_autoptr(LlmFsrsOptimizer) optimizer = NULL;
  g_autofree Result *result = g_new0 (Result, 1);
  GError *error = NULL;

  if (!llm_review_log_load (log, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  optimizer = llm_fsrs_optimizer_new (log);
  result->n_used = llm_fsrs_optimizer_get_n_used (optimizer);

  if (!llm_fsrs_optimizer_train (optimizer, result->w, &result->outcome,
                                 on_progress, job, cancellable, &error) ||
      !llm_fsrs_optimizer_evaluate (optimizer, job->current, &result->before, &error) ||
      !llm_fsrs_optimizer_evaluate (optimizer, result->w, &result->after, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&result), g_free);
}

static char *
format_result (const Result *r)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u review used", "%u reviews used", r->n_used),
                          r->n_used);
  g_string_append_c (text, '\n');
  /* Translators: how well the scheduler predicts recall before → after */
  g_string_append_printf (text, _("Log loss: %.4f → %.4f (lower is better)"),
                          r->before.log_loss, r->after.log_loss);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("RMSE: %.2f %% → %.2f %%"),
                          100 * r->before.rmse_bins, 100 * r->after.rmse_bins);

  if (r->outcome != LLM_FSRS_TRAINED)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, llm_fsrs_outcome_describe (r->outcome));
    }

  return g_string_free (text, FALSE);
}

static void
optimize_done (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  LlmOptimizeGroup *self = LLM_OPTIMIZE_GROUP (source);
  g_autoptr(GError) error = NULL;
  g_autofree Result *result = g_task_propagate_pointer (G_TASK (res), &error);

  g_clear_object (&self->cancellable);

  /* Preferences closed while it ran: its rows are gone. */
  if (self->result_row == NULL)
    return;

  if (result == NULL)
    {
      self->has_result = FALSE;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->result_row),
                                     g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                                     ? _("Optimisation cancelled") : _("Optimisation failed"));
      adw_action_row_set_subtitle (self->result_row,
                                   g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                                   ? _("The parameters in use are unchanged.") : error->message);
    }
  else
    {
      g_autofree char *text = format_result (result);

      memcpy (self->w, result->w, sizeof self->w);
      self->has_result = TRUE;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->result_row), _("New parameters"));
      adw_action_row_set_subtitle (self->result_row, text);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->result_row), TRUE);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  LlmOptimizeGroup *self = LLM_OPTIMIZE_GROUP (widget);
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->cancellable != NULL || self->settings == NULL)
    return;

  job = g_new0 (Job, 1);
  job->log_path = g_file_get_path (self->review_log);
  job->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&job->group, self);
  get_current (self, job->current);

  self->cancellable = g_cancellable_new ();
  self->has_result = FALSE;
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->result_row), FALSE);

  task = g_task_new (self, self->cancellable, optimize_done, NULL);
  g_task_set_source_tag (task, run_action);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, optimize_thread);

  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LlmOptimizeGroup *self = LLM_OPTIMIZE_GROUP (widget);

  g_cancellable_cancel (self->cancellable);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  LlmOptimizeGroup *self = LLM_OPTIMIZE_GROUP (widget);

  if (!self->has_result)
    return;

  g_settings_set_value (self->settings, "fsrs-parameters",
                        g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, self->w,
                                                   LLM_SCHEDULER_N_PARAMS, sizeof (double)));
  self->has_result = FALSE;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->result_row), _("Parameters applied"));
  update_state (self);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  LlmOptimizeGroup *self = LLM_OPTIMIZE_GROUP (widget);

  g_settings_reset (self->settings, "fsrs-parameters");
  update_state (self);
}

static void
llm_optimize_group_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LlmOptimizeGroup *self = LLM_OPTIMIZE_GROUP (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llm_optimize_group_dispose (GObject *object)
{
  LlmOptimizeGroup *self = (LlmOptimizeGroup *)object;

  /* The thread finishes on its own; its result is then dropped. */
  g_cancellable_cancel (self->cancellable);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LLM_TYPE_OPTIMIZE_GROUP);
  g_clear_object (&self->settings);
  g_clear_object (&self->review_log);

  G_OBJECT_CLASS (llm_optimize_group_parent_class)->dispose (object);
}

static void
llm_optimize_group_finalize (GObject *object)
{
  LlmOptimizeGroup *self = (LlmOptimizeGroup *)object;

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (llm_optimize_group_parent_class)->finalize (object);
}

static void
llm_optimize_group_class_init (LlmOptimizeGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = llm_optimize_group_get_property;
  object_class->dispose = llm_optimize_group_dispose;
  object_class->finalize = llm_optimize_group_finalize;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/llm-optimize-group.ui");
  gtk_widget_class_bind_template_child (widget_class, LlmOptimizeGroup, parameters_row);
  gtk_widget_class_bind_template_child (widget_class, LlmOptimizeGroup, progress_row);
  gtk_widget_class_bind_template_child (widget_class, LlmOptimizeGroup, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LlmOptimizeGroup, result_row);

  gtk_widget_class_install_action (widget_class, "optimize.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "optimize.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "optimize.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "optimize.reset", NULL, reset_action);
}

static void
llm_optimize_group_init (LlmOptimizeGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_state (self);
}

static void
on_parameters_changed (LlmOptimizeGroup *self)
{
  update_state (self);
}

/**
 * llm_optimize_group_set_settings:
 * @review_log: the log of reviews to train on
 *
 * Gives the group the settings whose `fsrs-parameters` it reads and
 * writes.
 */
void
llm_optimize_group_set_settings (LlmOptimizeGroup *self,
                                 GSettings        *settings,
                                 GFile            *review_log)
{
  g_return_if_fail (LLM_IS_OPTIMIZE_GROUP (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (G_IS_FILE (review_log));

  g_set_object (&self->settings, settings);
  g_set_object (&self->review_log, review_log);
  g_signal_connect_object (settings, "changed::fsrs-parameters",
                           G_CALLBACK (on_parameters_changed), self, G_CONNECT_SWAPPED);
  update_state (self);
}

gboolean
llm_optimize_group_get_running (LlmOptimizeGroup *self)
{
  g_return_val_if_fail (LLM_IS_OPTIMIZE_GROUP (self), FALSE);

  return self->cancellable != NULL;
}

gboolean
llm_optimize_group_has_result (LlmOptimizeGroup *self)
{
  g_return_val_if_fail (LLM_IS_OPTIMIZE_GROUP (self), FALSE);

  return self->has_result;
}

/**
 * llm_optimize_group_get_summary:
 *
 * Returns: what the last run said: reviews used and both metrics before
 *   and after, or why it stopped
 */
const char *
llm_optimize_group_get_summary (LlmOptimizeGroup *self)
{
  g_return_val_if_fail (LLM_IS_OPTIMIZE_GROUP (self), NULL);

  return adw_action_row_get_subtitle (self->result_row);
}
