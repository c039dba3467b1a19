#!/usr/bin/env bash
# Load soak for issue 5: many workers on few cores, a million matching rows, and 10 GB through one
# stream, each checked for exact output and peak memory. Not part of `dotnet test` (minutes, GBs).
#
#   tests/soak/load.sh [--taxiscan PATH] [--data DIR]   (DIR: a gen.py set of 2 GB; made if missing)
set -euo pipefail
cd "$(dirname "$0")/../.."

taxiscan="" data="${TMPDIR:-/tmp}/taxiscan-load"
while [ $# -gt 0 ]; do
    case "$1" in
        --taxiscan) taxiscan=$2; shift 2 ;;
        --data) data=$2; shift 2 ;;
        -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
        *) echo "load: unknown option $1" >&2; exit 2 ;;
    esac
done
if [ -z "$taxiscan" ]; then
    dotnet build src/TaxiScan -c Release -v quiet -nologo >/dev/null
    taxiscan=src/TaxiScan/bin/Release/net10.0/taxiscan
fi

gen=../shared/bench/gen.py
[ -f "$data/uniform/expected.json" ] || python3 "$gen" "$data/uniform" --files 30 --size 2G --encoding gb2312 --seed 1 -q >/dev/null
[ -f "$data/share10/expected.json" ] || python3 "$gen" "$data/share10" --files 30 --size 2G --encoding gb2312 --seed 3 --target-share 0.1 -q >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# Runs one case under GNU time; prints wall time, the coordinator's peak RSS and the largest worker's.
measure() { # name expected-file command...
    local name=$1 expected=$2; shift 2
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" > "$work/out" 2> "$work/err" || true
    local verdict=ok
    cmp -s "$work/out" "$expected" || verdict="OUTPUT DIFFERS"
    read -r wall rss < "$work/time"
    printf '%-44s %7.2f s  max RSS %6.1f MiB  %s\n' "$name" "$wall" "$(echo "$rss / 1024" | bc -l)" "$verdict"
    [ "$verdict" = ok ] || { failures=$((failures + 1)); tail -3 "$work/err"; }
}

echo "load soak: $("$taxiscan" --version 2>/dev/null || echo taxiscan), $(nproc) cpus"
measure "64 workers on $(nproc) cores (2.15 GB)" "$data/uniform/expected_rows.csv" \
    "$taxiscan" find --id 11865 --workers 64 --progress never "$data/uniform/csv"
rows=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['count_exact'])" "$data/share10/expected.json")
measure "$rows matching rows (10% of 2.15 GB), -w2" "$data/share10/expected_rows.csv" \
    "$taxiscan" find --id 11865 --workers 2 --progress never "$data/share10/csv"
for _ in 1 2 3 4 5; do cat "$data/uniform/expected_rows.csv"; done > "$work/expected5"
measure "10.7 GB through stdin (the set 5 times)" "$work/expected5" \
    bash -c "for i in 1 2 3 4 5; do cat '$data'/uniform/csv/*.csv; done | '$taxiscan' find --id 11865 --progress never -"
echo "(max RSS is GNU time's: the larger of the process and its largest child; limits: 64 MiB a worker, 128 MiB the coordinator)"
[ "$failures" -eq 0 ]
