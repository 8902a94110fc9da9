/* llm-preferences-window.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "llm-collection.h"
#include "llm-export-chooser.h"
#include "llm-note-export.h"
#include "llm-optimize-group.h"
#include "llm-preferences-window.h"

/* Every row is bound straight to its GSettings key, so a change applies at
 * once and the window needs no Apply button. */
struct _LlmPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  LlmSettings *settings;
  LlmUserData *user_data;
  /* What Export Notes writes: the window's notes, titled by its collection. */
  LlmNoteStore *notes;
  LlmCollection *collection;

  AdwComboRow *style_row;
  AdwComboRow *order_row;
  GtkAdjustment *zoom_adjustment;
  GtkAdjustment *retention_adjustment;
  GtkAdjustment *new_adjustment;
  GtkAdjustment *mock_questions_adjustment;
  GtkAdjustment *mock_seconds_adjustment;
  LlmOptimizeGroup *optimize_group;
};

G_DEFINE_FINAL_TYPE (LlmPreferencesWindow, llm_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const styles[] = { "default", "light", "dark" };

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *style = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_str_equal (style, styles[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *type,
                   gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  return g_variant_new_string (styles[MIN (i, G_N_ELEMENTS (styles) - 1)]);
}

/* Percent in the window, fractions in the settings. */
static gboolean
percent_get_mapping (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100.0);
  return TRUE;
}

static GVariant *
percent_set_mapping (const GValue       *value,
                     const GVariantType *type,
                     gpointer            user_data)
{
  return g_variant_new_double (g_value_get_double (value) / 100.0);
}

static const char * const orders[] = { "in-order", "shuffled" };

static gboolean
order_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  g_value_set_uint (value, g_str_equal (g_variant_get_string (variant, NULL), orders[1]) ? 1 : 0);
  return TRUE;
}

static GVariant *
order_set_mapping (const GValue       *value,
                   const GVariantType *type,
                   gpointer            user_data)
{
  return g_variant_new_string (orders[g_value_get_uint (value) == 1 ? 1 : 0]);
}

/* The time per question reads as a clock, "3:00", and takes "3:00", "3"
 * (minutes) or ":45" (seconds) back. */
static gboolean
on_seconds_output (GtkSpinButton *spin,
                   gpointer       user_data)
{
  guint seconds = (guint)(gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin)) + 0.5);
  g_autofree char *text = g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
on_seconds_input (GtkSpinButton *spin,
                  double        *value,
                  gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  const char *colon = strchr (text, ':');
  char *end = NULL;
  guint64 minutes = 0, seconds = 0;

  if (colon != text)
    {
      minutes = g_ascii_strtoull (text, &end, 10);
      if (end == text || (colon == NULL && *end != '\0') || (colon != NULL && end != colon))
        return GTK_INPUT_ERROR;
    }
  if (colon != NULL)
    {
      seconds = g_ascii_strtoull (colon + 1, &end, 10);
      if (end == colon + 1 || *end != '\0' || seconds > 59)
        return GTK_INPUT_ERROR;
    }

  *value = (double)(MIN (minutes, 10000) * 60 + seconds);
  return TRUE;
}

static gboolean
uint_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant));
  return TRUE;
}

static GVariant *
uint_set_mapping (const GValue       *value,
                  const GVariantType *type,
                  gpointer            user_data)
{
  return g_variant_new_uint32 ((guint32)(g_value_get_double (value) + 0.5));
}

static void
open_data_folder_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  LlmPreferencesWindow *self = LLM_PREFERENCES_WINDOW (widget);
  const char *path = g_file_peek_path (llm_user_data_get_dir (self->user_data));
  g_autofree char *uri = NULL;

  g_mkdir_with_parents (path, 0700);
  uri = g_filename_to_uri (path, NULL, NULL);
  gtk_show_uri (GTK_WINDOW (widget), uri, GDK_CURRENT_TIME);
}

static void
on_export_response (GtkNativeDialog      *dialog,
                    int                   response,
                    LlmPreferencesWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->notes != NULL && self->collection != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      name = g_file_get_basename (file);
      if (llm_note_export_to_file (self->notes, self->collection, file, &error))
        /* Translators: %s is the name of the file the notes were written to */
        message = g_strdup_printf (_("Notes exported to “%s”"), name);
      else
        message = g_strdup (error->message);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
    }

  g_object_unref (dialog);
}

static void
export_notes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LlmPreferencesWindow *self = LLM_PREFERENCES_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = llm_export_chooser_new (GTK_WINDOW (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
llm_preferences_window_dispose (GObject *object)
{
  LlmPreferencesWindow *self = (LlmPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LLM_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->user_data);
  g_clear_object (&self->notes);
  g_clear_object (&self->collection);

  G_OBJECT_CLASS (llm_preferences_window_parent_class)->dispose (object);
}

static void
llm_preferences_window_class_init (LlmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llm_preferences_window_dispose;

  g_type_ensure (LLM_TYPE_OPTIMIZE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/llm-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LlmPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, LlmPreferencesWindow, order_row);
  gtk_widget_class_bind_template_callback (widget_class, on_seconds_output);
  gtk_widget_class_bind_template_callback (widget_class, on_seconds_input);
  gtk_widget_class_bind_template_child (widget_class, LlmPreferencesWindow, zoom_adjustment);
  gtk_widget_class_bind_template_child (widget_class, LlmPreferencesWindow, retention_adjustment);
  gtk_widget_class_bind_template_child (widget_class, LlmPreferencesWindow, new_adjustment);
  gtk_widget_class_bind_template_child (widget_class, LlmPreferencesWindow, mock_questions_adjustment);
  gtk_widget_class_bind_template_child (widget_class, LlmPreferencesWindow, mock_seconds_adjustment);
  gtk_widget_class_bind_template_child (widget_class, LlmPreferencesWindow, optimize_group);

  gtk_widget_class_install_action (widget_class, "prefs.open-data-folder", NULL, open_data_folder_action);
  gtk_widget_class_install_action (widget_class, "prefs.export-notes", NULL, export_notes_action);
}

static void
llm_preferences_window_init (LlmPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.export-notes", FALSE);
}

GtkWidget *
llm_preferences_window_new (GtkWindow   *parent,
                            LlmSettings *settings,
                            LlmUserData *user_data)
{
  LlmPreferencesWindow *self;
  GSettings *gsettings;

  g_return_val_if_fail (LLM_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (LLM_IS_USER_DATA (user_data), NULL);

  self = g_object_new (LLM_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->settings = g_object_ref (settings);
  self->user_data = g_object_ref (user_data);
  gsettings = llm_settings_get_gsettings (settings);

  g_settings_bind_with_mapping (gsettings, "color-scheme", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, style_get_mapping, style_set_mapping, NULL, NULL);
  g_settings_bind_with_mapping (gsettings, "zoom", self->zoom_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT, percent_get_mapping, percent_set_mapping, NULL, NULL);
  g_settings_bind_with_mapping (gsettings, "desired-retention", self->retention_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT, percent_get_mapping, percent_set_mapping, NULL, NULL);
  g_settings_bind_with_mapping (gsettings, "new-per-day", self->new_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT, uint_get_mapping, uint_set_mapping, NULL, NULL);
  g_settings_bind_with_mapping (gsettings, "question-order", self->order_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, order_get_mapping, order_set_mapping, NULL, NULL);
  g_settings_bind_with_mapping (gsettings, "mock-questions", self->mock_questions_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT, uint_get_mapping, uint_set_mapping, NULL, NULL);
  g_settings_bind_with_mapping (gsettings, "mock-seconds", self->mock_seconds_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT, uint_get_mapping, uint_set_mapping, NULL, NULL);
  llm_optimize_group_set_settings (self->optimize_group, gsettings, llm_user_data_get_review_log (user_data));

  return GTK_WIDGET (self);
}

/**
 * llm_preferences_window_get_optimize_group:
 *
 * Returns: (transfer none): the group that trains the scheduler's
 *   parameters, whose `optimize.*` actions tests drive
 */
GtkWidget *
llm_preferences_window_get_optimize_group (LlmPreferencesWindow *self)
{
  g_return_val_if_fail (LLM_IS_PREFERENCES_WINDOW (self), NULL);

  return GTK_WIDGET (self->optimize_group);
}

/**
 * llm_preferences_window_set_notes:
 * @notes: (nullable): the notes Export Notes writes
 * @collection: (nullable): the collection shown, which titles them
 *
 * Export Notes works once both are set.
 */
void
llm_preferences_window_set_notes (LlmPreferencesWindow *self,
                                  LlmNoteStore         *notes,
                                  LlmCollection        *collection)
{
  g_return_if_fail (LLM_IS_PREFERENCES_WINDOW (self));

  g_set_object (&self->notes, notes);
  g_set_object (&self->collection, collection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.export-notes", notes != NULL && collection != NULL);
}
