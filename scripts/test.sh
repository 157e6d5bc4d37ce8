#!/usr/bin/env bash
# The single test command of the project: ./scripts/test.sh [extra dotnet test arguments]
# e.g. ./scripts/test.sh --filter Postgres
#
# Starts a throw-away PostgreSQL server on 127.0.0.1 (installing Debian's postgresql first if
# needed), exports EPICEVENTS_TEST_POSTGRES for the test suites, runs dotnet test on the solution
# and stops/removes the server on exit. If EPICEVENTS_TEST_POSTGRES is already set, that server
# is used and none is started.
set -euo pipefail

script_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
repo_root="$(cd -- "$script_dir/.." && pwd -P)"
cd "$repo_root"

export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"
export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"

pg_dir=""
# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
    if [[ -n "$pg_dir" ]]; then
        "$script_dir/postgres-test-server.sh" stop "$pg_dir" || true
        rm -rf -- "$pg_dir"
        pg_dir=""
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -n "${EPICEVENTS_TEST_POSTGRES:-}" ]]; then
    echo "test.sh: using PostgreSQL from the existing EPICEVENTS_TEST_POSTGRES (no server started)"
else
    "$script_dir/postgres-test-server.sh" install
    pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/epicevents-pg.XXXXXX")"
    EPICEVENTS_TEST_POSTGRES="$("$script_dir/postgres-test-server.sh" start "$pg_dir")"
    export EPICEVENTS_TEST_POSTGRES
    pg_version="$("$(cat "$pg_dir/pg_bin")/postgres" --version | sed 's/^postgres (PostgreSQL) //')"
    echo "test.sh: using throw-away PostgreSQL $pg_version on 127.0.0.1:$(cat "$pg_dir/port")"
fi

solution="EpicEvents.Bot.sln"
if [[ ! -f "$solution" && -f "EpicEvents.Bot.slnx" ]]; then
    solution="EpicEvents.Bot.slnx"
fi

log="$(mktemp "${TMPDIR:-/tmp}/epicevents-test-log.XXXXXX")"
set +e
dotnet test "$solution" -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e

# One closing line for the whole run, summed over the test projects.
count() { grep -E "^[[:space:]]+$1:[[:space:]]+[0-9]+" "$log" | awk '{ n += $2 } END { print n + 0 }'; }
echo "Tests: $(count Passed) passed, $(count Failed) failed, $(count Skipped) skipped"
rm -f -- "$log"
exit "$rc"
