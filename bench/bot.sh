#!/usr/bin/env bash
# Load test of the bot's /api/messages in local mode, next to the official Bot Framework SDK echo
# bot under the same load (the anchor in ../shared/anchors/botbuilder-js, or ANCHOR_DIR):
#   bench/bot.sh              the load runs, then the telemetry runs
#   bench/bot.sh load         SDK `help` / ours `help` twice, interleaved, then ours `contracts unsigned` twice
#   bench/bot.sh telemetry    ours `help` without telemetry, with an OTLP endpoint on a closed port, on a
#                             listener that accepts connections and never answers, on a collector
#                             that answers at once, and with a Sentry DSN (the SDK) plus that collector;
#                             the five interleaved, ROUNDS times (default 3); each case's requests per
#                             second against the run without telemetry of its round, and their median
# It starts a throw-away PostgreSQL server, fills it once with a demo company of 100 000 clients
# (about 115 000 contracts), links the load generator's Teams identity to a demo manager, then runs
# the anchor's harness (wrk -t2 -c32 -d15s, a fast fake connector that accepts the replies, reply
# counts reconciled) for each case. The bot's peak resident memory is sampled from /proc during each
# run, and the CPU time PostgreSQL spent during it (warm-up included) is read from /proc.
# WARMUP (the anchor's knob) sets how long each bot is loaded before the measured run: 5s by default
# for the load runs, as the anchor's harness does, and 30s for the telemetry runs.
# Each run first waits up to QUIET_WAIT seconds (default 60) for the machine to be quiet, since other
# work on the machine skews every figure. A summary table of every run is printed at the end.
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

what="${1:-all}"
case "$what" in all|load|telemetry) ;; *) echo "usage: bench/bot.sh [all|load|telemetry]" >&2; exit 2 ;; esac
export QUIET_WAIT="${QUIET_WAIT:-60}"

for tool in wrk gcc python3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        [[ $(id -u) -eq 0 ]] || { echo "bench/bot.sh: $tool is missing (apt-get install wrk gcc python3)" >&2; exit 2; }
        # A fresh machine's package lists may be empty or stale: read them first.
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk gcc python3 >/dev/null
    fi
done
"$server" install
session_start="$(date +%Y%m%d-%H%M%S)"

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
collector_pids=()
cleanup() {
    local pid
    for pid in "${collector_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    "$server" stop "$pg_dir" || true
    rm -rf -- "$pg_dir"
}
trap cleanup EXIT
connection="$("$server" start "$pg_dir")"

dotnet publish "$repo_root/src/Cli" -c Release -o "$work/cli" --nologo -v quiet >/dev/null
dotnet publish "$repo_root/src/Bot" -c Release -o "$bot_dir" --nologo -v quiet >/dev/null
export ConnectionStrings__Crm="$connection"
export EPICEVENTS_SIGNING_KEY="bench-only-signing-key-0123456789abcdefghijklmnop"
export EPICEVENTS_CONFIG_DIR="$work/cli-config"
cli() { dotnet "$work/cli/epicevents.dll" "$@"; }
echo "Admin-Password-2026" | cli db init --password-stdin >/dev/null
DOTNET_ENVIRONMENT=Development cli db seed --demo --clients 100000 --json > "$work/seed.json"
manager_email="$(sed -E 's/.*"department":"Management","fullName":"[^"]*","email":"([^"]*)".*/\1/' "$work/seed.json")"
echo "Demo-Password-2026" | cli auth login --email "$manager_email" --password-stdin >/dev/null
manager_id="$(cli auth whoami --json | sed -E 's/.*"collaboratorId":([0-9]+).*/\1/')"
cli collaborator link-teams "$manager_id" --aad-object-id "$aad_object_id" --tenant-id "$tenant" >/dev/null
echo "unsigned contracts: $(cli contract list --unsigned --all --json | grep -o '"id":' | wc -l)"

# Peak RSS of the bot process while the harness runs it.
sample_bot_memory() {
    local peak=0 pid rss
    while true; do
        pid="$(pgrep -f "$bot_dir/EpicEvents.Bot.dll" | head -1 || true)"
        if [[ -n "$pid" ]]; then
            rss="$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)"
            (( rss > peak )) && peak="$rss" && echo "$peak" > "$work/bot-peak-kb"
        fi
        sleep 0.5
    done
}

# CPU seconds (user + system) of the PostgreSQL server and of its backends, exited ones included.
postgres_ticks() {
    local postmaster ticks=0 pid
    postmaster="$(head -1 "$pg_dir/data/postmaster.pid")"
    ticks="$(awk '{ s = $0; sub(/^.*\) /, "", s); split(s, f, " "); print f[12] + f[13] + f[14] + f[15] }' "/proc/$postmaster/stat")"
    for pid in $(ps -o pid= --ppid "$postmaster"); do
        ticks=$(( ticks + $(awk '{ s = $0; sub(/^.*\) /, "", s); split(s, f, " "); print f[12] + f[13] }' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
    done
    echo "$ticks"
}

bot_env="ASPNETCORE_ENVIRONMENT=Development Teams__AllowedTenants__0=$tenant Logging__LogLevel__Default=Warning Bot__EnforceSendRateLimits=false Bot__Digests__Enabled=false"
# ours TEXT [LABEL [ENV...]]: one harness run of the bot answering TEXT, with extra environment.
ours() {
    local text="$1" label="${2:-$1}"
    shift 2 || shift $#
    forget_activities
    echo 0 > "$work/bot-peak-kb"
    sample_bot_memory & local sampler=$!
    local pg0; pg0="$(postgres_ticks)"
    (cd "$work/anchor" && MESSAGE_TEXT="$text" BOT_CMD="env $bot_env $* dotnet $bot_dir/EpicEvents.Bot.dll --urls http://127.0.0.1:3979" \
        BOT_LABEL="Epic Events bot: $label" ./run.sh) || true
    kill "$sampler" 2>/dev/null || true
    echo "Epic Events bot peak RSS: $(( $(cat "$work/bot-peak-kb") / 1024 )) MB"
    echo "PostgreSQL CPU during the run (warm-up included): $(awk -v t=$(( $(postgres_ticks) - pg0 )) -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.2f", t/hz}') s"
}
sdk() { (cd "$work/anchor" && ./run.sh) || true; }

# The harness's sanity message always has the id "1": forget handled ids between runs of ours. Emptied
# rather than deleted from: a run leaves some 75 000 rows, and their dead tuples (and autovacuum
# coming for them in the middle of a later run) would weigh on the runs after it.
psql_bin="$(ls /usr/lib/postgresql/*/bin/psql | sort -V | tail -1)"
forget_activities() {
    local -A part=()
    local pair
    IFS=';' read -ra pairs <<<"$connection"
    for pair in "${pairs[@]}"; do part["${pair%%=*}"]="${pair#*=}"; done
    PGPASSWORD="${part[Password]:-}" "$psql_bin" -q -h "${part[Host]}" -p "${part[Port]}" -U "${part[Username]}" -d "${part[Database]}" \
        -c "TRUNCATE processed_activities" >/dev/null
}

# OTLP endpoints for the telemetry runs: a closed port, a listener that accepts connections and
# never answers, and a collector that answers every export at once.
free_port() {
    local port
    for port in $(seq "$1" $(( $1 + 100 ))); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
    return 1
}
start_collector() { # PORT MODE (blackhole|answer)
    python3 - "$1" "$2" <<'PY' &
import socket, sys, threading
port, mode = int(sys.argv[1]), sys.argv[2]
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen(64)
held = []

def answer(connection):
    # Reads each request (headers, then Content-Length bytes) and answers 200 with an empty body.
    data = b""
    with connection:
        while True:
            while b"\r\n\r\n" not in data:
                chunk = connection.recv(65536)
                if not chunk:
                    return
                data += chunk
            head, data = data.split(b"\r\n\r\n", 1)
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value.strip())
            while len(data) < length:
                chunk = connection.recv(65536)
                if not chunk:
                    return
                data += chunk
            data = data[length:]
            connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/x-protobuf\r\nContent-Length: 0\r\n\r\n")

while True:
    connection, _ = server.accept()
    if mode == "blackhole":
        held.append(connection)  # accepted, never read, never answered
    else:
        threading.Thread(target=answer, args=(connection,), daemon=True).start()
PY
    collector_pids+=("$!")
}

run_load() {
    sdk
    ours help
    sdk
    ours help
    ours "contracts unsigned"
    ours "contracts unsigned"
}

run_telemetry() {
    local closed blackhole answering round
    # What telemetry costs a running bot's turn: in the first 20 s after start both bots are still
    # compiling their hot paths, the one with telemetry more of them, and that, not the cost per turn,
    # is what a 5 s warm-up would measure (bench/README.md, "a reporting scope per request").
    export WARMUP="${WARMUP:-30s}"
    closed="$(free_port 4400)"
    blackhole="$(free_port $(( closed + 1 )))"
    start_collector "$blackhole" blackhole
    answering="$(free_port $(( blackhole + 1 )))"
    start_collector "$answering" answer
    sleep 1
    for round in $(seq "${ROUNDS:-3}"); do
        ours help "help, no telemetry"
        ours help "help, OTLP endpoint on a closed port" "Otlp__Endpoint=http://127.0.0.1:$closed"
        ours help "help, OTLP endpoint that never answers" "Otlp__Endpoint=http://127.0.0.1:$blackhole"
        ours help "help, OTLP collector that answers" "Otlp__Endpoint=http://127.0.0.1:$answering"
        ours help "help, Sentry DSN and OTLP collector that answer" "Sentry__Dsn=http://benchkey@127.0.0.1:$answering/1" "Otlp__Endpoint=http://127.0.0.1:$answering"
    done
}

[[ "$what" == telemetry ]] || run_load
[[ "$what" == load ]] || run_telemetry

echo
echo "Summary (this session's runs; bot CPU per reply in ms):"
awk -F'\t' -v since="$session_start" 'NR > 1 && $1 >= since { printf "%-62s req/s %7s  p50 %7s  p99 %8s  cpu/reply %6s  %s\n", $26, $7, $8, $10, $20, $25 }' \
    "$work/anchor/results/summary.tsv"
[[ "$what" == load ]] || awk -F'\t' -v since="$session_start" '
    NR > 1 && $1 >= since && $26 ~ /^Epic Events bot: help, / {
        label = substr($26, length("Epic Events bot: help, ") + 1)
        if (label == "no telemetry") { base = $7; next }
        if (base > 0) { n[label]++; ratio[label, n[label]] = $7 / base; if (!(label in order)) order[label] = ++cases }
    }
    END {
        if (cases == 0) exit
        print ""
        print "Requests per second against the run without telemetry of the same round (median):"
        for (i = 1; i <= cases; i++) for (label in order) if (order[label] == i) {
            line = ""; count = n[label]
            for (k = 1; k <= count; k++) { v[k] = ratio[label, k]; line = line sprintf(" %5.1f%%", 100 * v[k]) }
            for (a = 1; a <= count; a++) for (b = a + 1; b <= count; b++) if (v[b] < v[a]) { t = v[a]; v[a] = v[b]; v[b] = t }
            median = count % 2 ? v[(count + 1) / 2] : (v[count / 2] + v[count / 2 + 1]) / 2
            printf "  %-52s%s  (median %5.1f%%)\n", label, line, 100 * median
        }
    }' "$work/anchor/results/summary.tsv"
