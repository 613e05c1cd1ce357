#!/usr/bin/env python3
"""Counts test cases in meson test logs and prints "N passed, N failed".

A TAP test program counts each of its "ok" / "not ok" lines; any other
test counts once. A program that crashed or timed out counts as one more
failure. Exits 1 when anything failed or no test ran.
"""
import json
import re
import sys

passed = failed = 0
for path in sys.argv[1:]:
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError:
        failed += 1
        continue
    for line in lines:
        entry = json.loads(line)
        out = entry.get("stdout") or ""
        ok = len(re.findall(r"^ok \d+", out, re.M))
        not_ok = len(re.findall(r"^not ok \d+", out, re.M))
        result = entry.get("result")
        if ok + not_ok == 0:
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result != "SKIP":
                failed += 1
            continue
        passed += ok
        failed += not_ok
        if result not in ("OK", "EXPECTEDFAIL", "SKIP") and not_ok == 0:
            failed += 1

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed or not passed else 0)
