#!/usr/bin/env bash
# The single test command of the project: ./scripts/test.sh [extra dotnet test arguments]
# e.g. ./scripts/test.sh --filter Postgres
#
# Starts a throw-away PostgreSQL server on 127.0.0.1 (installing Debian's postgresql first if
# needed), exports EPICEVENTS_TEST_POSTGRES for the test suites, installs Debian's chromium and the
# Agents Playground (npm ci in e2e/) for the end-to-end tests and the Teams manifest validator
# (npm ci in manifest/) when missing, runs dotnet test on the solution and stops/removes the server
# on exit. If EPICEVENTS_TEST_POSTGRES is already set, that server is used and none is started.
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

# The end-to-end tests (tests/Bot.EndToEnd.Tests) drive the real bot through the Agents Playground
# in Debian's Chromium; the manifest tests (tests/Manifest.Tests) validate the Teams manifest with
# Node. Outside CI they skip, saying why, when something is missing; with CI=true they fail
# instead, so a missing install is never a silent green.
as_admin() {
    if [[ "$(id -u)" -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@"
    else
        echo "test.sh: not root and sudo is not available: cannot run '$*'" >&2
        return 1
    fi
}
e2e_missing=""
if [[ ! -x /usr/bin/chromium ]]; then
    if command -v apt-get >/dev/null 2>&1; then
        echo "test.sh: /usr/bin/chromium not found: installing Debian's chromium (apt-get)"
        as_admin env DEBIAN_FRONTEND=noninteractive apt-get update >&2 || true
        as_admin env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >&2 \
            || e2e_missing+=" chromium (apt-get install failed)"
    else
        e2e_missing+=" chromium (no apt-get)"
    fi
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    e2e_missing+=" node/npm"
else
    if [[ ! -d e2e/node_modules ]]; then
        echo "test.sh: installing the Agents Playground (npm ci in e2e/)"
        (cd e2e && npm ci --no-audit --no-fund >&2) || e2e_missing+=" the playground (npm ci failed)"
    fi
    if [[ ! -d manifest/node_modules ]]; then
        echo "test.sh: installing the Teams manifest validator (npm ci in manifest/)"
        (cd manifest && npm ci --no-audit --no-fund >&2) || e2e_missing+=" the manifest validator (npm ci failed)"
    fi
fi
if [[ -n "$e2e_missing" ]]; then
    if [[ "${CI:-}" == "true" ]]; then
        echo "test.sh: error: the end-to-end and manifest tests need:$e2e_missing" >&2
        exit 1
    fi
    echo "test.sh: warning: the end-to-end and manifest validation tests will be skipped, missing:$e2e_missing" >&2
fi
# Playwright drives /usr/bin/chromium; it must never download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

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
