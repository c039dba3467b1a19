#!/usr/bin/env bash
# The NativeAOT .NET tool package (README, Install), checked as a new user gets it: `dotnet pack` makes the
# pointer package and its two RID packages, `dotnet tool install` picks the NativeAOT one on this machine, and
# the installed taxiscan prints the recorded rows of samples/ with 1 and 6 workers. Not part of `dotnet test`
# (about a minute of NativeAOT compilation, and a C toolchain); the framework-dependent form is (ToolPackageTests).
#
#   tests/soak/pack-tool.sh [--global]   (--global: also install for the user, run, and uninstall again)
set -euo pipefail
cd "$(dirname "$0")/../.."

global=no
while [ $# -gt 0 ]; do
    case "$1" in
        --global) global=yes; shift ;;
        -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
        *) echo "pack-tool: unknown option $1" >&2; exit 2 ;;
    esac
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
check() { # description command...
    local description=$1; shift
    if "$@"; then echo "ok    $description"; else echo "FAIL  $description"; failures=$((failures + 1)); fi
}
seconds() { local start=$1; echo "$(( $(date +%s%N) / 1000000 - start ))" | awk '{ printf "%.1f s", $1 / 1000 }'; }

rid=$(dotnet --info | awk '/^ RID:/ { print $2; exit }')
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
expected=tests/TaxiScan.Tests/Fixtures/shenzhen_gb2312.expected_rows.csv

start=$(( $(date +%s%N) / 1000000 ))
dotnet pack src/TaxiScan -o "$work/artifacts" -v quiet > "$work/pack.log" 2>&1 || { cat "$work/pack.log"; exit 1; }
echo "pack: $(seconds "$start") ($rid)"
ls -l "$work/artifacts" | awk 'NR > 1 { printf "      %9d  %s\n", $5, $9 }'
check "three packages: taxiscan, taxiscan.$rid (NativeAOT), taxiscan.any (framework-dependent)" \
    test "$(cd "$work/artifacts" && ls)" = "$(printf '%s\n' "taxiscan.$version.nupkg" "taxiscan.any.$version.nupkg" "taxiscan.$rid.$version.nupkg" | sort)"
check "the pointer package names both RID packages" \
    bash -c "unzip -p '$work/artifacts/taxiscan.$version.nupkg' tools/any/any/DotnetToolSettings.xml | grep -q 'Id=\"taxiscan.$rid\"' &&
             unzip -p '$work/artifacts/taxiscan.$version.nupkg' tools/any/any/DotnetToolSettings.xml | grep -q 'Id=\"taxiscan.any\"'"
check "the $rid package holds one native executable and no IL" \
    bash -c "unzip -l '$work/artifacts/taxiscan.$rid.$version.nupkg' | grep -q ' tools/any/$rid/taxiscan\$' &&
             ! unzip -l '$work/artifacts/taxiscan.$rid.$version.nupkg' | grep -q '\\.dll\$'"

start=$(( $(date +%s%N) / 1000000 ))
dotnet tool install --tool-path "$work/tools" --source "$work/artifacts" taxiscan > "$work/install.log"
echo "install: $(seconds "$start")"
taxiscan=$work/tools/taxiscan
check "the installed command is the NativeAOT build (no taxiscan.dll beside it)" \
    bash -c "[ ! -e \"\$(dirname \"\$(readlink -f '$taxiscan')\")/taxiscan.dll\" ] && head -c 4 '$taxiscan' | grep -q ELF"
for workers in 1 6; do
    start=$(( $(date +%s%N) / 1000000 ))
    status=0
    "$taxiscan" find --id 11865 --workers "$workers" samples/ > "$work/out" 2> "$work/err" || status=$?
    check "find --id 11865 --workers $workers samples/: exit 0 and the recorded rows ($(seconds "$start"))" \
        bash -c "[ $status -eq 0 ] && cmp -s '$work/out' '$expected'"
done
check "completion through the installed tool: find --wo completes to --workers" \
    bash -c "PATH='$work/tools':\$PATH; source <(taxiscan completion bash); COMP_LINE='taxiscan find --wo'; COMP_POINT=18;
             COMP_WORDS=(taxiscan find --wo); COMP_CWORD=2; _taxiscan_complete; [ \"\${COMPREPLY[*]}\" = --workers ]"

if [ "$global" = yes ]; then
    if dotnet tool list --global | grep -q '^taxiscan '; then
        echo "skip  --global: taxiscan is already installed for this user; left alone"
    else
        dotnet tool install --global --source "$work/artifacts" taxiscan > "$work/global.log"
        status=0
        "$HOME/.dotnet/tools/taxiscan" find --id 11865 samples/ > "$work/out" 2> /dev/null || status=$?
        check "dotnet tool install --global: the recorded rows" bash -c "[ $status -eq 0 ] && cmp -s '$work/out' '$expected'"
        dotnet tool uninstall --global taxiscan > /dev/null
        check "dotnet tool uninstall --global: gone again" bash -c "! dotnet tool list --global | grep -q '^taxiscan '"
    fi
fi
[ "$failures" -eq 0 ]
