using System.Text.Json;
using EpicEvents.Cli.Tests.Infrastructure;

namespace EpicEvents.Cli.Tests;

public sealed class SupportAcknowledgementTestsLocally : SupportAcknowledgementTests;

public sealed class SupportAcknowledgementTestsThroughTheServer : SupportAcknowledgementTests
{
    protected override CliMode Mode => CliMode.Server;
}

public sealed class SupportAcknowledgementTestsThroughTheServerOnPostgres : SupportAcknowledgementTests
{
    protected override CliMode Mode => CliMode.ServerOnPostgres;
}

/// <summary><c>event acknowledge</c>: the support contact confirms the assignment, and Management sees when.</summary>
public abstract class SupportAcknowledgementTests : CliTest
{
    [Fact]
    public async Task The_support_contact_acknowledges_and_management_sees_when()
    {
        var @event = await EventOfAsync(Sales, support: Support);
        var before = (await Manager.RunAsync($"event show {@event}")).Succeeds().Stdout;

        var run = (await Support.RunAsync($"event acknowledge {@event}")).Succeeds();

        before.Should().Contain($"Sue Support (#{Support.Id}) · not yet acknowledged");
        var json = (await Manager.RunAsync($"event show {@event} --json")).Succeeds().Json;
        var at = json.GetProperty("supportAcknowledgedAt").GetDateTime().ToUniversalTime();
        var local = TimeZoneInfo.ConvertTimeFromUtc(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        run.Stdout.Should().Contain($"Your assignment to event {@event} is acknowledged ({local})").And.Contain("Annual gala");
        (await Manager.RunAsync($"event show {@event}")).Succeeds().Stdout.Should().Contain($"Sue Support (#{Support.Id}) · acknowledged on {local}");
        (await Manager.RunAsync($"event show {@event} --lang fr")).Succeeds().Stdout.Should().Contain($"pris en compte le {local}");
        var audit = (await Manager.RunAsync($"audit list --entity event --id {@event} --json")).Succeeds().Json.GetProperty("items").EnumerateArray().First();
        audit.GetProperty("action").GetString().Should().Be("event.support_acknowledged");
        audit.GetProperty("actorName").GetString().Should().Be("Sue Support");
    }

    [Fact]
    public async Task Acknowledging_twice_keeps_the_first_time()
    {
        var @event = await EventOfAsync(Sales, support: Support);
        var first = (await Support.RunAsync($"event acknowledge {@event} --json")).Succeeds().Json;

        var second = (await Support.RunAsync($"event acknowledge {@event} --json")).Succeeds().Json;

        second.GetProperty("supportAcknowledgedAt").GetString().Should().Be(first.GetProperty("supportAcknowledgedAt").GetString());
        second.GetProperty("version").GetInt32().Should().Be(first.GetProperty("version").GetInt32());
        (await Manager.RunAsync($"audit list --entity event --id {@event} --json")).Succeeds().Json.GetProperty("items").EnumerateArray()
            .Count(e => e.GetProperty("action").GetString() == "event.support_acknowledged").Should().Be(1);
    }

    [Theory]
    [InlineData("sales")]
    [InlineData("manager")]
    public async Task Only_support_acknowledges_and_a_refusal_changes_nothing(string who)
    {
        var @event = await EventOfAsync(Sales, support: Support);

        var run = (await World.User(who).RunAsync($"event acknowledge {@event}")).Fails(ExitCodes.Forbidden);

        run.Stderr.Should().Contain("department");
        (await Manager.RunAsync($"event show {@event} --json")).Succeeds().Json.GetProperty("supportAcknowledgedAt").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Another_support_contact_is_told_who_supports_the_event()
    {
        var @event = await EventOfAsync(Sales, support: Support);

        var run = (await Support2.RunAsync($"event acknowledge {@event}")).Fails(ExitCodes.Conflict);

        run.Stderr.Should().Contain("Sue Support");
        (await Support2.RunAsync("event acknowledge 999999")).Fails(ExitCodes.NotFound);
        (await Manager.RunAsync($"event show {@event} --json")).Succeeds().Json.GetProperty("supportAcknowledgedAt").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task An_event_without_support_says_so_and_nothing_about_acknowledgement()
    {
        var @event = await EventOfAsync(Sales);

        var shown = (await Manager.RunAsync($"event show {@event}")).Succeeds().Stdout;

        shown.Should().Contain("not assigned").And.NotContain("acknowledged");
    }

    [Fact]
    public async Task Help_explains_acknowledge() =>
        (await Support.RunAsync("event acknowledge --help")).Succeeds().Stdout.Should().Contain("Support").And.Contain("ID");
}
