#!/usr/bin/env bash
# Fuzz each target in turn, one job each, for SECS seconds (default 600).
# Usage: fuzz/run.sh [SECS] [TARGET...]   (needs nightly and cargo-fuzz)
# Logs go to fuzz/logs/TARGET.log; a crash leaves fuzz/artifacts/TARGET/crash-*.
set -u
cd "$(dirname "$0")/.."
secs=${1:-600}
shift || true
targets=${*:-link_decoder analysis annotation_import json html_extract}
mkdir -p fuzz/logs
for t in $targets; do
  echo "== $t: ${secs}s"
  nice -n 15 cargo +nightly fuzz run "$t" "fuzz/corpus/$t" -- \
    -jobs=1 -workers=1 -max_total_time="$secs" -print_final_stats=1 \
    > "fuzz/logs/$t.log" 2>&1
  rc=$?
  # With -jobs, libFuzzer writes the worker's output to fuzz-0.log here.
  [ -f fuzz-0.log ] && cat fuzz-0.log >> "fuzz/logs/$t.log" && rm -f fuzz-0.log
  echo "   exit $rc: $(grep -E '^#[0-9]+.*DONE|stat::number_of_executed_units' "fuzz/logs/$t.log" | tail -1)"
done
