/* llm-collection-places.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "llm-collection-places.h"

/* Where the reader was in each collection: the question last shown and
 * how far its answer was scrolled, kept in the "collection-places" key
 * (a{s(sd)}: the collection's URI, "" for the bundled notes). The most
 * recent place comes first and the list stops at PLACES_MAX, as the
 * recent list does, so the key never grows without bound. */

#define PLACES_MAX 20

/**
 * llm_collection_places_lookup:
 * @collection: the collection's URI, or "" for the bundled notes
 * @question_id: (out) (transfer full): the question last shown there
 * @scroll_offset: (out): how far its answer was scrolled
 *
 * Returns: whether @collection has a place
 */
gboolean
llm_collection_places_lookup (GSettings   *settings,
                              const char  *collection,
                              char       **question_id,
                              double      *scroll_offset)
{
  g_autoptr(GVariant) places = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (collection != NULL, FALSE);

  *question_id = NULL;
  *scroll_offset = 0;
  places = g_settings_get_value (settings, "collection-places");

  return g_variant_lookup (places, collection, "(sd)", question_id, scroll_offset);
}

void
llm_collection_places_remember (GSettings  *settings,
                                const char *collection,
                                const char *question_id,
                                double      scroll_offset)
{
  g_autoptr(GVariant) places = NULL;
  g_autofree char *old_id = NULL;
  double old_offset = 0;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  GVariant *place;
  guint n = 1;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (collection != NULL);
  g_return_if_fail (question_id != NULL);

  /* Scrolling writes often; an unchanged place is not written again. */
  if (llm_collection_places_lookup (settings, collection, &old_id, &old_offset) &&
      g_str_equal (old_id, question_id) && old_offset == scroll_offset)
    return;

  places = g_settings_get_value (settings, "collection-places");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{s(sd)}"));
  g_variant_builder_add (&builder, "{s(sd)}", collection, question_id, scroll_offset);
  g_variant_iter_init (&iter, places);
  while (n < PLACES_MAX && g_variant_iter_next (&iter, "{&s@(sd)}", &key, &place))
    {
      if (!g_str_equal (key, collection))
        {
          g_variant_builder_add (&builder, "{s@(sd)}", key, place);
          n++;
        }
      g_variant_unref (place);
    }

  g_settings_set_value (settings, "collection-places", g_variant_builder_end (&builder));
}
