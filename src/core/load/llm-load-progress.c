/* llm-load-progress.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "llm-load-progress.h"

/* How far a load in a thread has come. The loading threads count; the
 * main thread only reads, so plain atomics do without a lock. */
struct _LlmLoadProgress
{
  int files_done;   /* atomic */
  int files_total;  /* atomic; 0 while the folder is still being listed */
};

G_DEFINE_BOXED_TYPE (LlmLoadProgress, llm_load_progress,
                     llm_load_progress_ref, llm_load_progress_unref)

/**
 * llm_load_progress_new:
 *
 * A counter that a loading thread updates and the main thread may poll,
 * for example from a timeout that moves a progress bar.
 *
 * Returns: (transfer full): a new progress counter
 */
LlmLoadProgress *
llm_load_progress_new (void)
{
  return g_atomic_rc_box_new0 (LlmLoadProgress);
}

LlmLoadProgress *
llm_load_progress_ref (LlmLoadProgress *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
llm_load_progress_unref (LlmLoadProgress *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release (self);
}

guint
llm_load_progress_get_files_done (LlmLoadProgress *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_atomic_int_get (&self->files_done);
}

/**
 * llm_load_progress_get_files_total:
 *
 * Returns: how many files there are to read, or 0 while that is not known
 */
guint
llm_load_progress_get_files_total (LlmLoadProgress *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_atomic_int_get (&self->files_total);
}

void
llm_load_progress_set_files_total (LlmLoadProgress *self,
                                   guint            files_total)
{
  g_return_if_fail (self != NULL);

  g_atomic_int_set (&self->files_total, files_total);
}

void
llm_load_progress_add_file_done (LlmLoadProgress *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_int_inc (&self->files_done);
}
