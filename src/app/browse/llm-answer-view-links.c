/* llm-answer-view-links.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "llm-answer-view-private.h"
#include "llm-collection.h"
#include "llm-link.h"
#include "llm-question.h"
#include "llm-render.h"
#include "llm-text.h"
#include "llm-topic.h"

/* Where the links of an answer lead: how [[wikilinks]] and embeds render
 * (a question of the collection, a file of its folder), what a click
 * does (only the page itself and its anchors load; web and mail links go
 * to the browser, questions to the app; everything else is refused), and
 * what the status line says while the pointer is over one. */

/* Rendering ---------------------------------------------------------------- */

typedef struct
{
  LlmCollection *collection;
  LlmQuestion *question;   /* whose file images are relative to, or NULL */
  guint collection_number; /* in the page, for the URIs of its files */
} RenderContext;

static char *
resolve_embed (const char *target,
               gpointer    user_data)
{
  RenderContext *context = user_data;
  g_autofree char *path = llm_collection_resolve_embed_for (context->collection, context->question, target);

  return path != NULL ? llm_answer_page_file_uri (path, context->collection_number) : NULL;
}

/* [[Title]] opens the question with that title, or the first question of
 * the topic with that title. Titles are compared as ids are made, so case
 * and punctuation do not matter. */
static char *
resolve_link (const char *target,
              gpointer    user_data)
{
  LlmCollection *collection = ((RenderContext *)user_data)->collection;
  g_autofree char *id = llm_text_make_id (target);
  LlmQuestion *question = llm_collection_lookup (collection, id);
  g_autofree char *escaped = NULL;

  for (guint i = 0; question == NULL && i < g_list_model_get_n_items (G_LIST_MODEL (collection)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (collection), i);
      g_autofree char *topic_id = NULL;

      if (!LLM_IS_TOPIC (item) || g_list_model_get_n_items (G_LIST_MODEL (item)) == 0)
        continue;

      topic_id = llm_text_make_id (llm_topic_get_title (LLM_TOPIC (item)));
      if (g_str_equal (topic_id, id))
        {
          g_autoptr(LlmQuestion) first = g_list_model_get_item (G_LIST_MODEL (item), 0);

          question = LLM_IS_QUESTION (first) ? first : NULL;
        }
    }

  if (question == NULL)
    return NULL;

  escaped = g_uri_escape_string (llm_question_get_id (question), NULL, FALSE);
  return g_strconcat (LLM_QUESTION_SCHEME, escaped, NULL);
}

/* @question: the question @markdown belongs to, so its images resolve
 * next to its own file; %NULL for a personal note. */
char *
_llm_answer_view_render (LlmAnswerView *self,
                         const char    *markdown,
                         LlmQuestion   *question)
{
  RenderContext context = { self->collection, question,
                            llm_answer_page_get_collection_number (self->page, self->web_view) };

  return llm_render_markdown_with_links (markdown, resolve_embed, resolve_link, &context);
}

/* Policy ------------------------------------------------------------------ */

static gboolean
is_external (const char *uri)
{
  return g_str_has_prefix (uri, "http://") ||
         g_str_has_prefix (uri, "https://") ||
         g_str_has_prefix (uri, "mailto:");
}

static gboolean
on_decide_policy (LlmAnswerView            *self,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  WebKitWebView            *web_view)
{
  WebKitNavigationAction *action;
  const char *uri;

  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    {
      webkit_policy_decision_use (decision);
      return TRUE;
    }

  action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));

  /* The page itself, once, and anchors within it. */
  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION &&
      ((!self->page_ready && g_str_equal (uri, LLM_ANSWER_PAGE_URI)) ||
       g_str_has_prefix (uri, LLM_ANSWER_PAGE_URI "#")))
    {
      webkit_policy_decision_use (decision);
      return TRUE;
    }

  if (webkit_navigation_action_is_user_gesture (action) && is_external (uri))
    {
      /* A mail client is handed a message, never an attachment. */
      g_autofree char *mailto = llm_link_sanitize_mailto (uri);

      g_signal_emit_by_name (self, "open-external", mailto != NULL ? mailto : uri);
    }
  else if (g_str_has_prefix (uri, LLM_QUESTION_SCHEME))
    {
      g_autofree char *id = g_uri_unescape_string (uri + strlen (LLM_QUESTION_SCHEME), NULL);

      if (id != NULL && self->collection != NULL && llm_collection_lookup (self->collection, id) != NULL)
        g_signal_emit_by_name (self, "open-question", llm_collection_lookup (self->collection, id));
    }

  webkit_policy_decision_ignore (decision);
  return TRUE;
}

/* Status line ------------------------------------------------------------- */

/* What the status line says about a link: web and mail links as
 * llm_link_describe() puts them, a question by its title, an anchor of the
 * page by what it is, a relative link by its path. */
static char *
describe_link (LlmAnswerView *self,
               const char    *uri)
{
  char *described = llm_link_describe (uri);

  if (described != NULL)
    return described;

  if (g_str_has_prefix (uri, LLM_QUESTION_SCHEME))
    {
      g_autofree char *id = g_uri_unescape_string (uri + strlen (LLM_QUESTION_SCHEME), NULL);
      LlmQuestion *question = id != NULL && self->collection != NULL ? llm_collection_lookup (self->collection, id) : NULL;

      if (question != NULL)
        {
          g_autofree char *title = llm_question_dup_display_title (question);
          guint number = llm_question_get_number (question);

          /* Translators: a link to another question of the notes, "8. What is attention?" */
          return number > 0 ? g_strdup_printf (_("Question %u. %s"), number, title)
                            : g_strdup_printf (_("Question: %s"), title);
        }
    }

  if (g_str_has_prefix (uri, LLM_ANSWER_PAGE_URI "#"))
    {
      g_autofree char *anchor = g_uri_unescape_string (uri + strlen (LLM_ANSWER_PAGE_URI "#"), NULL);
      const char *label;

      if (anchor == NULL)
        return g_strdup (uri + strlen (LLM_ANSWER_PAGE_URI));
      /* The note's footnotes are renamed "fn-note-…" (llm_link_prefix_footnotes). */
      if (g_str_has_prefix (anchor, "fnref-"))
        return g_strdup (_("Back to the text"));
      if (g_str_has_prefix (anchor, "fn-"))
        {
          label = anchor + strlen ("fn-");
          if (g_str_has_prefix (label, "note-"))
            return g_strdup_printf (_("Footnote %s of My Notes"), label + strlen ("note-"));
          return g_strdup_printf (_("Footnote %s"), label);
        }
      return g_strdup_printf ("#%s", anchor);
    }

  /* A relative link in a note, resolved against the page: its path. */
  {
    static const char * const prefixes[] = { "app://llm/page/", "app://llm/", LLM_ANSWER_PAGE_FILES };

    for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
      if (g_str_has_prefix (uri, prefixes[i]))
        {
          g_autofree char *path = g_uri_unescape_string (uri + strlen (prefixes[i]), NULL);
          gboolean shown = path != NULL && *path != '\0' && g_utf8_validate (path, -1, NULL);

          for (const char *p = path; shown && *p != '\0'; p = g_utf8_next_char (p))
            shown = !g_unichar_iscntrl (g_utf8_get_char (p)) && !llm_text_is_invisible (g_utf8_get_char (p));

          return shown ? g_steal_pointer (&path) : g_strdup (uri + strlen (prefixes[i]));
        }
  }

  return g_strdup (uri);
}

static void
set_link_status (LlmAnswerView *self,
                 const char    *text)
{
  if (self->link_status == NULL)
    return;
  if (text == NULL)
    {
      gtk_widget_set_visible (self->link_status, FALSE);
      return;
    }

  gtk_label_set_text (GTK_LABEL (self->link_status), text);
  gtk_widget_set_visible (self->link_status, TRUE);
}

/* As a browser's status bubble: the pointer over a link shows where the
 * link leads at the bottom of the answer, before any click. */
static void
on_mouse_target_changed (LlmAnswerView       *self,
                         WebKitHitTestResult *hit_test_result,
                         guint                modifiers,
                         WebKitWebView       *web_view)
{
  const char *uri = webkit_hit_test_result_get_link_uri (hit_test_result);
  g_autofree char *text = NULL;

  if (webkit_hit_test_result_context_is_link (hit_test_result) && uri != NULL && *uri != '\0')
    text = describe_link (self, uri);

  set_link_status (self, text);
}

static void
on_pointer_left (LlmAnswerView *self)
{
  set_link_status (self, NULL);
}

/* Only copying makes sense in the menu: no reload, back or open-in-window. */
static gboolean
on_context_menu (LlmAnswerView     *self,
                 WebKitContextMenu *menu,
                 WebKitHitTestResult *hit_test_result,
                 WebKitWebView     *web_view)
{
  GList *items = g_list_copy (webkit_context_menu_get_items (menu));

  for (GList *l = items; l != NULL; l = l->next)
    {
      switch (webkit_context_menu_item_get_stock_action (l->data))
        {
        case WEBKIT_CONTEXT_MENU_ACTION_COPY:
        case WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD:
        case WEBKIT_CONTEXT_MENU_ACTION_COPY_IMAGE_TO_CLIPBOARD:
        case WEBKIT_CONTEXT_MENU_ACTION_INSPECT_ELEMENT:
          break;

        default:
          webkit_context_menu_remove (menu, l->data);
        }
    }
  g_list_free (items);

  return webkit_context_menu_get_n_items (menu) == 0;
}

void
_llm_answer_view_clear_status (LlmAnswerView *self)
{
  set_link_status (self, NULL);
}

/**
 * _llm_answer_view_links_init:
 *
 * Decides where the view's links lead and shows the status line.
 */
void
_llm_answer_view_links_init (LlmAnswerView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  /* Drawn over the page's bottom corner (the bin layout gives it the whole
   * area, its alignment its natural size); the pointer goes through it. */
  self->link_status = g_object_new (GTK_TYPE_LABEL,
                                    "halign", GTK_ALIGN_START,
                                    "valign", GTK_ALIGN_END,
                                    "ellipsize", PANGO_ELLIPSIZE_MIDDLE,
                                    "max-width-chars", 80,
                                    "single-line-mode", TRUE,
                                    "can-target", FALSE,
                                    "visible", FALSE,
                                    NULL);
  gtk_widget_add_css_class (self->link_status, "link-status");
  gtk_widget_set_parent (self->link_status, GTK_WIDGET (self));

  g_signal_connect_object (motion, "leave", G_CALLBACK (on_pointer_left), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect_object (self->web_view, "decide-policy",
                           G_CALLBACK (on_decide_policy), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "mouse-target-changed",
                           G_CALLBACK (on_mouse_target_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "context-menu",
                           G_CALLBACK (on_context_menu), self, G_CONNECT_SWAPPED);
}
