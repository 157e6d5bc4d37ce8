#!/usr/bin/env bash
# Load test of the bot's /api/messages in local mode, next to the official Bot Framework SDK echo
# bot under the same load (the anchor in ../shared/anchors/botbuilder-js, or ANCHOR_DIR):
#   bench/bot.sh
# It starts a throw-away PostgreSQL server, fills it once with a demo company of 100 000 clients
# (about 115 000 contracts), links the load generator's Teams identity to a demo manager, then runs
# the anchor's harness (wrk -t2 -c32 -d15s, a fast fake connector that accepts the replies, reply
# counts reconciled) four times, interleaved: SDK `help`, ours `help`, SDK `help`, ours `help`, then
# ours `contracts unsigned`. The bot's peak resident memory is sampled from /proc during each run.
# All load comes from one Teams user in one conversation of one tenant, which Teams would throttle
# (7 sends/s per conversation, about 30/s per tenant): the bot's own limiter is turned off for the
# fake connector (Bot:EnforceSendRateLimits=false), as the SDK bot has none.
set -euo pipefail

bench_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
repo_root="$(cd -- "$bench_dir/.." && pwd -P)"
anchor_source="${ANCHOR_DIR:-$repo_root/../shared/anchors/botbuilder-js}"
work="${TMPDIR:-/tmp}/epicevents-bot-bench"
server="$repo_root/scripts/postgres-test-server.sh"
# The load generator's identity (anchors/botbuilder-js/load/message.lua).
readonly tenant="72f988bf-86f1-41af-91ab-2d7cd011db47"
readonly aad_object_id="6b1a3e4c-2f0d-4b8e-9a51-3c7d2e8f9a10"

for tool in wrk gcc; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        [[ $(id -u) -eq 0 ]] || { echo "bench/bot.sh: $tool is missing (apt-get install wrk gcc)" >&2; exit 2; }
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk gcc >/dev/null
    fi
done
"$server" install

mkdir -p "$work"
rm -rf "$work/anchor"
cp -r "$anchor_source" "$work/anchor"
# wrk numbers activity ids from 1 in each run, so the warm-up's ids come back in the measured run.
# The bot drops a redelivered id (as Teams requires, and across restarts: its ledger is in the
# database), so the copy used here prefixes the ids with the start time of each wrk run.
sed -i -e 's/^  seq = 0$/  seq = 0\n  prefix = tostring(os.time())/' \
       -e 's/string.format("%d%09d", tid, seq)/prefix .. string.format("%d%09d", tid, seq)/' \
       "$work/anchor/load/message.lua"
grep -q 'prefix .. string.format' "$work/anchor/load/message.lua" || { echo "bench/bot.sh: the anchor's message.lua changed; update the id prefix" >&2; exit 2; }
(cd "$work/anchor/echo-bot" && npm ci --silent --no-audit --no-fund)

pg_dir="$(mktemp -d "$work/pg.XXXXXX")"
bot_dir="$work/bot"
cleanup() { "$server" stop "$pg_dir" || true; rm -rf -- "$pg_dir"; }
trap cleanup EXIT
connection="$("$server" start "$pg_dir")"

dotnet publish "$repo_root/src/Cli" -c Release -o "$work/cli" --nologo -v quiet >/dev/null
dotnet publish "$repo_root/src/Bot" -c Release -o "$bot_dir" --nologo -v quiet >/dev/null
export ConnectionStrings__Crm="$connection"
export EPICEVENTS_SIGNING_KEY="bench-only-signing-key-0123456789abcdefghijklmnop"
export EPICEVENTS_CONFIG_DIR="$work/cli-config"
cli() { dotnet "$work/cli/epicevents.dll" "$@"; }
echo "Admin-Password-2026" | cli db init --password-stdin >/dev/null
cli db seed --demo --clients 100000 --json > "$work/seed.json"
manager_email="$(sed -E 's/.*"department":"Management","fullName":"[^"]*","email":"([^"]*)".*/\1/' "$work/seed.json")"
echo "Demo-Password-2026" | cli auth login --email "$manager_email" --password-stdin >/dev/null
manager_id="$(cli auth whoami --json | sed -E 's/.*"collaboratorId":([0-9]+).*/\1/')"
cli collaborator link-teams "$manager_id" --aad-object-id "$aad_object_id" --tenant-id "$tenant" >/dev/null
echo "unsigned contracts: $(cli contract list --unsigned --all --json | grep -o '"id":' | wc -l)"

# Peak RSS of the bot process while the harness runs it.
sample_bot_memory() {
    local peak=0 pid rss
    while true; do
        pid="$(pgrep -f "EpicEvents.Bot.dll" | head -1 || true)"
        if [[ -n "$pid" ]]; then
            rss="$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)"
            (( rss > peak )) && peak="$rss" && echo "$peak" > "$work/bot-peak-kb"
        fi
        sleep 0.5
    done
}

bot_cmd="env ASPNETCORE_ENVIRONMENT=Development Teams__AllowedTenants__0=$tenant Logging__LogLevel__Default=Warning Bot__EnforceSendRateLimits=false dotnet $bot_dir/EpicEvents.Bot.dll --urls http://127.0.0.1:3979"
ours() {
    local text="$1"
    forget_activities
    echo 0 > "$work/bot-peak-kb"
    sample_bot_memory & local sampler=$!
    (cd "$work/anchor" && MESSAGE_TEXT="$text" BOT_CMD="$bot_cmd" BOT_LABEL="Epic Events bot: $text" ./run.sh) || true
    kill "$sampler" 2>/dev/null || true
    echo "Epic Events bot peak RSS: $(( $(cat "$work/bot-peak-kb") / 1024 )) MB"
}
sdk() { (cd "$work/anchor" && ./run.sh) || true; }

# The harness's sanity message always has the id "1": forget handled ids between runs of ours.
psql_bin="$(ls /usr/lib/postgresql/*/bin/psql | sort -V | tail -1)"
forget_activities() {
    local -A part=()
    local pair
    IFS=';' read -ra pairs <<<"$connection"
    for pair in "${pairs[@]}"; do part["${pair%%=*}"]="${pair#*=}"; done
    PGPASSWORD="${part[Password]:-}" "$psql_bin" -q -h "${part[Host]}" -p "${part[Port]}" -U "${part[Username]}" -d "${part[Database]}" \
        -c "DELETE FROM processed_activities" >/dev/null
}

sdk
ours help
sdk
ours help
ours "contracts unsigned"
