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

echo "1..25"

"$app" --list > "$tmp/list" 2> "$tmp/err"
ok $? "--list exits 0"

[ "$(wc -l < "$tmp/list")" -eq 30 ]
ok $? "--list prints 30 lines"

[ "$(cut -f2 "$tmp/list" | sort -u | wc -l)" -eq 4 ]
ok $? "--list names 4 topics"

awk -F'\t' '$3 == "8" { print $4 }' "$tmp/list" > "$tmp/q8"
[ "$(cat "$tmp/q8")" = "解释 Scaled Dot-Product Attention 是如何计算的。" ]
ok $? "question 8 has the seed's title"

awk -F'\t' 'NF != 7 || $7 != "card" { bad = 1 } END { exit bad }' "$tmp/list"
ok $? "every line is id, topic, number, title, file, line, card"

# The bundled notes keep their 30 questions, numbers, titles and ids:
# bookmarks, notes and reviews hang on them.
cmp -s "$tmp/list" "$G_TEST_SRCDIR/data/bundled-list.tsv"
ok $? "--list on the bundled notes equals tests/data/bundled-list.tsv"

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

"$app" --search 知识蒸馏 > "$tmp/search" 2> "$tmp/err"
ok $? "--search exits 0"

id26=$(awk -F'\t' '$3 == "26" { print $1 }' "$tmp/list")
[ "$(head -n 1 "$tmp/search" | cut -f1)" = "$id26" ]
ok $? "--search 知识蒸馏 puts question 26 first"

[ "$("$app" --search 'SoftMax' | wc -l)" -gt 0 ] && [ "$("$app" --search 'SoftMax' | cut -f1)" = "$("$app" --search 'ｓｏｆｔｍａｘ' | cut -f1)" ]
ok $? "--search folds case and full-width letters"

# --export-notes: a note written by hand (no header) and one for a question
# that is not in the collection both come out, under the right titles.
export XDG_DATA_HOME="$tmp/data"
notes="$XDG_DATA_HOME/com.example.LLMNotes/notes"
mkdir -p "$notes"
id8=$(awk -F'\t' '$3 == "8" { print $1 }' "$tmp/list")
printf 'Remember the scaling by sqrt(d_k).\n' > "$notes/$id8.md"
printf -- '---\nquestion: "A question that was deleted"\ntopic: "Old"\n---\n\nOrphan note.\n' > "$notes/gone.md"

"$app" --export-notes "$tmp/export.md" > /dev/null 2> "$tmp/err"
ok $? "--export-notes exits 0"

grep -A2 -F "### 解释 Scaled Dot-Product Attention 是如何计算的。" "$tmp/export.md" | grep -qF "Remember the scaling by sqrt(d_k)."
ok $? "the exported note stands under its question's title"

grep -A2 -F "### A question that was deleted" "$tmp/export.md" | grep -qF "Orphan note."
ok $? "a note whose question is gone is exported under its recorded title"

# --due: reviews written by hand into the log, as a sync tool would bring
# them, come out sorted by due date; a torn last line is ignored.
log="$XDG_DATA_HOME/com.example.LLMNotes/reviews.log"
id1=$(awk -F'\t' '$3 == "1" { print $1 }' "$tmp/list")
printf '# llm-notes review log v1\n2026-01-01T10:00:00Z\t%s\tgood\t5000\n2026-01-01T10:00:00Z\t%s\teasy\t3000\n2026-01-02T10:00:00Z\t%s\tgo' "$id8" "$id1" "$id1" > "$log"

"$app" --due > "$tmp/due" 2> "$tmp/err"
ok $? "--due exits 0"

[ "$(wc -l < "$tmp/due")" -eq 2 ] && [ "$(head -n 1 "$tmp/due" | cut -f1)" = "$id8" ] && [ "$(tail -n 1 "$tmp/due" | cut -f1)" = "$id1" ]
ok $? "--due lists the reviewed questions, soonest due first"

awk -F'\t' 'NF != 5 || $2 !~ /^2026-01-[0-9][0-9]T/ { bad = 1 } END { exit bad }' "$tmp/due" && grep -q . "$tmp/err"
ok $? "--due prints id, ISO due date, stability, difficulty, title, and reports the torn line"

"$app" --stats > "$tmp/stats" 2> "$tmp/err"
ok $? "--stats exits 0"

[ "$(wc -l < "$tmp/stats")" -eq 4 ] && awk -F'\t' '$1 == "注意力机制" && $2 == 5 && $3 == 1 { found = 1 } END { exit !found }' "$tmp/stats"
ok $? "--stats prints a line per topic with its counts"

"$app" --export-html "$tmp/site" > /dev/null 2> "$tmp/err"
ok $? "--export-html exits 0"

[ -f "$tmp/site/index.html" ] && [ "$(ls "$tmp/site/q" | wc -l)" -eq 30 ] && ! grep -l "onerror=" "$tmp/site/q/"*.html > /dev/null
ok $? "--export-html writes an index and a page per question"

# The user's own questions join every collection, under their own topics.
printf '## Serving\n\n### 1. What is speculative decoding?\n\nDraft, then verify.\n\n## Transformer\n\n### 2. What is FlashAttention?\n\nTiling.\n' \
  > "$XDG_DATA_HOME/com.example.LLMNotes/my-questions.md"
"$app" --list > "$tmp/list-mine" 2> "$tmp/err"
[ "$(wc -l < "$tmp/list-mine")" -eq 32 ] && head -n 30 "$tmp/list-mine" | cmp -s - "$tmp/list"
ok $? "--list with a my-questions.md of two prints 32 lines, the bundled 30 first"

tail -n 2 "$tmp/list-mine" | cut -f1-4 > "$tmp/mine"
printf 'my-questions~what-is-speculative-decoding\tServing\t1\tWhat is speculative decoding?\nmy-questions~what-is-flashattention\tTransformer\t2\tWhat is FlashAttention?\n' | cmp -s - "$tmp/mine"
ok $? "--list shows the two under the topics they were given"

exit $fail
