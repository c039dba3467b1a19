# Sourced by the random-fault soak scripts (kill-workers.sh, signals.sh): what they share.

# soak_setup NAME "$@": reads --runs N --size SIZE --seed S --taxiscan PATH (and --help, which prints the
# calling script's header comment), builds a Release taxiscan unless one is given, and makes the
# generated set both scripts run on. Sets runs, size, seed, taxiscan, work (removed on exit) and target.
soak_setup() {
    local name=$1; shift
    runs=50 size=300M seed=1 taxiscan=""
    while [ $# -gt 0 ]; do
        case "$1" in
            --runs) runs=$2; shift 2 ;;
            --size) size=$2; shift 2 ;;
            --seed) seed=$2; shift 2 ;;
            --taxiscan) taxiscan=$2; shift 2 ;;
            -h|--help) sed -n '2,/^$/p' "$0" | sed -n '/^#/p'; exit 0 ;;
            *) echo "$name: unknown option $1" >&2; exit 2 ;;
        esac
    done

    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    if [ -z "$taxiscan" ]; then
        dotnet build src/TaxiScan -c Release -v quiet -nologo >/dev/null
        taxiscan=src/TaxiScan/bin/Release/net10.0/taxiscan
    fi

    python3 ../shared/bench/gen.py "$work/set" --files 12 --size "$size" --skew huge:0.4 --encoding gb2312 --seed 11 -q >/dev/null
    target=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['target'])" "$work/set/expected.json")
}

# survivors TAG prints the pids of processes whose environment holds TAXISCAN_SOAK_RUN=TAG. A run's workers
# inherit its environment, so this finds them even after their coordinator died and they were re-parented
# to init (where `pgrep -P coordinator` no longer sees them).
survivors() {
    local tag=$1 environ pid
    for environ in /proc/[0-9]*/environ; do
        pid=${environ#/proc/}; pid=${pid%/environ}
        [ "$pid" = $$ ] && continue
        if tr '\0' '\n' 2>/dev/null < "$environ" | grep -qx "TAXISCAN_SOAK_RUN=$tag"; then
            # A zombie has exited already; only a live process is left behind.
            grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null || echo "$pid"
        fi
    done
}
