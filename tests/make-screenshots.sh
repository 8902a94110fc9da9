#!/bin/sh
# SPDX-FileCopyrightText: 2026 The LLM Notes authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The metainfo's screenshots, made from the app: `ninja -C build
# screenshots` writes them to resources/screenshots/. Each runs in an X
# server exactly the window's size, with no window manager, so the root
# window is the app window.
#
#   make-screenshots.sh MAKE-SCREENSHOT LOCALEDIR OUTPUT-DIR

set -eu
tool="$1"
localedir="$2"
out="$3"
mkdir -p "$out"

# shot NAME WIDTHxHEIGHT LANGUAGE [make-screenshot options]
shot () {
  name="$1" size="$2" language="$3"
  shift 3
  echo "$name ($size, ${language:-en})"
  dbus-run-session -- env LANGUAGE="$language" LLM_LOCALEDIR="$localedir" \
    xvfb-run -a -s "-screen 0 ${size}x24" \
    "$tool" --width "${size%x*}" --height "${size#*x}" "$@" "$out/$name.png" \
    > /dev/null 2>&1
  if command -v optipng > /dev/null; then
    optipng -quiet -o2 -strip all "$out/$name.png"
  fi
}

shot main 1200x760 "" --question 8
shot dark 1200x760 "" --dark --question 8 --self-test
shot zh-cn 1200x760 zh_CN --question 2
shot narrow 360x640 "" --question 8
shot statistics 1200x760 "" --question 8 --stats
shot shortcuts 1000x700 "" --shortcuts
