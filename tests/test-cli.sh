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

echo "1..43"

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

[ -f "$tmp/site/images/cnn-rnn-self-attention.svg" ] && [ ! -s "$tmp/err" ]
ok $? "--export-html publishes the bundled diagram, without a warning"

# --optimize trains on the whole log, whatever collection is open, and
# prints four lines with numbers in the C locale.
export XDG_DATA_HOME="$tmp/optimize-data"
mkdir -p "$XDG_DATA_HOME/com.example.LLMNotes"
cp "$G_TEST_SRCDIR/data/fsrs/reviews-6000.log" "$XDG_DATA_HOME/com.example.LLMNotes/reviews.log"

"$app" --optimize > "$tmp/optimize" 2> "$tmp/err"
ok $? "--optimize exits 0"

[ "$(wc -l < "$tmp/optimize")" -eq 4 ] &&
  [ "$(sed -n 1p "$tmp/optimize")" = "$(printf 'reviews\t3794')" ] &&
  sed -n 2p "$tmp/optimize" | grep -Eq '^parameters	([0-9]+\.[0-9]{4},){20}[0-9]+\.[0-9]{4}$' &&
  sed -n 3p "$tmp/optimize" | grep -Eq '^log_loss	0\.[0-9]{6}	0\.[0-9]{6}$' &&
  sed -n 4p "$tmp/optimize" | grep -Eq '^rmse_bins	0\.[0-9]{6}	0\.[0-9]{6}$'
ok $? "--optimize prints reviews, parameters, log loss and RMSE"

# The default parameters' log loss on this log, as the reference computes
# it (tests/data/fsrs/reviews-6000.ref), and training lowers it.
awk -F'\t' '$1 == "log_loss" && $2 == "0.321335" && $3 < $2 { found = 1 } END { exit !found }' "$tmp/optimize"
ok $? "--optimize's log loss falls from the defaults' 0.321335"

"$app" --optimize "$tmp/missing.md" > "$tmp/optimize-any" 2> /dev/null && cmp -s "$tmp/optimize" "$tmp/optimize-any"
ok $? "--optimize uses every review, whatever collection is named"

# A locale that writes decimals with a comma changes nothing.
mkdir -p "$tmp/locale"
if localedef -i de_DE -f UTF-8 "$tmp/locale/de_DE.UTF-8" 2> /dev/null; then
  LOCPATH="$tmp/locale" LC_ALL=de_DE.UTF-8 "$app" --optimize > "$tmp/optimize-de" 2> /dev/null
  cmp -s "$tmp/optimize" "$tmp/optimize-de"
  ok $? "--optimize prints the same under LC_ALL=de_DE.UTF-8"

  XDG_DATA_HOME="$tmp/data" LOCPATH="$tmp/locale" LC_ALL=de_DE.UTF-8 "$app" --due > "$tmp/due-de" 2> /dev/null
  [ -s "$tmp/due-de" ] && awk -F'\t' '$3 !~ /^[0-9]+\.[0-9][0-9][0-9][0-9]$/ || $4 !~ /^[0-9]+\.[0-9][0-9][0-9][0-9]$/ { bad = 1 } END { exit bad }' "$tmp/due-de"
  ok $? "--due writes a decimal point under LC_ALL=de_DE.UTF-8"
else
  ok 0 "# SKIP no de_DE locale can be built"
  ok 0 "# SKIP no de_DE locale can be built"
fi

# Too few reviews: the defaults, and a reason.
printf '# llm-notes review log v1\n2026-01-01T10:00:00Z\tq\tgood\t5000\n2026-01-04T10:00:00Z\tq\tgood\t5000\n' > "$XDG_DATA_HOME/com.example.LLMNotes/reviews.log"
"$app" --optimize > /dev/null 2> "$tmp/err"
[ $? -ne 0 ] && grep -q 'enough' "$tmp/err"
ok $? "--optimize on too few reviews fails and says why"

# A due date past the year 9999 is clamped, with a warning.
printf '# llm-notes review log v1\n9999-12-30T10:00:00Z\t%s\teasy\t5000\n' "$id8" > "$XDG_DATA_HOME/com.example.LLMNotes/reviews.log"
"$app" --due > "$tmp/due-far" 2> "$tmp/err"
status=$?
[ $status -eq 0 ] && grep -q "	9999-12-31T23:59:59Z	" "$tmp/due-far" && grep -q '9999' "$tmp/err" && ! grep -q 'CRITICAL\|(null)' "$tmp/due-far" "$tmp/err"
ok $? "--due clamps a due date past 9999 and warns"
# Load problems: every command names each file it could not read in full
# on stderr, one line per file, and answers from the rest with exit 0.
export XDG_DATA_HOME="$tmp/data-problems"
bad="$tmp/bad-folder"
mkdir -p "$bad"
printf '## Topic\n\n### 1. Fine?\n\nYes.\n' > "$bad/good.md"
: > "$bad/empty.md"
printf 'not\000text' > "$bad/binary.md"
printf '## Topic\n\n### 1. Damaged?\n\nbad \377 byte\n' > "$bad/latin1.md"

for command in --list "--search Fine" --stats --due "--export-html $tmp/site-problems" "--export-notes $tmp/notes-problems.md"; do
  # shellcheck disable=SC2086
  "$app" $command "$bad" > /dev/null 2> "$tmp/err"
  status=$?
  [ $status -eq 0 ] && [ "$(wc -l < "$tmp/err")" -eq 3 ] &&
    grep -q 'empty.md.*empty' "$tmp/err" && grep -q 'binary.md.*binary' "$tmp/err" &&
    grep -q 'latin1.md.*UTF-8 at byte 31' "$tmp/err"
  ok $? "$command reports the empty, binary and invalid UTF-8 files on stderr and exits 0"
done

# A file that cannot be read says why. Root reads anything, so the app
# runs as nobody then.
as_user=""
if [ "$(id -u)" -eq 0 ]; then as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"; fi
locked="$tmp/locked"
mkdir -p "$locked/some"
chmod 755 "$tmp" "$locked" "$locked/some" "$bad"
cp "$bad/good.md" "$locked/some/"
cp "$bad/good.md" "$locked/secret.md"
chmod 000 "$locked/secret.md"
# shellcheck disable=SC2086
$as_user "$app" --list "$locked" > "$tmp/out" 2> "$tmp/err"
[ $? -eq 0 ] && [ "$(wc -l < "$tmp/out")" -eq 1 ] && [ "$(wc -l < "$tmp/err")" -eq 1 ] &&
  grep -q 'secret.md.*Permission denied' "$tmp/err"
ok $? "an unreadable file is reported with Permission denied; the rest loads"

rm -r "$locked/some"
# shellcheck disable=SC2086
$as_user "$app" --list "$locked" > /dev/null 2> "$tmp/err"
[ $? -ne 0 ] && grep -q 'Permission denied' "$tmp/err" && ! grep -q 'A notes folder holds' "$tmp/err"
ok $? "a folder holding only an unreadable file says Permission denied, not No questions found"

# The export names each file a note shows that it would not publish.
printf '## T\n\n### 1. Leak?\n\n![](secret.txt) ![](.hidden/key.png)\n' > "$bad/good.md"
printf 'password\n' > "$bad/secret.txt"
mkdir -p "$bad/.hidden" && printf '\211PNG\r\n\032\n' > "$bad/.hidden/key.png"
"$app" --export-html "$tmp/site-leak" "$bad" > /dev/null 2> "$tmp/err"
[ $? -eq 0 ] && grep -q 'secret.txt was not published' "$tmp/err" && grep -q '.hidden/key.png was not published' "$tmp/err" &&
  [ ! -e "$tmp/site-leak/images" ]
ok $? "--export-html publishes neither a text file nor a hidden image, and says so"
# The user's own questions join every collection, under their own topics.
mkdir -p "$XDG_DATA_HOME/com.example.LLMNotes"
printf '## Serving\n\n### 1. What is speculative decoding?\n\nDraft, then verify.\n\n## Transformer\n\n### 2. What is FlashAttention?\n\nTiling.\n' \
  > "$XDG_DATA_HOME/com.example.LLMNotes/my-questions.md"
"$app" --list > "$tmp/list-mine" 2> "$tmp/err"
[ "$(wc -l < "$tmp/list-mine")" -eq 32 ] && head -n 30 "$tmp/list-mine" | cmp -s - "$tmp/list"
ok $? "--list with a my-questions.md of two prints 32 lines, the bundled 30 first"

tail -n 2 "$tmp/list-mine" | cut -f1-4 > "$tmp/mine"
printf 'my-questions~what-is-speculative-decoding\tServing\t1\tWhat is speculative decoding?\nmy-questions~what-is-flashattention\tTransformer\t2\tWhat is FlashAttention?\n' | cmp -s - "$tmp/mine"
ok $? "--list shows the two under the topics they were given"

exit $fail
