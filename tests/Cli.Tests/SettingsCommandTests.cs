using EpicEvents.Cli.Tests.Infrastructure;

namespace EpicEvents.Cli.Tests;

public sealed class SettingsCommandTestsLocally : SettingsCommandTests;

public sealed class SettingsCommandTestsThroughTheServer : SettingsCommandTests
{
    protected override CliMode Mode => CliMode.Server;
}

public sealed class SettingsCommandTestsThroughTheServerOnPostgres : SettingsCommandTests
{
    protected override CliMode Mode => CliMode.ServerOnPostgres;
}

/// <summary><c>settings show</c> and <c>settings set</c>: one's digest (on or off, its hour) and the bot's language.</summary>
public abstract class SettingsCommandTests : CliTest
{
    [Fact]
    public async Task A_manager_sees_the_company_default_then_moves_the_digest_and_turns_it_off()
    {
        var shown = (await Manager.RunAsync("settings show")).Succeeds();
        shown.Stdout.Should().Contain("Management digest").And.Contain("on, but no Teams account is linked to you").And.Contain("08:30 (Europe/Paris)")
            .And.Contain("every working day").And.Contain("the company (default)");
        var me = (await Manager.RunAsync("auth whoami --json")).Succeeds().Json.GetProperty("collaboratorId").GetInt32();
        (await Manager.RunAsync(["collaborator", "link-teams", $"{me}", "--aad-object-id", $"{Guid.NewGuid()}", "--tenant-id", $"{Guid.NewGuid()}"])).Succeeds();
        (await Manager.RunAsync("settings show")).Succeeds().Stdout.Should().Contain("sent to you in Teams");

        var set = (await Manager.RunAsync("settings set --at 7h45 --digest off")).Succeeds();

        set.Stdout.Should().Contain("Settings saved").And.Contain("07:45").And.Contain("off").And.Contain("you");
        var json = (await Manager.RunAsync("settings show --json")).Succeeds().Json.GetProperty("digest");
        json.GetProperty("kind").GetString().Should().Be("Management");
        json.GetProperty("enabled").GetBoolean().Should().BeFalse();
        json.GetProperty("at").GetString().Should().StartWith("07:45");
        json.GetProperty("isCompanyDefault").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task A_wrong_hour_changes_nothing_not_even_the_language_given_with_it()
    {
        var run = await Support.RunAsync("settings set --at 25:00 --language fr");

        run.Fails(ExitCodes.Invalid).Stderr.Should().Contain("--at").And.Contain("a time of day such as 08:30");
        var json = (await Support.RunAsync("settings show --json")).Succeeds().Json;
        json.GetProperty("language").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        json.GetProperty("digest").GetProperty("at").GetString().Should().StartWith("17:00");
    }

    [Fact]
    public async Task Setting_nothing_says_what_can_be_set()
    {
        (await Sales.RunAsync("settings set")).Fails(ExitCodes.Invalid).Stderr.Should().Contain("Say what to change");
    }

    [Fact]
    public async Task The_settings_speak_french_on_request()
    {
        (await Sales.RunAsync("settings set --language fr --at 8h15 --lang fr")).Succeeds().Stdout
            .Should().Contain("Réglages enregistrés").And.Contain("Récapitulatif commercial").And.Contain("08:15").And.Contain("le lundi");
    }
}
