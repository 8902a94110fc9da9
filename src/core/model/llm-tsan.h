/* llm-tsan.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* GLib's GOnce and GMutex wait on futexes, which ThreadSanitizer does not
 * see, so it takes their users for races. These marks tell it the order
 * they give: a release where one thread is done, an acquire where the
 * next may start. They compile to nothing in other builds. */

#if defined(__SANITIZE_THREAD__)
# include <sanitizer/tsan_interface.h>
# define LLM_TSAN_RELEASE(addr) __tsan_release ((void *)(addr))
# define LLM_TSAN_ACQUIRE(addr) __tsan_acquire ((void *)(addr))
#else
# define LLM_TSAN_RELEASE(addr) ((void)(addr))
# define LLM_TSAN_ACQUIRE(addr) ((void)(addr))
#endif
