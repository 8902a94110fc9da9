/* llm-answer-page.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "llm-answer-page.h"
#include "llm-collection.h"
#include "llm-gl-probe.h"
#include "llm-typesetter.h"
#include "llm-web-memory.h"

/* What every answer view of the process shares: one web context with the
 * app:// scheme, one ephemeral network session, one set of web settings,
 * the compiled content filter and the page's scripts. One context means
 * one network process and one scheme handler for every window; each view
 * keeps only its own user content manager (a script message names no
 * view) and the collection its images come from, which the scheme handler
 * finds from the request's web view.
 *
 * Notes come from anywhere, so the page is locked down in layers (see the
 * README's security section), each meant to hold alone: no script from
 * content runs (JavaScript markup is off; only the app's own isolated
 * world has scripts), a content security policy allows nothing but the
 * app's own scheme, a content filter blocks every remote scheme, the
 * scheme serves only the page, KaTeX and the open collection's files, and
 * the answer view refuses any navigation away from the page. */

#define RESOURCE_PREFIX "app://llm/"
#define FILTER_ID       "llm-block-remote-1"

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

/* The user scripts of the page's world, in order: typeset.js uses the
 * options, page.js both. The options are the HTML export's too, from the
 * core's resources. */
static const char * const page_scripts[] = {
  RESOURCE_BASE "/export/katex-options.js",
  RESOURCE_BASE "/page/typeset.js",
  RESOURCE_BASE "/page/page.js",
};

/* What app://llm/ serves: the page and KaTeX from the app's resources,
 * and the colours it shares with the HTML export from the core's; not the
 * .ui files or the bundled notes. */
static const char * const served_prefixes[] = { "/page/", "/katex/" };
static const char * const served_shared[] = { "/export/palette.css" };

typedef enum
{
  LIBRARY_KATEX,
  LIBRARY_HIGHLIGHT,
} Library;

static const char * const library_paths[] = {
  [LIBRARY_KATEX] = RESOURCE_BASE "/katex/katex.min.js",
  [LIBRARY_HIGHLIGHT] = RESOURCE_BASE "/highlight/highlight.min.js",
};

struct _LlmAnswerPage
{
  GObject parent_instance;

  WebKitWebContext *context;
  WebKitNetworkSession *session;
  WebKitSettings *settings;
  GPtrArray *scripts;              /* WebKitUserScript */
  WebKitUserContentFilter *filter; /* NULL if it could not be compiled */
  GPtrArray *waiting;              /* GWeakRef to views waiting for it */
  guint n_collections;             /* collections given to views so far */

  guint filter_requested : 1;
  guint filter_done : 1;
};

G_DEFINE_FINAL_TYPE (LlmAnswerPage, llm_answer_page, G_TYPE_OBJECT)

/* What the page keeps for each web view it made. */
typedef struct
{
  LlmCollection *collection;  /* whose files LLM_ANSWER_PAGE_FILES serves */
  guint collection_number;    /* its number, see llm_answer_page_file_uri() */
  GCancellable *cancellable;  /* the view's reads; cancelled when it goes */
  guint filter_added : 1;
  guint libraries_loaded;     /* a bit per Library, for this page load */
} ViewState;

static GQuark
view_state_quark (void)
{
  return g_quark_from_static_string ("llm-answer-page-view-state");
}

static void
view_state_free (gpointer data)
{
  ViewState *state = data;

  g_cancellable_cancel (state->cancellable);
  g_clear_object (&state->cancellable);
  g_clear_object (&state->collection);
  g_free (state);
}

static ViewState *
get_view_state (WebKitWebView *web_view)
{
  return web_view != NULL ? g_object_get_qdata (G_OBJECT (web_view), view_state_quark ()) : NULL;
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

static gboolean
is_served_resource (const char *path)
{
  if (strstr (path, "..") != NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (served_prefixes); i++)
    if (g_str_has_prefix (path, served_prefixes[i]))
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (served_shared); i++)
    if (g_str_equal (path, served_shared[i]))
      return TRUE;

  return FALSE;
}

static void
serve_resource (WebKitURISchemeRequest *request)
{
  const char *path = webkit_uri_scheme_request_get_path (request);
  g_autofree char *resource = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!is_served_resource (path))
    {
      finish_not_found (request);
      return;
    }

  resource = g_strconcat (RESOURCE_BASE, path, NULL);
  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    finish_not_found (request);
  else
    finish_with_bytes (request, bytes, path);
}

/* Serves the page and KaTeX from the resources, and files from inside the
 * folder of the collection the requesting view shows; nothing else. Which
 * view asks comes with the request, so two windows on two collections
 * never see each other's files. */
static void
handle_app_scheme (WebKitURISchemeRequest *request,
                   gpointer                user_data)
{
  ViewState *state = get_view_state (webkit_uri_scheme_request_get_web_view (request));
  const char *uri = webkit_uri_scheme_request_get_uri (request);
  g_autoptr(GFile) file = NULL;

  if (state == NULL)
    {
      finish_not_found (request);
      return;
    }

  if (g_str_has_prefix (uri, RESOURCE_PREFIX))
    {
      serve_resource (request);
      return;
    }

  if (state->collection != NULL && g_str_has_prefix (uri, LLM_ANSWER_PAGE_FILES))
    {
      g_autofree char *path = g_uri_unescape_segment (uri + strlen (LLM_ANSWER_PAGE_FILES),
                                                      strpbrk (uri, "?#"), NULL);

      file = llm_collection_resolve_path (state->collection, path);
    }
  if (file == NULL)
    {
      finish_not_found (request);
      return;
    }

  g_file_load_contents_async (file, state->cancellable, collection_file_loaded,
                              g_object_ref (request));
}

/* Set-up ------------------------------------------------------------------ */

/* The process's one web context. Whatever concerns the web processes as a
 * whole (their cache, their memory) is set here, once.
 *
 * The cache model keeps the images a page decoded. With none kept
 * (WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER), each return to an answer with a
 * figure fetched and decoded it again, and the web process never gave
 * that memory back: going back and forth between the bundled notes' first
 * two answers (the second has an SVG figure) grew it 213 → 282 MB over
 * 1,000 switches, against 213 → 222 MB with the figure kept, the same as
 * between two answers without one (one run each); over the benchmark's
 * 1,000 switches through all the answers, 228–252 MB (median 245, six
 * runs) against 226–236 MB (median 233, five runs; `bench.py --only
 * memory`, `meson test --benchmark` and a probe of the same). The page
 * cache, the other thing this model turns on, stays off
 * (create_settings()); what keeps a figure from another collection from
 * being shown is the collection's number in its URI (see
 * llm_answer_page_file_uri()). */
static WebKitWebContext *
create_web_context (void)
{
  WebKitWebContext *context = webkit_web_context_new ();

  webkit_web_context_set_cache_model (context, WEBKIT_CACHE_MODEL_DOCUMENT_BROWSER);
  llm_web_memory_prepare_context (context);

  return context;
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

static WebKitSettings *
create_settings (void)
{
  WebKitSettings *settings = webkit_settings_new ();

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

  return settings;
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
                                           LLM_ANSWER_PAGE_WORLD, allow, NULL);
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* Content filter ----------------------------------------------------------- */

static void
add_filter_and_load (LlmAnswerPage *self,
                     WebKitWebView *web_view)
{
  ViewState *state = get_view_state (web_view);

  if (self->filter != NULL && !state->filter_added)
    {
      webkit_user_content_manager_add_filter (webkit_web_view_get_user_content_manager (web_view),
                                              self->filter);
      state->filter_added = TRUE;
    }

  /* A new page, a new script world: the libraries come again as needed. */
  state->libraries_loaded = 0;
  webkit_web_view_load_uri (web_view, LLM_ANSWER_PAGE_URI);
}

static void
filter_done (LlmAnswerPage           *self,
             WebKitUserContentFilter *filter)
{
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->waiting);

  self->filter = filter != NULL ? webkit_user_content_filter_ref (filter) : NULL;
  self->filter_done = TRUE;
  self->waiting = g_ptr_array_new_with_free_func (weak_ref_free);

  for (guint i = 0; i < waiting->len; i++)
    {
      g_autoptr(WebKitWebView) web_view = g_weak_ref_get (g_ptr_array_index (waiting, i));

      if (web_view != NULL)
        add_filter_and_load (self, web_view);
    }
}

static void
filter_saved (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LlmAnswerPage) self = user_data;
  g_autoptr(WebKitUserContentFilter) filter = NULL;
  g_autoptr(GError) error = NULL;

  filter = webkit_user_content_filter_store_save_finish (WEBKIT_USER_CONTENT_FILTER_STORE (object), result, &error);
  /* Without the filter, the policy still refuses remote loads; but this
   * is a layer missing, so say so. */
  if (filter == NULL)
    g_critical ("Could not compile the content filter: %s", error->message);

  filter_done (self, filter);
}

static void
filter_loaded (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LlmAnswerPage) self = user_data;
  g_autoptr(WebKitUserContentFilter) filter = NULL;
  g_autoptr(GBytes) json = NULL;

  filter = webkit_user_content_filter_store_load_finish (WEBKIT_USER_CONTENT_FILTER_STORE (object), result, NULL);
  if (filter != NULL)
    {
      filter_done (self, filter);
      return;
    }

  /* Not compiled yet (first start, or a new filter version). */
  json = g_bytes_new_static (content_filter_json, strlen (content_filter_json));
  webkit_user_content_filter_store_save (WEBKIT_USER_CONTENT_FILTER_STORE (object), FILTER_ID, json,
                                         NULL, filter_saved, g_steal_pointer (&self));
}

static void
request_filter (LlmAnswerPage *self)
{
  g_autofree char *store_path = g_build_filename (g_get_user_cache_dir (), APP_ID, "content-filters", NULL);
  g_autoptr(WebKitUserContentFilterStore) store = webkit_user_content_filter_store_new (store_path);

  self->filter_requested = TRUE;
  webkit_user_content_filter_store_load (store, FILTER_ID, NULL, filter_loaded, g_object_ref (self));
}

/* GObject ------------------------------------------------------------------ */

static void
llm_answer_page_finalize (GObject *object)
{
  LlmAnswerPage *self = (LlmAnswerPage *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->scripts, g_ptr_array_unref);
  g_clear_pointer (&self->filter, webkit_user_content_filter_unref);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);

  G_OBJECT_CLASS (llm_answer_page_parent_class)->finalize (object);
}

static void
llm_answer_page_class_init (LlmAnswerPageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = llm_answer_page_finalize;
}

static void
llm_answer_page_init (LlmAnswerPage *self)
{
  self->context = create_web_context ();
  /* Do not register app: as local: that would open file:// to the page. */
  webkit_web_context_register_uri_scheme (self->context, "app", handle_app_scheme, NULL, NULL);
  self->session = webkit_network_session_new_ephemeral ();
  self->settings = create_settings ();

  self->scripts = g_ptr_array_new_with_free_func ((GDestroyNotify)webkit_user_script_unref);
  for (guint i = 0; i < G_N_ELEMENTS (page_scripts); i++)
    g_ptr_array_add (self->scripts, user_script_from_resource (page_scripts[i]));

  self->waiting = g_ptr_array_new_with_free_func (weak_ref_free);
}

/**
 * llm_answer_page_get_default:
 *
 * Returns: (transfer none): the answer page of the process, made on first
 *   use and kept to its end
 */
LlmAnswerPage *
llm_answer_page_get_default (void)
{
  static LlmAnswerPage *page;

  if (page == NULL)
    page = g_object_new (LLM_TYPE_ANSWER_PAGE, NULL);

  return page;
}

/**
 * llm_answer_page_create_view:
 *
 * Makes a web view on the shared context, with the page's settings,
 * policy and scripts, and the script message handlers "llmCopy" and
 * "llmScroll" of the app's world (the page's own world cannot post to
 * them). It shows nothing until llm_answer_page_load().
 *
 * Returns: (transfer floating): a new web view
 */
WebKitWebView *
llm_answer_page_create_view (LlmAnswerPage *self)
{
  g_autoptr(WebKitUserContentManager) manager = webkit_user_content_manager_new ();
  WebKitWebView *web_view;
  ViewState *state;

  g_return_val_if_fail (LLM_IS_ANSWER_PAGE (self), NULL);

  for (guint i = 0; i < self->scripts->len; i++)
    webkit_user_content_manager_add_script (manager, g_ptr_array_index (self->scripts, i));
  webkit_user_content_manager_register_script_message_handler (manager, "llmCopy", LLM_ANSWER_PAGE_WORLD);
  webkit_user_content_manager_register_script_message_handler (manager, "llmScroll", LLM_ANSWER_PAGE_WORLD);

  web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                           "web-context", self->context,
                           "network-session", self->session,
                           "user-content-manager", manager,
                           "settings", self->settings,
                           "default-content-security-policy", content_security_policy,
                           NULL);

  state = g_new0 (ViewState, 1);
  state->cancellable = g_cancellable_new ();
  g_object_set_qdata_full (G_OBJECT (web_view), view_state_quark (), state, view_state_free);
  /* A view being destroyed waits for no image. */
  g_signal_connect_swapped (web_view, "destroy", G_CALLBACK (g_cancellable_cancel), state->cancellable);

  return web_view;
}

/**
 * llm_answer_page_load:
 * @web_view: a view from llm_answer_page_create_view()
 *
 * Loads the page into @web_view (again, after its web process ended),
 * once the content filter is in place: not even the first answer can
 * reach the network.
 */
void
llm_answer_page_load (LlmAnswerPage *self,
                      WebKitWebView *web_view)
{
  GWeakRef *weak;

  g_return_if_fail (LLM_IS_ANSWER_PAGE (self));
  g_return_if_fail (get_view_state (web_view) != NULL);

  /* Each load starts a web process: the first, or one after an end. */
  llm_web_memory_prepare (web_view);

  if (self->filter_done)
    {
      add_filter_and_load (self, web_view);
      return;
    }

  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, web_view);
  g_ptr_array_add (self->waiting, weak);
  if (!self->filter_requested)
    request_filter (self);
}

/**
 * llm_answer_page_set_collection:
 * @web_view: a view from llm_answer_page_create_view()
 * @collection: (nullable): the collection @web_view shows
 *
 * From now on LLM_ANSWER_PAGE_FILES URIs of @web_view are files of
 * @collection's folder.
 */
void
llm_answer_page_set_collection (LlmAnswerPage *self,
                                WebKitWebView *web_view,
                                LlmCollection *collection)
{
  ViewState *state = get_view_state (web_view);

  g_return_if_fail (LLM_IS_ANSWER_PAGE (self));
  g_return_if_fail (state != NULL);
  g_return_if_fail (collection == NULL || LLM_IS_COLLECTION (collection));

  if (g_set_object (&state->collection, collection))
    state->collection_number = ++self->n_collections;
}

/**
 * llm_answer_page_get_collection_number:
 * @web_view: a view from llm_answer_page_create_view()
 *
 * Returns: the number the page gave the collection @web_view shows, a new
 *   one for each collection, for llm_answer_page_file_uri()
 */
guint
llm_answer_page_get_collection_number (LlmAnswerPage *self,
                                       WebKitWebView *web_view)
{
  ViewState *state = get_view_state (web_view);

  g_return_val_if_fail (LLM_IS_ANSWER_PAGE (self), 0);
  g_return_val_if_fail (state != NULL, 0);

  return state->collection_number;
}

/* KaTeX (270 KB) and highlight.js (830 KB, every language) go into the
 * page's script world only once an answer or note needs them: loaded with
 * the page, they cost ~14 MB in the web process and ~3 MB in this one
 * (measured with tests/bench), and many collections have no math or code. */
static void
load_library (WebKitWebView *web_view,
              ViewState     *state,
              Library        library)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *source;
  gsize size;

  if (state->libraries_loaded & (1u << library))
    return;

  bytes = g_resources_lookup_data (library_paths[library], G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (bytes != NULL);
  /* Resource data stays mapped for the life of the program: no copy. */
  source = g_bytes_get_data (bytes, &size);
  webkit_web_view_evaluate_javascript (web_view, source, size, LLM_ANSWER_PAGE_WORLD, NULL,
                                       state->cancellable, NULL, NULL);
  state->libraries_loaded |= 1u << library;
}

/**
 * llm_answer_page_prepare:
 * @web_view: a view from llm_answer_page_create_view()
 * @html: (nullable): a fragment from the renderer about to be shown
 *
 * Loads into @web_view's page what @html needs, once per page load: KaTeX
 * for math the typesetting helper left (llm-typesetter.c), highlight.js
 * for code with a language. A page call made after this one runs after
 * the libraries.
 */
void
llm_answer_page_prepare (LlmAnswerPage *self,
                         WebKitWebView *web_view,
                         const char    *html)
{
  ViewState *state = get_view_state (web_view);

  g_return_if_fail (LLM_IS_ANSWER_PAGE (self));
  g_return_if_fail (state != NULL);

  if (html == NULL)
    return;

  /* What the typesetting helper did not typeset, the page does. */
  if (llm_typesetter_has_formulas (html))
    load_library (web_view, state, LIBRARY_KATEX);
  if (strstr (html, "<code class=\"language-") != NULL)
    load_library (web_view, state, LIBRARY_HIGHLIGHT);
}

/**
 * llm_answer_page_file_uri:
 * @path: a path inside the collection's folder, as
 *   llm_collection_resolve_embed() gives it
 * @collection_number: the collection's number in the page, from
 *   llm_answer_page_get_collection_number()
 *
 * The web context keeps decoded images by URI (see create_web_context()),
 * but app://collection/figure.png is whichever figure.png the view's
 * collection has: the next collection opened in the same page, or a
 * collection reloaded after a change on disk, must not get the one kept.
 * So the URI carries the collection's number,
 * "app://collection/figure.png?c=3", a query the scheme handler ignores
 * (handle_app_scheme()); the path's own '?' and '#' are escaped.
 *
 * Returns: (transfer full): the URI the page loads the file by
 */
char *
llm_answer_page_file_uri (const char *path,
                          guint       collection_number)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  escaped = g_uri_escape_string (path, "/", FALSE);
  return g_strdup_printf (LLM_ANSWER_PAGE_FILES "%s?c=%u", escaped, collection_number);
}
