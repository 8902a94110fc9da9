/* llm-export-chooser.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "llm-export-chooser.h"

/* The "Export Notes" save dialog, offered both from the main window's menu
 * and from Preferences. One builder keeps its title, buttons and suggested
 * file name the same in both places; each caller connects "response" with
 * its own way of reporting the result (a toast in its own window). */

/**
 * llm_export_chooser_new:
 * @parent: the window the dialog is modal for
 *
 * Returns: (transfer full): a modal save dialog, not yet shown
 */
GtkFileChooserNative *
llm_export_chooser_new (GtkWindow *parent)
{
  GtkFileChooserNative *dialog;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  dialog = gtk_file_chooser_native_new (_("Export Notes"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("My notes.md"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  return dialog;
}
