#!/usr/bin/env bash
# Throw-away PostgreSQL server for the test suites and the benchmarks.
#
# Usage:
#   scripts/postgres-test-server.sh install       installs Debian's postgresql if initdb is missing
#   scripts/postgres-test-server.sh start <dir>   creates a cluster in <dir> (empty or missing),
#                                                 starts it on 127.0.0.1 only and prints the
#                                                 Npgsql connection string on stdout
#   scripts/postgres-test-server.sh stop <dir>    stops the server started in <dir> (does not
#                                                 delete <dir>)
#
# Everything except the connection string goes to stderr.
#
# Environment:
#   EPICEVENTS_TEST_PG_PORT   preferred port (default 54329; another free port is used if busy)
#   EPICEVENTS_TEST_PG_USER   OS user running the server when invoked as root
#                             (default epicevents-test, created with useradd --system if missing)
#
# The database superuser is always "postgres"; authentication is "trust", on the unix socket
# (inside <dir>) and on 127.0.0.1 only. Durability is switched off (fsync, synchronous_commit,
# full_page_writes): never use this for real data.
set -euo pipefail

readonly DB_SUPERUSER=postgres
readonly DEFAULT_PORT="${EPICEVENTS_TEST_PG_PORT:-54329}"
readonly ROOT_RUN_USER="${EPICEVENTS_TEST_PG_USER:-epicevents-test}"

log() { printf 'postgres-test-server: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# Newest /usr/lib/postgresql/<version>/bin containing initdb, or nothing.
find_pg_bin() {
    local d best=""
    for d in /usr/lib/postgresql/*/bin; do
        [[ -x "$d/initdb" ]] || continue
        if [[ -z "$best" ]] || [[ "$(basename "$(dirname "$d")")" -gt "$(basename "$(dirname "$best")")" ]] 2>/dev/null; then
            best="$d"
        fi
    done
    [[ -n "$best" ]] && printf '%s\n' "$best"
    return 0
}

as_admin() {
    if [[ "$(id -u)" -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "not root and sudo is not available: cannot run '$*'"
    fi
}

cmd_install() {
    if [[ -n "$(find_pg_bin)" ]]; then
        return 0
    fi
    command -v apt-get >/dev/null 2>&1 || die "initdb not found under /usr/lib/postgresql/*/bin and apt-get is unavailable; install PostgreSQL server binaries"
    log "initdb not found under /usr/lib/postgresql/*/bin: installing Debian's postgresql (apt-get)"
    as_admin env DEBIAN_FRONTEND=noninteractive apt-get update >&2
    as_admin env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2
    [[ -n "$(find_pg_bin)" ]] || die "postgresql installed but initdb still not found under /usr/lib/postgresql/*/bin"
}

# Runs a command as the server's OS user ($RUN_USER), from a directory that user can read.
as_pg() {
    if [[ "$(id -u)" -eq 0 ]]; then
        (cd "$DIR" && runuser -u "$RUN_USER" -- "$@")
    else
        (cd "$DIR" && "$@")
    fi
}

ensure_run_user() {
    if [[ "$(id -u)" -ne 0 ]]; then
        RUN_USER="$(id -un)"
        return 0
    fi
    RUN_USER="$ROOT_RUN_USER"
    if ! id -u "$RUN_USER" >/dev/null 2>&1; then
        log "creating system user $RUN_USER (PostgreSQL refuses to run as root)"
        useradd --system --user-group --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin "$RUN_USER" >&2
    fi
}

# Is something already listening on 127.0.0.1:$1 ?
port_busy() {
    local port="$1"
    if command -v python3 >/dev/null 2>&1; then
        # Binding tells us reliably whether the port is usable.
        if python3 - "$port" <<'EOF' 2>/dev/null
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
finally:
    s.close()
EOF
        then
            return 1
        fi
        return 0
    else
        # A successful connect means the port is taken.
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
    fi
}

random_port() {
    echo $(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
}

cmd_start() {
    [[ $# -eq 1 ]] || usage
    cmd_install

    local pg_bin
    pg_bin="$(find_pg_bin)"

    mkdir -p -- "$1"
    DIR="$(cd -- "$1" && pwd -P)"
    [[ -z "$(ls -A -- "$DIR")" ]] || die "$DIR is not empty"
    local data="$DIR/data" sock="$DIR/socket" logfile="$DIR/postgres.log"
    # Unix socket paths are limited to ~107 bytes.
    (( ${#sock} + 20 < 107 )) || die "directory path too long for a unix socket: $DIR (use a shorter one, e.g. mktemp -d)"

    ensure_run_user
    if [[ "$(id -u)" -eq 0 ]]; then
        chown "$RUN_USER:" "$DIR"
        chmod 700 "$DIR"
        runuser -u "$RUN_USER" -- test -w "$DIR" \
            || die "user $RUN_USER cannot write to $DIR (is a parent directory private?); use a directory under /tmp"
    fi
    as_pg mkdir -m 700 "$sock"
    printf '%s\n' "$pg_bin" > "$DIR/pg_bin"
    printf '%s\n' "$RUN_USER" > "$DIR/run_user"

    local locale_opt=(--no-locale)
    if locale -a 2>/dev/null | grep -qixE 'c\.utf-?8'; then
        locale_opt=(--locale=C.UTF-8)
    fi
    log "initdb ($("$pg_bin/postgres" --version)) in $data as OS user $RUN_USER"
    if ! as_pg "$pg_bin/initdb" -D "$data" -U "$DB_SUPERUSER" -A trust -E UTF8 "${locale_opt[@]}" \
            --no-sync >"$DIR/initdb.log" 2>&1; then
        cat "$DIR/initdb.log" >&2
        die "initdb failed"
    fi

    # Only trust local connections: the unix socket (inside $DIR, mode 700) and 127.0.0.1.
    as_pg tee "$data/pg_hba.conf" >/dev/null <<'EOF'
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 trust
host    all       all   127.0.0.1/32  trust
EOF
    as_pg tee -a "$data/postgresql.conf" >/dev/null <<EOF

# --- epicevents throw-away test server ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$sock'
unix_socket_permissions = 0700
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
timezone = 'UTC'
log_timezone = 'UTC'
include = 'epicevents_port.conf'
EOF

    local port="$DEFAULT_PORT" attempt started=0
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        if port_busy "$port"; then
            log "port $port is busy, trying another one"
            port="$(random_port)"
            continue
        fi
        printf 'port = %s\n' "$port" | as_pg tee "$data/epicevents_port.conf" >/dev/null
        if as_pg "$pg_bin/pg_ctl" start -D "$data" -l "$logfile" -w -t 60 -s >&2; then
            started=1
            break
        fi
        if grep -qiE 'could not (bind|create listen)|address already in use' "$logfile" 2>/dev/null; then
            log "port $port was taken while starting (attempt $attempt), trying another one"
            port="$(random_port)"
            continue
        fi
        tail -n 30 "$logfile" >&2 2>/dev/null || true
        die "pg_ctl start failed (log: $logfile)"
    done
    [[ "$started" -eq 1 ]] || { tail -n 30 "$logfile" >&2 2>/dev/null || true; die "could not find a free port to start PostgreSQL"; }

    # Bounded wait until the server accepts TCP connections on 127.0.0.1.
    local i
    for i in $(seq 1 60); do
        if "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U "$DB_SUPERUSER" -d postgres -t 2; then
            break
        fi
        if [[ "$i" -eq 60 ]]; then
            tail -n 30 "$logfile" >&2 2>/dev/null || true
            cmd_stop "$DIR" || true
            die "PostgreSQL did not become ready on 127.0.0.1:$port within 30 seconds (log: $logfile)"
        fi
        sleep 0.5
    done

    printf '%s\n' "$port" > "$DIR/port"
    local cs="Host=127.0.0.1;Port=$port;Username=$DB_SUPERUSER;Database=postgres;Pooling=true"
    printf '%s\n' "$cs" > "$DIR/connection-string"
    log "$("$pg_bin/postgres" --version | sed 's/^postgres (PostgreSQL) /PostgreSQL /') ready on 127.0.0.1:$port (data: $data)"
    printf '%s\n' "$cs"
}

cmd_stop() {
    [[ $# -eq 1 ]] || usage
    [[ -d "$1" ]] || { log "$1 does not exist, nothing to stop"; return 0; }
    DIR="$(cd -- "$1" && pwd -P)"
    local data="$DIR/data"
    [[ -f "$data/postmaster.pid" ]] || { log "no server running in $DIR"; return 0; }

    local pg_bin RUN_USER
    pg_bin="$(cat "$DIR/pg_bin" 2>/dev/null || find_pg_bin)"
    RUN_USER="$(cat "$DIR/run_user" 2>/dev/null || stat -c %U "$data")"
    if as_pg "$pg_bin/pg_ctl" stop -D "$data" -m immediate -w -t 30 -s >&2; then
        log "stopped server in $DIR"
        return 0
    fi
    # pg_ctl failed: kill the postmaster directly (it takes its children down on SIGQUIT).
    local pid
    pid="$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)"
    if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
        log "pg_ctl stop failed, sending SIGQUIT/SIGKILL to postmaster $pid"
        kill -QUIT "$pid" 2>/dev/null || true
        for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.25; done
        kill -KILL "$pid" 2>/dev/null || true
    fi
}

main() {
    [[ $# -ge 1 ]] || usage
    local cmd="$1"
    shift
    case "$cmd" in
        install) cmd_install "$@" ;;
        start) cmd_start "$@" ;;
        stop) cmd_stop "$@" ;;
        -h|--help|help) usage ;;
        *) usage ;;
    esac
}

main "$@"
