#!/bin/sh
# Installs what this machine is missing (Debian 12, as root), builds, then
# either runs Nianbao on a sample report or runs the whole test suite.
#
#   build-aux/setup.sh run    build, then check a sample report
#   build-aux/setup.sh test   build, then run every test suite headless
#
# Set CI=true for a build with warnings as errors.
set -eu

cd "$(dirname "$0")/.."

PACKAGES="
  gcc
  gettext
  libglib2.0-dev
  libglib2.0-dev-bin
  libjson-glib-dev
  libuchardet-dev
  meson
  ninja-build
  pkg-config
  python3
  xauth
  xvfb
"

install_missing () {
  missing=""
  for package in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing="$missing $package"
    fi
  done
  if [ -n "$missing" ]; then
    echo "Installing:$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
  fi
}

build () {
  werror=false
  if [ "${CI:-}" = "true" ]; then
    werror=true
  fi
  if [ ! -f build/build.ninja ]; then
    meson setup build -Dwerror="$werror"
  else
    meson configure build -Dwerror="$werror"
  fi
  ninja -C build
}

install_missing
build

case "${1:-run}" in
  run)
    ./build/src/cli/nianbao-cli check tests/data/seeds/*.txt || true
    ;;
  test)
    xvfb-run -a meson test -C build --print-errorlogs
    ;;
  *)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
