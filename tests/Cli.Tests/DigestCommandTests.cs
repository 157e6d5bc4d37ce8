using System.Text.Json;
using EpicEvents.Cli.Tests.Infrastructure;

namespace EpicEvents.Cli.Tests;

public sealed class DigestCommandTestsLocally : DigestCommandTests;

public sealed class DigestCommandTestsThroughTheServer : DigestCommandTests
{
    protected override CliMode Mode => CliMode.Server;
}

public sealed class DigestCommandTestsThroughTheServerOnPostgres : DigestCommandTests
{
    protected override CliMode Mode => CliMode.ServerOnPostgres;
}

/// <summary><c>digest preview</c>: what a digest would hold now, as a table per section or as JSON.</summary>
public abstract class DigestCommandTests : CliTest
{
    [Fact]
    public async Task A_salesperson_previews_their_digest_with_the_first_five_rows_of_a_section_and_the_count_of_the_rest()
    {
        var unpaid = await ContractOfAsync(Sales, signed: true, total: "10000", due: "2500");
        for (var i = 1; i <= 6; i++)
        {
            await ClientOfAsync(Sales, $"Prospect {i}");
        }

        var run = (await Sales.RunAsync("digest preview --kind sales")).Succeeds();

        run.Stdout.Should().Contain("Sales digest").And.Contain("Sam Sales")
            .And.Contain("Drafts older than 14 days (0)").And.Contain("Nothing matches.")
            .And.Contain("Signed contracts with an amount due (1)").And.Contain($"{unpaid}").And.Contain("2,500.00")
            .And.Contain("Clients without a contract yet (6)").And.Contain("Prospect 5").And.NotContain("Prospect 6")
            .And.Contain("and 1 more");
    }

    [Fact]
    public async Task A_manager_previews_the_management_digest_with_each_requests_wait()
    {
        var contract = await ContractOfAsync(Sales);
        (await Sales.RunAsync($"contract request-signature {contract}")).Succeeds();

        var run = (await Manager.RunAsync("digest preview --kind management")).Succeeds();

        run.Stdout.Should().Contain("Management digest").And.Contain("Signature requests waiting (1)").And.Contain("Requested by")
            .And.Contain("Sam Sales").And.Contain("Waiting").And.Contain(" min")
            .And.Contain("Events in the next 7 days without support (0)").And.Contain("Ended events with an amount still due (0)");
        run.Stderr.Should().NotContain("Nothing to report");
    }

    [Fact]
    public async Task The_preview_speaks_french_on_request()
    {
        await ContractOfAsync(Sales, signed: true, total: "10000", due: "2500");
        for (var i = 1; i <= 6; i++)
        {
            await ClientOfAsync(Sales, $"Prospect {i}");
        }

        var run = (await Sales.RunAsync("digest preview --kind sales --lang fr")).Succeeds();

        run.Stdout.Should().Contain("Récapitulatif commercial").And.Contain("Brouillons de plus de 14 jours (0)").And.Contain("Aucun résultat.")
            .And.Contain("Contrats signés avec un montant restant dû (1)").And.Contain("500,00")
            .And.Contain("Clients encore sans contrat (6)").And.Contain("et 1 autre").And.Contain("Entreprise").And.Contain("Depuis")
            .And.NotContainAny("digest", "Drafts", "Signed", "without", "more", "Nothing", "Company", "Since", "Due", "Created");
    }

    [Fact]
    public async Task Management_previews_a_support_collaborators_digest_as_json()
    {
        await EventOfAsync(Sales, support: Support);

        var json = (await Manager.RunAsync($"digest preview --kind support --for {Support.Id} --json")).Succeeds().Json;

        json.GetProperty("kind").GetString().Should().Be("Support");
        json.GetProperty("recipientId").GetInt32().Should().Be(Support.Id);
        json.GetProperty("recipientName").GetString().Should().Be("Sue Support");
        json.GetProperty("isEmpty").GetBoolean().Should().BeTrue("the event is ten days away, not tomorrow");
        var section = json.GetProperty("sections").EnumerateArray().Should().ContainSingle().Subject;
        section.GetProperty("topic").GetString().Should().Be("EventsTomorrow");
        section.GetProperty("total").GetInt32().Should().Be(0);
        section.GetProperty("more").GetInt32().Should().Be(0);
        section.GetProperty("rows").ValueKind.Should().Be(JsonValueKind.Array);
        (await Manager.RunAsync($"digest preview --kind support --for {Support.Id}")).Succeeds()
            .Stderr.Should().Contain("Nothing to report: this digest is empty.");
    }

    [Fact]
    public async Task The_rows_in_json_carry_the_ids_of_their_records()
    {
        var client = await ClientOfAsync(Sales, "Prospect");

        var json = (await Sales.RunAsync("digest preview --kind sales --json")).Succeeds().Json;

        var sections = json.GetProperty("sections").EnumerateArray().ToList();
        sections.Select(s => s.GetProperty("topic").GetString()).Should().Equal("OldDrafts", "UnpaidSignedContracts", "ClientsWithoutContract");
        var row = sections[2].GetProperty("rows").EnumerateArray().Should().ContainSingle().Subject;
        row.GetProperty("clientId").GetInt32().Should().Be(client);
        row.GetProperty("contact").GetProperty("phone").GetString().Should().NotBeNullOrEmpty();
        json.GetProperty("isEmpty").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task Support_cannot_preview_the_management_digest_nor_sales_a_colleagues()
    {
        (await Support.RunAsync("digest preview --kind management")).Fails(ExitCodes.Forbidden)
            .Stderr.Should().Contain("The Support department can only build the Support digest.");
        (await Sales.RunAsync($"digest preview --kind sales --for {Sales2.Id}")).Fails(ExitCodes.Forbidden)
            .Stderr.Should().Contain("its own digest");
        (await Manager.RunAsync("digest preview --kind support --for 424242")).Fails(ExitCodes.NotFound);
        (await Manager.RunAsync($"digest preview --kind support --for {Sales.Id}")).Fails(ExitCodes.Invalid).Stderr.Should().Contain("--for");
    }
}
