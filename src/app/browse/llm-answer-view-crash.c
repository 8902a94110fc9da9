/* llm-answer-view-crash.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "llm-answer-view-private.h"

/* When the page's web process ends.
 *
 * A web process that ends (out of memory, a crash) is started again and the
 * same answer shown, so the user sees a blink rather than a blank pane. One
 * that ends again as soon as it starts (a broken sandbox, a lost bus it
 * cannot do without) would be restarted forever and take a core with it:
 * after ENDS_LIMIT ends within ENDS_WINDOW the view says so instead, and
 * starts it again when the user asks (answer.reload). */

#define ENDS_LIMIT  3
#define ENDS_WINDOW (60 * G_USEC_PER_SEC)

static GtkWidget *
ensure_failure_page (LlmAnswerView *self)
{
  GtkWidget *button;

  if (self->failure_page != NULL)
    return self->failure_page;

  /* Built when first needed: its icon would load librsvg at start. */
  button = gtk_button_new_with_mnemonic (_("_Try Again"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "answer.reload");
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");

  self->failure_page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->failure_page), "computer-fail-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->failure_page), _("Answers Cannot Be Shown"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->failure_page),
                                   _("The page that shows answers stopped three times in a minute."));
  adw_status_page_set_child (ADW_STATUS_PAGE (self->failure_page), button);
  gtk_widget_set_parent (self->failure_page, GTK_WIDGET (self));

  return self->failure_page;
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Either the page or the failure page, and the keyboard focus goes from
 * the one hidden to the one shown. Try Again cannot hold the focus while
 * it is insensitive: its action is enabled before it takes the focus and
 * disabled after it has given it up. */
static void
set_failed (LlmAnswerView *self,
            gboolean       failed)
{
  GtkWidget *web_view = GTK_WIDGET (self->web_view);
  GtkWidget *page = failed ? ensure_failure_page (self) : self->failure_page;
  gboolean had_focus;

  if (page == NULL)
    return;

  had_focus = has_focus_within (failed ? web_view : page);
  if (failed)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "answer.reload", TRUE);
  gtk_widget_set_visible (failed ? page : web_view, TRUE);
  gtk_widget_set_visible (failed ? web_view : page, FALSE);
  if (had_focus)
    gtk_widget_grab_focus (failed ? adw_status_page_get_child (ADW_STATUS_PAGE (page)) : web_view);
  /* A screen reader reads the answer view as a document by its
   * description, which still holds the last answer's text; the next
   * answer shown replaces this. */
  if (failed)
    {
      g_autofree char *text = g_strconcat (adw_status_page_get_title (ADW_STATUS_PAGE (page)), "\n",
                                           adw_status_page_get_description (ADW_STATUS_PAGE (page)), NULL);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
  if (!failed)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "answer.reload", FALSE);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LlmAnswerView *self = LLM_ANSWER_VIEW (widget);

  /* The page has been gone since it ended; the question asked for since
   * waits for it (show_pending). */
  self->n_ends = 0;
  set_failed (self, FALSE);
  llm_answer_page_load (self->page, self->web_view);
}

void
_llm_answer_view_class_crash_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "answer.reload", NULL, reload_action);
}

void
_llm_answer_view_crash_init (LlmAnswerView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "answer.reload", FALSE);
}

void
_llm_answer_view_crash_dispose (LlmAnswerView *self)
{
  g_clear_pointer (&self->failure_page, gtk_widget_unparent);
}

/**
 * _llm_answer_view_web_process_ended:
 * @reason: why, as WebKit tells it
 *
 * Starts the page again, unless it has ended too often lately.
 */
void
_llm_answer_view_web_process_ended (LlmAnswerView                     *self,
                                    WebKitWebProcessTerminationReason  reason)
{
  gint64 now = g_get_monotonic_time ();

  if (self->n_ends == 0 || now - self->first_end_time > ENDS_WINDOW)
    {
      self->n_ends = 0;
      self->first_end_time = now;
    }
  self->n_ends++;

  /* The question shown is shown again once a page is back. */
  self->page_ready = FALSE;
  self->show_pending = self->question != NULL;

  /* Handled, so not a warning: said for whoever reads the log. */
  if (self->n_ends >= ENDS_LIMIT)
    {
      g_message ("The answer view's web process ended (reason %d), %u times in a minute; "
                 "waiting for the user", reason, self->n_ends);
      set_failed (self, TRUE);
      return;
    }

  g_message ("The answer view's web process ended (reason %d); reloading", reason);
  llm_answer_page_load (self->page, self->web_view);
}
