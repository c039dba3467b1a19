#!/usr/bin/env bash
# Soak test for issue 5's fault matrix: SIGINT or SIGTERM at a random moment of a run writing -o FILE.
# Every run must end either interrupted (exit 130 / 143, no FILE, no temporary file, one line saying
# so) or, when the signal came after the end, complete (exit 0, FILE identical to an undisturbed
# run's); no worker may outlive it. Not part of `dotnet test` (it takes minutes).
#
#   tests/soak/signals.sh [--runs N] [--size SIZE] [--taxiscan PATH] [--seed S]
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/soak/common.sh
soak_setup signals "$@"

mkdir "$work/out"
start=$(date +%s%N)
"$taxiscan" find --id "$target" --workers 3 --progress never -o "$work/out/rows.csv" "$work/set/csv" 2>/dev/null
clean_ms=$(( ($(date +%s%N) - start) / 1000000 ))
cmp -s "$work/out/rows.csv" "$work/set/expected_rows.csv" || { echo "signals: the undisturbed run is wrong" >&2; exit 1; }
mv "$work/out/rows.csv" "$work/reference.csv"

RANDOM=$seed
interrupted=0 early=0 completed=0 failures=0
for run in $(seq 1 "$runs"); do
    signal=$([ $((RANDOM % 2)) -eq 0 ] && echo INT || echo TERM)
    expected_status=$([ "$signal" = INT ] && echo 130 || echo 143)
    workers=$((1 + RANDOM % 4))
    # From before the workers exist to about the end of an undisturbed run (one in ten a little past it).
    delay_ms=$((RANDOM % (clean_ms * 3 / 4 + 1)))
    [ $((RANDOM % 10)) -ne 0 ] || delay_ms=$((clean_ms + RANDOM % 100))
    tag="$$-$run"
    TAXISCAN_SOAK_RUN=$tag "$taxiscan" find --id "$target" --workers "$workers" --progress never \
        -o "$work/out/rows.csv" "$work/set/csv" 2> "$work/err.txt" &
    coordinator=$!
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -s "$signal" "$coordinator" 2>/dev/null || true
    status=0; wait "$coordinator" || status=$?
    verdict=ok
    if [ "$status" -eq "$expected_status" ]; then
        interrupted=$((interrupted + 1))
        [ -z "$(ls -A "$work/out")" ] || verdict="left $(ls -A "$work/out" | tr '\n' ' ')"
        # Without the note, the signal came before the runtime had installed its handlers and the
        # default action ended the process: nothing had started, which the checks below confirm.
        grep -q "every worker stopped" "$work/err.txt" || early=$((early + 1))
    elif [ "$status" -eq 0 ]; then
        completed=$((completed + 1))
        cmp -s "$work/out/rows.csv" "$work/reference.csv" || verdict="completed but the output differs"
        [ "$(ls -A "$work/out")" = rows.csv ] || verdict="$verdict, left $(ls -A "$work/out" | tr '\n' ' ')"
    else
        verdict="exit $status"
    fi
    sleep 0.05 # a worker told to stop gets this long, as a user at the prompt would give it
    left=$(survivors "$tag")
    [ -z "$left" ] || verdict="$verdict, processes left behind: $left"
    if [ "$verdict" != ok ]; then
        failures=$((failures + 1))
        echo "run $run (SIG$signal after ${delay_ms} ms, $workers workers): $verdict"; sed 's/^/    /' "$work/err.txt"
        # shellcheck disable=SC2086
        [ -z "$left" ] || kill -9 $left 2>/dev/null || true
    fi
    rm -f "$work/out/"* "$work/out/".??* 2>/dev/null || true
done

echo "signals: $runs runs on $size ($clean_ms ms undisturbed); interrupted in $interrupted ($early before start-up), finished first in $completed; $failures failed"
[ "$failures" -eq 0 ]
