/* fuzz-util.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

G_BEGIN_DECLS

int      LLVMFuzzerInitialize   (int            *argc,
                                 char         ***argv);
int      LLVMFuzzerTestOneInput (const uint8_t  *data,
                                 size_t          size);

void     fuzz_init              (void);
char    *fuzz_make_tmp_dir      (void);
void     fuzz_write_file        (const char     *path,
                                 const uint8_t  *data,
                                 size_t          size);
gboolean fuzz_check_id          (const char     *id);

G_END_DECLS
