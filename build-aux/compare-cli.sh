#!/bin/bash
# Runs two builds of nianbao-cli over every report in tests/data and says
# whether anything they print differs: check (json and text), convert, a
# review of tests/data/batch, and one two-job check of all the texts.
# For a change that must not change what the tool says (a speed-up, a
# refactoring): build the code before it into another build directory,
# then
#
#   build-aux/compare-cli.sh OLD/src/cli/nianbao-cli build/src/cli/nianbao-cli
#
# Exits 0 when every output is the same to the byte, 1 when one differs
# (the differences are printed), 2 on wrong use.
set -uo pipefail

if [ $# -ne 2 ] || [ ! -x "$1" ] || [ ! -x "$2" ]; then
  echo "usage: $0 OLD-nianbao-cli NEW-nianbao-cli" >&2
  exit 2
fi
old=$(realpath "$1")
new=$(realpath "$2")
cd "$(dirname "$0")/.."

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# run_all CLI DIR: every output of CLI into DIR, one file per run
run_all () {
  local cli=$1 dir=$2 name
  mkdir -p "$dir"
  while IFS= read -r -d '' file; do
    name=$(printf '%s' "$file" | tr '/' '_')
    for format in json text; do
      LC_ALL=C.UTF-8 "$cli" check --format=$format --jobs 1 "$file" > "$dir/$name.check.$format" 2>&1
      echo "exit $?" >> "$dir/$name.check.$format"
    done
    LC_ALL=C.UTF-8 "$cli" convert "$file" - > "$dir/$name.convert" 2>&1
    echo "exit $?" >> "$dir/$name.convert"
  done < <(find tests/data -type f \( -name '*.txt' -o -name '*.json' -o -name '*.pdf' -o -name '*.html' \
             -o -name '*.docx' -o -name '*.xlsx' -o -name '*.mhtml' -o -name '*.doc' \) -print0 | sort -z)
  LC_ALL=C.UTF-8 "$cli" review --format=json --roster tests/data/batch/roster.csv \
    --previous tests/data/batch/2023 tests/data/batch/2024 > "$dir/review.json" 2>&1
  echo "exit $?" >> "$dir/review.json"
  find tests/data -name '*.txt' -print0 | sort -z |
    LC_ALL=C.UTF-8 xargs -0 "$cli" check --format=json --jobs 2 > "$dir/all-texts.json" 2>&1
  echo "exit $?" >> "$dir/all-texts.json"
}

run_all "$old" "$out/old"
run_all "$new" "$out/new"
if diff -r "$out/old" "$out/new"; then
  echo "the same: $(ls "$out/new" | wc -l) outputs"
  exit 0
fi
exit 1
