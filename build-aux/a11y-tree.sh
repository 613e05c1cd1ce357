#!/bin/bash
# Starts nianbao with a report on a display of its own (Xvfb) with the
# accessibility bus, and prints what a screen reader is given: the cells
# (role "text") by default, or every node with --all. From the top of a
# build tree:
#
#   build-aux/a11y-tree.sh tests/data/seeds/003_babb1a0d8021a832.txt
#
# Needs xvfb-run, dbus-run-session, at-spi2-core and gir1.2-atspi-2.0.
set -euo pipefail

roles=(text)
if [ "${1:-}" = --all ]; then
  roles=()
  shift
fi
if [ $# -ne 1 ] || [ ! -f "$1" ]; then
  echo "usage: $0 [--all] REPORT" >&2
  exit 2
fi
here=$(dirname "$(realpath "$0")")
build=${BUILD:-$here/../build}
export REPORT=$(realpath "$1") BUILD=$(realpath "$build") HERE=$here ROLES="${roles[*]:-}"
exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash -c '
  /usr/libexec/at-spi-bus-launcher --launch-immediately &
  bus=$!
  env GSETTINGS_BACKEND=memory ADW_DISABLE_PORTAL=1 GSETTINGS_SCHEMA_DIR="$BUILD/data" \
    "$BUILD/src/app/nianbao" "$REPORT" >/dev/null 2>&1 &
  app=$!
  # the form is built in full once its first frame is on screen
  sleep 4
  status=0
  "$HERE/a11y-tree.py" nianbao $ROLES || status=$?
  kill $app $bus 2>/dev/null || true
  exit $status'
