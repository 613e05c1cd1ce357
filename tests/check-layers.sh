#!/bin/sh
# Fails when a source file includes a header from a higher layer, or when
# the app or the command line includes a core *-private.h header.
#
# The layers, lowest first (HACKING.md):
#   src/core: model, rules, readers, import, storage, export
#   src/app:  form, source, compare, review, then the app's own folder
#   src/cli and src/app stand above the whole core; the core has no GTK.
set -eu

cd "$1/src"

find core app cli -name '*.[ch]' | sort | xargs grep -H '^#include' | awk '
  function rank(dir) {
    if (dir == "core/model") return 1
    if (dir == "core/rules") return 2
    if (dir == "core/readers") return 3
    if (dir == "core/import") return 4
    if (dir == "core/storage") return 5
    if (dir == "core/export") return 6
    if (dir == "app/form") return 11
    if (dir == "app/source") return 12
    if (dir == "app/compare") return 13
    if (dir == "app/review") return 14
    if (dir == "app" || dir == "cli") return 15
    return 0
  }
  function dir_of(path) { sub(/\/[^\/]*$/, "", path); return path }
  function base_of(path) { sub(/.*\//, "", path); return path }
  BEGIN {
    while (("find core app cli -name \"*.h\"" | getline h) > 0)
      where[base_of(h)] = dir_of(h)
  }
  {
    file = $0; sub(/:.*/, "", file)
    dir = dir_of(file)
    own = rank(dir)
    if (own == 0) {
      if (!(dir in told)) print dir ": in no layer; add it to tests/check-layers.sh and HACKING.md"
      told[dir] = 1; failed = 1; next
    }
    line = $0; sub(/^[^:]*:/, "", line)
    if (own < 10 && line ~ /<(gtk\/gtk|adwaita)\.h>/) {
      print file ": the core never uses GTK"; failed = 1
    }
    if (!match(line, /nb-[a-z0-9-]*\.h/)) next
    header = substr(line, RSTART, RLENGTH)
    if (!(header in where)) next       # generated: nb-enums.h, resources
    if (rank(where[header]) > own) {
      print file " includes " header " from " where[header] ", a higher layer"; failed = 1
    }
    if (header ~ /-private\.h$/ && where[header] ~ /^core/ && dir !~ /^core/) {
      print file " includes " header ", private to the core"; failed = 1
    }
  }
  END {
    if (failed) exit 1
    print "every include points down the layers"
  }'
