#!/usr/bin/env bash
# Whole-process time and peak memory of the `epicevents` program on a SQLite file of 100 000 clients:
#   bench/cli.sh            the tool as users get it: `dotnet pack` (ReadyToRun, this platform's
#                           package) then `dotnet tool install` into a folder of the bench
#   bench/cli.sh --jit      the same program published without ReadyToRun, for comparison
# The database is seeded once into $TMPDIR/epicevents-cli-bench and kept for later runs.
# Each case runs 2 warm-up times, then 9 measured times; the median and the worst peak RSS are printed.
set -euo pipefail

bench_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
repo_root="$(cd -- "$bench_dir/.." && pwd -P)"
work="${TMPDIR:-/tmp}/epicevents-cli-bench"
ready_to_run=true
[[ "${1:-}" == "--jit" ]] && ready_to_run=false
mkdir -p "$work/config"

if [[ "$ready_to_run" == true ]]; then
    # A version of its own each time, so that NuGet's cache never hands back an older build.
    version="1.0.0-bench.$(date +%s)"
    rid="$(dotnet --info | sed -n 's/^ *RID: *//p' | sed -n 1p)"
    rm -rf "$work/artifacts" "$work/tool"
    dotnet pack "$repo_root/src/Cli" -c Release -p:Version="$version" -p:ToolRuntimeIdentifiers="$rid" \
        -o "$work/artifacts" --nologo -v quiet >/dev/null
    dotnet tool install epicevents --tool-path "$work/tool" --add-source "$work/artifacts" --version "$version" >/dev/null
    cli="$work/tool/epicevents"
else
    publish="$work/publish-jit"
    dotnet publish "$repo_root/src/Cli" -c Release -r linux-x64 --self-contained false \
        -p:PublishReadyToRun=false -o "$publish" --nologo -v quiet >/dev/null
    cli="$publish/epicevents"
fi

export ConnectionStrings__Crm="Data Source=$work/crm.db"
export EPICEVENTS_CONFIG_DIR="$work/config"
if [[ ! -f "$work/crm.db" ]]; then
    echo "Admin-Password-2026" | "$cli" db init --password-stdin >/dev/null
    DOTNET_ENVIRONMENT=Development "$cli" db seed --demo --clients 100000 --json > "$work/seed.json"
fi
manager_email="$(sed -E 's/.*"department":"Management","fullName":"[^"]*","email":"([^"]*)".*/\1/' "$work/seed.json")"
echo "Demo-Password-2026" | "$cli" auth login --email "$manager_email" --password-stdin >/dev/null

# shellcheck source=bench/measure.sh
source "$bench_dir/measure.sh"

rows() { "$cli" "$@" | grep -o '"id":' | wc -l; }
echo "ReadyToRun: $ready_to_run; unsigned contracts: $(rows contract list --unsigned --all --json); unassigned events: $(rows event list --unassigned --all --json); contracts: $(rows contract list --all --json)"
measure "contract list --unsigned --json (first page)" "$cli" contract list --unsigned --json
measure "event list --unassigned --json (first page)" "$cli" event list --unassigned --json
measure "contract list --unsigned --all --json" "$cli" contract list --unsigned --all --json
measure "event list --unassigned --all --json" "$cli" event list --unassigned --all --json
measure "contract list --all --json (every contract)" "$cli" contract list --all --json
measure "client list --all --json (100 000 rows)" "$cli" client list --all --json
measure "client list --all (table, 100 000 rows)" "$cli" client list --all
measure "--help (start-up alone, no database)" "$cli" --help
