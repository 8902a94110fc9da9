#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The LLM Notes authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the code keeps the shape the folders promise.

In src/core, a file may include headers of its own folder and of the
folders its OVERVIEW.md lists after "May use:". In src/app, no two
modules (a type's .c and .h files, the window's llm-window-*.c parts)
include each other, directly or around a longer loop.

Usage: check-layers.py SRC_DIR; prints each breach and exits 1 on any.
"""

import glob
import os
import re
import sys

INCLUDE = re.compile(r'#include "(llm-[a-z0-9-]+)\.h"')


def includes(path):
    with open(path, encoding='utf-8') as f:
        return INCLUDE.findall(f.read())


def check_core(core):
    breaches = []
    folder_of = {}
    allowed = {}
    for overview in glob.glob(os.path.join(core, '*', 'OVERVIEW.md')):
        area = os.path.basename(os.path.dirname(overview))
        with open(overview, encoding='utf-8') as f:
            match = re.search(r'^May use: (.*?)\.', f.read(), re.M | re.S)
        if match is None:
            breaches.append(f'{overview}: no "May use:" line')
            continue
        allowed[area] = {area} | set(re.findall(r'\b[a-z]+\b', match.group(1)))
        for header in glob.glob(os.path.join(core, area, '*.h')):
            folder_of[os.path.basename(header)[:-2]] = area
    for path in sorted(glob.glob(os.path.join(core, '*', '*.[ch]'))):
        area = os.path.basename(os.path.dirname(path))
        if area not in allowed:
            breaches.append(f'{path}: its folder has no OVERVIEW.md')
            continue
        for name in includes(path):
            other = folder_of.get(name)
            if other is not None and other not in allowed[area]:
                breaches.append(f'{path}: {area} may not use {other} ({name}.h)')
    return breaches


def module_of(name):
    name = re.sub(r'-(private|a11y)$', '', name)
    return 'llm-window' if name.startswith('llm-window-') else name


def check_app(app):
    graph = {}
    paths = glob.glob(os.path.join(app, '*', '*.[ch]'))
    known = {module_of(os.path.basename(p)[:-2]) for p in paths}
    for path in paths:
        module = module_of(os.path.basename(path)[:-2])
        for name in includes(path):
            other = module_of(name)
            if other in known and other != module:
                graph.setdefault(module, set()).add(other)

    breaches = []
    state = {}

    def visit(module, stack):
        state[module] = 'open'
        stack.append(module)
        for other in sorted(graph.get(module, ())):
            if state.get(other) == 'open':
                loop = stack[stack.index(other):] + [other]
                breaches.append('src/app: module cycle ' + ' -> '.join(loop))
            elif other not in state:
                visit(other, stack)
        stack.pop()
        state[module] = 'done'

    for module in sorted(graph):
        if module not in state:
            visit(module, [])
    return breaches


def main():
    src = sys.argv[1]
    breaches = check_core(os.path.join(src, 'core')) + check_app(os.path.join(src, 'app'))
    for breach in breaches:
        print(breach)
    return 1 if breaches else 0


if __name__ == '__main__':
    sys.exit(main())
