#!/bin/sh
# SPDX-FileCopyrightText: 2026 The LLM Notes authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sets up and builds the app, runs the whole test suite and ends with one
# line "N passed, N failed".

set -u
cd "$(dirname "$0")/.."

sh build-aux/setup.sh || exit 1

meson test -C build --print-errorlogs --num-processes 2
status=$?

# The unit tests once more, built with AddressSanitizer and UBSan.
if [ ! -f build-asan/build.ninja ]; then
  meson setup build-asan -Db_sanitize=address,undefined -Db_lundef=false || status=1
fi
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  meson test -C build-asan --suite core --print-errorlogs --num-processes 2 || status=1

# Counted from meson's own logs, so the line cannot disagree with the run.
python3 - build/meson-logs/testlog.json build-asan/meson-logs/testlog.json <<'PY'
import json, sys
passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        log = open(path)
    except OSError:
        failed += 1
        continue
    for line in log:
        if not line.strip():
            continue
        result = json.loads(line)["result"]
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
PY

exit $status
