#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The LLM Notes authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A screen reader reaches the answer text: the real app runs with GTK's
# AT-SPI bridge on (the suite turns it off everywhere else), a question is
# opened the way GNOME Shell's search opens one, and the accessibility tree
# is walked, as Orca would, for a phrase of that question's answer. During
# a self-test the covered answer must not be readable, and after "Show
# Answer" (pressed through AT-SPI) it must be. When the page's web process
# is killed again and again, what the view then says must be readable, and
# its Try Again button must bring the answer back. Run by run-ui-test.sh, which
# gives it a session bus (where the AT-SPI bus is started on demand) and an
# X server. Prints TAP.
#
# Debian's python3-pyatspi is for Debian's python3, hence the fixed path.

import os
import re
import signal
import subprocess
import sys
import tempfile
import time

# The AT-SPI client library warns about objects that go while it reads
# them (rows recycled as the tree scrolls): that is the app changing, not a
# failure of this script. GLib reads G_DEBUG when it loads, so before then.
os.environ.pop('G_DEBUG', None)

try:
    import pyatspi
except ImportError:
    print('1..0 # SKIP python3-pyatspi is not installed')
    sys.exit(0)
from gi.repository import Gio, GLib

APP_ID = 'com.example.LLMNotes'
SEARCH_PATH = '/com/example/LLMNotes/SearchProvider'
SEARCH_IFACE = 'org.gnome.Shell.SearchProvider2'
TIMEOUT_S = 60

app, seed = sys.argv[1], sys.argv[2]
count = 0
failed = False


def ok(passed, what, detail=''):
    global count, failed
    count += 1
    print(('ok' if passed else 'not ok') + f' {count} - {what}', flush=True)
    if not passed:
        failed = True
        for line in detail.splitlines():
            print(f'# {line}', flush=True)


def answer_of(number):
    """The first sentence of question NUMBER's answer in the seed, as it
    reads on the page: the blockquote marker and markdown emphasis gone."""
    with open(seed, encoding='utf-8') as f:
        text = f.read()
    match = re.search(rf'^### {number}\.[^\n]*\n+((?:>[^\n]*\n?)+)', text, re.M)
    assert match, f'question {number} not found in {seed}'
    answer = ' '.join(line.lstrip('> ').strip() for line in match.group(1).splitlines())
    answer = re.sub(r'[*=`]', '', answer)
    return re.split(r'[。.!?！？]', answer)[0].strip()


def question_ids():
    out = subprocess.run([app, '--list', seed], capture_output=True, text=True, check=True, env=env).stdout
    return {int(fields[2]): fields[0] for fields in (line.split('\t') for line in out.splitlines())}


def find_app():
    desktop = pyatspi.Registry.getDesktop(0)
    # libatspi caches names, children and states and updates them from
    # events, which only a running main loop receives: read afresh.
    desktop.clearCache()
    for i in range(desktop.childCount):
        child = desktop.getChildAtIndex(i)
        if child is not None and child.name == 'llm-notes':
            return child
    return None


def texts(accessible, depth=0):
    """Every name, description and text an AT-SPI client can read."""
    if accessible is None or depth > 80:
        return
    try:
        yield accessible.name or ''
        yield accessible.description or ''
        try:
            text = accessible.queryText()
            yield text.getText(0, text.characterCount)
        except NotImplementedError:
            pass
        for i in range(accessible.childCount):
            yield from texts(accessible.getChildAtIndex(i), depth + 1)
    except GLib.Error:
        # The tree changes while it is walked (rows recycled): skip what went.
        return


def reachable(phrase):
    root = find_app()
    return root is not None and any(phrase in text for text in texts(root))


def wait_for(predicate, timeout=TIMEOUT_S):
    deadline = time.monotonic() + timeout
    context = GLib.MainContext.default()
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
        while context.iteration(False):
            pass
    return False


def find_button(name):
    root = find_app()
    stack = [root] if root else []
    while stack:
        node = stack.pop()
        try:
            # GTK 4.8 names a button with a mnemonic "_Label Label".
            if node.getRole() == pyatspi.ROLE_PUSH_BUTTON and name in node.name:
                return node
            stack.extend(node.getChildAtIndex(i) for i in range(node.childCount))
        except GLib.Error:
            continue
    return None


def document_description():
    root = find_app()
    stack = [root] if root else []
    while stack:
        node = stack.pop()
        try:
            if node.getRole() == pyatspi.ROLE_DOCUMENT_TEXT:
                return node.description
            stack.extend(node.getChildAtIndex(i) for i in range(node.childCount))
        except GLib.Error:
            continue
    return ''


def web_processes():
    """The app's own web processes (WebKit starts them under bwrap), not
    those of a test running beside this one."""
    parents = {}
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        try:
            with open(f'/proc/{entry}/stat') as f:
                stat = f.read()
        except OSError:
            continue
        comm = stat[stat.index('(') + 1:stat.rindex(')')]
        ppid = int(stat[stat.rindex(')') + 2:].split()[1])
        parents[int(entry)] = (ppid, comm)
    found = []
    for pid, (ppid, comm) in parents.items():
        if comm != 'WebKitWebProces':
            continue
        while ppid > 1 and ppid != process.pid:
            ppid = parents.get(ppid, (1, ''))[0]
        if ppid == process.pid:
            found.append(pid)
    return found


def kill_web_processes_until_stopped():
    """Kills each new web process of the app as it comes, as a crash
    would end it, until the view stops starting them."""
    killed = set()
    for _ in range(8):
        if find_button('Try Again') is not None:
            return len(killed)
        if not wait_for(lambda: set(web_processes()) - killed, 15):
            continue
        for pid in set(web_processes()) - killed:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            killed.add(pid)
        wait_for(lambda: find_button('Try Again') is not None, 3)
    return len(killed)


print('1..7', flush=True)

env = dict(os.environ)
# On for this test alone: the suite runs everything else without a bridge.
env.pop('GTK_A11Y', None)
env.pop('NO_AT_BRIDGE', None)
# Reviews and notes of its own, not the user's.
home = tempfile.mkdtemp(prefix='llm-notes-atspi-')
for name in ('HOME', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME'):
    env[name] = os.path.join(home, name.lower())
    os.makedirs(env[name])
log = tempfile.TemporaryFile(mode='w+')
process = subprocess.Popen([app, seed], env=env, stdout=subprocess.DEVNULL, stderr=log)

try:
    ids = question_ids()
    phrase = answer_of(26)
    first_phrase = answer_of(1)
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)

    def app_log():
        log.seek(0)
        return f'app exit status: {process.poll()}\n' + log.read()[-3000:]

    ok(wait_for(lambda: find_app() is not None), 'the app shows up in the accessibility tree', app_log())

    # Open question 26 as GNOME Shell's search does.
    bus.call_sync(APP_ID, SEARCH_PATH, SEARCH_IFACE, 'ActivateResult',
                  GLib.Variant('(sasu)', (ids[26], ['蒸馏'], 0)),
                  None, Gio.DBusCallFlags.NONE, -1, None)
    ok(wait_for(lambda: reachable(phrase)),
       f'the answer to question 26 is reachable: “{phrase}”',
       'description of the answer view: ' + repr(document_description()[:300]))

    # A self-test covers the answer: it must not be readable either.
    subprocess.run([app, '--self-test'], env=env, check=True, stdout=subprocess.DEVNULL)
    hidden = wait_for(lambda: find_button('Show Answer') is not None)
    ok(hidden and not reachable(first_phrase),
       'during a self-test the covered answer is not readable',
       'description of the answer view: ' + repr(document_description()[:300]))

    button = find_button('Show Answer')
    if button is not None:
        button.queryAction().doAction(0)
    ok(button is not None and wait_for(lambda: reachable(first_phrase)),
       f'after Show Answer it is: “{first_phrase}”',
       'description of the answer view: ' + repr(document_description()[:300]))

    # A web process that keeps ending: after three, the view says so.
    kills = kill_web_processes_until_stopped()
    stopped = wait_for(lambda: 'Answers Cannot Be Shown' in document_description(), 10)
    ok(stopped and find_button('Try Again') is not None,
       f'after its web process was killed {kills} times the view says so',
       'description of the answer view: ' + repr(document_description()[:300]) + '\n' + app_log())

    button = find_button('Try Again')
    if button is not None:
        button.queryAction().doAction(0)
    ok(button is not None and wait_for(lambda: reachable(first_phrase)),
       'Try Again brings the answer back',
       'description of the answer view: ' + repr(document_description()[:300]) + '\n' + app_log())

    # Every phrase above is really in its answer, not just anywhere.
    ok(phrase and first_phrase and phrase != first_phrase, 'the phrases differ and are not empty')
finally:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()

sys.exit(1 if failed else 0)
