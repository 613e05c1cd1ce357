#!/bin/bash
# Builds the libFuzzer targets of tests/fuzz with clang in build-fuzz and
# runs each for a fixed time (FUZZ_SECONDS, 20 by default), starting from
# the sample reports, the fixtures of tests/data/formats and the hostile
# shapes build-aux/fuzz-seeds.py generates. Writes
# build-fuzz/fuzz-testlog.json, one line per target in the form of meson's
# test log, for build-aux/count-tests.py. Exits 1 when a target crashes
# (the input is kept as build-fuzz/crash-TARGET-*) or does not build; 0
# without clang, with nothing run and no log.
set -uo pipefail

cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-20}
targets="text html docx matcher canonical split"
log=build-fuzz/fuzz-testlog.json

if ! command -v clang >/dev/null; then
  echo "clang is not installed: no fuzzing"
  exit 0
fi
if [ ! -f build-fuzz/build.ninja ]; then
  CC=clang meson setup build-fuzz -Dfuzz=true -Dtests=false \
    -Db_sanitize=address,undefined -Db_lundef=false >/dev/null || exit 1
fi
: > "$log"
if ! ninja -C build-fuzz $(for t in $targets; do echo "tests/fuzz/fuzz-$t"; done); then
  for t in $targets; do
    printf '{"name": "fuzz-%s", "result": "FAIL", "stdout": ""}\n' "$t" >> "$log"
  done
  exit 1
fi

# The inputs each target starts from: the fixtures, and the shapes that
# once hung or exhausted a reader (build-aux/fuzz-seeds.py).
seed () {
  python3 build-aux/fuzz-seeds.py "$1" "$2"
  case "$1" in
    text|matcher) cp tests/data/seeds/*.txt tests/data/real-2019/*.lines.txt "$2" ;;
    split)
      # 7 columns: rows of 三 whose separators were lost, one row known
      printf '\x06640020470\n0000000\n630020469\n=0000000\n' > "$2/t3"
      printf '\x0410203\n12000 12\n00000\n' > "$2/t4" ;;
    html) cp tests/data/formats/*.html tests/data/formats/*.mhtml "$2" ;;
    docx) cp tests/data/formats/*.docx tests/data/formats/*.xlsx "$2" ;;
    canonical)
      for f in tests/data/seeds/*.txt tests/data/real-2019/pingtan-2020.lines.txt; do
        build/src/cli/nianbao-cli convert "$f" "$2/$(basename "$f" .txt).nianbao.json" 2>/dev/null
      done
      cp tests/data/seeds/000_*.txt "$2" ;;
  esac
}

status=0
for t in $targets; do
  corpus=$(mktemp -d)
  seed "$t" "$corpus"
  if ASAN_OPTIONS=detect_leaks=1 \
     UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
     LSAN_OPTIONS=suppressions="$PWD/build-aux/lsan.supp":print_suppressions=0 \
     "build-fuzz/tests/fuzz/fuzz-$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="build-fuzz/crash-$t-" "$corpus" > "build-fuzz/fuzz-$t.log" 2>&1; then
    result=OK
  else
    result=FAIL
    status=1
    tail -n 40 "build-fuzz/fuzz-$t.log"
  fi
  runs=$(grep -o 'Done [0-9]* runs' "build-fuzz/fuzz-$t.log" | grep -o '[0-9]*' || echo 0)
  echo "fuzz-$t: $result, ${runs:-0} inputs in $seconds s"
  printf '{"name": "fuzz-%s", "result": "%s", "stdout": ""}\n' "$t" "$result" >> "$log"
  rm -rf "$corpus"
done
exit $status
