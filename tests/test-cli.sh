#!/bin/sh
# SPDX-FileCopyrightText: 2026 The LLM Notes authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The command line, as a user types it: TAP output.

app="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
fail=0

ok () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi
}

echo "1..9"

"$app" --list > "$tmp/list" 2> "$tmp/err"
ok $? "--list exits 0"

[ "$(wc -l < "$tmp/list")" -eq 30 ]
ok $? "--list prints 30 lines"

[ "$(cut -f2 "$tmp/list" | sort -u | wc -l)" -eq 4 ]
ok $? "--list names 4 topics"

awk -F'\t' '$3 == "8" { print $4 }' "$tmp/list" > "$tmp/q8"
[ "$(cat "$tmp/q8")" = "解释 Scaled Dot-Product Attention 是如何计算的。" ]
ok $? "question 8 has the seed's title"

awk -F'\t' 'NF != 4 { bad = 1 } END { exit bad }' "$tmp/list"
ok $? "every line is id, topic, number, title"

"$app" --version | grep -Eq '^llm-notes [0-9]+\.[0-9]+\.[0-9]+$'
ok $? "--version prints the version"

"$app" --help | grep -q -- '--list'
ok $? "--help lists the options"

"$app" --list "$tmp/missing.md" > /dev/null 2> "$tmp/err"
status=$?
[ $status -ne 0 ] && grep -q 'missing.md' "$tmp/err"
ok $? "--list on a missing file fails with a message naming it"

"$app" "$tmp/missing.md" > /dev/null 2> "$tmp/err"
status=$?
[ $status -ne 0 ] && grep -q 'missing.md' "$tmp/err"
ok $? "opening a missing file fails with a message naming it"

exit $fail
