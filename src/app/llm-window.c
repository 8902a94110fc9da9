/* llm-window.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "llm-answer-view.h"
#include "llm-application.h"
#include "llm-bookmarks.h"
#include "llm-collection.h"
#include "llm-note-editor.h"
#include "llm-note-export.h"
#include "llm-note-store.h"
#include "llm-question.h"
#include "llm-settings.h"
#include "llm-sidebar.h"
#include "llm-window.h"

struct _LlmWindow
{
  AdwApplicationWindow parent_instance;

  LlmSettings *settings;
  LlmBookmarks *bookmarks;
  LlmNoteStore *notes;
  LlmCollection *collection;
  LlmQuestion *question;

  /* What the last "Clear Note" removed, for its toast's undo. */
  LlmQuestion *cleared_question;
  char *cleared_text;
  gboolean save_failing;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkPaned *paned;
  AdwWindowTitle *collection_title;
  AdwWindowTitle *question_title;
  LlmSidebar *sidebar;
  GtkButton *missing_button;
  GtkButton *bookmark_button;
  GtkToggleButton *notes_button;
  GtkPaned *content_paned;
  LlmAnswerView *answer_view;
  LlmNoteEditor *note_editor;
};

G_DEFINE_FINAL_TYPE (LlmWindow, llm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_COLLECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Enabled states are worked out in one place, from the current state. */
static void
update_actions (LlmWindow *self)
{
  gboolean has_prev = FALSE, has_next = FALSE;

  if (self->collection != NULL && self->question != NULL)
    {
      has_prev = llm_collection_get_neighbour (self->collection, self->question, -1) != NULL;
      has_next = llm_collection_get_neighbour (self->collection, self->question, +1) != NULL;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-question", has_prev);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-question", has_next);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-bookmark", self->question != NULL);
}

static void
update_bookmark_button (LlmWindow *self)
{
  gboolean starred = self->question != NULL &&
                     llm_bookmarks_contains (self->bookmarks, llm_question_get_id (self->question));
  const char *label = starred ? _("Remove Bookmark") : _("Bookmark This Question");

  gtk_button_set_icon_name (self->bookmark_button, starred ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->bookmark_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bookmark_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* Bookmarks whose question is not in this collection (deleted, or retitled
 * beyond recognition) are never dropped silently: they are counted here and
 * the user decides. */
static GStrv
dup_missing_bookmarks (LlmWindow *self)
{
  g_auto(GStrv) ids = llm_bookmarks_dup_ids (self->bookmarks);
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();

  for (guint i = 0; ids[i]; i++)
    if (self->collection == NULL || llm_collection_lookup (self->collection, ids[i]) == NULL)
      g_strv_builder_add (missing, ids[i]);

  return g_strv_builder_end (missing);
}

static void
update_missing_bookmarks (LlmWindow *self)
{
  g_auto(GStrv) missing = dup_missing_bookmarks (self);
  guint n = g_strv_length (missing);
  g_autofree char *label = NULL;

  /* Translators: a button under the bookmarks list */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Missing Bookmark…", "%u Missing Bookmarks…", n), n);
  gtk_button_set_label (self->missing_button, label);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_button),
                          n > 0 && llm_sidebar_get_bookmarks_only (self->sidebar));
}

static void
on_bookmarks_changed (LlmWindow    *self,
                      const char   *id,
                      LlmBookmarks *bookmarks)
{
  update_bookmark_button (self);
  update_missing_bookmarks (self);
}

static void
update_question_title (LlmWindow *self)
{
  g_autofree char *title = NULL;
  guint n = 0, position = 0;

  if (self->collection != NULL && self->question != NULL)
    {
      n = llm_collection_get_n_questions (self->collection);
      position = llm_collection_get_position (self->collection, self->question) + 1;
      /* Translators: the position of the question shown, "Question 8 of 30" */
      title = g_strdup_printf (_("Question %u of %u"), position, n);
    }

  adw_window_title_set_title (self->question_title, title ? title : "");
  adw_window_title_set_subtitle (self->question_title,
                                 self->question ? llm_question_get_topic (self->question) : "");
}

/**
 * llm_window_show_question:
 *
 * Shows @question in the answer view and selects it in the tree.
 */
void
llm_window_show_question (LlmWindow   *self,
                          LlmQuestion *question)
{
  g_return_if_fail (LLM_IS_WINDOW (self));
  g_return_if_fail (LLM_IS_QUESTION (question));
  g_return_if_fail (self->collection != NULL);

  g_autofree char *note = NULL;

  g_set_object (&self->question, question);

  /* The editor saves the previous note first, then holds this one's. */
  llm_note_editor_set_question (self->note_editor, question);
  note = llm_note_editor_dup_text (self->note_editor);

  llm_sidebar_select_question (self->sidebar, question);
  llm_answer_view_show (self->answer_view, self->collection, question, *note ? note : NULL);
  llm_settings_set_last_question (self->settings, llm_question_get_id (question));

  update_question_title (self);
  update_bookmark_button (self);
  update_actions (self);
}

static void
on_question_selected (LlmWindow   *self,
                      LlmQuestion *question,
                      LlmSidebar  *sidebar)
{
  if (question != self->question)
    llm_window_show_question (self, question);
}

static void
step_question (LlmWindow *self,
               int        offset)
{
  LlmQuestion *next;

  if (self->collection == NULL || self->question == NULL)
    return;

  next = llm_collection_get_neighbour (self->collection, self->question, offset);
  if (next != NULL)
    llm_window_show_question (self, next);
}

static void
next_question_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  step_question (LLM_WINDOW (widget), +1);
}

static void
previous_question_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  step_question (LLM_WINDOW (widget), -1);
}

static void
show_question_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  LlmQuestion *question;

  if (self->collection == NULL)
    return;

  question = llm_collection_lookup (self->collection, g_variant_get_string (param, NULL));
  if (question != NULL)
    llm_window_show_question (self, question);
}

static void
add_toast (LlmWindow  *self,
           const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_note_changed (LlmWindow     *self,
                 const char    *id,
                 const char    *text,
                 LlmNoteEditor *editor)
{
  g_autofree char *preview = text ? llm_note_store_preview (self->notes, id) : NULL;

  if (self->save_failing && !llm_note_editor_has_unsaved (editor))
    add_toast (self, _("All notes are saved"));
  self->save_failing = llm_note_editor_has_unsaved (editor) && self->save_failing;

  llm_sidebar_set_note_preview (self->sidebar, id, text ? (preview ? preview : "") : NULL);
  if (self->question != NULL && g_strcmp0 (id, llm_question_get_id (self->question)) == 0)
    llm_answer_view_set_note (self->answer_view, text);
}

static void
on_note_save_failed (LlmWindow     *self,
                     const char    *message,
                     LlmNoteEditor *editor)
{
  g_autofree char *title = NULL;

  /* Once per run of failures, not on every retry. */
  if (self->save_failing)
    return;

  self->save_failing = TRUE;
  title = g_strdup_printf (_("Could not save your note: %s. The text is kept and saving will be retried."), message);
  add_toast (self, title);
}

static void
on_note_conflict (LlmWindow     *self,
                  const char    *message,
                  LlmNoteEditor *editor)
{
  add_toast (self, message);
}

static void
on_note_cleared (LlmWindow     *self,
                 LlmQuestion   *question,
                 const char    *text,
                 LlmNoteEditor *editor)
{
  AdwToast *toast = adw_toast_new (_("Note cleared"));

  g_set_object (&self->cleared_question, question);
  g_free (self->cleared_text);
  self->cleared_text = g_strdup (text);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-clear-note");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_clear_note_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->cleared_question == NULL)
    return;

  if (self->cleared_question == self->question)
    {
      llm_note_editor_set_text (self->note_editor, self->cleared_text);
      llm_note_editor_flush (self->note_editor);
    }
  else if (llm_note_store_save (self->notes, llm_question_get_id (self->cleared_question),
                                llm_question_get_title (self->cleared_question),
                                llm_question_get_topic (self->cleared_question),
                                self->cleared_text, &error))
    on_note_changed (self, llm_question_get_id (self->cleared_question), self->cleared_text, self->note_editor);
  else
    add_toast (self, error->message);

  g_clear_object (&self->cleared_question);
  g_clear_pointer (&self->cleared_text, g_free);
}

static void
toggle_notes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  gboolean visible = !gtk_widget_get_visible (GTK_WIDGET (self->note_editor));

  if (!visible)
    llm_note_editor_flush (self->note_editor);

  gtk_widget_set_visible (GTK_WIDGET (self->note_editor), visible);
  gtk_toggle_button_set_active (self->notes_button, visible);
  /* The answer stays the larger part: the note is written beside it. */
  if (visible)
    gtk_paned_set_position (self->content_paned,
                            gtk_widget_get_height (GTK_WIDGET (self->content_paned)) * 3 / 5);
  if (visible)
    llm_note_editor_grab_focus (self->note_editor);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    LlmWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->collection != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      llm_note_editor_flush (self->note_editor);

      if (llm_note_export_to_file (self->notes, self->collection, file, &error))
        add_toast (self, _("Notes exported"));
      else
        add_toast (self, error->message);
    }

  g_object_unref (dialog);
}

static void
export_notes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export Notes"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("My notes.md"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The sidebar marks every question that has a note. */
static void
load_note_marks (LlmWindow *self)
{
  g_auto(GStrv) ids = llm_note_store_list_ids (self->notes);

  for (guint i = 0; ids[i]; i++)
    {
      g_autofree char *preview = llm_note_store_preview (self->notes, ids[i]);

      llm_sidebar_set_note_preview (self->sidebar, ids[i], preview ? preview : "");
    }
}

static void
toggle_bookmark_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);

  if (self->question != NULL)
    llm_bookmarks_toggle (self->bookmarks, llm_question_get_id (self->question));
}

static void
on_missing_response (AdwMessageDialog *dialog,
                     const char       *response,
                     LlmWindow        *self)
{
  g_auto(GStrv) missing = NULL;

  if (!g_str_equal (response, "remove"))
    return;

  missing = dup_missing_bookmarks (self);
  for (guint i = 0; missing[i]; i++)
    llm_bookmarks_set (self->bookmarks, missing[i], FALSE);
}

static void
show_missing_bookmarks_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  g_auto(GStrv) missing = dup_missing_bookmarks (self);
  g_autofree char *list = NULL;
  GtkWidget *dialog;

  if (missing[0] == NULL)
    return;

  list = g_strjoinv ("\n", missing);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Missing Bookmarks"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("These bookmarks belong to questions that are not in “%s”. They stay until you remove them, in case the questions come back.\n\n%s"),
                                  self->collection ? llm_collection_get_title (self->collection) : "",
                                  list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_missing_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The zoom belongs to the answer view; the window forwards so the shortcuts
 * work wherever the focus is. */
static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  g_autofree char *name = g_strconcat ("answer.", action_name + strlen ("win."), NULL);

  gtk_widget_activate_action (GTK_WIDGET (self->answer_view), name, NULL);
}

static void
save_geometry (LlmWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_object_set (self->settings,
                "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)),
                NULL);
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    g_object_set (self->settings,
                  "window-width", width,
                  "window-height", height,
                  NULL);
}

static void
on_unsaved_response (AdwMessageDialog *dialog,
                     const char       *response,
                     LlmWindow        *self)
{
  if (g_str_equal (response, "discard"))
    gtk_window_destroy (GTK_WINDOW (self));
  else if (g_str_equal (response, "retry") && llm_note_editor_flush (self->note_editor))
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
llm_window_close_request (GtkWindow *window)
{
  LlmWindow *self = LLM_WINDOW (window);
  GtkWidget *dialog;

  save_geometry (self);

  if (llm_note_editor_flush (self->note_editor))
    return GTK_WINDOW_CLASS (llm_window_parent_class)->close_request (window);

  /* A note could not be written: never drop it without asking. */
  dialog = adw_message_dialog_new (window, _("Unsaved Notes"),
                                   _("Some of your notes could not be saved. If you close now, what you typed since the last save is lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard and Close"),
                                    "retry", _("_Try Again"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "retry", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "retry");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
llm_window_constructed (GObject *object)
{
  LlmWindow *self = (LlmWindow *)object;
  int width, height;
  gboolean maximized;

  G_OBJECT_CLASS (llm_window_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = llm_settings_new ();

  g_object_get (self->settings,
                "window-width", &width,
                "window-height", &height,
                "window-maximized", &maximized,
                NULL);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (maximized)
    gtk_window_maximize (GTK_WINDOW (self));

  self->notes = llm_application_dup_note_store ();
  llm_note_editor_set_store (self->note_editor, self->notes);
  load_note_marks (self);

  self->bookmarks = llm_bookmarks_new (llm_settings_get_gsettings (self->settings));
  llm_sidebar_set_bookmarks (self->sidebar, self->bookmarks);
  g_signal_connect_object (self->bookmarks, "changed",
                           G_CALLBACK (on_bookmarks_changed), self, G_CONNECT_SWAPPED);

  g_object_bind_property (self->settings, "sidebar-width", self->paned, "position",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self->settings, "zoom", self->answer_view, "zoom-level",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
}

static void
llm_window_dispose (GObject *object)
{
  LlmWindow *self = (LlmWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LLM_TYPE_WINDOW);
  g_clear_object (&self->question);
  g_clear_object (&self->collection);
  g_clear_object (&self->bookmarks);
  g_clear_object (&self->notes);
  g_clear_object (&self->cleared_question);
  g_clear_pointer (&self->cleared_text, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (llm_window_parent_class)->dispose (object);
}

static void
llm_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LlmWindow *self = LLM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_COLLECTION:
      g_value_set_object (value, self->collection);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llm_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LlmWindow *self = LLM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_COLLECTION:
      llm_window_set_collection (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llm_window_class_init (LlmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = llm_window_constructed;
  object_class->dispose = llm_window_dispose;
  object_class->get_property = llm_window_get_property;
  object_class->set_property = llm_window_set_property;

  window_class->close_request = llm_window_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, LLM_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLLECTION] =
    g_param_spec_object ("collection", NULL, NULL, LLM_TYPE_COLLECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LLM_TYPE_ANSWER_VIEW);
  g_type_ensure (LLM_TYPE_NOTE_EDITOR);
  g_type_ensure (LLM_TYPE_SIDEBAR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/llm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, collection_title);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, question_title);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, answer_view);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, missing_button);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, bookmark_button);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, notes_button);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, note_editor);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, content_paned);
  gtk_widget_class_bind_template_callback (widget_class, on_note_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_note_save_failed);
  gtk_widget_class_bind_template_callback (widget_class, on_note_cleared);
  gtk_widget_class_bind_template_callback (widget_class, on_note_conflict);
  gtk_widget_class_bind_template_callback (widget_class, on_question_selected);
  gtk_widget_class_bind_template_callback (widget_class, update_missing_bookmarks);

  gtk_widget_class_install_action (widget_class, "win.next-question", NULL, next_question_action);
  gtk_widget_class_install_action (widget_class, "win.previous-question", NULL, previous_question_action);
  gtk_widget_class_install_action (widget_class, "win.show-question", "s", show_question_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-bookmark", NULL, toggle_bookmark_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-notes", NULL, toggle_notes_action);
  gtk_widget_class_install_action (widget_class, "win.undo-clear-note", NULL, undo_clear_note_action);
  gtk_widget_class_install_action (widget_class, "win.export-notes", NULL, export_notes_action);
  gtk_widget_class_install_action (widget_class, "win.show-missing-bookmarks", NULL, show_missing_bookmarks_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
}

static void
llm_window_init (LlmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

LlmWindow *
llm_window_new (GtkApplication *application,
                LlmSettings    *settings)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (LLM_IS_SETTINGS (settings), NULL);

  return g_object_new (LLM_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       NULL);
}

/**
 * llm_window_get_collection:
 *
 * Returns: (transfer none) (nullable): the collection shown
 */
LlmCollection *
llm_window_get_collection (LlmWindow *self)
{
  g_return_val_if_fail (LLM_IS_WINDOW (self), NULL);

  return self->collection;
}

/**
 * llm_window_set_collection:
 *
 * Shows @collection, starting on the question last looked at if it is in
 * @collection, or else on its first question.
 */
void
llm_window_set_collection (LlmWindow     *self,
                           LlmCollection *collection)
{
  LlmQuestion *start;

  g_return_if_fail (LLM_IS_WINDOW (self));
  g_return_if_fail (!collection || LLM_IS_COLLECTION (collection));

  if (!g_set_object (&self->collection, collection))
    return;

  g_clear_object (&self->question);
  llm_sidebar_set_collection (self->sidebar, collection);
  adw_window_title_set_title (self->collection_title,
                              collection ? llm_collection_get_title (collection) : "");

  if (collection != NULL)
    {
      start = llm_collection_lookup (collection, llm_settings_get_last_question (self->settings));
      if (start == NULL)
        start = llm_collection_get_question (collection, 0);
      if (start != NULL)
        llm_window_show_question (self, start);
    }

  update_question_title (self);
  update_bookmark_button (self);
  update_missing_bookmarks (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLLECTION]);
}

/**
 * llm_window_get_question:
 *
 * Returns: (transfer none) (nullable): the question shown
 */
LlmQuestion *
llm_window_get_question (LlmWindow *self)
{
  g_return_val_if_fail (LLM_IS_WINDOW (self), NULL);

  return self->question;
}

/**
 * llm_window_get_answer_view:
 *
 * Returns: (transfer none): the answer view
 */
LlmAnswerView *
llm_window_get_answer_view (LlmWindow *self)
{
  g_return_val_if_fail (LLM_IS_WINDOW (self), NULL);

  return self->answer_view;
}

/**
 * llm_window_get_note_editor:
 *
 * Returns: (transfer none): the note editor
 */
LlmNoteEditor *
llm_window_get_note_editor (LlmWindow *self)
{
  g_return_val_if_fail (LLM_IS_WINDOW (self), NULL);

  return self->note_editor;
}

/**
 * llm_window_get_note_store:
 *
 * Returns: (transfer none): where this window keeps notes
 */
LlmNoteStore *
llm_window_get_note_store (LlmWindow *self)
{
  g_return_val_if_fail (LLM_IS_WINDOW (self), NULL);

  return self->notes;
}

/**
 * llm_window_get_bookmarks:
 *
 * Returns: (transfer none): the bookmarks this window shows
 */
LlmBookmarks *
llm_window_get_bookmarks (LlmWindow *self)
{
  g_return_val_if_fail (LLM_IS_WINDOW (self), NULL);

  return self->bookmarks;
}

/**
 * llm_window_get_sidebar:
 *
 * Returns: (transfer none): the topic tree
 */
LlmSidebar *
llm_window_get_sidebar (LlmWindow *self)
{
  g_return_val_if_fail (LLM_IS_WINDOW (self), NULL);

  return self->sidebar;
}
