/* probe.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Linked at configure time to tell whether clang has libFuzzer and the
 * sanitizer runtimes (Debian: libclang-rt-14-dev). */

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  return 0;
}
