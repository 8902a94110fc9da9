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
 * its own, laid out as the report at an interview's end (the markdown
 * file is read back, not shown raw); it never becomes the collection
 * being studied. Action: past.open (the row's position). */

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

/* One question of the report: its numbers, the answer as typed, and the
 * key points ticked or not. */
static GtkWidget *
question_group (LlmInterviewReportRow *row,
                guint                  number)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = g_strdup_printf ("%u. %s", number, row->title);
  g_autofree char *clock = format_clock (row->seconds);
  g_autofree char *description = g_strdup_printf (_("%s · %u of %u key points · %s"),
                                                  clock, row->n_covered, row->n_points, row->grade);
  GtkWidget *answer = gtk_label_new (row->answer[0] ? row->answer : _("(answered aloud)"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  gtk_label_set_wrap (GTK_LABEL (answer), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (answer), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (answer), 0);
  gtk_widget_add_css_class (answer, "card");
  gtk_widget_add_css_class (answer, "report-answer");
  gtk_accessible_update_property (GTK_ACCESSIBLE (answer), GTK_ACCESSIBLE_PROPERTY_LABEL, _("My answer"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), answer);

  if (row->points[0] != NULL)
    {
      GtkWidget *list = gtk_list_box_new ();

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_widget_set_margin_top (list, 12);
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Key points"), -1);
      for (guint i = 0; row->points[i] != NULL; i++)
        {
          GtkWidget *point = adw_action_row_new ();
          GtkWidget *icon = gtk_image_new_from_icon_name (row->covered[i] ? "object-select-symbolic"
                                                                          : "window-close-symbolic");

          gtk_widget_add_css_class (icon, row->covered[i] ? "success" : "dim-label");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          row->covered[i] ? _("Covered") : _("Missed"), -1);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (point), row->points[i]);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (point), FALSE);
          adw_action_row_add_prefix (ADW_ACTION_ROW (point), icon);
          gtk_list_box_append (GTK_LIST_BOX (list), point);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
    }

  return group;
}

/**
 * llm_past_interviews_open:
 * @position: a row, newest first
 *
 * Opens the report at @position in a window of its own, shown as the
 * interview's report is at its end: the total first, then each question
 * with its answer and its key points, ticked or not.
 *
 * Returns: (transfer none) (nullable): the report's window
 */
GtkWindow *
llm_past_interviews_open (LlmPastInterviews *self,
                          guint              position)
{
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *headline = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *window, *box, *header, *page, *group;
  GtkWidget *row;
  guint covered = 0, points = 0;

  g_return_val_if_fail (LLM_IS_PAST_INTERVIEWS (self), NULL);

  if (position >= self->paths->len ||
      !g_file_get_contents (g_ptr_array_index (self->paths, position), &text, NULL, NULL))
    return NULL;

  row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, position));
  rows = llm_interview_report_parse (text, &note);

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 600);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                                         adw_action_row_get_subtitle (ADW_ACTION_ROW (row))));
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);

  /* The total leads, as on the report at the interview's end. */
  for (guint i = 0; i < rows->len; i++)
    {
      LlmInterviewReportRow *question = g_ptr_array_index (rows, i);

      covered += question->n_covered;
      points += question->n_points;
    }
  if (points > 0)
    headline = g_strdup_printf (_("%u of %u key points · %u%%"), covered, points, covered * 100 / points);
  else
    headline = g_strdup (_("No key points to count"));
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), headline);
  if (note != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), note);
  gtk_widget_add_css_class (group, "report-total");
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  for (guint i = 0; i < rows->len; i++)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                              ADW_PREFERENCES_GROUP (question_group (g_ptr_array_index (rows, i), i + 1)));

  gtk_box_append (GTK_BOX (box), page);
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
