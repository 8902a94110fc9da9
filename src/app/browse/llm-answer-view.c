/* llm-answer-view.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "llm-answer-view.h"
#include "llm-answer-view-private.h"
#include "llm-collection.h"
#include "llm-gl-probe.h"
#include "llm-web-memory.h"
#include "llm-question.h"
#include "llm-render.h"
#include "llm-link.h"
#include "llm-text.h"
#include "llm-topic.h"

/* One persistent web page, loaded once from the app's resources; every
 * answer is swapped into it by a script call rather than reloaded, which
 * spares re-parsing KaTeX on each switch.
 *
 * Notes come from anywhere, so the page is locked down in layers (see the
 * README's security section): no script from content runs (JavaScript
 * markup is off; only the app's own isolated world has scripts), a content
 * security policy allows nothing but the app's own scheme, a content filter
 * blocks every remote scheme, and navigation away from the page is refused,
 * with external links handed to the default browser. */

#define PAGE_URI        "app://llm/page/page.html"
#define RESOURCE_PREFIX "app://llm/"
#define SCRIPT_WORLD    "llm"
#define FILTER_ID       "llm-block-remote-1"
#define QUESTION_SCHEME "llm-question:"

static const char content_security_policy[] =
  "default-src 'none'; img-src app: data:; style-src app: 'unsafe-inline'; "
  "font-src app:; script-src 'none'; object-src 'none'; frame-src 'none'; "
  "form-action 'none'; base-uri 'none'";

/* The rule syntax has no alternation, so one rule per scheme. */
static const char content_filter_json[] =
  "["
  "{\"trigger\":{\"url-filter\":\"^https?:\"},\"action\":{\"type\":\"block\"}},"
  "{\"trigger\":{\"url-filter\":\"^wss?:\"},\"action\":{\"type\":\"block\"}},"
  "{\"trigger\":{\"url-filter\":\"^ftp:\"},\"action\":{\"type\":\"block\"}},"
  "{\"trigger\":{\"url-filter\":\"^file:\"},\"action\":{\"type\":\"block\"}}"
  "]";

/* Zoom steps, as browsers offer them. */
static const double zoom_steps[] = { 0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.2, 1.33, 1.5, 1.7, 2.0, 2.4, 3.0 };

struct _LlmAnswerView
{
  GtkWidget parent_instance;

  WebKitWebView *web_view;
  GtkWidget *link_status;  /* where the link under the pointer leads */
  LlmCollection *collection;
  char *language;            /* the collection's, for the page's lang */
  LlmQuestion *question;
  char *note;
  char *find_text;
  GCancellable *cancellable;

  double zoom_level;
  /* How far the answer is scrolled, as the page last said (CSS pixels),
   * and where the next question shown starts instead of the top. */
  double scroll_offset;
  double next_scroll;
  guint serial;
  guint n_matches;
  guint current_match;

  guint page_ready : 1;
  guint show_pending : 1;
  guint answer_hidden : 1;
  guint katex_loaded : 1;
  guint highlight_loaded : 1;
};

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

static void
set_scroll_offset (LlmAnswerView *self,
                   double         offset)
{
  if (offset == self->scroll_offset)
    return;

  self->scroll_offset = offset;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCROLL_OFFSET]);
}

/* app:// ------------------------------------------------------------------ */

static const char *
mime_type_for (const char *path)
{
  static const struct { const char *ext; const char *type; } types[] = {
    { ".html", "text/html" }, { ".css", "text/css" },
    { ".js", "text/javascript" }, { ".woff2", "font/woff2" },
    { ".svg", "image/svg+xml" }, { ".png", "image/png" },
    { ".jpg", "image/jpeg" }, { ".jpeg", "image/jpeg" },
    { ".gif", "image/gif" }, { ".webp", "image/webp" },
  };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_has_suffix (lower, types[i].ext))
      return types[i].type;

  return "application/octet-stream";
}

static void
finish_with_bytes (WebKitURISchemeRequest *request,
                   GBytes                 *bytes,
                   const char             *path)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

  webkit_uri_scheme_request_finish (request, stream, g_bytes_get_size (bytes), mime_type_for (path));
}

static void
finish_not_found (WebKitURISchemeRequest *request)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "Not found");

  webkit_uri_scheme_request_finish_error (request, error);
}

static void
collection_file_loaded (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(WebKitURISchemeRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  finish_with_bytes (request, bytes, webkit_uri_scheme_request_get_path (request));
}

/* Serves the page and KaTeX from the GResource, and images from inside the
 * open collection's folder; nothing else. */
static void
handle_app_scheme (WebKitURISchemeRequest *request,
                   gpointer                user_data)
{
  g_autoptr(LlmAnswerView) self = g_weak_ref_get (user_data);
  const char *uri = webkit_uri_scheme_request_get_uri (request);

  if (self == NULL)
    {
      finish_not_found (request);
      return;
    }

  if (g_str_has_prefix (uri, RESOURCE_PREFIX))
    {
      const char *path = webkit_uri_scheme_request_get_path (request);
      g_autofree char *resource = NULL;
      g_autoptr(GBytes) bytes = NULL;

      /* Only the page and KaTeX, not the .ui files or the notes. */
      if (!g_str_has_prefix (path, "/page/") && !g_str_has_prefix (path, "/katex/"))
        {
          finish_not_found (request);
          return;
        }

      resource = g_strconcat (RESOURCE_BASE, path, NULL);
      bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      if (bytes == NULL || strstr (path, "..") != NULL)
        finish_not_found (request);
      else
        finish_with_bytes (request, bytes, path);
      return;
    }

  if (self->collection != NULL)
    {
      g_autoptr(GFile) file = llm_collection_resolve_uri (self->collection, uri);

      if (file != NULL)
        {
          g_file_load_contents_async (file, self->cancellable, collection_file_loaded,
                                      g_object_ref (request));
          return;
        }
    }

  finish_not_found (request);
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
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
      ((!self->page_ready && g_str_equal (uri, PAGE_URI)) ||
       g_str_has_prefix (uri, PAGE_URI "#")))
    {
      webkit_policy_decision_use (decision);
      return TRUE;
    }

  if (webkit_navigation_action_is_user_gesture (action) && is_external (uri))
    {
      /* A mail client is handed a message, never an attachment. */
      g_autofree char *mailto = llm_link_sanitize_mailto (uri);

      g_signal_emit (self, signals[OPEN_EXTERNAL], 0, mailto != NULL ? mailto : uri);
    }
  else if (g_str_has_prefix (uri, QUESTION_SCHEME))
    {
      g_autofree char *id = g_uri_unescape_string (uri + strlen (QUESTION_SCHEME), NULL);

      if (id != NULL && self->collection != NULL && llm_collection_lookup (self->collection, id) != NULL)
        g_signal_emit (self, signals[OPEN_QUESTION], 0, llm_collection_lookup (self->collection, id));
    }

  webkit_policy_decision_ignore (decision);
  return TRUE;
}

/* Link status ------------------------------------------------------------- */

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

  if (g_str_has_prefix (uri, QUESTION_SCHEME))
    {
      g_autofree char *id = g_uri_unescape_string (uri + strlen (QUESTION_SCHEME), NULL);
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

  if (g_str_has_prefix (uri, PAGE_URI "#"))
    {
      g_autofree char *anchor = g_uri_unescape_string (uri + strlen (PAGE_URI "#"), NULL);
      const char *label;

      if (anchor == NULL)
        return g_strdup (uri + strlen (PAGE_URI));
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
    static const char * const prefixes[] = { "app://llm/page/", "app://llm/", "app://collection/" };

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

static void
llm_answer_view_real_open_external (LlmAnswerView *self,
                                    const char    *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
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
  gboolean keep_match;   /* the same answer: stay on its current match */
} ShowCall;

static void find_in_page (LlmAnswerView *self,
                          const char    *script,
                          GVariant      *args);

static void
show_finished (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  ShowCall *call = user_data;
  g_autoptr(LlmAnswerView) self = call->self;
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;
  guint serial = call->serial;
  gboolean call_keep_match = call->keep_match;

  g_free (call);

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object), result, &error);
  if (value == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not show the answer: %s", error->message);
      return;
    }

  if (serial != self->serial)
    return;

  /* Highlights belong to the answer they were made in. */
  if (self->find_text != NULL)
    find_in_page (self, "return llmFind(needle, keep);",
                  g_variant_new_parsed ("{'needle': <%s>, 'keep': <%u>}",
                                        self->find_text, (guint32)call_keep_match));

  g_signal_emit (self, signals[SHOWN], 0);
}

/* Every call that changes what the page shows goes through here: the reply
 * is checked against the serial of the answer it was made for, and a search
 * in progress is redone over the new content (staying on its match when
 * @keep_match, as for the same answer). @args is consumed if floating. */
static void
call_page (LlmAnswerView *self,
           const char    *body,
           GVariant      *args,
           gboolean       keep_match)
{
  ShowCall *call = g_new0 (ShowCall, 1);

  call->self = g_object_ref (self);
  call->serial = self->serial;
  call->keep_match = keep_match;
  webkit_web_view_call_async_javascript_function (self->web_view, body, -1, args,
                                                  SCRIPT_WORLD, NULL, self->cancellable,
                                                  show_finished, call);
}

static void
set_matches (LlmAnswerView *self,
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

static guint
dup_array_uint (JSCValue *array,
                guint     index)
{
  g_autoptr(JSCValue) item = jsc_value_object_get_property_at_index (array, index);

  return jsc_value_is_number (item) ? (guint)MAX (jsc_value_to_int32 (item), 0) : 0;
}

typedef struct
{
  LlmAnswerView *self;
  guint serial;
} FindCall;

/* The page answers [count, current]; a reply for an answer since
 * replaced is dropped. */
static void
find_finished (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  FindCall *call = user_data;
  g_autoptr(LlmAnswerView) self = call->self;
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;
  guint serial = call->serial;

  g_free (call);

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object), result, &error);
  if (value == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not find in the answer: %s", error->message);
      return;
    }

  if (serial != self->serial || !jsc_value_is_array (value))
    return;

  set_matches (self, dup_array_uint (value, 0), dup_array_uint (value, 1));
}

static void
find_in_page (LlmAnswerView *self,
              const char    *script,
              GVariant      *args)
{
  FindCall *call = g_new0 (FindCall, 1);

  call->self = g_object_ref (self);
  call->serial = self->serial;
  webkit_web_view_call_async_javascript_function (self->web_view, script, -1, args,
                                                  SCRIPT_WORLD, NULL, self->cancellable,
                                                  find_finished, call);
}

typedef struct
{
  LlmCollection *collection;
  LlmQuestion *question;   /* whose file images are relative to, or NULL */
} RenderContext;

static char *
resolve_embed (const char *target,
               gpointer    user_data)
{
  RenderContext *context = user_data;

  return llm_collection_resolve_embed_for (context->collection, context->question, target);
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
  return g_strconcat (QUESTION_SCHEME, escaped, NULL);
}

/* @question: the question @markdown belongs to, so its images resolve
 * next to its own file; %NULL for a personal note. */
static char *
render_markdown (LlmAnswerView *self,
                 const char    *markdown,
                 LlmQuestion   *question)
{
  RenderContext context = { self->collection, question };

  return llm_render_markdown_with_links (markdown, resolve_embed, resolve_link, &context);
}

/* A personal note goes through the same renderer, and so the same
 * escaping, as the reference answer. */
static char *
render_note (LlmAnswerView *self)
{
  if (self->note == NULL)
    return g_strdup ("");

  {
    g_autofree char *html = render_markdown (self, self->note, NULL);

    /* Its footnotes apart from the answer's, on the same page. */
    return llm_link_prefix_footnotes (html, "note-");
  }
}

/* KaTeX (270 KB) and highlight.js (830 KB, every language) go into the
 * page's script world only once an answer or note needs them: loaded with
 * the page, they cost ~14 MB in the web process and ~3 MB in this one
 * (measured with tests/bench), and many collections have no math or code.
 * The call is queued before the page call that uses them, and runs first. */
static void
load_script (LlmAnswerView *self,
             const char    *path)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  gsize size;
  const char *source;

  g_assert (bytes != NULL);
  /* Resource data stays mapped for the life of the program: no copy. */
  source = g_bytes_get_data (bytes, &size);
  webkit_web_view_evaluate_javascript (self->web_view, source, size, SCRIPT_WORLD, NULL,
                                       self->cancellable, NULL, NULL);
}

static void
ensure_scripts (LlmAnswerView *self,
                const char    *html)
{
  if (html == NULL)
    return;

  if (!self->katex_loaded && strstr (html, " class=\"math ") != NULL)
    {
      load_script (self, RESOURCE_BASE "/katex/katex.min.js");
      self->katex_loaded = TRUE;
    }
  if (!self->highlight_loaded && strstr (html, "<code class=\"language-") != NULL)
    {
      load_script (self, RESOURCE_BASE "/highlight/highlight.min.js");
      self->highlight_loaded = TRUE;
    }
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
  set_link_status (self, NULL);

  html = render_markdown (self, llm_question_get_answer (self->question), self->question);
  note_html = render_note (self);
  ensure_scripts (self, html);
  ensure_scripts (self, note_html);

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
  g_variant_dict_insert (&args, "hidden", "s",
                         self->answer_hidden ? _("Recall your answer, then reveal it with Space.") : "");
  g_variant_dict_insert (&args, "lang", "s", self->language ? self->language : "");
  g_variant_dict_insert (&args, "scroll", "d", self->next_scroll);
  set_scroll_offset (self, self->next_scroll);
  self->next_scroll = 0;

  call_page (self, "return llmShow(number, title, topic, html, dark, note, notesTitle, hidden, lang, scroll);",
             g_variant_dict_end (&args), FALSE);
}

static void
on_dark_changed (LlmAnswerView   *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *style_manager)
{
  apply_background (self);

  if (self->page_ready)
    webkit_web_view_call_async_javascript_function (self->web_view,
                                                    is_dark () ? "return llmSetDark(true);" : "return llmSetDark(false);", -1,
                                                    NULL, SCRIPT_WORLD, NULL, self->cancellable, NULL, NULL);
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

/* If the web process dies (out of memory, a crash), come back on the same
 * answer rather than leave a blank pane. */
static void
on_web_process_terminated (LlmAnswerView                     *self,
                           WebKitWebProcessTerminationReason  reason,
                           WebKitWebView                     *web_view)
{
  /* Handled, so not a warning: say it for whoever reads the log. */
  g_message ("The answer view's web process ended (reason %d); reloading", reason);
  self->page_ready = FALSE;
  self->katex_loaded = self->highlight_loaded = FALSE;
  self->show_pending = self->question != NULL;
  webkit_web_view_load_uri (self->web_view, PAGE_URI);
}

static void
filter_ready (LlmAnswerView            *self,
              WebKitUserContentFilter  *filter)
{
  WebKitUserContentManager *manager = webkit_web_view_get_user_content_manager (self->web_view);

  webkit_user_content_manager_add_filter (manager, filter);
  webkit_web_view_load_uri (self->web_view, PAGE_URI);
}

static void
filter_saved (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LlmAnswerView) self = user_data;
  g_autoptr(WebKitUserContentFilter) filter = NULL;
  g_autoptr(GError) error = NULL;

  filter = webkit_user_content_filter_store_save_finish (WEBKIT_USER_CONTENT_FILTER_STORE (object), result, &error);
  if (filter == NULL)
    {
      /* Without the filter, the policy still refuses remote loads; but this
       * is a layer missing, so say so. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_critical ("Could not compile the content filter: %s", error->message);
      if (!g_cancellable_is_cancelled (self->cancellable))
        webkit_web_view_load_uri (self->web_view, PAGE_URI);
      return;
    }

  filter_ready (self, filter);
}

static void
filter_loaded (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LlmAnswerView) self = user_data;
  g_autoptr(WebKitUserContentFilter) filter = NULL;
  g_autoptr(GBytes) json = NULL;

  filter = webkit_user_content_filter_store_load_finish (WEBKIT_USER_CONTENT_FILTER_STORE (object), result, NULL);
  if (filter != NULL)
    {
      filter_ready (self, filter);
      return;
    }

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  /* Not compiled yet (first start, or a new filter version). */
  json = g_bytes_new_static (content_filter_json, strlen (content_filter_json));
  webkit_user_content_filter_store_save (WEBKIT_USER_CONTENT_FILTER_STORE (object), FILTER_ID, json,
                                         self->cancellable, filter_saved, g_object_ref (self));
}

static WebKitUserScript *
user_script_from_resource (const char *path)
{
  static const char * const allow[] = { RESOURCE_PREFIX "page/*", NULL };
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *source = NULL;

  g_assert (bytes != NULL);
  source = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return webkit_user_script_new_for_world (source,
                                           WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                           WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_END,
                                           SCRIPT_WORLD, allow, NULL);
}

/* Features that would open connections before (or without) a policy
 * decision: link preconnect also runs for a clicked link's host. */
static void
disable_features (WebKitSettings *settings)
{
  static const char * const off[] = { "LinkPreconnect", "LinkDNSPrefetch", "LinkPreconnectEarlyHints", "LinkPrefetch", NULL };
  g_autoptr(WebKitFeatureList) features = webkit_settings_get_all_features ();

  for (gsize i = 0; i < webkit_feature_list_get_length (features); i++)
    {
      WebKitFeature *feature = webkit_feature_list_get (features, i);

      if (g_strv_contains (off, webkit_feature_get_identifier (feature)))
        webkit_settings_set_feature_enabled (settings, feature, FALSE);
    }
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

static WebKitWebView *
create_web_view (LlmAnswerView *self)
{
  g_autoptr(WebKitWebContext) context = webkit_web_context_new ();
  g_autoptr(WebKitNetworkSession) session = webkit_network_session_new_ephemeral ();
  g_autoptr(WebKitUserContentManager) manager = webkit_user_content_manager_new ();
  g_autoptr(WebKitSettings) settings = webkit_settings_new ();
  g_autoptr(WebKitUserScript) page = user_script_from_resource (RESOURCE_BASE "/page/page.js");
  GWeakRef *weak = g_new0 (GWeakRef, 1);

  g_weak_ref_init (weak, self);
  webkit_web_context_register_uri_scheme (context, "app", handle_app_scheme, weak, weak_ref_free);
  webkit_web_context_set_cache_model (context, WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER);

  webkit_settings_set_enable_javascript (settings, TRUE);
  webkit_settings_set_enable_javascript_markup (settings, FALSE);
  webkit_settings_set_javascript_can_open_windows_automatically (settings, FALSE);
  webkit_settings_set_enable_html5_database (settings, FALSE);
  webkit_settings_set_enable_html5_local_storage (settings, FALSE);
  webkit_settings_set_enable_media (settings, FALSE);
  webkit_settings_set_enable_webaudio (settings, FALSE);
  webkit_settings_set_enable_webgl (settings, FALSE);
  webkit_settings_set_enable_page_cache (settings, FALSE);
  webkit_settings_set_enable_back_forward_navigation_gestures (settings, FALSE);
  webkit_settings_set_enable_developer_extras (settings, g_getenv ("LLM_NOTES_DEVTOOLS") != NULL);
  disable_features (settings);
  if (llm_gl_probe_is_software ())
    webkit_settings_set_hardware_acceleration_policy (settings, WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER);

  webkit_user_content_manager_add_script (manager, page);
  /* Only the app's isolated world can post to it, never the page's. */
  webkit_user_content_manager_register_script_message_handler (manager, "llmCopy", SCRIPT_WORLD);
  g_signal_connect_object (manager, "script-message-received::llmCopy",
                           G_CALLBACK (on_copy_message), self, G_CONNECT_SWAPPED);
  webkit_user_content_manager_register_script_message_handler (manager, "llmScroll", SCRIPT_WORLD);
  g_signal_connect_object (manager, "script-message-received::llmScroll",
                           G_CALLBACK (on_scroll_message), self, G_CONNECT_SWAPPED);

  return g_object_new (WEBKIT_TYPE_WEB_VIEW,
                       "web-context", context,
                       "network-session", session,
                       "user-content-manager", manager,
                       "settings", settings,
                       "default-content-security-policy", content_security_policy,
                       "hexpand", TRUE,
                       "vexpand", TRUE,
                       NULL);
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

/* Actions ----------------------------------------------------------------- */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  LlmAnswerView *self = LLM_ANSWER_VIEW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    if (zoom_steps[i] > self->zoom_level + 0.001)
      {
        llm_answer_view_set_zoom_level (self, zoom_steps[i]);
        return;
      }
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  LlmAnswerView *self = LLM_ANSWER_VIEW (widget);

  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    if (zoom_steps[i - 1] < self->zoom_level - 0.001)
      {
        llm_answer_view_set_zoom_level (self, zoom_steps[i - 1]);
        return;
      }
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  llm_answer_view_set_zoom_level (LLM_ANSWER_VIEW (widget), 1.0);
}

static void
update_zoom_actions (LlmAnswerView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "answer.zoom-in",
                                 self->zoom_level < zoom_steps[G_N_ELEMENTS (zoom_steps) - 1] - 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "answer.zoom-out",
                                 self->zoom_level > zoom_steps[0] + 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "answer.zoom-reset",
                                 !G_APPROX_VALUE (self->zoom_level, 1.0, 0.001));
}

/* GObject ----------------------------------------------------------------- */

static void
llm_answer_view_dispose (GObject *object)
{
  LlmAnswerView *self = (LlmAnswerView *)object;

  g_cancellable_cancel (self->cancellable);
  _llm_answer_view_a11y_dispose (self);
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

  gtk_widget_class_install_action (widget_class, "answer.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "answer.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "answer.zoom-reset", NULL, zoom_reset_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "answerview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DOCUMENT);
}

static void
llm_answer_view_init (LlmAnswerView *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autofree char *store_path = NULL;
  g_autoptr(WebKitUserContentFilterStore) store = NULL;

  self->zoom_level = 1.0;
  self->cancellable = g_cancellable_new ();

  self->web_view = create_web_view (self);
  llm_web_memory_prepare (self->web_view);
  gtk_widget_set_parent (GTK_WIDGET (self->web_view), GTK_WIDGET (self));
  unfocus_key_binding_translator (self->web_view);

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
  {
    GtkEventController *motion = gtk_event_controller_motion_new ();

    g_signal_connect_object (motion, "leave", G_CALLBACK (on_pointer_left), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self), motion);
  }
  apply_background (self);

  g_signal_connect_object (self->web_view, "decide-policy",
                           G_CALLBACK (on_decide_policy), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "mouse-target-changed",
                           G_CALLBACK (on_mouse_target_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "context-menu",
                           G_CALLBACK (on_context_menu), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "load-changed",
                           G_CALLBACK (on_load_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "web-process-terminated",
                           G_CALLBACK (on_web_process_terminated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (style_manager, "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);

  update_zoom_actions (self);
  _llm_answer_view_a11y_init (self);

  /* The page loads only once the filter is in place, so not even the
   * first answer can reach the network. */
  store_path = g_build_filename (g_get_user_cache_dir (), APP_ID, "content-filters", NULL);
  store = webkit_user_content_filter_store_new (store_path);
  webkit_user_content_filter_store_load (store, FILTER_ID, self->cancellable,
                                         filter_loaded, g_object_ref (self));
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
  g_autofree char *note_html = NULL;
  GVariantDict args;

  g_return_if_fail (LLM_IS_ANSWER_VIEW (self));

  if (g_strcmp0 (self->note, note) == 0)
    return;

  g_free (self->note);
  self->note = g_strdup (note);
  self->serial++;

  if (!self->page_ready)
    {
      self->show_pending = self->question != NULL;
      return;
    }

  note_html = render_note (self);
  ensure_scripts (self, note_html);
  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "note", "s", note_html);
  g_variant_dict_insert (&args, "notesTitle", "s", _("My Notes"));

  call_page (self, "return llmSetNote(note, notesTitle);",
             g_variant_dict_end (&args), TRUE);
}

/**
 * llm_answer_view_set_find_text:
 * @text: (nullable): what to highlight in the answers shown from now on
 *
 * Highlights @text (case-insensitively) in the page; the highlight is made
 * again each time an answer is swapped in, until it is set to %NULL.
 */
void
llm_answer_view_set_find_text (LlmAnswerView *self,
                               const char    *text)
{
  g_return_if_fail (LLM_IS_ANSWER_VIEW (self));

  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (g_strcmp0 (self->find_text, text) == 0)
    return;

  g_free (self->find_text);
  self->find_text = g_strdup (text);

  if (text == NULL)
    set_matches (self, 0, 0);
  /* Otherwise the next answer swapped in is searched. */
  if (self->page_ready && !self->show_pending)
    find_in_page (self, "return llmFind(needle, false);",
                  g_variant_new_parsed ("{'needle': <%s>}", text ? text : ""));
}

/**
 * llm_answer_view_find_next:
 * @forward: %FALSE to step back
 *
 * Steps to the next (or previous) highlighted match, round the ends, and
 * scrolls it into view.
 */
void
llm_answer_view_find_next (LlmAnswerView *self,
                           gboolean       forward)
{
  g_return_if_fail (LLM_IS_ANSWER_VIEW (self));

  if (self->find_text == NULL || !self->page_ready)
    return;

  find_in_page (self, forward ? "return llmFindStep(1);" : "return llmFindStep(-1);", NULL);
}

guint
llm_answer_view_get_n_matches (LlmAnswerView *self)
{
  g_return_val_if_fail (LLM_IS_ANSWER_VIEW (self), 0);

  return self->n_matches;
}

/**
 * llm_answer_view_get_current_match:
 *
 * Returns: which of the matches is the current one, from 1; 0 with none
 */
guint
llm_answer_view_get_current_match (LlmAnswerView *self)
{
  g_return_val_if_fail (LLM_IS_ANSWER_VIEW (self), 0);

  return self->current_match;
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
  g_return_if_fail (LLM_IS_ANSWER_VIEW (self));

  hidden = !!hidden;
  if (self->answer_hidden == hidden)
    return;

  self->answer_hidden = hidden;
  if (!self->page_ready || self->show_pending)
    return;

  self->serial++;
  call_page (self, hidden ? "return llmHideAnswer();" : "return llmRevealAnswer();",
             NULL, TRUE);
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
  call_page (self, "return llmShowKeyPoints(texts, flags, title, coveredLabel, missedLabel);",
             g_variant_dict_end (&args), TRUE);
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

  zoom_level = CLAMP (zoom_level, zoom_steps[0], zoom_steps[G_N_ELEMENTS (zoom_steps) - 1]);
  if (G_APPROX_VALUE (self->zoom_level, zoom_level, 0.001))
    return;

  self->zoom_level = zoom_level;
  webkit_web_view_set_zoom_level (self->web_view, zoom_level);
  update_zoom_actions (self);
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
