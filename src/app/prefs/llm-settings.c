/* llm-settings.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "llm-settings.h"

/* The app's preferences as one object with properties, bound to GSettings.
 * Widgets bind to these properties, and tests hand the window their own
 * instance over the memory backend. */
struct _LlmSettings
{
  GObject parent_instance;

  GSettings *settings;

  double zoom;
  char *last_question;
  int window_width;
  int window_height;
  gboolean window_maximized;
  int sidebar_width;
  char *color_scheme;
};

G_DEFINE_FINAL_TYPE (LlmSettings, llm_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_LAST_QUESTION,
  PROP_WINDOW_WIDTH,
  PROP_WINDOW_HEIGHT,
  PROP_WINDOW_MAXIMIZED,
  PROP_SIDEBAR_WIDTH,
  PROP_COLOR_SCHEME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_int (LlmSettings *self,
         int         *field,
         int          value,
         guint        prop)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
llm_settings_finalize (GObject *object)
{
  LlmSettings *self = (LlmSettings *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->last_question, g_free);
  g_clear_pointer (&self->color_scheme, g_free);

  G_OBJECT_CLASS (llm_settings_parent_class)->finalize (object);
}

static void
llm_settings_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LlmSettings *self = LLM_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_LAST_QUESTION:
      g_value_set_string (value, self->last_question);
      break;

    case PROP_WINDOW_WIDTH:
      g_value_set_int (value, self->window_width);
      break;

    case PROP_WINDOW_HEIGHT:
      g_value_set_int (value, self->window_height);
      break;

    case PROP_WINDOW_MAXIMIZED:
      g_value_set_boolean (value, self->window_maximized);
      break;

    case PROP_SIDEBAR_WIDTH:
      g_value_set_int (value, self->sidebar_width);
      break;

    case PROP_COLOR_SCHEME:
      g_value_set_string (value, self->color_scheme);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llm_settings_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LlmSettings *self = LLM_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      llm_settings_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_LAST_QUESTION:
      llm_settings_set_last_question (self, g_value_get_string (value));
      break;

    case PROP_WINDOW_WIDTH:
      set_int (self, &self->window_width, g_value_get_int (value), prop_id);
      break;

    case PROP_WINDOW_HEIGHT:
      set_int (self, &self->window_height, g_value_get_int (value), prop_id);
      break;

    case PROP_WINDOW_MAXIMIZED:
      if (self->window_maximized != g_value_get_boolean (value))
        {
          self->window_maximized = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_SIDEBAR_WIDTH:
      set_int (self, &self->sidebar_width, g_value_get_int (value), prop_id);
      break;

    case PROP_COLOR_SCHEME:
      if (g_strcmp0 (self->color_scheme, g_value_get_string (value)) != 0)
        {
          g_free (self->color_scheme);
          self->color_scheme = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llm_settings_class_init (LlmSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = llm_settings_finalize;
  object_class->get_property = llm_settings_get_property;
  object_class->set_property = llm_settings_set_property;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.5, 3.0, 1.0, flags);
  properties[PROP_LAST_QUESTION] =
    g_param_spec_string ("last-question", NULL, NULL, NULL, flags);
  properties[PROP_WINDOW_WIDTH] =
    g_param_spec_int ("window-width", NULL, NULL, 0, G_MAXINT, 1100, flags);
  properties[PROP_WINDOW_HEIGHT] =
    g_param_spec_int ("window-height", NULL, NULL, 0, G_MAXINT, 720, flags);
  properties[PROP_WINDOW_MAXIMIZED] =
    g_param_spec_boolean ("window-maximized", NULL, NULL, FALSE, flags);
  properties[PROP_SIDEBAR_WIDTH] =
    g_param_spec_int ("sidebar-width", NULL, NULL, 0, G_MAXINT, 320, flags);
  properties[PROP_COLOR_SCHEME] =
    g_param_spec_string ("color-scheme", NULL, NULL, "default", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
llm_settings_init (LlmSettings *self)
{
  self->settings = g_settings_new (APP_ID);

  g_settings_bind (self->settings, "zoom", self, "zoom", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "last-question", self, "last-question", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-width", self, "window-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "window-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "window-maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sidebar-width", self, "sidebar-width", G_SETTINGS_BIND_DEFAULT);
  /* An enum key is stored as its nick, so it binds to a string. */
  g_settings_bind (self->settings, "color-scheme", self, "color-scheme", G_SETTINGS_BIND_DEFAULT);
}

LlmSettings *
llm_settings_new (void)
{
  return g_object_new (LLM_TYPE_SETTINGS, NULL);
}

/**
 * llm_settings_get_gsettings:
 *
 * Returns: (transfer none): the GSettings behind these settings
 */
GSettings *
llm_settings_get_gsettings (LlmSettings *self)
{
  g_return_val_if_fail (LLM_IS_SETTINGS (self), NULL);

  return self->settings;
}

double
llm_settings_get_zoom (LlmSettings *self)
{
  g_return_val_if_fail (LLM_IS_SETTINGS (self), 1.0);

  return self->zoom;
}

void
llm_settings_set_zoom (LlmSettings *self,
                       double       zoom)
{
  g_return_if_fail (LLM_IS_SETTINGS (self));

  zoom = CLAMP (zoom, 0.5, 3.0);
  if (G_APPROX_VALUE (self->zoom, zoom, 0.001))
    return;

  self->zoom = zoom;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

const char *
llm_settings_get_last_question (LlmSettings *self)
{
  g_return_val_if_fail (LLM_IS_SETTINGS (self), NULL);

  return self->last_question;
}

void
llm_settings_set_last_question (LlmSettings *self,
                                const char  *id)
{
  g_return_if_fail (LLM_IS_SETTINGS (self));

  if (g_strcmp0 (self->last_question, id) == 0)
    return;

  g_free (self->last_question);
  self->last_question = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_QUESTION]);
}

/**
 * llm_settings_apply_fsrs_parameters:
 *
 * Makes @study schedule with the parameters in @gsettings' key
 * `fsrs-parameters`, or the defaults when it is empty.
 */
void
llm_settings_apply_fsrs_parameters (GSettings *gsettings,
                                    LlmStudy  *study)
{
  g_autoptr(GVariant) value = NULL;
  const double *w;
  gsize n = 0;

  g_return_if_fail (G_IS_SETTINGS (gsettings));
  g_return_if_fail (LLM_IS_STUDY (study));

  value = g_settings_get_value (gsettings, "fsrs-parameters");
  w = g_variant_get_fixed_array (value, &n, sizeof (double));
  llm_study_set_weights (study, w, n);
}
