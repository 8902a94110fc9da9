/* llm-answer-view.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "llm-answer-view.h"
#include "llm-answer-view-private.h"
#include "llm-collection.h"
#include "llm-link.h"
#include "llm-question.h"
#include "llm-text.h"
#include "llm-typesetter.h"

/* One persistent web page on the process's shared answer page
 * (llm-answer-page.c: context, scheme, policy), loaded once; every answer
 * is swapped into it by a call to page.js's llmPage rather than reloaded,
 * which spares re-parsing KaTeX on each switch. Every call goes through
 * _llm_answer_view_call_page(). Beside this file: where links lead
 * (-links.c), find in the page (-find.c), the zoom actions (-actions.c)
 * and what a screen reader gets (-a11y.c). */

G_DEFINE_FINAL_TYPE (LlmAnswerView, llm_answer_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUESTION,
  PROP_ZOOM_LEVEL,
  PROP_N_MATCHES,
  PROP_CURRENT_MATCH,
  PROP_SCROLL_OFFSET,
  N_PROPS
};

enum {
  SHOWN,
  OPEN_EXTERNAL,
  OPEN_QUESTION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void push_question (LlmAnswerView *self);
static void push_note     (LlmAnswerView *self);

static void
set_scroll_offset (LlmAnswerView *self,
                   double         offset)
{
  if (offset == self->scroll_offset)
    return;

  self->scroll_offset = offset;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCROLL_OFFSET]);
}

static void
llm_answer_view_real_open_external (LlmAnswerView *self,
                                    const char    *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/* Page -------------------------------------------------------------------- */

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
apply_background (LlmAnswerView *self)
{
  /* libadwaita 1.2's view background: the page is transparent over it. */
  GdkRGBA color;

  gdk_rgba_parse (&color, is_dark () ? "#1e1e1e" : "#ffffff");
  webkit_web_view_set_background_color (self->web_view, &color);
}

typedef struct
{
  LlmAnswerView *self;
  guint serial;
  LlmPageReply reply;
} PageCall;

static void
page_replied (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PageCall *call = user_data;
  g_autoptr(LlmAnswerView) self = call->self;
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;
  LlmPageReply reply = call->reply;
  guint serial = call->serial;

  g_free (call);

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || reply == NULL)
    return;
  if (value == NULL)
    reply (self, NULL, error);
  else if (serial == self->serial)
    reply (self, value, NULL);
}

/**
 * _llm_answer_view_call_page:
 * @call: a call of a method of page.js's llmPage, "find(needle, keep)"
 * @args: (nullable): the call's arguments by name, consumed if floating
 * @reply: (nullable): what to do with the answer
 *
 * The one way to the page: each call runs in the app's own script world,
 * and its answer is dropped if the page changed since it was made (each
 * change of what the page shows counts, see self->serial).
 */
void
_llm_answer_view_call_page (LlmAnswerView *self,
                            const char    *call,
                            GVariant      *args,
                            LlmPageReply   reply)
{
  g_autofree char *body = g_strconcat ("return llmPage.", call, ";", NULL);
  /* WebKit only reads the arguments: it neither sinks nor frees them. */
  g_autoptr(GVariant) owned_args = args ? g_variant_ref_sink (args) : NULL;
  PageCall *page_call = g_new0 (PageCall, 1);

  page_call->self = g_object_ref (self);
  page_call->serial = self->serial;
  page_call->reply = reply;
  webkit_web_view_call_async_javascript_function (self->web_view, body, -1, owned_args,
                                                  LLM_ANSWER_PAGE_WORLD, NULL, self->cancellable,
                                                  page_replied, page_call);
}

void
_llm_answer_view_set_matches (LlmAnswerView *self,
                              guint          n_matches,
                              guint          current_match)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->n_matches != n_matches)
    {
      self->n_matches = n_matches;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
    }
  if (self->current_match != current_match)
    {
      self->current_match = current_match;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_MATCH]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* A search in progress is redone over the new content, staying on its
 * match when @keep_match (the same answer, its notes or cover changed). */
static void
page_shown (LlmAnswerView *self,
            const GError  *error,
            gboolean       keep_match)
{
  if (error != NULL)
    {
      g_warning ("Could not show the answer: %s", error->message);
      return;
    }

  _llm_answer_view_find_again (self, keep_match);

  g_signal_emit (self, signals[SHOWN], 0);
}

static void
answer_shown (LlmAnswerView *self,
              JSCValue      *value,
              const GError  *error)
{
  page_shown (self, error, FALSE);
}

static void
answer_updated (LlmAnswerView *self,
                JSCValue      *value,
                const GError  *error)
{
  page_shown (self, error, TRUE);
}

/* A personal note goes through the same renderer, and so the same
 * escaping, as the reference answer. */
static char *
render_note (LlmAnswerView *self)
{
  if (self->note == NULL)
    return g_strdup ("");

  {
    g_autofree char *html = _llm_answer_view_render (self, self->note, NULL);

    /* Its footnotes apart from the answer's, on the same page. */
    return llm_link_prefix_footnotes (html, "note-");
  }
}

static void
math_typeset (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  LlmAnswerView *self;

  if (!llm_typesetter_typeset_finish (LLM_TYPESETTER (source), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Typeset or not (the page typesets what the helper could not), what
   * waited is shown; it may have changed meanwhile, and wait again. */
  self = user_data;
  self->typesetting = FALSE;
  if (!self->page_ready)
    return;
  if (self->show_pending)
    push_question (self);
  else if (self->note_pending)
    push_note (self);
}

/* Puts the typeset math into *@html and *@note_html; %FALSE while
 * formulas of theirs are still to be typeset, which are then sent to the
 * helper: math_typeset() shows what waits once they are. */
static gboolean
typeset_math (LlmAnswerView  *self,
              char          **html,
              char          **note_html)
{
  LlmTypesetter *typesetter = llm_typesetter_get_default ();
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  char **texts[] = { html, note_html };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL)
      {
        char *typeset = llm_typesetter_apply (typesetter, *texts[i], missing);

        if (typeset != NULL)
          {
            g_free (*texts[i]);
            *texts[i] = typeset;
          }
      }
  if (missing->len == 0)
    return TRUE;

  if (!self->typesetting)
    {
      self->typesetting = TRUE;
      llm_typesetter_typeset_async (typesetter, missing, self->cancellable, math_typeset, self);
    }

  return FALSE;
}

/* What a self-test's cover over the answer says. */
static const char *
cover_text (void)
{
  return _("Recall your answer, then reveal it with Space.");
}

static void
push_question (LlmAnswerView *self)
{
  g_autofree char *html = NULL;
  g_autofree char *note_html = NULL;
  GVariantDict args;

  self->show_pending = FALSE;
  if (self->question == NULL)
    return;
  /* The link under the pointer is gone with the answer it was in. */
  _llm_answer_view_clear_status (self);

  html = _llm_answer_view_render (self, llm_question_get_answer (self->question), self->question);
  note_html = render_note (self);
  if (!typeset_math (self, &html, &note_html))
    {
      self->show_pending = TRUE;
      return;
    }
  self->note_pending = FALSE;
  llm_answer_page_prepare (self->page, self->web_view, html);
  llm_answer_page_prepare (self->page, self->web_view, note_html);

  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "number", "u", llm_question_get_number (self->question));
  {
    g_autofree char *title = llm_question_dup_display_title (self->question);
    g_autofree char *topic = llm_text_display_title (llm_question_get_topic (self->question));

    g_variant_dict_insert (&args, "title", "s", title);
    g_variant_dict_insert (&args, "topic", "s", topic);
  }
  g_variant_dict_insert (&args, "html", "s", html);
  /* Booleans are not among the argument types WebKit converts. */
  g_variant_dict_insert (&args, "dark", "u", (guint)is_dark ());
  g_variant_dict_insert (&args, "note", "s", note_html);
  g_variant_dict_insert (&args, "notesTitle", "s", _("My Notes"));
  g_variant_dict_insert (&args, "hidden", "s", self->answer_hidden ? cover_text () : "");
  g_variant_dict_insert (&args, "lang", "s", self->language ? self->language : "");
  g_variant_dict_insert (&args, "scroll", "d", self->next_scroll);
  set_scroll_offset (self, self->next_scroll);
  self->next_scroll = 0;

  _llm_answer_view_call_page (self, "show(number, title, topic, html, dark, note, notesTitle, hidden, lang, scroll)",
                              g_variant_dict_end (&args), answer_shown);
}

static void
on_dark_changed (LlmAnswerView   *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *style_manager)
{
  apply_background (self);

  if (self->page_ready)
    _llm_answer_view_call_page (self, is_dark () ? "setDark(true)" : "setDark(false)", NULL, NULL);
}

static void
on_load_changed (LlmAnswerView   *self,
                 WebKitLoadEvent  event,
                 WebKitWebView   *web_view)
{
  if (event != WEBKIT_LOAD_FINISHED || self->page_ready)
    return;

  self->page_ready = TRUE;
  if (self->show_pending)
    push_question (self);
}

static void
on_web_process_terminated (LlmAnswerView                     *self,
                           WebKitWebProcessTerminationReason  reason,
                           WebKitWebView                     *web_view)
{
  _llm_answer_view_web_process_ended (self, reason);
}

/* A code block's Copy button: the page has no clipboard access of its own,
 * it hands the code to the app. */
static void
on_copy_message (LlmAnswerView            *self,
                 JSCValue                 *value,
                 WebKitUserContentManager *manager)
{
  g_autofree char *text = NULL;

  if (!jsc_value_is_string (value))
    return;

  text = jsc_value_to_string (value);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

/* The page says where it is scrolled to once scrolling stops. */
static void
on_scroll_message (LlmAnswerView            *self,
                   JSCValue                 *value,
                   WebKitUserContentManager *manager)
{
  if (jsc_value_is_number (value))
    set_scroll_offset (self, MAX (0.0, jsc_value_to_double (value)));
}

/* WebKitGTK (2.50, GTK 4) keeps a hidden GtkTextView as the web view's
 * child to translate key bindings into editing commands (its
 * KeyBindingTranslator). That view is focusable: Tab out of the page lands
 * in it, and as a text view it takes Tab as text, so keyboard focus never
 * leaves the answer. It only needs its key bindings, never the focus. */
static void
unfocus_key_binding_translator (WebKitWebView *web_view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (web_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TEXT_VIEW (child))
      gtk_widget_set_can_focus (child, FALSE);
}

/* GObject ----------------------------------------------------------------- */

static void
llm_answer_view_dispose (GObject *object)
{
  LlmAnswerView *self = (LlmAnswerView *)object;

  g_cancellable_cancel (self->cancellable);
  _llm_answer_view_a11y_dispose (self);
  _llm_answer_view_crash_dispose (self);
  if (self->web_view != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->web_view));
      self->web_view = NULL;
    }
  g_clear_pointer (&self->link_status, gtk_widget_unparent);
  g_clear_object (&self->collection);
  g_clear_pointer (&self->language, g_free);
  g_clear_object (&self->question);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->find_text, g_free);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->page);

  G_OBJECT_CLASS (llm_answer_view_parent_class)->dispose (object);
}

static void
llm_answer_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LlmAnswerView *self = LLM_ANSWER_VIEW (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      g_value_set_object (value, self->question);
      break;

    case PROP_ZOOM_LEVEL:
      g_value_set_double (value, self->zoom_level);
      break;

    case PROP_N_MATCHES:
      g_value_set_uint (value, self->n_matches);
      break;

    case PROP_CURRENT_MATCH:
      g_value_set_uint (value, self->current_match);
      break;

    case PROP_SCROLL_OFFSET:
      g_value_set_double (value, self->scroll_offset);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llm_answer_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LlmAnswerView *self = LLM_ANSWER_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM_LEVEL:
      llm_answer_view_set_zoom_level (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llm_answer_view_class_init (LlmAnswerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llm_answer_view_dispose;
  object_class->get_property = llm_answer_view_get_property;
  object_class->set_property = llm_answer_view_set_property;

  properties[PROP_QUESTION] =
    g_param_spec_object ("question", NULL, NULL, LLM_TYPE_QUESTION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM_LEVEL] =
    g_param_spec_double ("zoom-level", NULL, NULL, 0.5, 3.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Read-only: a place is restored with llm_answer_view_set_next_scroll(). */
  properties[PROP_SCROLL_OFFSET] =
    g_param_spec_double ("scroll-offset", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LlmAnswerView:current-match:
   *
   * Which match of the find text is the current one, counted from 1.
   */
  properties[PROP_CURRENT_MATCH] =
    g_param_spec_uint ("current-match", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LlmAnswerView::shown:
   *
   * The question last asked for has been painted.
   */
  signals[SHOWN] =
    g_signal_new ("shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * LlmAnswerView::open-external:
   * @uri: a web or mail link the user clicked
   *
   * The default handler opens @uri in the user's browser.
   */
  signals[OPEN_EXTERNAL] =
    g_signal_new_class_handler ("open-external", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (llm_answer_view_real_open_external),
                                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * LlmAnswerView::open-question:
   * @question: the question a [[wikilink]] in the page points to
   */
  signals[OPEN_QUESTION] =
    g_signal_new ("open-question", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LLM_TYPE_QUESTION);

  _llm_answer_view_class_actions_init (widget_class);
  _llm_answer_view_class_crash_init (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "answerview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DOCUMENT);
}

static void
llm_answer_view_init (LlmAnswerView *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  WebKitUserContentManager *manager;

  self->zoom_level = 1.0;
  self->cancellable = g_cancellable_new ();

  self->page = g_object_ref (llm_answer_page_get_default ());
  self->web_view = llm_answer_page_create_view (self->page);
  gtk_widget_set_hexpand (GTK_WIDGET (self->web_view), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->web_view), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->web_view), GTK_WIDGET (self));
  unfocus_key_binding_translator (self->web_view);
  apply_background (self);

  _llm_answer_view_links_init (self);
  g_signal_connect_object (self->web_view, "load-changed",
                           G_CALLBACK (on_load_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "web-process-terminated",
                           G_CALLBACK (on_web_process_terminated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (style_manager, "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
  manager = webkit_web_view_get_user_content_manager (self->web_view);
  g_signal_connect_object (manager, "script-message-received::llmCopy",
                           G_CALLBACK (on_copy_message), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "script-message-received::llmScroll",
                           G_CALLBACK (on_scroll_message), self, G_CONNECT_SWAPPED);

  _llm_answer_view_update_actions (self);
  _llm_answer_view_crash_init (self);
  _llm_answer_view_a11y_init (self);

  llm_answer_page_load (self->page, self->web_view);
}

GtkWidget *
llm_answer_view_new (void)
{
  return g_object_new (LLM_TYPE_ANSWER_VIEW, NULL);
}

/**
 * llm_answer_view_show:
 * @collection: the collection @question belongs to, for its images
 * @question: the question to show
 * @note: (nullable): the user's own note on it, in markdown
 *
 * Swaps @question into the page; #LlmAnswerView::shown follows once it is
 * painted. Before the page has loaded, the latest request waits for it.
 */
void
llm_answer_view_show (LlmAnswerView *self,
                      LlmCollection *collection,
                      LlmQuestion   *question,
                      const char    *note)
{
  g_return_if_fail (LLM_IS_ANSWER_VIEW (self));
  g_return_if_fail (LLM_IS_COLLECTION (collection));
  g_return_if_fail (LLM_IS_QUESTION (question));

  g_free (self->note);
  self->note = g_strdup (note);
  /* Once per collection: the guess reads the first questions. */
  if (g_set_object (&self->collection, collection))
    {
      g_free (self->language);
      self->language = llm_collection_dup_language (collection);
      llm_answer_page_set_collection (self->page, self->web_view, collection);
    }
  if (g_set_object (&self->question, question))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);

  self->serial++;
  if (self->page_ready)
    push_question (self);
  else
    self->show_pending = TRUE;
}

/**
 * llm_answer_view_set_next_scroll:
 * @offset: how far down, in CSS pixels
 *
 * The next question shown opens @offset pixels down rather than at the
 * top (as far as it goes), to come back to where a reader was.
 */
void
llm_answer_view_set_next_scroll (LlmAnswerView *self,
                                 double         offset)
{
  g_return_if_fail (LLM_IS_ANSWER_VIEW (self));

  self->next_scroll = MAX (0.0, offset);
}

double
llm_answer_view_get_scroll_offset (LlmAnswerView *self)
{
  g_return_val_if_fail (LLM_IS_ANSWER_VIEW (self), 0);

  return self->scroll_offset;
}

static void
push_note (LlmAnswerView *self)
{
  g_autofree char *note_html = render_note (self);
  GVariantDict args;

  self->note_pending = !typeset_math (self, &note_html, NULL);
  if (self->note_pending)
    return;

  llm_answer_page_prepare (self->page, self->web_view, note_html);
  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "note", "s", note_html);
  g_variant_dict_insert (&args, "notesTitle", "s", _("My Notes"));

  _llm_answer_view_call_page (self, "setNote(note, notesTitle)", g_variant_dict_end (&args), answer_updated);
}

/**
 * llm_answer_view_set_note:
 * @note: (nullable): the note, in markdown
 *
 * Swaps only the "My Notes" section, keeping the answer and the scroll
 * position; #LlmAnswerView::shown follows.
 */
void
llm_answer_view_set_note (LlmAnswerView *self,
                          const char    *note)
{
  g_return_if_fail (LLM_IS_ANSWER_VIEW (self));

  if (g_strcmp0 (self->note, note) == 0)
    return;

  g_free (self->note);
  self->note = g_strdup (note);
  self->serial++;

  if (!self->page_ready || self->show_pending)
    {
      /* The question's show, now or once the page is back, takes it. */
      self->show_pending = self->question != NULL;
      return;
    }

  push_note (self);
}

/**
 * llm_answer_view_set_answer_hidden:
 *
 * While hidden, answers (and notes) are swapped in covered, for self-test;
 * setting it back to %FALSE reveals the answer shown.
 */
void
llm_answer_view_set_answer_hidden (LlmAnswerView *self,
                                   gboolean       hidden)
{
  GVariantDict args;

  g_return_if_fail (LLM_IS_ANSWER_VIEW (self));

  hidden = !!hidden;
  if (self->answer_hidden == hidden)
    return;

  self->answer_hidden = hidden;
  if (!self->page_ready || self->show_pending)
    return;

  self->serial++;
  if (!hidden)
    {
      _llm_answer_view_call_page (self, "revealAnswer()", NULL, answer_updated);
      return;
    }

  /* The answer shown may have been swapped in uncovered, its cover empty. */
  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "text", "s", cover_text ());
  _llm_answer_view_call_page (self, "hideAnswer(text)", g_variant_dict_end (&args), answer_updated);
}

gboolean
llm_answer_view_get_answer_hidden (LlmAnswerView *self)
{
  g_return_val_if_fail (LLM_IS_ANSWER_VIEW (self), FALSE);

  return self->answer_hidden;
}

/**
 * llm_answer_view_show_key_points:
 * @points: the key points
 * @covered: for each point, whether the user's answer covered it
 *
 * Lists the key points above the answer shown, each marked covered or
 * missed, as a mock interview's verdict.
 */
void
llm_answer_view_show_key_points (LlmAnswerView      *self,
                                 const char * const *points,
                                 const gboolean     *covered)
{
  g_autoptr(GString) texts = g_string_new (NULL);
  g_autoptr(GString) flags = g_string_new (NULL);
  GVariantDict args;

  g_return_if_fail (LLM_IS_ANSWER_VIEW (self));
  g_return_if_fail (points != NULL);

  /* One point a line: key points are single lines of text. */
  for (guint i = 0; points[i]; i++)
    {
      g_auto(GStrv) lines = g_strsplit_set (points[i], "\r\n", -1);
      g_autofree char *line = g_strjoinv (" ", lines);

      if (i > 0)
        g_string_append_c (texts, '\n');
      g_string_append (texts, line);
      g_string_append_c (flags, covered[i] ? '1' : '0');
    }

  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "texts", "s", texts->str);
  g_variant_dict_insert (&args, "flags", "s", flags->str);
  g_variant_dict_insert (&args, "title", "s", _("Key Points"));
  g_variant_dict_insert (&args, "coveredLabel", "s", _("Covered"));
  g_variant_dict_insert (&args, "missedLabel", "s", _("Missed"));

  self->serial++;
  _llm_answer_view_call_page (self, "showKeyPoints(texts, flags, title, coveredLabel, missedLabel)",
                              g_variant_dict_end (&args), answer_updated);
}

/**
 * llm_answer_view_get_question:
 *
 * Returns: (transfer none) (nullable): the question shown
 */
LlmQuestion *
llm_answer_view_get_question (LlmAnswerView *self)
{
  g_return_val_if_fail (LLM_IS_ANSWER_VIEW (self), NULL);

  return self->question;
}

double
llm_answer_view_get_zoom_level (LlmAnswerView *self)
{
  g_return_val_if_fail (LLM_IS_ANSWER_VIEW (self), 1.0);

  return self->zoom_level;
}

void
llm_answer_view_set_zoom_level (LlmAnswerView *self,
                                double         zoom_level)
{
  g_return_if_fail (LLM_IS_ANSWER_VIEW (self));

  zoom_level = _llm_answer_view_clamp_zoom (zoom_level);
  if (G_APPROX_VALUE (self->zoom_level, zoom_level, 0.001))
    return;

  self->zoom_level = zoom_level;
  webkit_web_view_set_zoom_level (self->web_view, zoom_level);
  _llm_answer_view_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_LEVEL]);
}

/**
 * llm_answer_view_get_web_view:
 *
 * For tests and benchmarks that read the page back.
 *
 * Returns: (transfer none): the web view
 */
WebKitWebView *
llm_answer_view_get_web_view (LlmAnswerView *self)
{
  g_return_val_if_fail (LLM_IS_ANSWER_VIEW (self), NULL);

  return self->web_view;
}
