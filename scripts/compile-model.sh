#!/usr/bin/env bash
# Regenerates the compiled EF Core models of Crm.Core (src/Crm.Core/Persistence/Compiled), one per
# provider. Run it after changing an entity or its configuration; CompiledModelTests fails until then.
# Files are overwritten in place (the project must build with the current ones); delete the file of
# an entity that no longer exists by hand.
set -euo pipefail
repo_root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$repo_root"
dotnet tool restore >/dev/null
dotnet restore tools/Crm.DesignTime --nologo -v quiet

# tools/Crm.DesignTime builds the model from the entity configurations, for one provider at a time.
compile() {
    local provider="$1" out="src/Crm.Core/Persistence/Compiled/$1"
    EPICEVENTS_MODEL_PROVIDER="$provider" dotnet ef dbcontext optimize \
        --project src/Crm.Core/Crm.Core.csproj --startup-project tools/Crm.DesignTime/Crm.DesignTime.csproj \
        --output-dir "Persistence/Compiled/$provider" --namespace "EpicEvents.Crm.Persistence.Compiled.$provider"
    # The program picks the model by provider (DatabaseSettings); an assembly-wide default would clash.
    rm -f "$out/CrmDbContextAssemblyAttributes.cs"
}
compile Sqlite
compile PostgreSql
echo "Compiled models written to src/Crm.Core/Persistence/Compiled."
