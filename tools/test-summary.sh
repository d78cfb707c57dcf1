#!/bin/sh
# One line after `make test`: the totals of every test class surefire ran, from its XML reports, so the
# result is the last thing on screen rather than somewhere above the build plugins' output.
reports=${1:-target/surefire-reports}
ls "$reports"/TEST-*.xml >/dev/null 2>&1 || { echo "tests: no surefire reports in $reports"; exit 1; }
# Tests that failed once and passed when surefire ran them again (rerunFailingTestsCount): named, not hidden.
flaky=$(grep -l '<flaky\(Failure\|Error\)' "$reports"/TEST-*.xml 2>/dev/null | sed 's/.*TEST-\(.*\)\.xml/\1/' | tr '\n' ' ')
[ -n "$flaky" ] && echo "tests: passed only when run again (flaky; see their reports): $flaky"
for f in "$reports"/TEST-*.xml; do sed -n 's/.*<testsuite \(.*\)>.*/\1/p' "$f" | head -1; done | awk '
  function attr(name,   m) { return match($0, name "=\"[0-9.,]*\"") ? substr($0, RSTART + length(name) + 2, RLENGTH - length(name) - 3) : 0 }
  { classes++; tests += attr("tests"); failures += attr("failures"); errors += attr("errors"); skipped += attr("skipped"); gsub(",", "", $0); time += attr("time") }
  END {
    printf "tests: %d run in %d classes, %d failures, %d errors, %d skipped (%.0f s in tests)%s\n",
      tests, classes, failures, errors, skipped, time, (failures + errors) ? " FAILED" : ""
    exit (failures + errors) ? 1 : 0
  }'
