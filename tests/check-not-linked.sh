#!/bin/sh
# Fails when a program needs, at start, a library it should load only
# when a file asks for it (Poppler: src/core/readers/nb-poppler.c).
set -eu

status=0
for program in "$@"; do
  if readelf -d "$program" | grep NEEDED | grep -q 'libpoppler'; then
    echo "$program is linked to Poppler, which it should load when the first PDF is opened"
    status=1
  fi
done
exit $status
