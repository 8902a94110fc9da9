/* llm-past-interviews.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "llm-interview-report.h"
#include "llm-past-interviews.h"
#include "llm-stats.h"

/* Past mock interviews, as documents: one row per report with its date,
 * questions, score and time, newest first. A report opens in a window of
 * its own, as the markdown it is; it never becomes the collection being
 * studied. Action: past.open (the row's position). */

struct _LlmPastInterviews
{
  AdwWindow parent_instance;

  GFile *folder;
  GPtrArray *paths;   /* newest first */

  GtkStack *stack;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (LlmPastInterviews, llm_past_interviews, ADW_TYPE_WINDOW)

static char *
format_clock (guint seconds)
{
  return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
}

static void
add_row (LlmPastInterviews *self,
         const char        *name,
         const char        *path)
{
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(GDateTime) when = NULL;
  LlmInterviewReportSummary summary;
  GtkWidget *row;
  gint64 unix_time;

  if (!g_file_get_contents (path, &text, NULL, NULL) || !llm_interview_report_summarize (text, &summary))
    return;

  if (llm_stats_parse_mock_name (name, NULL, &unix_time) &&
      (when = g_date_time_new_from_unix_local (unix_time)) != NULL)
    title = g_date_time_format (when, "%Y-%m-%d %H:%M");
  else
    title = g_strdup (name);

  {
    g_autofree char *clock = format_clock (summary.seconds);
    g_autofree char *questions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions",
                                                               summary.n_questions),
                                                  summary.n_questions);

    if (summary.n_points > 0)
      /* Translators: a past interview, "3 questions · 5 of 9 key points (55%) · 4:10" */
      subtitle = g_strdup_printf (_("%s · %u of %u key points (%u%%) · %s"), questions,
                                  summary.n_covered, summary.n_points,
                                  summary.n_covered * 100 / summary.n_points, clock);
    else
      subtitle = g_strdup_printf ("%s · %s", questions, clock);
  }

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "past.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "u", self->paths->len);
  gtk_list_box_append (self->list, row);
  g_ptr_array_add (self->paths, g_strdup (path));
}

static void
reload (LlmPastInterviews *self)
{
  g_autofree char *dir_path = g_file_get_path (self->folder);
  g_autoptr(GDir) dir = dir_path ? g_dir_open (dir_path, 0, NULL) : NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".md"))
      g_ptr_array_add (names, g_strdup (name));
  /* The names are timestamps: sorted, they are in time order. */
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);

  for (guint i = names->len; i > 0; i--)
    {
      g_autofree char *path = g_build_filename (dir_path, g_ptr_array_index (names, i - 1), NULL);

      add_row (self, g_ptr_array_index (names, i - 1), path);
    }

  gtk_stack_set_visible_child_name (self->stack, self->paths->len > 0 ? "list" : "empty");
}

/**
 * llm_past_interviews_open:
 * @position: a row, newest first
 *
 * Opens the report at @position in a window of its own.
 *
 * Returns: (transfer none) (nullable): the report's window
 */
GtkWindow *
llm_past_interviews_open (LlmPastInterviews *self,
                          guint              position)
{
  g_autofree char *text = NULL;
  GtkWidget *window, *box, *header, *scroller, *view;
  GtkWidget *row;

  g_return_val_if_fail (LLM_IS_PAST_INTERVIEWS (self), NULL);

  if (position >= self->paths->len ||
      !g_file_get_contents (g_ptr_array_index (self->paths, position), &text, NULL, NULL))
    return NULL;

  row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, position));

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 560);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                                         adw_action_row_get_subtitle (ADW_ACTION_ROW (row))));
  gtk_box_append (GTK_BOX (box), header);

  view = gtk_text_view_new ();
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 18);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 18);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Interview report"), -1);

  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  llm_past_interviews_open (LLM_PAST_INTERVIEWS (widget), g_variant_get_uint32 (param));
}

guint
llm_past_interviews_get_n_items (LlmPastInterviews *self)
{
  g_return_val_if_fail (LLM_IS_PAST_INTERVIEWS (self), 0);

  return self->paths->len;
}

static void
llm_past_interviews_dispose (GObject *object)
{
  LlmPastInterviews *self = (LlmPastInterviews *)object;

  g_clear_object (&self->folder);
  g_clear_pointer (&self->paths, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), LLM_TYPE_PAST_INTERVIEWS);

  G_OBJECT_CLASS (llm_past_interviews_parent_class)->dispose (object);
}

static void
llm_past_interviews_class_init (LlmPastInterviewsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llm_past_interviews_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/llm-past-interviews.ui");
  gtk_widget_class_bind_template_child (widget_class, LlmPastInterviews, stack);
  gtk_widget_class_bind_template_child (widget_class, LlmPastInterviews, list);
  gtk_widget_class_install_action (widget_class, "past.open", "u", open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
llm_past_interviews_init (LlmPastInterviews *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->paths = g_ptr_array_new_with_free_func (g_free);
}

/**
 * llm_past_interviews_new:
 * @folder: the folder of reports
 *
 * Returns: (transfer full): the list, filled
 */
LlmPastInterviews *
llm_past_interviews_new (GtkWindow *parent,
                         GFile     *folder)
{
  LlmPastInterviews *self;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  self = g_object_new (LLM_TYPE_PAST_INTERVIEWS, "transient-for", parent, "modal", TRUE, NULL);
  self->folder = g_object_ref (folder);
  reload (self);

  return self;
}
