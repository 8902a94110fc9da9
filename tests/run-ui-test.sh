#!/bin/sh
# SPDX-FileCopyrightText: 2026 The LLM Notes authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs one UI test in a session bus and X server of its own.
#
# Services the bus starts on demand (the accessibility registry) must not
# inherit the test's G_DEBUG=fatal-warnings: a warning of theirs would kill
# them and leave WebKit waiting on them. And they write to their stdout, so
# only the test's own output goes to the TAP stream: theirs goes to
# /dev/null, the test writes to the saved descriptor 3.

test_debug="${G_DEBUG-}"
exec 3>&1
exec env -u G_DEBUG TEST_G_DEBUG="$test_debug" dbus-run-session -- \
  sh -c 'exec env G_DEBUG="$TEST_G_DEBUG" xvfb-run -a -s "-screen 0 1200x800x24" "$@" 1>&3' sh "$@" > /dev/null
