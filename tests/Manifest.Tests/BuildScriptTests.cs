using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using EpicEvents.Manifest.Tests.Infrastructure;

namespace EpicEvents.Manifest.Tests;

/// <summary>
/// scripts/build-app-package.sh as an administrator runs it, from a directory of their own. The
/// tests of this class run one after the other: each run builds the same packaging tool.
/// </summary>
public sealed class BuildScriptTests
{
    private const string BotAppId = "2d8f6a4e-1b3c-4d5e-8f90-a1b2c3d4e5f6";

    [Fact]
    public async Task The_package_holds_the_manifest_filled_from_the_environment_and_both_icons_at_its_root()
    {
        using var directory = new TemporaryDirectory();
        var package = directory.File("out/epicevents-teams-app.zip");

        var run = await BuildAsync(directory.Path, package, new() { ["MicrosoftAppId"] = BotAppId, ["BOT_DOMAIN"] = "CRM.Example.com" });

        run.ExitCode.Should().Be(0, run.ToString());
        run.Output.Should().Contain(BotAppId).And.Contain("https://crm.example.com/api/messages");
        using var zip = ZipFile.OpenRead(package);
        zip.Entries.Select(e => e.FullName).Should().BeEquivalentTo("manifest.json", "color.png", "outline.png");
        foreach (var icon in new[] { "color.png", "outline.png" })
        {
            Bytes(zip.GetEntry(icon)!).Should().Equal(File.ReadAllBytes(Path.Combine(Repository.ManifestDirectory, icon)), $"{icon} is the committed one");
        }

        var manifest = JsonNode.Parse(Bytes(zip.GetEntry("manifest.json")!))!;
        manifest["id"]!.GetValue<string>().Should().Be(CommittedManifestAppId());
        manifest["version"]!.GetValue<string>().Should().Be(ProductVersion());
        manifest["bots"]![0]!["botId"]!.GetValue<string>().Should().Be(BotAppId);
        manifest["composeExtensions"]![0]!["botId"]!.GetValue<string>().Should().Be(BotAppId);
        manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()).Should().Equal("crm.example.com");
        manifest["developer"]!["websiteUrl"]!.GetValue<string>().Should().Be("https://crm.example.com/");
        manifest.ToJsonString().Should().NotContain("{{");
    }

    [Fact]
    public async Task A_dotenv_file_in_the_working_directory_configures_the_package_and_the_environment_overrides_it()
    {
        using var directory = new TemporaryDirectory();
        var manifestAppId = "5f0c9e1a-8b7d-4c3e-a2f1-0d9e8c7b6a54";
        await File.WriteAllLinesAsync(directory.File(".env"),
        [
            "# the bot's registration",
            $"MicrosoftAppId={BotAppId}",
            "Teams__AppDomain=from-dotenv.example.com",
            $"Teams__ManifestAppId=\"{manifestAppId}\"",
        ]);
        var package = directory.File("app.zip");

        var run = await BuildAsync(directory.Path, package, new() { ["Teams__AppDomain"] = "from-environment.example.com" });

        run.ExitCode.Should().Be(0, run.ToString());
        using var zip = ZipFile.OpenRead(package);
        var manifest = JsonNode.Parse(Bytes(zip.GetEntry("manifest.json")!))!;
        manifest["id"]!.GetValue<string>().Should().Be(manifestAppId);
        manifest["bots"]![0]!["botId"]!.GetValue<string>().Should().Be(BotAppId);
        manifest["validDomains"]![0]!.GetValue<string>().Should().Be("from-environment.example.com");
    }

    [Fact]
    public async Task Without_an_app_id_and_a_domain_the_script_says_what_to_set_and_leaves_the_previous_package_alone()
    {
        using var directory = new TemporaryDirectory();
        var package = directory.File("app.zip");
        await File.WriteAllTextAsync(package, "the previous package");

        var run = await BuildAsync(directory.Path, package, new() { ["MicrosoftAppId"] = "my-bot" });

        run.ExitCode.Should().Be(1, run.ToString());
        run.Errors.Should().Contain("MicrosoftAppId 'my-bot' is not a GUID")
            .And.Contain("Teams:AppDomain (or BOT_DOMAIN) is not configured");
        (await File.ReadAllTextAsync(package)).Should().Be("the previous package");
        Directory.GetFiles(directory.Path).Should().Equal(package);
    }

    [Fact]
    public async Task An_unknown_argument_is_a_usage_error()
    {
        using var directory = new TemporaryDirectory();

        var run = await ProgramRun.RunAsync("bash", [Repository.BuildScript, "--outptu", "x.zip"], directory.Path);

        run.ExitCode.Should().Be(2, run.ToString());
        run.Errors.Should().Contain("unknown argument '--outptu'");
        Directory.GetFileSystemEntries(directory.Path).Should().BeEmpty();
    }

    private static Task<ProgramRun> BuildAsync(string workingDirectory, string package, Dictionary<string, string?> settings)
    {
        // Only what the test gives: nothing from the environment the tests happen to run in.
        var environment = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = null,
            ["Teams__AppDomain"] = null,
            ["Teams__ManifestAppId"] = null,
            ["BOT_DOMAIN"] = null,
            ["DOTNET_ENVIRONMENT"] = null,
            ["ASPNETCORE_ENVIRONMENT"] = null,
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return ProgramRun.RunAsync("bash", [Repository.BuildScript, "--output", package], workingDirectory, environment);
    }

    private static byte[] Bytes(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string CommittedManifestAppId() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "appsettings.json")))!["Teams"]!["ManifestAppId"]!.GetValue<string>();

    private static string ProductVersion() =>
        XDocument.Load(Path.Combine(Repository.Root, "Directory.Build.props")).Descendants("Version").Single().Value;
}
