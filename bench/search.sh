#!/usr/bin/env bash
# Time of the bot's compose-box searches, end to end: HTTP POST of a composeExtension/query invoke to
# the published bot in local mode, answered with the first page of results (25 cards), on a demo
# company of 100 000 clients (about 115 000 contracts and 97 000 events), on SQLite and PostgreSQL:
#   bench/search.sh                 both databases
#   bench/search.sh sqlite          one of them (sqlite|postgres)
# One request at a time (wrk -t1 -c1): each answer's latency, not throughput. Each case runs 3 s to
# warm up, then 10 s measured; the median, 95th and 99th percentiles are printed.
# The SQLite file is seeded once into $TMPDIR/epicevents-search-bench and kept; PostgreSQL is a
# throw-away server seeded at each run.
set -euo pipefail

bench_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
repo_root="$(cd -- "$bench_dir/.." && pwd -P)"
work="${TMPDIR:-/tmp}/epicevents-search-bench"
server="$repo_root/scripts/postgres-test-server.sh"
port="${SEARCH_BENCH_PORT:-3981}"
readonly tenant="5d1c3f0e-7a2b-4c9d-8e6f-0a1b2c3d4e5f"
readonly aad_object_id="9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4"
databases=("${@:-sqlite postgres}")
read -ra databases <<<"${databases[*]}"

command -v wrk >/dev/null 2>&1 || { echo "bench/search.sh: wrk is missing (apt-get install wrk)" >&2; exit 2; }
mkdir -p "$work"
dotnet publish "$repo_root/src/Cli" -c Release -o "$work/cli" --nologo -v quiet >/dev/null
dotnet publish "$repo_root/src/Bot" -c Release -o "$work/bot" --nologo -v quiet >/dev/null
export EPICEVENTS_SIGNING_KEY="bench-only-signing-key-0123456789abcdefghijklmnop"
cli() { dotnet "$work/cli/epicevents.dll" "$@"; }

pg_dir=""
bot_pid=""
cleanup() {
    [[ -n "$bot_pid" ]] && kill "$bot_pid" 2>/dev/null && wait "$bot_pid" 2>/dev/null
    if [[ -n "$pg_dir" ]]; then "$server" stop "$pg_dir" || true; rm -rf -- "$pg_dir"; fi
}
trap cleanup EXIT

# A demo company, and the load generator's Teams identity linked to one of its managers.
prepare() {
    local name="$1"
    export EPICEVENTS_CONFIG_DIR="$work/config-$name"
    if [[ ! -f "$work/seeded-$name" ]]; then
        echo "Admin-Password-2026" | cli db init --password-stdin >/dev/null
        DOTNET_ENVIRONMENT=Development cli db seed --demo --clients 100000 --json > "$work/seed-$name.json"
        touch "$work/seeded-$name"
    fi
    local manager_email manager_id
    manager_email="$(sed -E 's/.*"department":"Management","fullName":"[^"]*","email":"([^"]*)".*/\1/' "$work/seed-$name.json")"
    echo "Demo-Password-2026" | cli auth login --email "$manager_email" --password-stdin >/dev/null
    manager_id="$(cli auth whoami --json | sed -E 's/.*"collaboratorId":([0-9]+).*/\1/')"
    cli collaborator link-teams "$manager_id" --aad-object-id "$aad_object_id" --tenant-id "$tenant" >/dev/null 2>&1 || true
}

start_bot() {
    ASPNETCORE_ENVIRONMENT=Development Teams__AllowedTenants__0="$tenant" Logging__LogLevel__Default=Warning \
        dotnet "$work/bot/EpicEvents.Bot.dll" --urls "http://127.0.0.1:$port" >"$work/bot.log" 2>&1 &
    bot_pid=$!
    for _ in $(seq 1 60); do
        curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
        sleep 1
    done
    echo "bench/search.sh: the bot did not start (see $work/bot.log)" >&2
    exit 1
}

stop_bot() {
    kill "$bot_pid" 2>/dev/null || true
    wait "$bot_pid" 2>/dev/null || true
    bot_pid=""
}

measure() {
    local label="$1" command="$2" text="$3"
    export SEARCH_COMMAND="$command" SEARCH_TEXT="$text" TENANT_ID="$tenant" AAD_OBJECT_ID="$aad_object_id"
    wrk -t1 -c1 -d3s -s "$bench_dir/search.lua" "http://127.0.0.1:$port" >/dev/null
    printf '%-48s %s' "$label" "$(wrk -t1 -c1 -d10s -s "$bench_dir/search.lua" "http://127.0.0.1:$port" | tail -1)"
    echo
}

for database in "${databases[@]}"; do
    case "$database" in
        sqlite) export ConnectionStrings__Crm="Data Source=$work/crm.db" ;;
        postgres)
            "$server" install
            pg_dir="$(mktemp -d "$work/pg.XXXXXX")"
            rm -f "$work/seeded-postgres"
            ConnectionStrings__Crm="$("$server" start "$pg_dir")"
            export ConnectionStrings__Crm ;;
        *) echo "bench/search.sh: unknown database $database (sqlite|postgres)" >&2; exit 2 ;;
    esac
    prepare "$database"
    # The words of one client found in the data: a common one (its company's first word) and a rare one (its email).
    common="$(cli client list --json | sed -E 's/.*"companyName":"([^ "]*)[ "].*/\1/;q')"
    rare="$(cli client list --json | sed -E 's/.*"email":"([^"]*)".*/\1/;q')"
    number="#$(cli contract list --json | sed -E 's/^[^0-9]*"id":([0-9]+).*/\1/;q')"
    start_bot
    echo "== $database (load average: $(cut -d' ' -f1-3 /proc/loadavg); common word: $common; rare: $rare)"
    measure "clients: as the box opens" searchClients ""
    measure "clients: common word" searchClients "$common"
    measure "clients: one match (an email)" searchClients "$rare"
    measure "clients: two letters, no match" searchClients "qx"
    measure "contracts: as the box opens" searchContracts ""
    measure "contracts: common word (client)" searchContracts "$common"
    measure "contracts: a number ($number)" searchContracts "$number"
    measure "contracts: one client (an email)" searchContracts "$rare"
    measure "contracts: two letters, no match" searchContracts "qx"
    measure "events: as the box opens" searchEvents ""
    measure "events: common word (name)" searchEvents "gala"
    measure "events: common word (client)" searchEvents "$common"
    measure "events: one client (an email)" searchEvents "$rare"
    measure "events: no match" searchEvents "qxqxq"
    measure "events: two letters, no match" searchEvents "qx"
    stop_bot
    if [[ -n "$pg_dir" ]]; then "$server" stop "$pg_dir" || true; rm -rf -- "$pg_dir"; pg_dir=""; fi
done
