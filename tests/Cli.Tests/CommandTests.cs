using System.Text.Json;
using EpicEvents.Cli.Tests.Infrastructure;

namespace EpicEvents.Cli.Tests;

public sealed class CommandTestsLocally : CommandTests;

public sealed class CommandTestsThroughTheServer : CommandTests
{
    protected override CliMode Mode => CliMode.Server;
}

public sealed class CommandTestsThroughTheServerOnPostgres : CommandTests
{
    protected override CliMode Mode => CliMode.ServerOnPostgres;
}

/// <summary>The happy path of every command, as the department allowed to run it.</summary>
public abstract class CommandTests : CliTest
{
    [Fact]
    public async Task Management_runs_the_staff_directory()
    {
        var created = (await Manager.RunAsync("collaborator create --name \"Paul Planner\" --email paul@epicevents.test --role support --json")).Succeeds().Json;
        var id = created.GetProperty("collaborator").GetProperty("id").GetInt32();
        created.GetProperty("temporaryPassword").GetString().Should().HaveLength(16);

        (await Manager.RunAsync($"collaborator update {id} --name \"Paul Planner-Smith\" --email paul.ps@epicevents.test")).Succeeds().Stdout.Should().Contain("Paul Planner-Smith");
        (await Manager.RunAsync($"collaborator show {id}")).Succeeds().Stdout.Should().Contain("paul.ps@epicevents.test").And.Contain("Support");
        var reset = (await Manager.RunAsync($"collaborator reset-password {id}")).Succeeds();
        reset.Stdout.Should().Contain("Temporary password (shown once)");
        (await Manager.RunAsync($"collaborator link-teams {id} --aad-object-id 6f3c1a52-8e0b-4b8f-9a43-0f3d3c9b2e11 --tenant-id 72f988bf-86f1-41af-91ab-2d7cd011db47")).Succeeds();
        (await Manager.RunAsync($"collaborator show {id} --json")).Succeeds().Json.GetProperty("teamsLinked").GetBoolean().Should().BeTrue();
        (await Manager.RunAsync($"collaborator deactivate {id}")).Succeeds();
        (await Manager.RunAsync("collaborator list --department support --json")).Succeeds().Stdout.Should().NotContain("Paul Planner");
        (await Manager.RunAsync("collaborator list --department support --inactive --json")).Succeeds().Stdout.Should().Contain("Paul Planner");
        (await Manager.RunAsync($"collaborator reactivate {id}")).Succeeds();
        var list = (await Manager.RunAsync("collaborator list --department support")).Succeeds();
        list.Stdout.Should().Contain("Paul Planner-Smith").And.Contain("Sue Support").And.NotContain("Sam Sales");
    }

    [Fact]
    public async Task A_deactivated_collaborators_clients_go_to_the_colleague_named()
    {
        var client = await ClientOfAsync(Sales2);

        (await Manager.RunAsync($"collaborator deactivate {Sales2.Id}")).Fails(ExitCodes.Conflict);
        (await Manager.RunAsync($"collaborator deactivate {Sales2.Id} --reassign-to {Sales.Id}")).Succeeds().Stdout.Should().Contain("1 clients");

        (await Sales.RunAsync($"client show {client} --json")).Succeeds().Json.GetProperty("salesContactId").GetInt32().Should().Be(Sales.Id);
    }

    [Fact]
    public async Task Management_manages_roles()
    {
        var id = (await Manager.RunAsync("role create Auditeurs --department management --json")).Succeeds().Id;
        (await Manager.RunAsync($"role rename {id} Contrôleurs")).Succeeds();
        (await Manager.RunAsync("role list")).Succeeds().Stdout.Should().Contain("Contrôleurs").And.Contain("commercial");
        (await Manager.RunAsync($"role delete {id}")).Succeeds();
        (await Manager.RunAsync("role list --json")).Succeeds().Stdout.Should().NotContain("Contrôleurs");
        (await Manager.RunAsync("role delete 2")).Fails(ExitCodes.Conflict);
    }

    [Fact]
    public async Task Sales_keep_their_clients()
    {
        var id = (await Sales.RunAsync("client create --name \"Kevin Casey\" --email kevin@startup.io --phone \"+678 123 456 78\" --company \"Cool Startup LLC\" --json")).Succeeds().Id;

        (await Sales.RunAsync($"client update {id} --phone 0611223344 --company \"Cool Startup Inc\"")).Succeeds();
        (await Sales.RunAsync($"client show {id}")).Succeeds().Stdout.Should().Contain("Cool Startup Inc").And.Contain("Sam Sales");
        (await Sales.RunAsync("client list --search startup")).Succeeds().Stdout.Should().Contain("Kevin Casey");
        (await Support.RunAsync("client list --mine")).Fails(ExitCodes.Invalid);
        (await Manager.RunAsync($"client reassign {id} --to {Sales2.Id}")).Succeeds().Stdout.Should().Contain("Sacha Sales");
        (await Sales2.RunAsync("client list --mine --json")).Succeeds().Stdout.Should().Contain("Kevin Casey");
        (await Manager.RunAsync($"collaborator deactivate {Sales2.Id} --reassign-to {Sales.Id}")).Succeeds();
        (await Manager.RunAsync($"collaborator reactivate {Sales2.Id}")).Succeeds();
        (await Manager.RunAsync($"client delete {id}")).Succeeds();
        (await Sales.RunAsync($"client show {id}")).Fails(ExitCodes.NotFound);
    }

    [Fact]
    public async Task Clients_without_an_active_sales_contact_are_listed_for_Management()
    {
        var orphan = await ClientOfAsync(Sales2);
        var followed = await ClientOfAsync(Sales);

        // A salesperson who left before deactivation required a hand-over (imported data).
        (await World.ExecuteSqlAsync($"UPDATE collaborators SET is_active = FALSE WHERE id = {Sales2.Id}")).Should().Be(1);

        var ids = (await Manager.RunAsync("client list --no-sales-contact --all --json")).Succeeds().Json.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt32());

        ids.Should().Contain(orphan).And.NotContain(followed);
    }

    [Fact]
    public async Task A_contract_goes_from_draft_to_signed_and_paid()
    {
        var client = await ClientOfAsync(Sales);
        var id = (await Manager.RunAsync($"contract create --client {client} --total \"12 000,00\" --json")).Succeeds().Id;
        (await Sales.RunAsync($"contract update {id} --total 15000 --due \"15 000\"")).Succeeds();
        (await Sales.RunAsync("contract list --unsigned --mine --json")).Succeeds().Stdout.Should().Contain($"\"id\":{id}");
        (await Sales.RunAsync($"contract update {id} --signed true")).Succeeds().Stdout.Should().Contain("Management is asked to sign");
        (await Manager.RunAsync("contract list --status pending --json")).Succeeds().Stdout.Should().Contain($"\"id\":{id}");
        (await Manager.RunAsync($"contract approve {id}")).Succeeds();
        (await Manager.RunAsync($"contract pay {id} --amount 5000.50")).Succeeds().Stdout.Should().Contain("9,999.50");
        (await Manager.RunAsync($"contract list --unpaid --client {client} --json")).Succeeds().Stdout.Should().Contain($"\"id\":{id}");
        (await Manager.RunAsync($"contract pay {id} --amount 9999.50")).Succeeds();
        (await Manager.RunAsync($"contract list --unpaid --client {client} --json")).Succeeds().Json.GetProperty("items").GetArrayLength().Should().Be(0);
        var shown = (await Sales.RunAsync($"contract show {id}")).Succeeds().Stdout;
        shown.Should().Contain("signed").And.Contain("Maud Manager");
    }

    [Fact]
    public async Task Each_person_chooses_the_language_the_bot_answers_them_in()
    {
        (await Support.RunAsync("settings language fr")).Succeeds().Stdout.Should().Contain("answer you in French");
        (await Support.RunAsync("settings language fr --json")).Succeeds().Json.GetProperty("language").GetString().Should().Be("fr");
        (await Support.RunAsync("settings language auto --json")).Succeeds().Json.GetProperty("language").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        (await Support.RunAsync("settings language de")).Fails(ExitCodes.Usage);
    }

    [Fact]
    public async Task A_rejected_signature_keeps_the_contract_unsigned_and_a_draft_can_be_cancelled()
    {
        var id = await ContractOfAsync(Sales);
        var requested = (await Sales.RunAsync($"contract request-signature {id}")).Succeeds().Stdout;
        requested.Should().Contain("No manager can receive it in Teams").And.Contain("Maud Manager (no Teams account linked)");
        (await Manager.RunAsync($"contract reject {id}")).Fails(ExitCodes.Usage);
        (await Manager.RunAsync($"contract reject {id} --reason \"Amounts to review\"")).Succeeds().Stdout.Should().Contain("Sam Sales");
        (await Manager.RunAsync($"contract show {id} --json")).Succeeds().Json.GetProperty("status").GetString().Should().Be("Draft");
        (await Manager.RunAsync($"contract sign {id}")).Succeeds();
        (await Manager.RunAsync($"contract cancel {id}")).Fails(ExitCodes.Conflict);
        var other = await ContractOfAsync(Sales);
        (await Manager.RunAsync($"contract cancel {other}")).Succeeds();
        (await Manager.RunAsync($"contract list --status cancelled --json")).Succeeds().Stdout.Should().Contain($"\"id\":{other}");
    }

    [Fact]
    public async Task Events_are_planned_assigned_and_updated_by_their_support()
    {
        var contract = await ContractOfAsync(Sales, signed: true);
        var id = (await Sales.RunAsync($"event create --contract {contract} --name \"Spring gala\" --start \"2031-06-04 13:00\" --end \"2031-06-05 02:00\" --location \"53 Rue du Château, Candé-sur-Beuvron\" --attendees 75 --notes \"Wedding starts at 3PM\" --json")).Succeeds().Json;
        var eventId = id.GetProperty("id").GetInt32();
        id.GetProperty("startsAt").GetString().Should().Be("2031-06-04T11:00:00Z", "13:00 in Paris in summer is 11:00 UTC");

        (await Manager.RunAsync("event list --unassigned --all --json")).Succeeds().Stdout.Should().Contain($"\"id\":{eventId}");
        (await Manager.RunAsync($"event assign {eventId} --support {Support.Id}")).Succeeds().Stdout.Should().Contain("Sue Support");
        (await Support.RunAsync("event list --mine --json")).Succeeds().Stdout.Should().Contain($"\"id\":{eventId}");
        (await Support.RunAsync($"event update {eventId} --actual-attendees 80 --notes \"Moved to the orangery\"")).Succeeds();
        var shown = (await Sales.RunAsync($"event show {eventId}")).Succeeds().Stdout;
        shown.Should().Contain("2031-06-04 13:00").And.Contain("Moved to the orangery").And.Contain("80");
        (await Manager.RunAsync($"event list --from 2031-06-01 --to 2031-06-30 --json")).Succeeds().Stdout.Should().Contain($"\"id\":{eventId}");
        (await Manager.RunAsync($"event unassign {eventId}")).Succeeds();
        (await Support.RunAsync($"event update {eventId} --location Blois")).Fails(ExitCodes.Forbidden);
        (await Manager.RunAsync($"event delete {eventId}")).Succeeds();
        (await Manager.RunAsync($"event show {eventId}")).Fails(ExitCodes.NotFound);
    }

    [Fact]
    public async Task Upcoming_events_are_those_of_the_next_days()
    {
        var soon = await EventOfAsync(Sales);

        (await Sales.RunAsync("event list --upcoming --days 30 --json")).Succeeds().Stdout.Should().Contain($"\"id\":{soon}");
        (await Sales.RunAsync("event list --upcoming --days 2 --json")).Succeeds().Stdout.Should().NotContain($"\"id\":{soon}");
    }

    [Fact]
    public async Task The_audit_trail_shows_who_changed_what()
    {
        var client = await ClientOfAsync(Sales);
        (await Sales.RunAsync($"client update {client} --phone 0600000000")).Succeeds();

        var entries = (await Manager.RunAsync($"audit list --entity client --id {client} --json")).Succeeds().Json.GetProperty("items").EnumerateArray().ToList();
        var table = (await Manager.RunAsync($"audit list --entity client --id {client}")).Succeeds().Stdout;

        entries.Should().HaveCount(2);
        entries[0].GetProperty("actorName").GetString().Should().Be("Sam Sales");
        entries[0].GetProperty("source").GetString().Should().Be(World.Mode == CliMode.Local ? "Cli" : "Api", "a change through the server is recorded as coming from its API");
        table.Should().Contain("0600000000");
        (await Manager.RunAsync("audit list --since \"2000-01-01 00:00\" --limit 1 --json")).Succeeds().Json.GetProperty("next").ValueKind.Should().Be(JsonValueKind.String);
    }

    [Fact]
    public async Task French_is_spoken_on_request()
    {
        var run = (await Sales.RunAsync("client create --name Kim --email kim@x.io --phone 0102030405 --company Kim --lang fr")).Succeeds();
        var error = (await Support.RunAsync("client list --mine --lang fr")).Fails(ExitCodes.Invalid);

        run.Stdout.Should().Contain("Client").And.Contain("créé").And.Contain("Entreprise");
        error.Stderr.Should().StartWith("Erreur :");
        (await Sales.RunAsync("client show 999999", settings: new Dictionary<string, string?> { ["LANG"] = "fr_FR.UTF-8" })).Stderr.Should().StartWith("Erreur :");
    }

    [Fact]
    public async Task Lists_print_a_table_and_the_way_to_the_next_page()
    {
        await ClientOfAsync(Sales, "First Client");
        await ClientOfAsync(Sales, "Second Client");

        var run = (await Sales.RunAsync("client list --mine --limit 1")).Succeeds();

        run.Stdout.Should().Contain("Second Client").And.Contain("Company").And.NotContain("First Client");
        run.Stderr.Should().Contain("--after ");
    }
}
