#!/bin/sh
# SPDX-FileCopyrightText: 2026 The LLM Notes authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sets up, builds and installs the app (to /usr/local, so its schema,
# translations and icon are found), then opens it on the bundled notes, or
# on the file given.

set -eu
cd "$(dirname "$0")/.."

sh build-aux/setup.sh
meson install -C build --quiet

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: running in a virtual X server (xvfb-run). Stop it with Ctrl+C."
  exec dbus-run-session -- xvfb-run -a -s '-screen 0 1280x800x24' llm-notes "$@"
fi
exec llm-notes "$@"
