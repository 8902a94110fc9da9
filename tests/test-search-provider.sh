#!/bin/sh
# SPDX-FileCopyrightText: 2026 The LLM Notes authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# GNOME Shell's search, as the shell calls it: the app runs as a D-Bus
# service on a private session bus and answers org.gnome.Shell.SearchProvider2.
# Run through run-ui-test.sh, which provides the bus and an X server. TAP.

app="$1"
name=com.example.LLMNotes
path=/com/example/LLMNotes/SearchProvider
iface=org.gnome.Shell.SearchProvider2
n=0
fail=0

ok () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi
}

echo "1..5"

# A data folder of its own, holding one personal note.
XDG_DATA_HOME=$(mktemp -d)
export XDG_DATA_HOME

id26=$("$app" --list | awk -F'\t' '$3 == "26" { print $1 }')
mkdir -p "$XDG_DATA_HOME/$name/notes"
printf 'My own mnemonic: wombatcompass.\n' > "$XDG_DATA_HOME/$name/notes/$id26.md"

"$app" --gapplication-service > /dev/null 2>&1 &
pid=$!
trap 'kill $pid 2> /dev/null; rm -rf "$XDG_DATA_HOME"' EXIT

gdbus wait --session --timeout 60 "$name"
ok $? "the app takes its bus name as a service"

results=$(gdbus call --session --dest "$name" --object-path "$path" \
          --method "$iface.GetInitialResultSet" "['蒸馏']" 2>&1)
echo "$results" | grep -q "'$id26'"
ok $? "a search for 蒸馏 finds question 26"

results=$(gdbus call --session --dest "$name" --object-path "$path" \
          --method "$iface.GetInitialResultSet" "['wombatcompass']" 2>&1)
echo "$results" | grep -q "'$id26'"
ok $? "a word found only in the user's note finds its question"

metas=$(gdbus call --session --dest "$name" --object-path "$path" \
        --method "$iface.GetResultMetas" "['$id26']" 2>&1)
echo "$metas" | grep -qF "'id': <'$id26'>" && echo "$metas" | grep -q "'name': <'"
ok $? "its result carries the question's title"

gdbus call --session --dest "$name" --object-path "$path" \
  --method "$iface.ActivateResult" "$id26" "['蒸馏']" 0 > /dev/null 2>&1
ok $? "activating the result opens it"

exit $fail
