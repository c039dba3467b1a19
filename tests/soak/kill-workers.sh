#!/usr/bin/env bash
# Soak test for issue 5's first promise: a worker SIGKILLed at a random moment costs nothing.
# Runs taxiscan N times on a generated set, kills one random worker after a random delay, and checks
# every run against an undisturbed run: exit 0, byte-identical output, a recovery note on stderr when
# the kill landed, no worker left behind. Not part of `dotnet test` (it takes minutes).
#
#   tests/soak/kill-workers.sh [--runs N] [--size SIZE] [--taxiscan PATH] [--seed S]
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/soak/common.sh
soak_setup kill-workers "$@"

"$taxiscan" find --id "$target" --workers 3 --progress never "$work/set/csv" > "$work/reference.csv" 2>/dev/null
cmp -s "$work/reference.csv" "$work/set/expected_rows.csv" || { echo "kill-workers: the undisturbed run is wrong" >&2; exit 1; }
start=$(date +%s%N)
"$taxiscan" find --id "$target" --workers 3 --progress never "$work/set/csv" >/dev/null 2>&1
clean_ms=$(( ($(date +%s%N) - start) / 1000000 ))

RANDOM=$seed
landed=0 missed=0 failures=0
for run in $(seq 1 "$runs"); do
    workers=$((2 + RANDOM % 3))
    delay_ms=$((RANDOM % (clean_ms / 3 + 1) % 1000))
    tag="$$-$run"
    TAXISCAN_SOAK_RUN=$tag "$taxiscan" find --id "$target" --workers "$workers" --progress never "$work/set/csv" > "$work/out.csv" 2> "$work/err.txt" &
    coordinator=$!
    # Wait for the workers to exist, then kill one at a random moment of the scan.
    for _ in $(seq 1 400); do pgrep -P "$coordinator" >/dev/null && break; sleep 0.005; done
    sleep "$(printf '0.%03d' "$delay_ms")"
    victims=($(pgrep -P "$coordinator" || true))
    killed=""
    if [ ${#victims[@]} -gt 0 ]; then
        victim=${victims[$((RANDOM % ${#victims[@]}))]}
        kill -9 "$victim" 2>/dev/null && killed=$victim
    fi
    status=0; wait "$coordinator" || status=$?
    verdict=ok
    if [ "$status" -ne 0 ]; then verdict="exit $status"; fi
    if ! cmp -s "$work/out.csv" "$work/reference.csv"; then verdict="$verdict, output differs"; fi
    if [ -n "$killed" ] && grep -q "(pid $killed) failed" "$work/err.txt"; then
        landed=$((landed + 1))
        grep -q "recovered from\|nothing was lost" "$work/err.txt" || verdict="$verdict, no recovery note"
    else
        missed=$((missed + 1))
    fi
    left=$(survivors "$tag")
    [ -z "$left" ] || verdict="$verdict, processes left behind: $left"
    if [ "$verdict" != ok ]; then
        failures=$((failures + 1))
        echo "run $run (workers $workers, kill after ${delay_ms} ms): $verdict"; sed 's/^/    /' "$work/err.txt"
    fi
done

echo "kill-workers: $runs runs on $size ($clean_ms ms undisturbed); a worker killed mid-run in $landed, the kill missed in $missed; $failures failed"
[ "$failures" -eq 0 ]
