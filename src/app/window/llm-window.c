/* llm-window.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "llm-answer-view.h"
#include "llm-bookmarks.h"
#include "llm-collection.h"
#include "llm-my-questions.h"
#include "llm-question.h"
#include "llm-settings.h"
#include "llm-sidebar.h"
#include "llm-window.h"
#include "llm-text.h"
#include "llm-window-private.h"


G_DEFINE_FINAL_TYPE (LlmWindow, llm_window, ADW_TYPE_APPLICATION_WINDOW)

GType
llm_window_mode_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { LLM_WINDOW_MODE_BROWSE, "LLM_WINDOW_MODE_BROWSE", "browse" },
    { LLM_WINDOW_MODE_SELF_TEST, "LLM_WINDOW_MODE_SELF_TEST", "self-test" },
    { LLM_WINDOW_MODE_MOCK_INTERVIEW, "LLM_WINDOW_MODE_MOCK_INTERVIEW", "mock-interview" },
    { 0, NULL, NULL }
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("LlmWindowMode"), values));

  return type;
}

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_USER_DATA,
  PROP_COLLECTION,
  PROP_QUESTION,
  PROP_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_llm_window_update_question_title (LlmWindow *self)
{
  g_autofree char *title = NULL;
  guint n = 0, position = 0;

  /* Statistics are a page of their own, not the question's. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "stats") == 0)
    {
      adw_window_title_set_title (self->question_title, _("Statistics"));
      adw_window_title_set_subtitle (self->question_title, "");
      return;
    }

  if (self->collection != NULL && self->question != NULL)
    {
      n = llm_collection_get_n_questions (self->collection);
      position = llm_collection_get_position (self->collection, self->question) + 1;
      if (self->folded)
        /* Translators: the position of the question shown in a narrow window, "8/30" */
        title = g_strdup_printf (_("%u/%u"), position, n);
      else if (llm_question_is_card (self->question))
        /* Translators: the position of the question shown, "Question 8 of 30" */
        title = g_strdup_printf (_("Question %u of %u"), position, n);
      else
        /* Translators: the position of a page (text that is read, not
         * asked, such as a topic's introduction) shown, "Page 8 of 30" */
        title = g_strdup_printf (_("Page %u of %u"), position, n);
    }

  adw_window_title_set_title (self->question_title, title ? title : "");
  {
    g_autofree char *topic = llm_text_display_title (self->question ? llm_question_get_topic (self->question) : "");

    adw_window_title_set_subtitle (self->question_title, topic);
  }
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

  /* Leaving a running session asks first. */
  if (question != self->question && self->mode != LLM_WINDOW_MODE_BROWSE && !self->session_showing)
    {
      g_set_object (&self->leave_question, question);
      _llm_window_leave_then (self, NULL);
      if (self->question != NULL)
        llm_sidebar_select_question (self->sidebar, self->question);
      return;
    }

  if (question != self->question && !self->in_history_step)
    _llm_window_history_push (self, self->question);
  if (question != self->question)
    {
      _llm_window_quiz_question_changed (self);
      _llm_window_mock_question_changed (self);
    }
  g_set_object (&self->question, question);

  /* The editor saves the previous note first, then holds this one's. */
  note = _llm_window_note_question_changed (self);

  llm_sidebar_select_question (self->sidebar, question);
  llm_answer_view_show (self->answer_view, self->collection, question, note && *note ? note : NULL);
  llm_settings_set_last_question (self->settings, llm_question_get_id (question));
  _llm_window_remember_place (self);

  _llm_window_update_question_title (self);
  _llm_window_update_bookmark_button (self);
  _llm_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
}

/**
 * _llm_window_set_mode:
 *
 * What the window is doing: browsing, or running a session.
 */
void
_llm_window_set_mode (LlmWindow     *self,
                      LlmWindowMode  mode)
{
  if (self->mode == mode)
    return;

  self->mode = mode;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-stats", mode == LLM_WINDOW_MODE_BROWSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.mock-done", mode == LLM_WINDOW_MODE_MOCK_INTERVIEW);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

static void
finish_leaving (LlmWindow *self)
{
  g_autoptr(LlmQuestion) question = g_steal_pointer (&self->leave_question);
  void (*then) (LlmWindow *) = self->leave_then;

  self->leave_then = NULL;
  if (then != NULL)
    then (self);
  else if (question != NULL && self->collection != NULL)
    llm_window_show_question (self, question);
}

static void
on_leave_response (AdwMessageDialog *dialog,
                   const char       *response,
                   LlmWindow        *self)
{
  if (!g_str_equal (response, "end"))
    {
      g_clear_object (&self->leave_question);
      self->leave_then = NULL;
      return;
    }

  llm_self_test_bar_stop (self->self_test_bar);
  finish_leaving (self);
}

/**
 * _llm_window_leave_then:
 * @then: (nullable): what to do once no session runs; %NULL shows the
 *   question the user picked (self->leave_question)
 *
 * Leaving a running self-test asks first, and a running interview asks
 * whether to save a partial report; a finished one is left at once.
 */
void
_llm_window_leave_then (LlmWindow  *self,
                        void      (*then) (LlmWindow *self))
{
  GtkWidget *dialog;

  self->leave_then = then;

  if (self->mock_panel != NULL && llm_mock_panel_is_running (self->mock_panel))
    {
      /* The interview's own question: save, discard or continue. */
      g_clear_object (&self->leave_question);
      self->leave_then = NULL;
      gtk_widget_activate_action (GTK_WIDGET (self->mock_panel), "mock.stop", NULL);
      return;
    }

  if (!llm_self_test_bar_is_running (self->self_test_bar))
    {
      llm_self_test_bar_stop (self->self_test_bar);
      finish_leaving (self);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("End the Self-Test?"),
                                   _("The grades given so far are kept; the questions left are asked next time."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "continue", _("_Continue"),
                                    "end", _("_End Self-Test"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_leave_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_open_question (LlmWindow     *self,
                  LlmQuestion   *question,
                  LlmAnswerView *view)
{
  llm_window_show_question (self, question);
}

void
_llm_window_add_toast (LlmWindow  *self,
                       const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
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
  else if (g_str_equal (response, "retry") && _llm_window_flush_note (self))
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
llm_window_close_request (GtkWindow *window)
{
  LlmWindow *self = LLM_WINDOW (window);
  GtkWidget *dialog;

  save_geometry (self);

  /* With no editor built, nothing was typed: nothing to lose. */
  if (_llm_window_flush_note (self))
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

  _llm_window_notes_constructed (self);
  _llm_window_search_constructed (self);
  _llm_window_quiz_constructed (self);
  _llm_window_mock_constructed (self);
  _llm_window_open_constructed (self);

  /* The header follows the page: Statistics get their title and a way back. */
  g_signal_connect_object (self->content_stack, "notify::visible-child-name",
                           G_CALLBACK (_llm_window_apply_folded), self, G_CONNECT_SWAPPED);

  g_object_bind_property (self->settings, "sidebar-width", self->paned, "position",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self->settings, "zoom", self->answer_view, "zoom-level",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
}

static void
llm_window_dispose (GObject *object)
{
  LlmWindow *self = (LlmWindow *)object;

  g_clear_handle_id (&self->fold_idle, g_source_remove);
  _llm_window_search_dispose (self);
  _llm_window_quiz_dispose (self);
  _llm_window_mock_dispose (self);
  _llm_window_open_dispose (self);
  g_clear_object (&self->note_monitor);
  /* Not template children: what they are in lets them go. */
  self->note_editor = NULL;
  self->stats_page = NULL;
  self->mock_panel = NULL;
  self->search_results = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), LLM_TYPE_WINDOW);
  g_clear_object (&self->question);
  g_clear_object (&self->leave_question);
  g_clear_object (&self->collection);
  g_clear_object (&self->bookmarks);
  g_clear_object (&self->notes);
  g_clear_object (&self->cleared_question);
  g_clear_pointer (&self->cleared_text, g_free);
  g_clear_object (&self->settings);
  g_clear_object (&self->user_data);

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

    case PROP_USER_DATA:
      g_value_set_object (value, self->user_data);
      break;

    case PROP_COLLECTION:
      g_value_set_object (value, self->collection);
      break;

    case PROP_QUESTION:
      g_value_set_object (value, self->question);
      break;

    case PROP_MODE:
      g_value_set_enum (value, self->mode);
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

    case PROP_USER_DATA:
      self->user_data = g_value_dup_object (value);
      break;

    case PROP_COLLECTION:
      llm_window_set_collection (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, LLM_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * LlmWindow:user-data:
   *
   * The user's notes, reviews and questions, shared by every window.
   */
  properties[PROP_USER_DATA] =
    g_param_spec_object ("user-data", NULL, NULL, LLM_TYPE_USER_DATA,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLLECTION] =
    g_param_spec_object ("collection", NULL, NULL, LLM_TYPE_COLLECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LlmWindow:question:
   *
   * The question shown.
   */
  properties[PROP_QUESTION] =
    g_param_spec_object ("question", NULL, NULL, LLM_TYPE_QUESTION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LlmWindow:mode:
   *
   * Browsing, or a self-test or mock interview running.
   */
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL, LLM_TYPE_WINDOW_MODE, LLM_WINDOW_MODE_BROWSE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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

  install_properties (object_class);

  g_type_ensure (LLM_TYPE_ANSWER_VIEW);
  g_type_ensure (LLM_TYPE_SIDEBAR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/llm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, content_pane);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, sidebar_header);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, show_sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, stats_back_button);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, history_box);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, self_test_button);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, mock_button);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, step_box);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, self_test_content);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, collection_title);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, question_title);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, answer_view);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, missing_button);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, bookmark_button);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, notes_button);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, content_paned);
  gtk_widget_class_bind_template_callback (widget_class, on_open_question);

  _llm_window_layout_class_init (widget_class);
  _llm_window_notes_class_init (widget_class);
  _llm_window_search_class_init (widget_class);
  _llm_window_quiz_class_init (widget_class);
  _llm_window_mock_class_init (widget_class);
  _llm_window_open_class_init (widget_class);
  _llm_window_my_questions_class_init (widget_class);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, recent_menu);

  /**
   * LlmWindow::collection-loaded:
   *
   * A collection opened with llm_window_open() is shown.
   */
  g_signal_new ("collection-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  _llm_window_actions_class_init (widget_class);
}

static void
llm_window_init (LlmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _llm_window_layout_init (self);
  _llm_window_update_actions (self);
}

LlmWindow *
llm_window_new (GtkApplication *application,
                LlmSettings    *settings,
                LlmUserData    *user_data)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (LLM_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (LLM_IS_USER_DATA (user_data), NULL);

  return g_object_new (LLM_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       "user-data", user_data,
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
  g_autoptr(LlmCollection) old = NULL;
  LlmQuestion *start;
  gboolean first;

  g_return_if_fail (LLM_IS_WINDOW (self));
  g_return_if_fail (!collection || LLM_IS_COLLECTION (collection));

  if (collection == self->collection)
    return;

  first = self->collection == NULL;

  /* A session's questions belong to the collection it started in. */
  llm_self_test_bar_stop (self->self_test_bar);
  if (self->mock_panel != NULL)
    llm_mock_panel_stop (self->mock_panel);
  /* Kept until every part of the window has let go of it, then freed
   * off the main thread. */
  old = g_steal_pointer (&self->collection);
  self->collection = collection ? g_object_ref (collection) : NULL;

  g_clear_object (&self->question);
  llm_sidebar_set_collection (self->sidebar, collection);
  _llm_window_search_collection_changed (self);
  {
    g_autofree char *title = llm_text_display_title (collection ? llm_collection_get_title (collection) : "");

    adw_window_title_set_title (self->collection_title, title);
  }

  if (collection != NULL)
    {
      double offset = 0;
      g_autofree char *place = _llm_window_dup_place (self, &offset);

      /* The question last shown anywhere, or else the one last shown in
       * this collection, which comes back scrolled as it was. */
      start = llm_collection_lookup (collection, llm_settings_get_last_question (self->settings));
      if (start == NULL && place != NULL)
        start = llm_collection_lookup (collection, place);
      if (start == NULL)
        start = llm_collection_get_question (collection, 0);
      if (start != NULL && g_strcmp0 (llm_question_get_id (start), place) == 0)
        llm_answer_view_set_next_scroll (self->answer_view, offset);
      if (start != NULL)
        llm_window_show_question (self, start);
    }

  _llm_window_update_question_title (self);
  _llm_window_update_bookmark_button (self);
  _llm_window_update_missing_bookmarks (self);
  _llm_window_update_due_count (self);
  _llm_window_update_actions (self);
  if (self->folded)
    _llm_window_apply_folded (self);
  _llm_window_focus_tree (self, first);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLLECTION]);

  if (old != NULL)
    llm_collection_unref_in_thread (g_steal_pointer (&old));
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
 * The window builds its note editor when first opened; this builds it now
 * if it was not yet (hidden, as it starts).
 *
 * Returns: (transfer none): the note editor
 */
LlmNoteEditor *
llm_window_get_note_editor (LlmWindow *self)
{
  g_return_val_if_fail (LLM_IS_WINDOW (self), NULL);

  return _llm_window_ensure_note_editor (self);
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

LlmWindowMode
llm_window_get_mode (LlmWindow *self)
{
  g_return_val_if_fail (LLM_IS_WINDOW (self), LLM_WINDOW_MODE_BROWSE);

  return self->mode;
}

/**
 * llm_window_get_self_test_bar:
 *
 * Returns: (transfer none): the window's #LlmSelfTestBar
 */
GtkWidget *
llm_window_get_self_test_bar (LlmWindow *self)
{
  g_return_val_if_fail (LLM_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->self_test_bar);
}

/**
 * llm_window_get_mock_panel:
 *
 * The window builds the panel when the first interview starts; this
 * builds it now if it was not yet.
 *
 * Returns: (transfer none): the window's #LlmMockPanel
 */
GtkWidget *
llm_window_get_mock_panel (LlmWindow *self)
{
  g_return_val_if_fail (LLM_IS_WINDOW (self), NULL);

  return GTK_WIDGET (_llm_window_ensure_mock_panel (self));
}

/**
 * llm_window_dup_due_text:
 *
 * Returns: (transfer full) (nullable): how many questions are due, as
 *   the sidebar says it: "3 due now · 8 today"
 */
char *
llm_window_dup_due_text (LlmWindow *self)
{
  g_return_val_if_fail (LLM_IS_WINDOW (self), NULL);

  return _llm_window_dup_due_text (self);
}

/**
 * llm_window_get_study:
 *
 * Returns: (transfer none): the cards and review log the window studies with
 */
LlmStudy *
llm_window_get_study (LlmWindow *self)
{
  g_return_val_if_fail (LLM_IS_WINDOW (self), NULL);

  return self->study;
}
