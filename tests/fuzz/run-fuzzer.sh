#!/bin/sh
# SPDX-FileCopyrightText: 2026 The LLM Notes authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# run-fuzzer.sh SECONDS ARTIFACT_DIR FUZZER SEED_CORPUS [WORK_CORPUS]
#
# Runs one libFuzzer target for SECONDS (FUZZ_SECONDS overrides it) on a
# copy of its seed corpus, so the source tree is never written to.
# FUZZ_TIMEOUT (seconds, default 10) is how long one input may take before
# it counts as a hang; raise it when the machine is shared. Without
# WORK_CORPUS the copy is temporary (the smoke run in `meson test`); with it
# the corpus grows there from run to run and the output goes to
# ARTIFACT_DIR/fuzz.log (the long runs). A crash, leak or UBSan report is
# saved in ARTIFACT_DIR and makes the exit status non-zero.

set -eu

seconds=${FUZZ_SECONDS:-$1}
artifacts=$2
fuzzer=$3
seeds=$4
work=${5:-}
name=$(basename "$fuzzer")

mkdir -p "$artifacts"

if [ -z "$work" ]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/$name-corpus.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  trap 'exit 130' INT TERM
  log=
else
  mkdir -p "$work"
  log=$artifacts/fuzz.log
fi
cp -R "$seeds"/. "$work"/

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
# GLib 2.74's slice allocator would hide heap errors from ASan.
export G_SLICE="${G_SLICE:-always-malloc}"
export G_DEBUG="${G_DEBUG:-gc-friendly,fatal-warnings}"

# libFuzzer's own failure status, 77, means "skipped" to meson.
set -- "$fuzzer" -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 \
  -error_exitcode=1 -timeout_exitcode=1 \
  -print_final_stats=1 -artifact_prefix="$artifacts/"
dict=$(dirname "$seeds")/../$name.dict
[ -f "$dict" ] && set -- "$@" -dict="$dict"
set -- "$@" "$work"

status=0
if [ -n "$log" ]; then
  "$@" >"$log" 2>&1 || status=$?
  grep -E '^(stat::|Done|==[0-9]+==ERROR|SUMMARY)' "$log" || true
else
  "$@" || status=$?
fi

if [ "$status" -ne 0 ]; then
  echo "$name failed ($status); reproducers are in $artifacts" >&2
  exit 1
fi
