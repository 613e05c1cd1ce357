#!/usr/bin/python3
# Prints what a screen reader is given by a running program: every node of
# its accessibility tree with its role, name, states of note, description
# and, where it has the Text interface, its text. Run by a11y-tree.sh,
# which starts the accessibility bus and the program; needs libatspi's
# introspection data (Debian: gir1.2-atspi-2.0).
#
#   a11y-tree.py APPLICATION-NAME [ROLE…]
#
# With roles ("text", "label"…), only nodes of those roles are printed.
import sys
import time

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402


def find_application(name, seconds=15):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        desktop = Atspi.get_desktop(0)
        for k in range(desktop.get_child_count()):
            application = desktop.get_child_at_index(k)
            if application is not None and application.get_name() == name:
                return application
        time.sleep(0.25)
    return None


def describe(node):
    states = node.get_state_set()
    notes = [s for s, t in (('focused', Atspi.StateType.FOCUSED),
                            ('invalid', Atspi.StateType.INVALID),
                            ('read-only', Atspi.StateType.READ_ONLY))
             if states.contains(t)]
    line = '%s “%s”' % (node.get_role_name(), node.get_name() or '')
    if 'Text' in node.get_interfaces():
        line += ' text=%r' % Atspi.Text.get_text(node, 0, Atspi.Text.get_character_count(node))
    if notes:
        line += ' [%s]' % ', '.join(notes)
    if node.get_description():
        line += ' — %s' % node.get_description().replace('\n', ' / ')
    return line


def walk(node, roles, depth=0):
    if not roles or node.get_role_name() in roles:
        print('%s%s' % ('' if roles else '  ' * depth, describe(node)))
    for k in range(node.get_child_count()):
        child = node.get_child_at_index(k)
        if child is not None:
            walk(child, roles, depth + 1)


def main():
    if len(sys.argv) < 2:
        print('usage: %s APPLICATION-NAME [ROLE…]' % sys.argv[0], file=sys.stderr)
        return 2
    application = find_application(sys.argv[1])
    if application is None:
        print('no application named %s on the accessibility bus' % sys.argv[1], file=sys.stderr)
        return 1
    walk(application, set(sys.argv[2:]))
    return 0


if __name__ == '__main__':
    sys.exit(main())
