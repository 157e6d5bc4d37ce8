#!/usr/bin/env bash
# Runs the Teams bot on this machine with a demo company, and the Microsoft 365 Agents Playground
# (a local Teams emulator) to chat with it in a browser: ./scripts/run.sh
#
#   1. builds the bot and the epicevents CLI (Release);
#   2. installs the playground (npm ci in e2e/) if needed;
#   3. creates or upgrades the SQLite database shared with the CLI
#      (${XDG_DATA_HOME:-~/.local/share}/epicevents/crm.db) and, when it holds no clients yet,
#      fills it with demo data;
#   4. links the playground's mock people (e2e/.m365agentsplayground.yml) to demo collaborators:
#      Maud Manager → the demo manager, Sam Sales → a demo salesperson, Sue Support → a demo
#      support person (as the demo manager, password Demo-Password-2026);
#      and gives those collaborators the playground people's names and emails;
#   5. starts the bot on 127.0.0.1:3978 (local mode: no app id, Development) and the playground on
#      port 56150, prints the address to open, and stops both on Ctrl+C.
#
# The playground's chat is Sam Sales's. To chat as the manager or the support person at the same
# time, run in a second terminal, while the first one runs:
#
#   ./scripts/run.sh --as manager      # Maud Manager's playground on port 56151
#   ./scripts/run.sh --as support      # Sue Support's playground on port 56152
#
# Logs (bot, playground, database set-up) are kept after it stops, in
# ${XDG_STATE_HOME:-~/.local/state}/epicevents/logs (the previous run's end in .previous).
# Environment: EPICEVENTS_BOT_PORT (3978), EPICEVENTS_PLAYGROUND_PORT (56150),
# EPICEVENTS_PLAYGROUND_CONFIG (another mock tenant file); --as uses its own port and file.
set -euo pipefail

script_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
repo_root="$(cd -- "$script_dir/.." && pwd -P)"
cd "$repo_root"

export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"
export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"

as_person=""
case "${1:-}" in
    "") ;;
    --as)
        as_person="${2:-}"
        [[ "$as_person" == "manager" || "$as_person" == "support" ]] || { printf 'run.sh: --as takes manager or support\n' >&2; exit 2; }
        [[ $# -le 2 ]] || { printf 'run.sh: unexpected argument %s after --as %s\n' "$3" "$as_person" >&2; exit 2; }
        ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) printf 'run.sh: unknown argument %s (try --help)\n' "$1" >&2; exit 2 ;;
esac

readonly bot_port="${EPICEVENTS_BOT_PORT:-3978}"
if [[ -n "$as_person" ]]; then
    # The first playground's settings do not apply to the second one.
    readonly playground_port=$([[ "$as_person" == "manager" ]] && echo 56151 || echo 56152)
    readonly playground_config="$repo_root/e2e/playground-as-$as_person.yml"
else
    readonly playground_port="${EPICEVENTS_PLAYGROUND_PORT:-56150}"
    readonly playground_config="${EPICEVENTS_PLAYGROUND_CONFIG:-$repo_root/e2e/.m365agentsplayground.yml}"
fi
readonly log_dir="${XDG_STATE_HOME:-$HOME/.local/state}/epicevents/logs"
readonly data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/epicevents"
readonly database="$data_dir/crm.db"
readonly demo_password="Demo-Password-2026"

log() { printf 'run.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

command -v dotnet >/dev/null 2>&1 || die "the .NET SDK is missing (https://dot.net)"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    die "Node.js and npm are missing (Debian: apt-get install nodejs npm)"
fi
command -v curl >/dev/null 2>&1 || die "curl is missing (Debian: apt-get install curl)"
[[ -f "$playground_config" ]] || die "no playground configuration at $playground_config"

work="$(mktemp -d "${TMPDIR:-/tmp}/epicevents-run.XXXXXX")"
# The set-up log holds the first administrator's temporary password: logs are the user's only.
umask 077
mkdir -p "$log_dir" && chmod 700 "$log_dir"
# keep_log NAME: the log file NAME of this run; the previous run's is kept as NAME.previous.
keep_log() { [[ -f "$log_dir/$1" ]] && mv -f "$log_dir/$1" "$log_dir/$1.previous"; printf '%s' "$log_dir/$1"; }
bot_pid=""
playground_pid=""
# shellcheck disable=SC2317  # invoked by the traps
stop() {
    local pid
    for pid in "$playground_pid" "$bot_pid"; do
        [[ -n "$pid" ]] || continue
        # Each was started in its own process group (setsid): end the group, children included.
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "$playground_pid" "$bot_pid"; do
        [[ -n "$pid" ]] || continue
        for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        kill -KILL -- "-$pid" 2>/dev/null || true
    done
    playground_pid=""
    bot_pid=""
    rm -rf -- "$work"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# start_playground: the Agents Playground on $playground_port with $playground_config, talking to the
# bot on $bot_port, its output in $playground_log; returns once it answers (sets playground_pid).
start_playground() {
    (
        cd e2e
        TEAMSAPPTESTER_BROWSER=none \
        M365_AGENTS_PLAYGROUND_CONFIG_PATH="$playground_config" \
            exec setsid npx --no-install agentsplayground start \
                -e "http://127.0.0.1:$bot_port/api/messages" -c msteams -p "$playground_port" --disable-telemetry
    ) >"$playground_log" 2>&1 &
    playground_pid=$!
    local i
    for i in $(seq 1 120); do
        curl -fsS "http://localhost:$playground_port/_debug/ping" >/dev/null 2>&1 && return 0
        if ! kill -0 "$playground_pid" 2>/dev/null || [[ "$i" -eq 120 ]]; then
            tail -n 40 "$playground_log" >&2 || true
            die "the playground did not start on port $playground_port"
        fi
        sleep 0.5
    done
}

# --- a second playground, as the manager or the support person -----------------------------------
if [[ -n "$as_person" ]]; then
    curl -fsS "http://127.0.0.1:$bot_port/readyz" >/dev/null 2>&1 \
        || die "no bot on http://127.0.0.1:$bot_port: start ./scripts/run.sh first, in another terminal"
    [[ -f e2e/node_modules/@microsoft/m365agentsplayground/cli.js ]] || die "the playground is not installed: start ./scripts/run.sh first"
    playground_log="$(keep_log "playground-$as_person.log")"
    start_playground
    name=$([[ "$as_person" == "manager" ]] && echo "Maud Manager" || echo "Sue Support")
    printf '\n  Open http://localhost:%s/ and chat with the bot as %s.\n  Log: %s · Ctrl+C stops this playground (the bot keeps running).\n\n' "$playground_port" "$name" "$playground_log"
    while kill -0 "$playground_pid" 2>/dev/null; do sleep 1; done
    die "the playground stopped (log: $playground_log)"
fi

# --- 1. build ---------------------------------------------------------------------------------
log "building the bot and the CLI (Release)"
dotnet build src/Bot/Bot.csproj -c Release -v quiet -nologo >&2
dotnet build src/Cli/Cli.csproj -c Release -v quiet -nologo >&2
bot_dll="$repo_root/src/Bot/bin/Release/net10.0/EpicEvents.Bot.dll"
cli_dll="$repo_root/src/Cli/bin/Release/net10.0/epicevents.dll"
[[ -f "$bot_dll" && -f "$cli_dll" ]] || die "build output not found ($bot_dll, $cli_dll)"

# --- 2. playground ----------------------------------------------------------------------------
if [[ ! -f e2e/node_modules/@microsoft/m365agentsplayground/cli.js ]]; then
    log "installing the Agents Playground (npm ci in e2e/)"
    (cd e2e && npm ci --no-audit --no-fund >&2)
fi

# --- 3. database --------------------------------------------------------------------------------
mkdir -p "$data_dir" && chmod 700 "$data_dir"
export ConnectionStrings__Crm="Data Source=$database"
epicevents() { dotnet "$cli_dll" "$@"; }

log "database: $database"
# The first administrator's temporary password is not needed to try the product: it stays in the log.
setup_log="$(keep_log setup.log)"
epicevents db init --lang en >"$setup_log" 2>&1 || { cat "$setup_log" >&2; die "db init failed"; }
seed_report="$work/seed.json"
set +e
DOTNET_ENVIRONMENT=Development epicevents db seed --demo --json --lang en >"$seed_report" 2>"$work/seed.err"
seed_rc=$?
set -e
if [[ "$seed_rc" -eq 0 ]]; then
    log "demo company created (every demo account's password: $demo_password)"
elif [[ "$seed_rc" -eq 7 ]]; then
    log "the database already holds clients: no demo data added"
    : >"$seed_report"
else
    cat "$work/seed.err" >&2
    die "db seed --demo failed (exit $seed_rc)"
fi

# --- 4. Teams links -------------------------------------------------------------------------------
# yaml_value KEY: the first "KEY: value" of the mock tenant file (ids are plain scalars there).
yaml_value() { sed -n "s/^[[:space:]]*-\{0,1\}[[:space:]]*$1:[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*\$/\1/p" "$playground_config" | head -n 1; }
# aad_of NAME: the aadObjectId of the mock person named NAME.
aad_of() { awk -v name="$1" '$1 == "name:" { sub(/^[[:space:]]*name:[[:space:]]*/, ""); current = $0 } $1 == "aadObjectId:" && current == name { print $2; exit }' "$playground_config"; }
tenant_id="$(yaml_value tenantId)"
[[ -n "$tenant_id" ]] || die "no tenantId in $playground_config"

if [[ -s "$seed_report" ]]; then
    # The demo manager's session lives in a throw-away config directory, not in yours.
    export EPICEVENTS_CONFIG_DIR="$work/config"
    # department → email of the first demo login of that department, from the seed report
    login_of() { node -e 'const r = require(process.argv[1]); const l = r.logins.find(x => x.department === process.argv[2]); if (l) console.log(l.email);' "$seed_report" "$1"; }
    manager_email="$(login_of Management)"
    printf '%s\n' "$demo_password" | epicevents auth login --email "$manager_email" --password-stdin --json >/dev/null
    epicevents collaborator list --all --json >"$work/staff.json"
    # email_of NAME: the email of the mock person named NAME.
    email_of() { awk -v name="$1" '$1 == "name:" { sub(/^[[:space:]]*name:[[:space:]]*/, ""); current = $0 } $1 == "email:" && current == name { print $2; exit }' "$playground_config"; }
    for pair in "Management:Maud Manager" "Sales:Sam Sales" "Support:Sue Support"; do
        department="${pair%%:*}"
        person="${pair#*:}"
        email="$(login_of "$department")"
        id="$(node -e 'const s = require(process.argv[1]); const c = s.items.find(x => x.email === process.argv[2]); if (c) console.log(c.id);' "$work/staff.json" "$email")"
        aad="$(aad_of "$person")"
        if [[ -z "$id" || -z "$aad" ]]; then
            log "warning: cannot link $person (collaborator ${email:-?}, aadObjectId ${aad:-?})"
            continue
        fi
        epicevents collaborator link-teams "$id" --aad-object-id "$aad" --tenant-id "$tenant_id" --lang en >>"$setup_log"
        # The person in the playground and in the CRM are one: same name, same email (to log in with the CLI too).
        person_email="$(email_of "$person")"
        if [[ -n "$person_email" ]]; then
            epicevents collaborator update "$id" --name "$person" --email "$person_email" --lang en >>"$setup_log"
        fi
        log "$person ($department) is linked; CLI login: ${person_email:-$email}"
    done
    epicevents auth logout >/dev/null 2>&1 || true
    unset EPICEVENTS_CONFIG_DIR
else
    log "Teams links are kept from the first run (relink with: epicevents collaborator link-teams ID --aad-object-id … --tenant-id $tenant_id)"
fi

# --- 5. bot and playground --------------------------------------------------------------------------
bot_log="$(keep_log bot.log)"
playground_log="$(keep_log playground.log)"
log "starting the bot on http://127.0.0.1:$bot_port"
ASPNETCORE_ENVIRONMENT=Development \
Teams__AllowedTenants__0="$tenant_id" \
MicrosoftAppId="" \
    setsid dotnet "$bot_dll" --urls "http://127.0.0.1:$bot_port" >"$bot_log" 2>&1 &
bot_pid=$!
for i in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$bot_port/readyz" >/dev/null 2>&1; then
        break
    fi
    if ! kill -0 "$bot_pid" 2>/dev/null || [[ "$i" -eq 120 ]]; then
        tail -n 40 "$bot_log" >&2 || true
        die "the bot was not ready on http://127.0.0.1:$bot_port/readyz"
    fi
    sleep 0.5
done

log "starting the Agents Playground on port $playground_port"
start_playground

cat <<EOF

  Epic Events CRM is running.
  Open http://localhost:$playground_port/ and chat with the bot as Sam Sales (try "help", "new client").
  To chat as the manager or the support person too, in another terminal:
    ./scripts/run.sh --as manager      (Maud Manager, port 56151)
    ./scripts/run.sh --as support      (Sue Support, port 56152)
  The CLI uses the same database: dotnet run --project src/Cli -- auth login
    (the logins above; demo password $demo_password)
  Logs, kept after it stops: $log_dir
  Ctrl+C stops the bot and this playground.

EOF

# Wait until either process ends (or Ctrl+C), then the EXIT trap stops the other.
while kill -0 "$bot_pid" 2>/dev/null && kill -0 "$playground_pid" 2>/dev/null; do
    sleep 1
done
kill -0 "$bot_pid" 2>/dev/null || { tail -n 40 "$bot_log" >&2 || true; die "the bot stopped"; }
tail -n 40 "$playground_log" >&2 || true
die "the playground stopped"
