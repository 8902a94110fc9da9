#!/bin/sh
# SPDX-FileCopyrightText: 2026 The LLM Notes authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs one UI test in a session bus and X server of its own. Services the
# bus starts on demand (the accessibility registry) write to their stdout;
# only the test's own output may reach the TAP stream, so theirs goes to
# /dev/null and the test writes to the saved descriptor 3.

exec 3>&1
exec dbus-run-session -- \
  sh -c 'exec xvfb-run -a -s "-screen 0 1200x800x24" "$@" 1>&3' sh "$@" > /dev/null
