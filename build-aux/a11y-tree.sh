#!/bin/bash
# Starts nianbao on a display of its own (Xvfb) with the accessibility
# bus, and prints what a screen reader is given: the cells (role "text")
# by default, or every node with --all. The arguments are nianbao's: a
# report, --compare and two, --review and a folder, or none for the empty
# window. From the top of the source tree:
#
#   build-aux/a11y-tree.sh tests/data/seeds/003_babb1a0d8021a832.txt
#   build-aux/a11y-tree.sh --all --review tests/data/batch
#
# Needs xvfb-run, dbus-run-session, at-spi2-core and gir1.2-atspi-2.0.
set -euo pipefail

roles=(text)
if [ "${1:-}" = --all ]; then
  roles=()
  shift
fi
case "${1:-}" in
  -h|--help) echo "usage: $0 [--all] [[--compare|--review] FILE…]" >&2; exit 2 ;;
esac
here=$(dirname "$(realpath "$0")")
build=${BUILD:-$here/../build}
export BUILD=$(realpath "$build") HERE=$here ROLES="${roles[*]:-}"
exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash -c '
  /usr/libexec/at-spi-bus-launcher --launch-immediately &
  bus=$!
  # settings and recent files of its own, not the user ones
  home=$(mktemp -d)
  env GSETTINGS_BACKEND=memory ADW_DISABLE_PORTAL=1 GSETTINGS_SCHEMA_DIR="$BUILD/data" \
    XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_STATE_HOME="$home/state" \
    "$BUILD/src/app/nianbao" "$@" >/dev/null 2>&1 &
  app=$!
  # the form is built in full once its first frame is on screen
  sleep 4
  status=0
  "$HERE/a11y-tree.py" nianbao $ROLES || status=$?
  kill $app $bus 2>/dev/null || true
  rm -rf "$home"
  exit $status' nianbao "$@"
