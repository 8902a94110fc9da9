#!/bin/sh
# SPDX-FileCopyrightText: 2026 The LLM Notes authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Screenshots of the study screens for people to look at (not the
# metainfo's): the mock interview's set-up sheet, a result step, the
# report, past interviews and a past report, and the self-test's screens,
# each in light, dark and Chinese; with them the sidebar (its interview
# plan line, a filter's empty state) and Statistics with their back button
# in a 360 px wide window. They are what test-mock, test-selftest,
# test-browse and test-prefs-places save along the way.
#
#   sh tests/make-study-screenshots.sh [BUILD-DIR]   (default ./build)
#   TESTS="test-browse" sh tests/make-study-screenshots.sh   (only some)
#
# Writes BUILD-DIR/screenshots/study/{light,dark,zh_CN}/*.png

set -eu
build="$(cd "${1:-build}" && pwd)"
out="$build/screenshots/study"

# one VARIANT TEST [VAR=VALUE...]
one () {
  variant="$1" test="$2"
  shift 2
  echo "$variant: $test"
  env GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/resources" \
    GTK_A11Y=none NO_AT_BRIDGE=1 LLM_TEST_SCREENSHOTS="$out/$variant" "$@" \
    sh "$(dirname "$0")/run-ui-test.sh" "$build/tests/$test" > /dev/null
}

run () {
  variant="$1"
  shift
  mkdir -p "$out/$variant"
  for test in ${TESTS:-test-mock test-selftest test-browse}; do
    one "$variant" "$test" "$@"
  done
  # Statistics' back button matters most where the sidebar is folded away.
  one "$variant" test-prefs-places LLM_TEST_WIDTH=360 "$@"
}

run light
run dark LLM_TEST_DARK=1
run zh_CN LANGUAGE=zh_CN LANG=C.UTF-8 LLM_LOCALEDIR="$build/po"
