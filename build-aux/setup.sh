#!/bin/sh
# SPDX-FileCopyrightText: 2026 The LLM Notes authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the Debian 12 packages the app needs (only those missing), then
# configures and builds it in ./build. Run as root from the source tree.

set -eu
cd "$(dirname "$0")/.."

packages="
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libwebkitgtk-6.0-dev libgtksourceview-5-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libjs-katex fonts-katex fonts-noto-cjk fonts-cantarell
  libxml2-dev libjs-highlight.js fonts-noto-color-emoji
  desktop-file-utils appstream clang-14 libclang-rt-14-dev
  xvfb xauth dbus dbus-x11 at-spi2-core python3-pyatspi imagemagick xdotool optipng locales
  devhelp
"
# devhelp is for the benchmark only (tests/bench/bench.py): the second
# anchor that the app's memory and start-up are held to.

missing=""
for package in $packages; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
    missing="$missing $package"
  fi
done

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  apt-get update -q
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
fi

if [ ! -f build/build.ninja ]; then
  meson setup build
fi
meson compile -C build
