#!/usr/bin/env bash
# The CLI in remote mode against the CRM server, next to the local mode, on one PostgreSQL company
# of 100 000 clients; then the server's API under load with wrk (32 connections).
#
#   bench/remote.sh            # publish, seed a fresh database (about a minute), measure
#
# Needs wrk (Debian: apt-get install wrk). Uses a throw-away PostgreSQL server as the tests do, or
# the one in EPICEVENTS_BENCH_POSTGRES (an admin connection string).
set -euo pipefail

bench_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
repo_root="$(cd -- "$bench_dir/.." && pwd -P)"
work="${TMPDIR:-/tmp}/epicevents-remote-bench"
mkdir -p "$work/operator" "$work/manager"
command -v wrk >/dev/null || { echo "remote.sh: wrk is missing (apt-get install wrk)" >&2; exit 1; }

pg_dir=""
server_pid=""
cleanup() {
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
    if [[ -n "$pg_dir" ]]; then "$repo_root/scripts/postgres-test-server.sh" stop "$pg_dir" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

admin="${EPICEVENTS_BENCH_POSTGRES:-}"
if [[ -z "$admin" ]]; then
    "$repo_root/scripts/postgres-test-server.sh" install
    pg_dir="$work/pg"
    rm -rf "$pg_dir"
    admin="$("$repo_root/scripts/postgres-test-server.sh" start "$pg_dir")"
fi
database="${admin/Database=postgres/Database=crm_remote_bench}"

publish="$work/publish"
dotnet publish "$repo_root/src/Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$publish" --nologo -v quiet >/dev/null
dotnet build "$repo_root/src/Bot" -c Release --nologo -v quiet >/dev/null
cli="$publish/epicevents"
key="$(head -c 48 /dev/urandom | base64 -w0)"

operator() { ConnectionStrings__Crm="$database" Auth__SigningKey="$key" EPICEVENTS_CONFIG_DIR="$work/operator" "$cli" "$@"; }
rm -rf "$work/operator" "$work/manager" "$work/operator-session" && mkdir -p "$work/operator" "$work/manager"
pg_field() { echo "$admin" | tr ';' '\n' | sed -n "s/^$1=//p"; }
psql -h "$(pg_field Host)" -p "$(pg_field Port)" -U "$(pg_field Username)" -d postgres -qc "DROP DATABASE IF EXISTS crm_remote_bench" >/dev/null 2>&1
psql -h "$(pg_field Host)" -p "$(pg_field Port)" -U "$(pg_field Username)" -d postgres -qc "CREATE DATABASE crm_remote_bench" >/dev/null
echo "Admin-Password-2026" | operator db init --password-stdin >/dev/null
DOTNET_ENVIRONMENT=Development operator db seed --demo --clients 100000 --json > "$work/seed.json"
manager_email="$(sed -E 's/.*"department":"Management","fullName":"[^"]*","email":"([^"]*)".*/\1/' "$work/seed.json")"

port=5197
ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Crm="$database" Auth__SigningKey="$key" Bot__Outbox__Enabled=false Bot__Digests__Enabled=false \
    Logging__LogLevel__Default=Warning Api__Login__PerAddressPerMinute=1000 \
    dotnet "$repo_root/src/Bot/bin/Release/net10.0/EpicEvents.Bot.dll" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.5; done

export EPICEVENTS_CONFIG_DIR="$work/manager"
echo "Demo-Password-2026" | "$cli" auth login --server "http://127.0.0.1:$port" --email "$manager_email" --password-stdin >/dev/null
token="$(cat "$work/manager/session")"

# shellcheck source=bench/measure.sh
source "$bench_dir/measure.sh"
export RUNS=13
local_cli() { ConnectionStrings__Crm="$database" Auth__SigningKey="$key" EPICEVENTS_CONFIG_DIR="$work/operator-session" "$cli" "$@"; }
mkdir -p "$work/operator-session"
echo "Demo-Password-2026" | local_cli auth login --local --email "$manager_email" --password-stdin >/dev/null

for round in 1 2; do
    echo "round $round"
    measure "remote: contract list --unsigned --json (first page)" "$cli" contract list --unsigned --json
    measure "local (PostgreSQL): contract list --unsigned --json" env ConnectionStrings__Crm="$database" Auth__SigningKey="$key" EPICEVENTS_CONFIG_DIR="$work/operator-session" "$cli" contract list --unsigned --json
    measure "remote: event list --unassigned --json (first page)" "$cli" event list --unassigned --json
    measure "local (PostgreSQL): event list --unassigned --json" env ConnectionStrings__Crm="$database" Auth__SigningKey="$key" EPICEVENTS_CONFIG_DIR="$work/operator-session" "$cli" event list --unassigned --json
    measure "remote: auth whoami" "$cli" auth whoami
    measure "--help (start-up alone)" "$cli" --help
done

echo "GET /api/v1/contracts?unsigned=true, 32 connections, 2 threads, 10 s warm-up then 30 s:"
wrk -t2 -c32 -d10s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/contracts?unsigned=true" >/dev/null
wrk -t2 -c32 -d30s --latency -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/contracts?unsigned=true"
