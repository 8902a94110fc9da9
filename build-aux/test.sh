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

# Counted from meson's own log, so the line cannot disagree with the run.
python3 - build/meson-logs/testlog.json <<'PY'
import json, sys
passed = failed = skipped = 0
with open(sys.argv[1]) as log:
    for line in log:
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
