#!/usr/bin/env bash
# End-to-end benchmark of taxiscan against its peers (issue 4).  See bench/README.md.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: bench/run.sh [options]

Times `taxiscan find` (NativeAOT build of this checkout) against rg, grep, mawk and the
Python baseline on generated GB2312 data, page cache warm, round-robin; checks every run's
rows; prints a table and the issue-4 targets as PASS/MISS.

Options:
  -r, --rounds N         timed rounds per tool (default 5)
  --python-rounds N      timed rounds of the Python baseline, at most --rounds (default 3)
  --skip-python          do not run the Python baseline
  --sets LIST            comma list of: uniform, skew (default uniform,skew)
  --size SIZE            bytes per data set, as gen.py reads it (default 2G; 200M for a smoke run)
  --data-dir DIR         where the data sets live or are made (default $TAXISCAN_BENCH_DATA,
                         else ${TMPDIR:-/tmp}/taxiscan-bench); sets: DIR/d<size>, DIR/d<size>-skew,
                         DIR/d<size>-share10
  --taxiscan PATH        time this binary instead of publishing one
  --baseline PATH        also time this other taxiscan binary (e.g. a build of the commit before a
                         change) as 'base -w2' in the same rounds, so before and after share one run
  --keep DIR             keep outputs, logs, raw timings and the summary in DIR
  --memory               instead: the memory check (10% of the rows match; taxiscan --workers 2;
                         peak RSS of the coordinator and of each worker)
  -h, --help             this text

Data sets are made with ../shared/bench/gen.py when missing (pypy3 if present, else python3)
and reused when present. Missing peers are skipped with the apt-get line to install them.
EOF
}

die() { echo "run.sh: $*" >&2; exit 2; }
say() { echo "$*" >&2; }

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
KIT_DIR="$HERE/../../shared/bench"
MEASURE="$HERE/e2e/measure.py"
REPORT="$HERE/e2e/report.py"

ROUNDS=5 PY_ROUNDS=3 SKIP_PY=0 SETS=uniform,skew SIZE=2G MEMORY=0 TAXISCAN="" BASELINE="" KEEP=""
DATA=${TAXISCAN_BENCH_DATA:-${TMPDIR:-/tmp}/taxiscan-bench}
while [ $# -gt 0 ]; do
  case $1 in
    -r|--rounds)      ROUNDS=${2:?}; shift ;;
    --python-rounds)  PY_ROUNDS=${2:?}; shift ;;
    --skip-python)    SKIP_PY=1 ;;
    --sets)           SETS=${2:?}; shift ;;
    --size)           SIZE=${2:?}; shift ;;
    --data-dir)       DATA=${2:?}; shift ;;
    --taxiscan)       TAXISCAN=${2:?}; shift ;;
    --baseline)       BASELINE=${2:?}; shift ;;
    --keep)           KEEP=${2:?}; shift ;;
    --memory)         MEMORY=1 ;;
    -h|--help)        usage; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
  shift
done
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "--rounds wants a positive integer"
[[ $PY_ROUNDS =~ ^[1-9][0-9]*$ ]] || die "--python-rounds wants a positive integer"
[ "$PY_ROUNDS" -le "$ROUNDS" ] || PY_ROUNDS=$ROUNDS
for s in ${SETS//,/ }; do case $s in uniform|skew) ;; *) die "unknown set '$s' (uniform, skew)" ;; esac; done
[ -f "$KIT_DIR/gen.py" ] || die "no shared kit at $KIT_DIR (the shared/ folder beside the repository)"
KIT=$(cd "$KIT_DIR" && pwd)
command -v python3 >/dev/null || die "python3 is needed"
[ -n "$TAXISCAN" ] || command -v dotnet >/dev/null || die "dotnet is needed to publish taxiscan (or give --taxiscan)"

if [ -n "$KEEP" ]; then mkdir -p "$KEEP"; WORK=$(cd "$KEEP" && pwd)
else WORK=$(mktemp -d "${TMPDIR:-/tmp}/taxiscan-run.XXXXXX"); trap 'rm -rf "$WORK"' EXIT; fi
trap 'echo "run.sh: interrupted" >&2; exit 130' INT TERM
: > "$WORK/results.tsv"; : > "$WORK/mem.tsv"; : > "$WORK/sets.tsv"; : > "$WORK/commands.tsv"

LOAD_START=$(cut -d' ' -f1 /proc/loadavg)

# ---- tools ------------------------------------------------------------------------------
MISSING=""
have() { command -v "$1" >/dev/null 2>&1; }
have rg   || MISSING="$MISSING ripgrep"
have mawk || MISSING="$MISSING mawk"
have pypy3 || MISSING="$MISSING pypy3"
[ -x /usr/bin/time ] || MISSING="$MISSING time"
GENPY=python3; have pypy3 && GENPY=pypy3
AWK=awk; have mawk && AWK=mawk
PY=${PY:-}                    # the Python of the baseline: one with tqdm, as its users run it
if [ -z "$PY" ]; then
  for p in /usr/bin/python3 python3; do
    if "$p" -c 'import tqdm' 2>/dev/null; then PY=$p; break; fi
  done
  [ -n "$PY" ] || { PY=python3; MISSING="$MISSING python3-tqdm"; }
fi
if [ -n "$MISSING" ]; then
  say "run.sh: missing:$MISSING (skipped or slower). Install with:"
  say "    apt-get install -y$MISSING"
fi

# ---- data -------------------------------------------------------------------------------
SIZE_TAG=$(echo "$SIZE" | tr 'A-Z' 'a-z')
set_dir() { case $1 in uniform) echo "$DATA/d$SIZE_TAG" ;; skew) echo "$DATA/d$SIZE_TAG-skew" ;;
                       share10) echo "$DATA/d$SIZE_TAG-share10" ;; esac; }
set_args() { case $1 in
  uniform) echo "--files 30 --size $SIZE --encoding gb2312 --seed 1" ;;
  skew)    echo "--files 30 --size $SIZE --skew huge:0.5 --encoding gb2312 --seed 2" ;;
  share10) echo "--files 30 --size $SIZE --encoding gb2312 --target-share 0.1 --seed 3" ;;
esac; }

# a set is reused when its expected.json (written last by gen.py) says it was made with these arguments
set_matches() {  # DIR ARGS...
  python3 - "$@" <<'PY'
import json, sys
d, args = sys.argv[1], sys.argv[2:]
try:
    got = json.load(open(d + "/expected.json", encoding="utf-8"))["generator_args"]
except (OSError, ValueError, KeyError):
    sys.exit(3)
want = dict(zip((a[2:].replace("-", "_") for a in args[::2]), args[1::2]))
bad = [k for k, v in want.items() if str(got.get(k)) != v]
if "target_share" not in want and got.get("target_share") is not None:
    bad.append("target_share")
if "skew" not in want and got.get("skew") != "uniform":
    bad.append("skew")
sys.exit(4 if bad else 0)
PY
}

ensure_set() {  # NAME -> makes or reuses the set
  local name=$1 dir args rc=0
  dir=$(set_dir "$name"); args=$(set_args "$name")
  # shellcheck disable=SC2086
  set_matches "$dir" $args || rc=$?
  case $rc in
    0) say "data: reusing $dir"; return ;;
    4) die "$dir holds a set made with other arguments than: $args (remove it or use --data-dir)" ;;
  esac
  [ -e "$dir/csv" ] && rm -rf "${dir:?}/csv"     # an interrupted earlier run: start over
  mkdir -p "$dir"
  say "data: $GENPY gen.py $dir $args"
  # shellcheck disable=SC2086
  "$GENPY" "$KIT/gen.py" "$dir" $args -q
}

# ---- taxiscan -------------------------------------------------------------------------------
BUILD=""
publish() {
  if [ -n "$TAXISCAN" ]; then
    [ -x "$TAXISCAN" ] || die "--taxiscan $TAXISCAN is not an executable"
    TAXISCAN=$(cd "$(dirname "$TAXISCAN")" && pwd)/$(basename "$TAXISCAN"); BUILD="given (--taxiscan)"; return
  fi
  say "build: dotnet publish src/TaxiScan -c Release -r linux-x64 -p:PublishAot=true"
  if (cd "$REPO" && dotnet publish src/TaxiScan -c Release -r linux-x64 -p:PublishAot=true \
        -o "$WORK/taxiscan-aot") > "$WORK/publish.log" 2>&1; then
    TAXISCAN=$WORK/taxiscan-aot/taxiscan; BUILD="NativeAOT"
  else
    say "build: NativeAOT publish failed (see publish.log); trying ReadyToRun"
    (cd "$REPO" && dotnet publish src/TaxiScan -c Release -r linux-x64 --self-contained false \
        -p:PublishReadyToRun=true -o "$WORK/taxiscan-r2r") >> "$WORK/publish.log" 2>&1 \
      || { tail -20 "$WORK/publish.log" >&2; die "publish failed"; }
    TAXISCAN=$WORK/taxiscan-r2r/taxiscan; BUILD="ReadyToRun (NativeAOT publish failed)"
  fi
}

commit_of() {
  local c; c=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
  [ -n "$(git -C "$REPO" status --porcelain -- src 2>/dev/null)" ] && c="$c+uncommitted-src"
  echo "$c"
}

machine() {
  echo "machine: $(nproc) cpus, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | sed -n 1p)," \
       "$(awk '/^MemTotal/{printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo)," \
       "kernel $(uname -r), $(. /etc/os-release 2>/dev/null && echo "${PRETTY_NAME:-?}")"
  echo "taxiscan: commit $(commit_of), build $BUILD, .NET SDK $(dotnet --version 2>/dev/null || echo '?')"
  local v=""
  have rg && v="$v$(rg --version | sed -n 1p); "
  v="$v$(grep --version | sed -n 1p); "
  have mawk && v="$v$(mawk -W version 2>&1 | sed -n 1p | cut -d' ' -f1-3); "
  v="$v$("$PY" --version 2>&1) ($PY)"
  echo "tools: $v"
  echo "load average (1 min) before the run: $LOAD_START"
}

# ---- one measured run ------------------------------------------------------------------------
# run_tool SET TOOL ROUND [--poll]: runs the tool's command, checks its rows, appends the result
run_tool() {
  local set=$1 tool=$2 round=$3 poll=${4:-} cmd out err m check
  cmd=${CMD[$tool]}; out="$WORK/out/$set.$tool.out"; err="$WORK/out/$set.$tool.err"
  if [ "$tool" = python-seed ]; then
    m=$(python3 "$MEASURE" $poll --stdout /dev/null --stderr "$err" -- bash -c "$cmd")
  else
    m=$(python3 "$MEASURE" $poll --stdout "$out" --stderr "$err" -- bash -c "$cmd")
  fi
  read -r wall rc rss hwm kids nkids <<< "$m"
  check=$(check_rows "$set" "$tool" "$out" "$rc")
  if [ -n "$poll" ]; then
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$set" "$tool" "$rss" "$hwm" "$kids" "$nkids" "$check" >> "$WORK/mem.tsv"
    say "  warm-up  $(printf '%-12s %7.3f s  %s' "$tool" "$wall" "$check")"
  else
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$set" "$tool" "$round" "$wall" "$rc" "$rss" "$check" >> "$WORK/results.tsv"
    say "  round $round  $(printf '%-12s %7.3f s  %s' "$tool" "$wall" "$check")"
  fi
}

lines() { wc -l < "$1" | tr -d ' '; }

# cpu_mark -> "machine-busy-ticks our-ticks seconds": CPU time used on the whole machine and by
# this script with its finished children, to tell how much other work ran during the timings
cpu_mark() {
  echo "$(awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat)" \
       "$(sed 's/.*) //' /proc/$$/stat | awk '{print $12+$13+$14+$15}')" \
       "$(date +%s.%N)"
}

# check_rows SET TOOL OUT RC -> prints ok | ok-unordered | WRONG(...)
check_rows() {
  local set=$1 tool=$2 out=$3 rc=$4 dir exp
  dir=$(set_dir "$set"); exp="$dir/expected_rows.csv"
  [ "$rc" = 0 ] || { echo "WRONG(exit $rc)"; return; }
  case $tool in
    ts-w1|ts-w2|ts-w6|base-w2)
      cmp -s "$out" "$exp" && echo ok || echo "WRONG($(lines "$out") rows, want $(lines "$exp"), bytes differ)" ;;
    rg|grep|mawk)
      if cmp -s "$out" "$exp"; then echo ok
      elif cmp -s <(LC_ALL=C sort "$out") <(LC_ALL=C sort "$exp"); then echo ok-unordered
      else echo "WRONG($(lines "$out") rows, want $(lines "$exp"))"; fi ;;
    ts-ids1000)
      if ! cmp -s "$out" "$WORK/ref/$set.ids1000.csv"; then
        echo "WRONG($(lines "$out") rows, reference $(lines "$WORK/ref/$set.ids1000.csv"))"
      elif ! cmp -s <(LC_ALL=C grep "^$ID," "$out") "$exp"; then echo "WRONG(rows of $ID differ)"
      else echo ok; fi ;;
    ts-plate)
      cmp -s "$out" "$WORK/ref/$set.plate.csv" && echo ok \
        || echo "WRONG($(lines "$out") rows, reference $(lines "$WORK/ref/$set.plate.csv"))" ;;
    python-seed)
      local want; want=$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["count_numeric"])' "$dir/expected.json")
      if [ "$(lines "$out")" != "$want" ]; then echo "WRONG($(lines "$out") rows, want $want)"
      elif ! cmp -s <(LC_ALL=C sort "$out") <(LC_ALL=C sort "$dir/expected_rows_numeric.csv"); then echo "WRONG(bytes differ)"
      else echo ok; fi ;;
  esac
}

# ---- the 1000-id file and the plate, from the data -----------------------------------------------
make_ids() {  # SETDIR OUT: the target, 99 ids seen in the first file, 900 five-digit ids not seen there
  python3 - "$1" "$2" <<'PY'
import json, os, sys
setdir, out = sys.argv[1:3]
exp = json.load(open(os.path.join(setdir, "expected.json"), encoding="utf-8"))
target = exp["target"]
skip = set(exp.get("decoy_id_counts", {})) | {target}
csv = os.path.join(setdir, "csv")
first = sorted(f for f in os.listdir(csv) if f.endswith(".csv"))[0]
seen = set()
with open(os.path.join(csv, first), "rb") as f:
    for line in f:
        seen.add(line.split(b",", 1)[0])
seen = {s.decode("ascii", "replace") for s in seen}
w = len(target)
present = sorted(i for i in seen if i.isdigit() and len(i) == w and i not in skip)
absent = [str(n) for n in range(10 ** (w - 1), 10 ** w) if str(n) not in seen and str(n) not in skip]
ids = [target] + [present[k * len(present) // 99] for k in range(99)] + [absent[k * len(absent) // 900] for k in range(900)]
assert len(set(ids)) == 1000
with open(out, "w") as f:
    f.write("".join(i + "\n" for i in sorted(ids, key=int)))
PY
}

# ---- main -------------------------------------------------------------------------------
ID=11865
declare -A CMD
mkdir -p "$WORK/out" "$WORK/ref"

if [ "$MEMORY" = 1 ]; then
  ensure_set share10
  publish
  dir=$(set_dir share10); csv="$dir/csv"
  bytes=$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["total_bytes"])' "$dir/expected.json")
  CMD[ts-w2]="$(printf %q "$TAXISCAN") find --id $ID --workers 2 $(printf %q "$csv/")"
  say "memory: warming the page cache"; cat "$csv"/*.csv > /dev/null
  : > "$WORK/memory.tsv"
  for r in $(seq "$ROUNDS"); do
    m=$(python3 "$MEASURE" --poll --stdout "$WORK/out/share10.out" --stderr "$WORK/out/share10.err" -- bash -c "${CMD[ts-w2]}")
    read -r wall rc rss hwm kids nkids <<< "$m"
    check=$(check_rows share10 ts-w2 "$WORK/out/share10.out" "$rc")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$wall" "$rss" "$hwm" "$kids" "$nkids" "$check" >> "$WORK/memory.tsv"
    say "  run $r  $wall s  $check"
  done
  {
    machine
    echo
    echo "memory check: $(lines "$dir/expected_rows.csv") rows of $ID ($(stat -c %s "$dir/expected_rows.csv") bytes) out of $bytes bytes"
    echo "command: ${CMD[ts-w2]} > out"
    python3 "$REPORT" memory "$WORK/memory.tsv"
  } | tee "$WORK/summary.txt"
  exit 0
fi

publish
PEERS=""
have rg && PEERS="$PEERS rg"
PEERS="$PEERS grep"
have mawk && PEERS="$PEERS mawk"
[ "$SKIP_PY" = 1 ] || PEERS="$PEERS python-seed"
TOOLS="ts-w2 ts-w6 ts-w1 ts-ids1000 ts-plate$PEERS"
if [ -n "$BASELINE" ]; then
  [ -x "$BASELINE" ] || die "--baseline $BASELINE is not an executable"
  BASELINE=$(cd "$(dirname "$BASELINE")" && pwd)/$(basename "$BASELINE")
  TOOLS="ts-w2 base-w2 ${TOOLS#ts-w2 }"
fi

for set in ${SETS//,/ }; do
  ensure_set "$set"
  dir=$(set_dir "$set"); csv="$dir/csv"; q=$(printf %q "$csv")
  bytes=$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["total_bytes"])' "$dir/expected.json")

  # the plate of the target taxi (8th field of its first row), GB2312 bytes and UTF-8 for the command line
  plate_gb=$(head -1 "$dir/expected_rows.csv" | cut -d, -f8)
  plate=$(printf %s "$plate_gb" | iconv -f gb2312 -t utf-8)
  make_ids "$dir" "$WORK/ref/$set.ids1000.txt"
  T=$(printf %q "$TAXISCAN")
  CMD[ts-w2]="$T find --id $ID --workers 2 $q/"
  CMD[ts-w6]="$T find --id $ID --workers 6 $q/"
  CMD[ts-w1]="$T find --id $ID --workers 1 $q/"
  [ -z "$BASELINE" ] || CMD[base-w2]="$(printf %q "$BASELINE") find --id $ID --workers 2 $q/"
  CMD[ts-ids1000]="$T find --ids-file $(printf %q "$WORK/ref/$set.ids1000.txt") --workers 2 $q/"
  CMD[ts-plate]="$T find -c 8 --encoding gb2312 --id '$plate' --workers 2 $q/"
  # the peers as ../shared/bench/peers.sh defines them (rg, grep, mawk-regex, python-seed)
  CMD[rg]="rg -N --no-filename '^$ID,' $q/*.csv"
  CMD[grep]="LC_ALL=C grep -h '^$ID,' $q/*.csv"
  CMD[mawk]="mawk '/^$ID,/' $q/*.csv"
  CMD[python-seed]="$(printf %q "$PY") $(printf %q "$KIT/seed_baseline.py") --id $ID --workers 6 --encoding gb2312 $q -o $(printf %q "$WORK/out/$set.python-seed.out")"
  for t in $TOOLS; do printf '%s\t%s\t%s\n' "$set" "$t" "${CMD[$t]}" >> "$WORK/commands.tsv"; done

  say "set $set: $dir ($bytes bytes); warming the page cache, computing the references"
  cat "$csv"/*.csv > /dev/null
  LC_ALL=C "$AWK" -F, 'NR==FNR{ids[$1];next} ($1 in ids)' "$WORK/ref/$set.ids1000.txt" "$csv"/*.csv > "$WORK/ref/$set.ids1000.csv"
  P=$plate_gb LC_ALL=C "$AWK" -F, '$8==ENVIRON["P"]' "$csv"/*.csv > "$WORK/ref/$set.plate.csv"

  read -r busy0 ours0 t0 <<< "$(cpu_mark)"
  # one untimed pass (warm-up, and peak RSS per process, sampled from /proc)
  for t in $TOOLS; do [ "$t" = python-seed ] || run_tool "$set" "$t" 0 --poll; done
  # round-robin: each round runs every tool once, starting one tool later than the round before
  read -r -a tools <<< "$TOOLS"
  n=${#tools[@]}
  for r in $(seq "$ROUNDS"); do
    for k in $(seq 0 $((n - 1))); do
      t=${tools[$(( (k + r - 1) % n ))]}
      [ "$t" = python-seed ] && [ "$r" -gt "$PY_ROUNDS" ] && continue
      run_tool "$set" "$t" "$r"
    done
  done
  read -r busy1 ours1 t1 <<< "$(cpu_mark)"
  others=$(awk -v b="$((busy1 - busy0))" -v o="$((ours1 - ours0))" -v hz="$(getconf CLK_TCK)" \
    'BEGIN{x=(b-o)/hz; printf "%.1f", x < 0 ? 0 : x}')
  printf '%s\t%s\t%s\t%s\t%s\n' "$set" "$bytes" "$dir" "$others" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')" >> "$WORK/sets.tsv"
done

{
  machine
  echo
  python3 "$REPORT" table "$WORK/sets.tsv" "$WORK/results.tsv" "$WORK/mem.tsv" "$WORK/commands.tsv"
} | tee "$WORK/summary.txt"
