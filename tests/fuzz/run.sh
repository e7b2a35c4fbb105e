#!/usr/bin/env bash
# Runs the fuzz targets built by `make fuzz-build`, each for FUZZ_SECONDS (default 60),
# FUZZ_JOBS at a time (default 1), niced. Seeds: tests/fuzz/corpus/<target>/ (read only);
# new inputs: build/fuzz/work/<target>/; crashes: build/fuzz/crashes/<target>-*.
# Prints one line per target: "fuzz: NAME ok runs=N secs=N cov=N ft=N corpus=N" or FAILED;
# exits 1 if any target crashed. Arguments: target names (default: all).
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$ROOT" || exit 1
SECS=${FUZZ_SECONDS:-60}
JOBS=${FUZZ_JOBS:-1}
B=build/fuzz
mkdir -p "$B/crashes" "$B/logs"
if (($#)); then targets=("$@"); else
    targets=(); for f in tests/fuzz/fuzz_*.c; do t=${f##*/}; targets+=("${t%.c}"); done
fi

run_one() {
    local t=$1 log=$B/logs/$1.log start rc
    mkdir -p "$B/work/$t"
    start=$SECONDS
    DD_REPO=$ROOT UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ASAN_OPTIONS=detect_leaks=1 \
        nice -n 10 "$B/bin/$t" -max_total_time="$SECS" -timeout=10 -rss_limit_mb=1024 \
        -print_final_stats=1 -artifact_prefix="$B/crashes/$t-" \
        "$B/work/$t" "tests/fuzz/corpus/$t" >"$log" 2>&1
    rc=$?
    local runs cov ft corp
    runs=$(awk '/^stat::number_of_executed_units/ { print $2 }' "$log")
    read -r cov ft corp < <(grep -E '^#[0-9]+[[:space:]].*cov:' "$log" | tail -n 1 |
        sed -E 's/.*cov: ([0-9]+) ft: ([0-9]+) corp: ([0-9]+).*/\1 \2 \3/')
    if ((rc == 0)); then
        echo "fuzz: $t ok runs=${runs:-?} secs=$((SECONDS - start)) cov=${cov:-?} ft=${ft:-?} corpus=${corp:-?}"
    else
        echo "fuzz: $t FAILED rc=$rc runs=${runs:-?} (log $log)"
        grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -n 5
        return 1
    fi
}

rc=0 running=0
for t in "${targets[@]}"; do
    [[ -x $B/bin/$t ]] || { echo "fuzz: $t not built"; rc=1; continue; }
    run_one "$t" &
    running=$((running + 1))
    if ((running >= JOBS)); then
        wait -n || rc=1
        running=$((running - 1))
    fi
done
while ((running > 0)); do
    wait -n || rc=1
    running=$((running - 1))
done
exit $rc
