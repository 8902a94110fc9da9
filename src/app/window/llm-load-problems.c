/* llm-load-problems.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every problem met while loading a collection, in one list: the toast
 * has room for the first only.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "llm-load-problems.h"

/* Problems are one line each, but a path can be long: rows wrap. */
static GtkWidget *
make_row (const char *file,
          const char *message)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), file != NULL ? file : _("The folder"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

/**
 * llm_load_problems_dialog_new:
 * @parent: the window it belongs to
 * @collection: the collection whose problems to list
 *
 * Returns: (transfer none): a modal dialog listing each problem under the
 *   file it is about (the message says what: skipped, empty, binary,
 *   invalid UTF-8 and at which byte, or why it could not be read)
 */
GtkWindow *
llm_load_problems_dialog_new (GtkWindow     *parent,
                              LlmCollection *collection)
{
  guint n = llm_collection_get_n_problems (collection);
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *scrolled;
  g_autofree char *body = NULL;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u problem while opening “%s”. The rest of the notes loaded.",
                                       "%u problems while opening “%s”. The rest of the notes loaded.", n),
                          n, llm_collection_get_title (collection));
  dialog = adw_message_dialog_new (parent, _("Problems While Loading"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");

  list = gtk_list_box_new ();
  gtk_widget_set_name (list, "problem-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         make_row (llm_collection_get_problem_file (collection, i),
                                   llm_collection_get_problem (collection, i)));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  return GTK_WINDOW (dialog);
}
