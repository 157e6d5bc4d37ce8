#!/usr/bin/env bash
# Runs the list benchmarks on SQLite and on a throw-away PostgreSQL server:
#   bench/run.sh                      every benchmark
#   bench/run.sh --filter '*Contracts*'
# The first run seeds 100 000 clients into each database (kept for later runs: the SQLite file in
# $TMPDIR/epicevents-bench, the PostgreSQL cluster is thrown away with the server).
set -euo pipefail

bench_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
repo_root="$(cd -- "$bench_dir/.." && pwd -P)"
server="$repo_root/scripts/postgres-test-server.sh"

pg_dir=""
cleanup() {
    if [[ -n "$pg_dir" ]]; then
        "$server" stop "$pg_dir" || true
        rm -rf -- "$pg_dir"
    fi
}
trap cleanup EXIT

if [[ -z "${EPICEVENTS_BENCH_POSTGRES:-}" ]]; then
    "$server" install
    pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/epicevents-bench-pg.XXXXXX")"
    EPICEVENTS_BENCH_POSTGRES="$("$server" start "$pg_dir")"
    export EPICEVENTS_BENCH_POSTGRES
fi

cd "$repo_root"
dotnet build bench/Crm.Core.Benchmarks -c Release --nologo -v quiet
dotnet bench/Crm.Core.Benchmarks/bin/Release/net10.0/EpicEvents.Crm.Benchmarks.dll prepare
args=("$@")
[[ ${#args[@]} -gt 0 ]] || args=(--filter '*')
dotnet bench/Crm.Core.Benchmarks/bin/Release/net10.0/EpicEvents.Crm.Benchmarks.dll "${args[@]}"
