#!/bin/sh
# SPDX-FileCopyrightText: 2026 The LLM Notes authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Screenshots of the study screens for people to look at (not the
# metainfo's): the mock interview's set-up sheet, a result step, the
# report, past interviews and a past report, and the self-test's screens,
# each in light, dark and Chinese. They are what test-mock and
# test-selftest save along the way.
#
#   sh tests/make-study-screenshots.sh [BUILD-DIR]   (default ./build)
#
# Writes BUILD-DIR/screenshots/study/{light,dark,zh_CN}/*.png

set -eu
build="$(cd "${1:-build}" && pwd)"
out="$build/screenshots/study"

run () {
  variant="$1"
  shift
  mkdir -p "$out/$variant"
  for test in test-mock test-selftest; do
    echo "$variant: $test"
    env GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/resources" \
      GTK_A11Y=none NO_AT_BRIDGE=1 LLM_TEST_SCREENSHOTS="$out/$variant" "$@" \
      sh "$(dirname "$0")/run-ui-test.sh" "$build/tests/$test" > /dev/null
  done
}

run light
run dark LLM_TEST_DARK=1
run zh_CN LANGUAGE=zh_CN LANG=C.UTF-8 LLM_LOCALEDIR="$build/po"
