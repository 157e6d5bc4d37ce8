#!/usr/bin/env bash
# Builds the Teams app package: ./scripts/build-app-package.sh [--output FILE]
# (default manifest/build/epicevents-teams-app.zip).
#
# manifest/manifest.json is a template: the bot's app id (MicrosoftAppId), its host name
# (Teams:AppDomain or BOT_DOMAIN) and the Teams app id (Teams:ManifestAppId) come from the product's
# configuration, read as the bot reads it: appsettings.json at the repository root, overridden by a
# .env file in the current directory, overridden by environment variables. The version is the
# product's (Directory.Build.props). A missing or malformed value stops the build with a message
# and writes nothing. The zip holds manifest.json, color.png and outline.png at its root.
set -euo pipefail

script_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
repo_root="$(cd -- "$script_dir/.." && pwd -P)"

output="$repo_root/manifest/build/epicevents-teams-app.zip"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --output)
            [[ $# -ge 2 && -n "$2" ]] || { echo "build-app-package.sh: --output needs a file name" >&2; exit 2; }
            output="$2"
            shift 2
            ;;
        -h | --help)
            sed -n '2,3p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "build-app-package.sh: unknown argument '$1' (usage: build-app-package.sh [--output FILE])" >&2
            exit 2
            ;;
    esac
done

if ! command -v dotnet >/dev/null 2>&1; then
    echo "build-app-package.sh: the .NET SDK (dotnet) is needed" >&2
    exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"
export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"

# Run from the caller's directory, so that its .env is the one read, as for the bot.
dotnet run --project "$repo_root/tools/TeamsAppPackage/TeamsAppPackage.csproj" -c Release --verbosity quiet -- \
    build --manifest "$repo_root/manifest" --settings "$repo_root" --output "$output"
