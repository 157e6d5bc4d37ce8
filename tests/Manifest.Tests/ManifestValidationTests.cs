using System.IO.Compression;
using System.Text.Json.Nodes;
using EpicEvents.Manifest.Tests.Infrastructure;
using EpicEvents.TeamsAppPackage;

namespace EpicEvents.Manifest.Tests;

/// <summary>The manifest against the Teams schema, offline, through npm <c>@microsoft/app-manifest</c>.</summary>
public sealed class ManifestValidationTests : IDisposable
{
    private static readonly AppPackageSettings Sample = new(
        Guid.Parse("2d8f6a4e-1b3c-4d5e-8f90-a1b2c3d4e5f6"), "crm.example.com", Guid.Parse("bbc3e1f3-a191-4aa9-8e77-8a277b79a498"), "1.0.0");

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [ValidatorFact]
    public async Task The_packaged_manifest_is_valid_against_the_teams_schema()
    {
        var package = _directory.File("app.zip");
        AppPackage.Write(Repository.ManifestDirectory, Sample, package);
        var extracted = Directory.CreateDirectory(_directory.File("extracted")).FullName;
        await ZipFile.ExtractToDirectoryAsync(package, extracted);

        var run = await ManifestValidator.ValidateAsync(Path.Combine(extracted, "manifest.json"));

        run.ExitCode.Should().Be(0, run.ToString());
        run.Errors.Should().BeEmpty();
        run.Output.Should().Contain("valid against https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json");
    }

    [ValidatorFact]
    public async Task A_short_name_longer_than_30_characters_is_reported()
    {
        var manifest = Filled();
        manifest["name"]!["short"] = "Epic Events Customer Relationships";

        var run = await ManifestValidator.ValidateAsync(manifest.ToJsonString(), _directory.Path);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Errors.Should().Contain("/name/short must NOT have more than 30 characters");
    }

    [ValidatorFact]
    public async Task A_compose_extension_bot_id_that_is_not_a_guid_is_reported()
    {
        var manifest = Filled();
        manifest["composeExtensions"]![0]!["botId"] = "{{MicrosoftAppId}}";

        var run = await ManifestValidator.ValidateAsync(manifest.ToJsonString(), _directory.Path);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Errors.Should().Contain("/composeExtensions/0/botId must match pattern");
    }

    [ValidatorFact]
    public async Task A_bot_without_its_id_is_reported()
    {
        var manifest = Filled();
        manifest["bots"]![0]!.AsObject().Remove("botId");

        var run = await ManifestValidator.ValidateAsync(manifest.ToJsonString(), _directory.Path);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Errors.Should().Contain("bots");
    }

    [ValidatorFact]
    public async Task A_schema_the_validator_does_not_bundle_is_refused_rather_than_fetched()
    {
        var manifest = Filled();
        manifest["$schema"] = "https://example.com/teams/MicrosoftTeams.schema.json";

        var run = await ManifestValidator.ValidateAsync(manifest.ToJsonString(), _directory.Path);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Errors.Should().Contain("is not a Teams schema bundled with @microsoft/app-manifest");
    }

    private static JsonNode Filled() =>
        JsonNode.Parse(ManifestTemplate.Fill(File.ReadAllText(Path.Combine(Repository.ManifestDirectory, "manifest.json")), Sample.Placeholders()))!;
}
