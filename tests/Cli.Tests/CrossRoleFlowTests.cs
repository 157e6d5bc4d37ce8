using EpicEvents.Cli.Tests.Infrastructure;

namespace EpicEvents.Cli.Tests;

public sealed class CrossRoleFlowTestsLocally : CrossRoleFlowTests;

public sealed class CrossRoleFlowTestsThroughTheServer : CrossRoleFlowTests
{
    protected override CliMode Mode => CliMode.Server;
}

public sealed class CrossRoleFlowTestsThroughTheServerOnPostgres : CrossRoleFlowTests
{
    protected override CliMode Mode => CliMode.ServerOnPostgres;
}

/// <summary>The whole life of a client of SPEC §2, with each department at its own terminal.</summary>
public abstract class CrossRoleFlowTests : CliTest
{
    [Fact]
    public async Task From_a_new_client_to_an_event_run_by_support_through_commands_only()
    {
        // Management hires a salesperson, who logs in and changes the temporary password.
        var hired = (await Manager.RunAsync("collaborator create --name \"Lina Vente\" --email lina@epicevents.test --role commercial --json")).Succeeds().Json;
        var lina = World.Stranger;
        (await lina.RunAsync("auth login --email lina@epicevents.test --password-stdin", hired.GetProperty("temporaryPassword").GetString() + "\n")).Succeeds();
        (await lina.RunAsync("password change --password-stdin", $"{hired.GetProperty("temporaryPassword").GetString()}\nLina-Password-2026\n")).Succeeds();

        // Sales creates the client; Management writes the contract.
        var client = (await lina.RunAsync("client create --name \"Kevin Casey\" --email kevin@startup.io --phone \"+678 123 456 78\" --company \"Cool Startup LLC\" --json")).Succeeds().Id;
        var contract = (await Manager.RunAsync($"contract create --client {client} --total 25000 --due 25000 --json")).Succeeds().Id;

        // Sales marks it signed: that asks Management, which approves.
        (await lina.RunAsync($"contract update {contract} --signed true")).Succeeds();
        (await lina.RunAsync($"event create --contract {contract} --name Launch --start \"2031-03-01 18:00\" --end \"2031-03-01 23:00\" --location Paris --attendees 200")).Fails(ExitCodes.Invalid);
        (await Manager.RunAsync($"contract approve {contract}")).Succeeds();

        // Sales plans the event; Management finds it unassigned and assigns Support.
        var @event = (await lina.RunAsync($"event create --contract {contract} --name Launch --start \"2031-03-01 18:00\" --end \"2031-03-01 23:00\" --location Paris --attendees 200 --json")).Succeeds().Id;
        (await Manager.RunAsync("event list --unassigned --all --json")).Succeeds().Stdout.Should().Contain($"\"id\":{@event}");
        (await Manager.RunAsync($"event assign {@event} --support {Support.Id}")).Succeeds();

        // Support sees it among their events and records the attendance.
        (await Support.RunAsync("event list --mine --json")).Succeeds().Stdout.Should().Contain($"\"id\":{@event}");
        (await Support.RunAsync($"event update {@event} --actual-attendees 187")).Succeeds();

        // The client pays; Management sees nothing left due, and the trail tells the story.
        (await Manager.RunAsync($"contract pay {contract} --amount 25000")).Succeeds();
        (await lina.RunAsync("contract list --unpaid --mine --json")).Succeeds().Json.GetProperty("items").GetArrayLength().Should().Be(0);
        var trail = (await Manager.RunAsync($"audit list --entity contract --id {contract} --json")).Succeeds().Json.GetProperty("items")
            .EnumerateArray().Select(e => e.GetProperty("actorName").GetString()).ToList();
        trail.Should().Contain("Lina Vente").And.Contain("Maud Manager");
        (await Support.RunAsync($"event show {@event} --json")).Succeeds().Json.GetProperty("actualAttendees").GetInt32().Should().Be(187);
    }
}
