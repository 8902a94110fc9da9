#!/bin/sh
# SPDX-FileCopyrightText: 2026 The LLM Notes authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails unless LANG.po translates every message the sources have now: the
# template is made afresh from POTFILES.in (with meson's glib preset
# keywords), merged, and must leave nothing untranslated or fuzzy.

set -eu
srcdir="$1"
lang="$2"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$srcdir"
grep -v '^#' po/POTFILES.in | grep . > "$tmp/files"
xgettext --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --files-from="$tmp/files" --output="$tmp/template.pot" 2> "$tmp/xgettext.log"

msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$tmp/template.pot" -o "$tmp/merged.po"
msgattrib --untranslated --no-obsolete "$tmp/merged.po" > "$tmp/untranslated.po"
msgattrib --only-fuzzy --no-obsolete "$tmp/merged.po" > "$tmp/fuzzy.po"

missing=$(grep -c '^msgid ' "$tmp/untranslated.po" || true)
fuzzy=$(grep -c '^msgid ' "$tmp/fuzzy.po" || true)
# Each non-empty file also holds the header entry.
[ "$missing" -gt 0 ] && missing=$((missing - 1))
[ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))

echo "$lang: $missing untranslated, $fuzzy fuzzy"
if [ "$missing" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
  grep '^msgid ' "$tmp/untranslated.po" | sed 1d | head -20
  exit 1
fi
