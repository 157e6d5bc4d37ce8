#!/usr/bin/env bash
# The outbox benchmark: 1 000 notifications to 1 000 recipients of one tenant, delivered by the
# published bot (local mode, its real outbox sender) to a loopback Bot Connector that allows 30
# requests per second per tenant (429 with Retry-After: 1 beyond) and answers 20 % of the requests
# it admits with an injected 429 or 502, at random:
#   bench/outbox.sh                        three runs with the default settings (seeds 1, 2, 3)
#   bench/outbox.sh --seed 4 -- --Bot:Outbox:Parallelism=64    one run; after --, the bot's settings
# Each run gets a fresh database on a throw-away PostgreSQL server (as the tests use), prints what
# it measured, and fails unless every notification was delivered exactly once.
set -euo pipefail

bench_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
repo_root="$(cd -- "$bench_dir/.." && pwd -P)"
server="$repo_root/scripts/postgres-test-server.sh"
work="${TMPDIR:-/tmp}/epicevents-outbox-bench"

pg_dir=""
cleanup() {
    if [[ -n "$pg_dir" ]]; then
        "$server" stop "$pg_dir" || true
        rm -rf -- "$pg_dir"
    fi
}
trap cleanup EXIT

admin="${EPICEVENTS_BENCH_POSTGRES:-}"
if [[ -z "$admin" ]]; then
    "$server" install
    mkdir -p "$work"
    pg_dir="$(mktemp -d "$work/pg.XXXXXX")"
    admin="$("$server" start "$pg_dir")"
fi

cd "$repo_root"
dotnet publish src/Bot -c Release -o "$work/bot" --nologo -v quiet
dotnet build bench/Outbox.Benchmark -c Release --nologo -v quiet
run() {
    dotnet bench/Outbox.Benchmark/bin/Release/net10.0/EpicEvents.Bench.Outbox.dll \
        --admin "$admin" --bot "$work/bot/EpicEvents.Bot.dll" "$@"
}

if [[ $# -gt 0 ]]; then
    run "$@"
else
    for seed in 1 2 3; do
        run --seed "$seed" --label "defaults, seed $seed"
    done
fi
