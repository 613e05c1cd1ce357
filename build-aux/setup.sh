#!/bin/sh
# Installs what this machine is missing (Debian 12, as root), builds, then
# either runs Nianbao on a sample report or runs the whole test suite.
#
#   build-aux/setup.sh run    build, then open a sample report in Nianbao
#   build-aux/setup.sh test   build, then run every test suite headless
#
# Set CI=true for a build with warnings as errors.
set -eu

cd "$(dirname "$0")/.."

PACKAGES="
  appstream
  clang
  dbus-daemon
  desktop-file-utils
  fonts-noto-cjk
  gcc
  gettext
  libadwaita-1-dev
  libclang-rt-14-dev
  libcairo2-dev
  libglib2.0-dev
  libglib2.0-dev-bin
  libgsf-1-dev
  libgtk-4-dev
  libjson-glib-dev
  libpoppler-glib-dev
  libpango1.0-dev
  libuchardet-dev
  libxml2-dev
  locales
  meson
  ninja-build
  pkg-config
  poppler-utils
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

# So that the Chinese interface can be tried: LANG=zh_CN.UTF-8.
ensure_locale () {
  if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
    sed -i 's/^# *\(zh_CN.UTF-8 UTF-8\)/\1/' /etc/locale.gen 2>/dev/null || true
    grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen 2>/dev/null || echo 'zh_CN.UTF-8 UTF-8' >> /etc/locale.gen
    locale-gen >/dev/null || true
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
ensure_locale
build

case "${1:-run}" in
  run)
    sample=tests/data/seeds/003_babb1a0d8021a832.txt
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      echo "No display to show a window on; checking the samples with nianbao-cli instead."
      echo "From a desktop session, run: build/src/app/nianbao $sample"
      ./build/src/cli/nianbao-cli check tests/data/seeds/*.txt || true
    elif [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
      exec dbus-run-session -- ./build/src/app/nianbao "$sample"
    else
      exec ./build/src/app/nianbao "$sample"
    fi
    ;;
  test)
    xvfb-run -a meson test -C build --print-errorlogs
    ;;
  *)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
