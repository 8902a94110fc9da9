/* llm-bookmarks.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "llm-bookmarks.h"

/* Bookmarked question ids, kept in the GSettings key "bookmarks". Ids come
 * from titles, not positions, so bookmarks survive renumbering; an id whose
 * question is gone stays here until the user removes it. */
struct _LlmBookmarks
{
  GObject parent_instance;

  GSettings *settings;
  GHashTable *ids;
};

G_DEFINE_FINAL_TYPE (LlmBookmarks, llm_bookmarks, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Another window, or dconf itself, may change the key: reread it and
 * report each id whose state flipped. */
static void
on_settings_changed (LlmBookmarks *self,
                     const char   *key,
                     GSettings    *settings)
{
  g_autoptr(GHashTable) old = g_steal_pointer (&self->ids);
  g_auto(GStrv) ids = g_settings_get_strv (settings, "bookmarks");
  GHashTableIter iter;
  const char *id;

  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; ids[i]; i++)
    g_hash_table_add (self->ids, g_strdup (ids[i]));

  for (guint i = 0; ids[i]; i++)
    if (!g_hash_table_contains (old, ids[i]))
      g_signal_emit (self, signals[CHANGED], 0, ids[i]);

  g_hash_table_iter_init (&iter, old);
  while (g_hash_table_iter_next (&iter, (gpointer *)&id, NULL))
    if (!g_hash_table_contains (self->ids, id))
      g_signal_emit (self, signals[CHANGED], 0, id);
}

static void
llm_bookmarks_finalize (GObject *object)
{
  LlmBookmarks *self = (LlmBookmarks *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->ids, g_hash_table_unref);

  G_OBJECT_CLASS (llm_bookmarks_parent_class)->finalize (object);
}

static void
llm_bookmarks_class_init (LlmBookmarksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llm_bookmarks_finalize;

  /**
   * LlmBookmarks::changed:
   * @id: the question id whose bookmark was added or removed
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
llm_bookmarks_init (LlmBookmarks *self)
{
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

LlmBookmarks *
llm_bookmarks_new (GSettings *settings)
{
  LlmBookmarks *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LLM_TYPE_BOOKMARKS, NULL);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed::bookmarks",
                           G_CALLBACK (on_settings_changed), self, G_CONNECT_SWAPPED);
  on_settings_changed (self, "bookmarks", settings);

  return self;
}

gboolean
llm_bookmarks_contains (LlmBookmarks *self,
                        const char   *id)
{
  g_return_val_if_fail (LLM_IS_BOOKMARKS (self), FALSE);

  return id != NULL && g_hash_table_contains (self->ids, id);
}

/* Appends or removes @id in the stored list, keeping the order in which
 * bookmarks were added. */
void
llm_bookmarks_set (LlmBookmarks *self,
                   const char   *id,
                   gboolean      bookmarked)
{
  g_auto(GStrv) ids = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) updated = NULL;

  g_return_if_fail (LLM_IS_BOOKMARKS (self));
  g_return_if_fail (id != NULL);

  if (llm_bookmarks_contains (self, id) == !!bookmarked)
    return;

  ids = g_settings_get_strv (self->settings, "bookmarks");
  builder = g_strv_builder_new ();
  for (guint i = 0; ids[i]; i++)
    if (!g_str_equal (ids[i], id))
      g_strv_builder_add (builder, ids[i]);
  if (bookmarked)
    g_strv_builder_add (builder, id);

  updated = g_strv_builder_end (builder);
  /* The "changed" handler updates the set and emits for us. */
  g_settings_set_strv (self->settings, "bookmarks", (const char * const *)updated);
}

void
llm_bookmarks_toggle (LlmBookmarks *self,
                      const char   *id)
{
  g_return_if_fail (LLM_IS_BOOKMARKS (self));

  llm_bookmarks_set (self, id, !llm_bookmarks_contains (self, id));
}

/**
 * llm_bookmarks_dup_ids:
 *
 * Returns: (transfer full): the bookmarked ids, oldest first
 */
char **
llm_bookmarks_dup_ids (LlmBookmarks *self)
{
  g_return_val_if_fail (LLM_IS_BOOKMARKS (self), NULL);

  return g_settings_get_strv (self->settings, "bookmarks");
}

guint
llm_bookmarks_get_count (LlmBookmarks *self)
{
  g_return_val_if_fail (LLM_IS_BOOKMARKS (self), 0);

  return g_hash_table_size (self->ids);
}
