/* llm-note-editor.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "llm-note-editor.h"
#include "llm-question.h"
#include "llm-text.h"

/* The personal note for the question shown. It saves about a second after
 * typing stops and whenever it is flushed (question switch, close, quit).
 *
 * Nothing typed is lost: a save that fails (read-only or full disk, a
 * folder that vanished) keeps the text in memory, keyed by question id,
 * says so, and retries every few seconds until it succeeds. Switching back
 * to that question shows the unsaved text, not the stale file. */

#define SAVE_DELAY_MS  1000
#define RETRY_DELAY_S  5

typedef struct
{
  char *title;
  char *topic;
  char *text;
} Pending;

struct _LlmNoteEditor
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkLabel *status_label;
  GtkSourceView *view;
  GtkLabel *placeholder;

  GtkSourceBuffer *buffer;
  LlmNoteStore *store;
  LlmQuestion *question;
  GFileMonitor *monitor;

  GHashTable *pending;   /* id → Pending: text whose save failed */
  guint save_source;
  guint retry_source;

  gboolean loading;
  gboolean modified;
};

G_DEFINE_FINAL_TYPE (LlmNoteEditor, llm_note_editor, GTK_TYPE_WIDGET)

enum {
  NOTE_CHANGED,
  SAVE_FAILED,
  CLEARED,
  CONFLICT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean save_now (LlmNoteEditor *self);

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_free (pending->title);
  g_free (pending->topic);
  g_free (pending->text);
  g_free (pending);
}

static void
set_status (LlmNoteEditor *self,
            const char    *status)
{
  gtk_label_set_label (self->status_label, status ? status : "");
  /* A long reason is cut at the end of the line; all of it on hover. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), status);
}

/**
 * llm_note_editor_get_status:
 *
 * Returns: (transfer none): the status line: "Saved", or why not
 */
const char *
llm_note_editor_get_status (LlmNoteEditor *self)
{
  g_return_val_if_fail (LLM_IS_NOTE_EDITOR (self), NULL);

  return gtk_label_get_label (self->status_label);
}

char *
llm_note_editor_dup_text (LlmNoteEditor *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (LLM_IS_NOTE_EDITOR (self), NULL);

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &start, &end, FALSE);
}

static void
load_text (LlmNoteEditor *self,
           const char    *text)
{
  self->loading = TRUE;
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self->buffer), text ? text : "", -1);
  self->loading = FALSE;
  self->modified = FALSE;
}

/* Tries every save that failed before; the retry timer runs only while
 * something is waiting. */
static gboolean
retry_pending (gpointer data)
{
  LlmNoteEditor *self = data;
  GHashTableIter iter;
  const char *id;
  Pending *pending;

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, (gpointer *)&id, (gpointer *)&pending))
    {
      g_autoptr(GError) error = NULL;

      if (llm_note_store_save (self->store, id, pending->title, pending->topic, pending->text, &error))
        {
          g_signal_emit (self, signals[NOTE_CHANGED], 0, id, llm_text_is_blank (pending->text, -1) ? NULL : pending->text);
          g_hash_table_iter_remove (&iter);
        }
    }

  if (self->modified)
    save_now (self);

  if (g_hash_table_size (self->pending) == 0)
    {
      self->retry_source = 0;
      if (!self->modified)
        set_status (self, _("Saved"));
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/* A sync tool wrote the note while we hold edits of our own: keep both,
 * theirs as a conflict copy beside the note, ours as the note. */
static void
keep_both (LlmNoteEditor *self,
           const char    *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = llm_note_store_load (self->store, id, &error);
  g_autofree char *path = NULL;

  if (theirs == NULL)
    return;

  path = llm_note_store_save_conflict_copy (self->store, id, theirs, &error);
  if (path != NULL)
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *message = g_strdup_printf (_("This note was also changed elsewhere; that version was kept as “%s”"), name);

      g_signal_emit (self, signals[CONFLICT], 0, message);
    }
}

static gboolean
save_now (LlmNoteEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *id;
  Pending *pending;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (!self->modified || self->question == NULL || self->store == NULL)
    return TRUE;

  id = llm_question_get_id (self->question);
  text = llm_note_editor_dup_text (self);

  if (llm_note_store_changed_on_disk (self->store, id))
    keep_both (self, id);

  if (llm_note_store_save (self->store, id,
                           llm_question_get_title (self->question),
                           llm_question_get_topic (self->question),
                           text, &error))
    {
      self->modified = FALSE;
      g_hash_table_remove (self->pending, id);
      set_status (self, g_hash_table_size (self->pending) ? _("Some notes are not saved yet") : _("Saved"));
      g_signal_emit (self, signals[NOTE_CHANGED], 0, id, llm_text_is_blank (text, -1) ? NULL : text);
      return TRUE;
    }

  pending = g_new0 (Pending, 1);
  pending->title = g_strdup (llm_question_get_title (self->question));
  pending->topic = g_strdup (llm_question_get_topic (self->question));
  pending->text = g_steal_pointer (&text);
  g_hash_table_replace (self->pending, g_strdup (id), pending);

  {
    g_autofree char *status = g_strdup_printf (_("Not saved: %s"), error->message);

    set_status (self, status);
    g_signal_emit (self, signals[SAVE_FAILED], 0, error->message);
  }

  if (self->retry_source == 0)
    self->retry_source = g_timeout_add_seconds (RETRY_DELAY_S, retry_pending, self);

  return FALSE;
}

static gboolean
save_timeout (gpointer data)
{
  LlmNoteEditor *self = data;

  self->save_source = 0;
  save_now (self);

  return G_SOURCE_REMOVE;
}

static void
on_buffer_changed (LlmNoteEditor *self,
                   GtkTextBuffer *buffer)
{
  if (self->loading || self->question == NULL)
    return;

  self->modified = TRUE;
  set_status (self, NULL);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout, self);
}

static void
on_note_file_changed (LlmNoteEditor     *self,
                      GFile             *file,
                      GFile             *other,
                      GFileMonitorEvent  event,
                      GFileMonitor      *monitor)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *id;

  if (event == G_FILE_MONITOR_EVENT_CHANGED || self->question == NULL)
    return;  /* wait for the write to finish (CHANGES_DONE_HINT) */

  id = llm_question_get_id (self->question);
  if (!llm_note_store_changed_on_disk (self->store, id))
    return;  /* our own save */

  if (self->modified || g_hash_table_contains (self->pending, id))
    {
      save_now (self);
      return;
    }

  text = llm_note_store_load (self->store, id, &error);
  if (error != NULL)
    return;

  load_text (self, text);
  set_status (self, _("Reloaded"));
  g_signal_emit (self, signals[NOTE_CHANGED], 0, id, text);
}

static void
watch_note_file (LlmNoteEditor *self)
{
  g_clear_object (&self->monitor);
  if (self->question == NULL || self->store == NULL)
    return;

  self->monitor = llm_note_store_monitor_note (self->store, llm_question_get_id (self->question));
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed",
                             G_CALLBACK (on_note_file_changed), self, G_CONNECT_SWAPPED);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  LlmNoteEditor *self = LLM_NOTE_EDITOR (widget);
  g_autofree char *old = llm_note_editor_dup_text (self);

  if (llm_text_is_blank (old, -1) || self->question == NULL)
    return;

  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self->buffer), "", -1);
  if (save_now (self))
    g_signal_emit (self, signals[CLEARED], 0, self->question, old);
}

static void
update_style_scheme (LlmNoteEditor *self)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  gtk_source_buffer_set_style_scheme (self->buffer,
                                      gtk_source_style_scheme_manager_get_scheme (schemes, dark ? "Adwaita-dark" : "Adwaita"));
}

static void
llm_note_editor_map (GtkWidget *widget)
{
  LlmNoteEditor *self = LLM_NOTE_EDITOR (widget);

  /* Loading the markdown definition takes GtkSourceView ~80 ms, so it
   * waits until the editor is first shown instead of delaying the window. */
  if (gtk_source_buffer_get_language (self->buffer) == NULL)
    {
      GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();

      gtk_source_buffer_set_language (self->buffer, gtk_source_language_manager_get_language (languages, "markdown"));
    }

  GTK_WIDGET_CLASS (llm_note_editor_parent_class)->map (widget);
}

static void
llm_note_editor_dispose (GObject *object)
{
  LlmNoteEditor *self = (LlmNoteEditor *)object;

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_object (&self->monitor);
  gtk_widget_dispose_template (GTK_WIDGET (self), LLM_TYPE_NOTE_EDITOR);
  g_clear_object (&self->question);
  g_clear_object (&self->store);
  g_clear_pointer (&self->pending, g_hash_table_unref);

  G_OBJECT_CLASS (llm_note_editor_parent_class)->dispose (object);
}

static void
llm_note_editor_class_init (LlmNoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llm_note_editor_dispose;
  widget_class->map = llm_note_editor_map;

  /**
   * LlmNoteEditor::note-changed:
   * @id: the question id
   * @text: (nullable): the note as saved, or %NULL once it is gone
   */
  signals[NOTE_CHANGED] =
    g_signal_new ("note-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * LlmNoteEditor::cleared:
   * @question: whose note was cleared
   * @text: what it said, for undo
   */
  signals[CLEARED] =
    g_signal_new ("cleared", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, LLM_TYPE_QUESTION, G_TYPE_STRING);
  signals[CONFLICT] =
    g_signal_new ("conflict", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /* Idempotent; sets up GtkSourceView's languages and style schemes. */
  gtk_source_init ();
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/llm-note-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LlmNoteEditor, box);
  gtk_widget_class_bind_template_child (widget_class, LlmNoteEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, LlmNoteEditor, view);
  gtk_widget_class_bind_template_child (widget_class, LlmNoteEditor, placeholder);
  /* Esc puts the editor away, as Ctrl+E does; the note is saved then. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.toggle-notes", NULL);

  gtk_widget_class_install_action (widget_class, "note.clear", NULL, clear_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "noteeditor");
}

/* GtkTextView has no placeholder of its own: a label over it while empty. */
static void
update_placeholder (LlmNoteEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->placeholder),
                          gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (self->buffer)) == 0);
}

static void
llm_note_editor_init (LlmNoteEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, pending_free);
  self->buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)));
  gtk_source_buffer_set_highlight_matching_brackets (self->buffer, FALSE);
  g_signal_connect_object (self->buffer, "changed", G_CALLBACK (on_buffer_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "changed", G_CALLBACK (update_placeholder), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);
  update_style_scheme (self);
}

void
llm_note_editor_set_store (LlmNoteEditor *self,
                           LlmNoteStore  *store)
{
  g_return_if_fail (LLM_IS_NOTE_EDITOR (self));
  g_return_if_fail (LLM_IS_NOTE_STORE (store));

  g_set_object (&self->store, store);
}

/**
 * llm_note_editor_set_question:
 *
 * Saves the note being edited, then shows @question's: the text still
 * waiting to be saved if there is any, else the file's.
 */
void
llm_note_editor_set_question (LlmNoteEditor *self,
                              LlmQuestion   *question)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Pending *pending;

  g_return_if_fail (LLM_IS_NOTE_EDITOR (self));
  g_return_if_fail (!question || LLM_IS_QUESTION (question));

  if (question == self->question)
    return;

  save_now (self);
  g_set_object (&self->question, question);
  watch_note_file (self);

  if (question == NULL || self->store == NULL)
    {
      load_text (self, NULL);
      return;
    }

  pending = g_hash_table_lookup (self->pending, llm_question_get_id (question));
  if (pending != NULL)
    {
      load_text (self, pending->text);
      self->modified = TRUE;
      return;
    }

  text = llm_note_store_load (self->store, llm_question_get_id (question), &error);
  load_text (self, text);
  set_status (self, error ? error->message : NULL);
}

/**
 * llm_note_editor_flush:
 *
 * Saves now rather than after the delay.
 *
 * Returns: %TRUE when nothing is left unsaved
 */
gboolean
llm_note_editor_flush (LlmNoteEditor *self)
{
  g_return_val_if_fail (LLM_IS_NOTE_EDITOR (self), TRUE);

  save_now (self);
  if (g_hash_table_size (self->pending) > 0)
    retry_pending (self);

  return !llm_note_editor_has_unsaved (self);
}

gboolean
llm_note_editor_has_unsaved (LlmNoteEditor *self)
{
  g_return_val_if_fail (LLM_IS_NOTE_EDITOR (self), FALSE);

  return self->modified || g_hash_table_size (self->pending) > 0;
}

/**
 * llm_note_editor_set_text:
 *
 * Replaces the note as if typed: it is saved after the usual delay.
 */
void
llm_note_editor_set_text (LlmNoteEditor *self,
                          const char    *text)
{
  g_return_if_fail (LLM_IS_NOTE_EDITOR (self));

  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self->buffer), text ? text : "", -1);
}

void
llm_note_editor_grab_focus (LlmNoteEditor *self)
{
  g_return_if_fail (LLM_IS_NOTE_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}
