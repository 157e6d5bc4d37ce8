using System.Globalization;
using System.Text.Json;
using EpicEvents.Bot.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EpicEvents.Bot.EndToEnd.Tests;

/// <summary>
/// The workflows that run across people's chats: a salesperson asks for a signature and the manager
/// decides from the card that arrives in their own chat; a support contact is assigned an event and
/// acknowledges it. Each person has their own playground, so every notification travels the real
/// way: written to the outbox with the change, delivered by the bot's sender to the person's stored
/// 1:1 chat, and decided cards updated in place with a <c>PUT</c>.
/// </summary>
public sealed class TeamsWorkflowTests(EndToEndWorld world, ITestOutputHelper output) : EndToEndTest(world, output)
{
    private const string ManagerName = "Maud Manager";

    [EndToEndFact]
    public Task A_signature_asked_for_in_teams_is_approved_from_the_managers_card_and_the_salesperson_is_told() => ScenarioAsync(async () =>
    {
        var manager = await OpenChatAsync(MockTenant.Manager);
        var sales = await InstalledPlaygroundAsync(MockTenant.Sales);
        var (contract, company) = await DraftContractAsync();
        var managerMark = manager.Playground.Conversation.Mark;
        var salesMark = sales.Conversation.Mark;

        await sales.SendAsync($"request signature {contract}");

        await sales.Conversation.NextFromBotAsync(salesMark, m => m.AllText.Contains($"Signature of contract {contract} requested", StringComparison.Ordinal));
        var card = await manager.CardContainingAsync(Summary(contract), "Signature requested");
        (await card.TextAsync()).Should().Contain(company).And.Contain("12,000.00").And.Contain(MockTenant.Sales.Name);
        var delivered = await manager.Playground.Conversation.NextFromBotAsync(managerMark, m => m.AllText.Contains(Summary(contract), StringComparison.Ordinal));
        (await StatusAsync(contract)).Should().Be("PendingSignature");

        await card.PressAsync("Approve");

        var decided = await manager.CardContainingAsync(Summary(contract), $"Approved by {ManagerName}");
        (await decided.HasButtonAsync("Approve")).Should().BeFalse("a decided request has no buttons left");
        (await decided.HasButtonAsync("Reject")).Should().BeFalse();
        await KeepScreenshotAsync(manager, "approval-decided.png");
        await manager.Playground.Conversation.NextFromBotAsync(
            managerMark,
            m => m.Action == "updateMessage" && m.MessageId == delivered.MessageId && m.AllText.Contains($"Approved by {ManagerName}", StringComparison.Ordinal),
            NotificationTimeout);
        (await StatusAsync(contract)).Should().Be("Signed");
        var told = await sales.Conversation.NextFromBotAsync(salesMark, m => m.AllText.Contains("Signed by", StringComparison.Ordinal) && m.AllText.Contains($" · contract #{contract}", StringComparison.Ordinal), NotificationTimeout);
        told.AllText.Should().Contain($"Approved by {ManagerName}").And.Contain(company);
    });

    [EndToEndFact]
    public Task A_manager_rejects_a_signature_with_a_reason_and_the_salesperson_reads_it() => ScenarioAsync(async () =>
    {
        const string reason = "The deposit is missing from the amounts.";
        var manager = await OpenChatAsync(MockTenant.Manager);
        var sales = await InstalledPlaygroundAsync(MockTenant.Sales);
        var (contract, _) = await DraftContractAsync();
        var salesMark = sales.Conversation.Mark;
        await sales.SendAsync($"request signature {contract}");
        var card = await manager.CardContainingAsync(Summary(contract), "Signature requested");

        await card.PressAsync("Reject");
        await card.FillAsync(ApprovalCardReason, reason);
        await card.PressAsync("Reject with this reason");

        var decided = await manager.CardContainingAsync(Summary(contract), $"Rejected by {ManagerName}");
        (await decided.TextAsync()).Should().Contain(reason);
        (await decided.HasButtonAsync("Approve")).Should().BeFalse();
        (await StatusAsync(contract)).Should().Be("Draft", "a rejected request gives the contract back to its salesperson");
        var told = await sales.Conversation.NextFromBotAsync(salesMark, m => m.AllText.Contains("Signature rejected by", StringComparison.Ordinal) && m.AllText.Contains($" · contract #{contract}", StringComparison.Ordinal), NotificationTimeout);
        told.AllText.Should().Contain(reason).And.Contain(ManagerName);
    });

    [EndToEndFact]
    public Task A_rejection_without_a_reason_is_refused_and_decides_nothing() => ScenarioAsync(async () =>
    {
        var manager = await OpenChatAsync(MockTenant.Manager);
        var sales = await InstalledPlaygroundAsync(MockTenant.Sales);
        var (contract, _) = await DraftContractAsync();
        var managerMark = manager.Playground.Conversation.Mark;
        var salesMark = sales.Conversation.Mark;
        await sales.SendAsync($"request signature {contract}");
        var card = await manager.CardContainingAsync(Summary(contract), "Signature requested");
        var delivered = await manager.Playground.Conversation.NextFromBotAsync(managerMark, m => m.AllText.Contains(Summary(contract), StringComparison.Ordinal));

        // In the chat: the card itself asks for the reason.
        await card.PressAsync("Reject");
        await card.PressAsync("Reject with this reason");

        (await card.ErrorUnderAsync(ApprovalCardReason)).Should().Contain("Say why the signature is rejected.");

        // A client that skips the card's check (or a forged click) gets the card back with the problem under the box.
        var request = (await World.CliAsync(MockTenant.Manager, ["contract", "show", Invariant(contract), "--json"])).Succeeds().Json.GetProperty("pendingSignatureRequestId").GetInt32();
        var answer = await manager.Playground.ExecuteAsync(delivered.MessageId!, "signature.reject", new { requestId = Invariant(request), reason = "  " });

        var shown = string.Join("\n", CardJson.Texts(answer));
        shown.Should().Contain("Signature requested").And.Contain("Approve").And.Contain("Say why the signature is rejected: the requester reads it.");
        (await StatusAsync(contract)).Should().Be("PendingSignature", "nothing was decided");
        var afterwards = await sales.Conversation.FromBotSettledAsync(salesMark, TimeSpan.FromSeconds(3));
        afterwards.Should().NotContain(m => m.AllText.Contains("Signature rejected by", StringComparison.Ordinal) && m.AllText.Contains($" · contract #{contract}", StringComparison.Ordinal));
        (await card.HasButtonAsync("Approve")).Should().BeTrue("the request is still open in the manager's chat");
    });

    [EndToEndFact]
    public Task Support_assigned_by_a_manager_gets_the_event_card_acknowledges_it_and_the_salesperson_is_told() => ScenarioAsync(async () =>
    {
        var support = await OpenChatAsync(MockTenant.Support);
        var sales = await InstalledPlaygroundAsync(MockTenant.Sales);
        var manager = await World.PlaygroundAsync(MockTenant.Manager);
        var (@event, company) = await UnassignedEventAsync();
        var salesMark = sales.Conversation.Mark;

        (await World.CliAsync(MockTenant.Manager, ["event", "assign", Invariant(@event), "--support", Invariant(World.CollaboratorIds[MockTenant.Support])])).Succeeds();

        var card = await support.CardContainingAsync($"You support event #{@event}");
        (await card.TextAsync()).Should().Contain("Lyon, Parc de la Tête d'Or").And.Contain("120").And.Contain(company).And.Contain("Bring the badge printer.");
        (await card.HasButtonAsync("Acknowledge")).Should().BeTrue();
        (await AcknowledgedAtAsync(@event)).Should().BeNull();
        var told = await sales.Conversation.NextFromBotAsync(salesMark, m => m.AllText.Contains($"{MockTenant.Support.Name} supports {company}'s event #{@event}", StringComparison.Ordinal), NotificationTimeout);
        told.HasCard.Should().BeTrue();

        await card.PressAsync("Acknowledge");

        var acknowledged = await support.CardContainingAsync($"You support event #{@event}", "Acknowledged on");
        (await acknowledged.HasButtonAsync("Acknowledge")).Should().BeFalse();
        (await AcknowledgedAtAsync(@event)).Should().NotBeNull();
        var managerMark = manager.Conversation.Mark;
        await manager.SendAsync($"event {@event}");
        var shown = await manager.Conversation.NextFromBotAsync(managerMark, m => m.HasCard);
        shown.AllText.Should().Contain($"{MockTenant.Support.Name} · acknowledged on");
    });

    [EndToEndFact]
    public Task A_manager_who_turns_the_morning_digest_on_receives_it_and_assigns_support_from_it() => ScenarioAsync(async () =>
    {
        var manager = await OpenChatAsync(MockTenant.Manager);
        var (@event, name) = await UnassignedEventAsync(inDays: 3);

        (await World.CliAsync(MockTenant.Manager, ["settings", "set", "--digest", "on", "--at", "00:00"])).Succeeds();

        var digest = await manager.CardContainingAsync("Your morning digest", "Events in the next 7 days without support", name);
        (await digest.TextAsync()).Should().Contain("Digest settings");
        await KeepScreenshotAsync(manager, "digest-morning.png");
        var who = await digest.ClickAsync("Assign");
        (await who.TextAsync()).Should().Contain($"Who supports event {@event}?").And.Contain(MockTenant.Support.Name);

        var before = await manager.SnapshotAsync();
        await who.Root.GetByText(MockTenant.Support.Name).First.ClickAsync();
        var assigned = await manager.NextCardAsync(before);

        (await assigned.TextAsync()).Should().Contain($"{MockTenant.Support.Name} now supports event {@event}");
        await KeepScreenshotAsync(manager, "digest-assigned.png");
        var shown = (await World.CliAsync(MockTenant.Manager, ["event", "show", Invariant(@event), "--json"])).Succeeds().Json;
        shown.GetProperty("supportContactId").GetInt32().Should().Be(World.CollaboratorIds[MockTenant.Support]);
    });

    [EndToEndFact]
    public Task A_support_collaborator_moves_and_turns_off_the_digest_from_the_settings_card() => ScenarioAsync(async () =>
    {
        var support = await OpenChatAsync(MockTenant.Support);

        var card = await support.SendAsync("settings");
        (await card.TextAsync()).Should().Contain("Your settings").And.Contain("Support digest").And.Contain("every day");
        await (await card.InputAsync("digest")).ClickAsync();
        await support.Page.GetByRole(Microsoft.Playwright.AriaRole.Option, new() { Name = "Do not send it", Exact = true }).ClickAsync();
        await card.FillAsync("digestAt", "18:30");
        var saved = await card.ClickAsync("Save");

        (await saved.TextAsync()).Should().Contain("Saved.");
        await KeepScreenshotAsync(support, "settings-saved.png");
        var shown = (await World.CliAsync(MockTenant.Support, ["settings", "show", "--json"])).Succeeds().Json.GetProperty("digest");
        shown.GetProperty("enabled").GetBoolean().Should().BeFalse();
        shown.GetProperty("at").GetString().Should().StartWith("18:30");
    });

    /// <summary>How a card of the approval workflow names its contract (the one-line summary).</summary>
    private static string Summary(int contract) => $"Contract #{contract} ·";

    /// <summary>The id of the reject reason box (the chat finds it by the label the card gives it).</summary>
    private const string ApprovalCardReason = "reason";

    private static readonly TimeSpan NotificationTimeout = TimeSpan.FromSeconds(30);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The person's playground, with the app installed in their personal chat (so the bot knows where to write to them).</summary>
    private async Task<Playground> InstalledPlaygroundAsync(MockPerson person)
    {
        var playground = await World.PlaygroundAsync(person);
        var mark = playground.Conversation.Mark;
        await playground.InstallAsync();
        await playground.Conversation.NextFromBotAsync(mark, m => m.HasCard);
        return playground;
    }

    /// <summary>A draft contract of 12 000 € for a new client of Sam Sales.</summary>
    private async Task<(int Contract, string Company)> DraftContractAsync()
    {
        var slug = Guid.NewGuid().ToString("N")[..8];
        var company = $"Workflow {slug}";
        var client = (await World.CliAsync(MockTenant.Sales, ["client", "create", "--name", "Kevin Casey", "--email", $"kevin.{slug}@startup.io", "--phone", "+33 6 12 34 56 78", "--company", company, "--json"])).Succeeds().Id;
        var contract = (await World.CliAsync(MockTenant.Manager, ["contract", "create", "--client", Invariant(client), "--total", "12000", "--due", "4000", "--json"])).Succeeds().Id;
        return (contract, company);
    }

    /// <summary>An upcoming event, without support, of a signed contract of a new client of Sam Sales.</summary>
    private async Task<(int Event, string Company)> UnassignedEventAsync()
    {
        var (@event, _, company) = await NewUnassignedEventAsync(20, "Annual gala");
        return (@event, company);
    }

    /// <summary>An event in <paramref name="inDays"/> days, without support, with a name of its own.</summary>
    private async Task<(int Event, string Name)> UnassignedEventAsync(int inDays)
    {
        var name = $"Launch party {Guid.NewGuid().ToString("N")[..6]}";
        var (@event, _, _) = await NewUnassignedEventAsync(inDays, name);
        return (@event, name);
    }

    private async Task<(int Event, int Contract, string Company)> NewUnassignedEventAsync(int inDays, string name)
    {
        var (contract, company) = await DraftContractAsync();
        (await World.CliAsync(MockTenant.Manager, ["contract", "sign", Invariant(contract)])).Succeeds();
        var start = DateTime.UtcNow.Date.AddDays(inDays).AddHours(18);
        var @event = (await World.CliAsync(MockTenant.Sales,
        [
            "event", "create", "--contract", Invariant(contract), "--name", name,
            "--start", start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            "--end", start.AddHours(6).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            "--location", "Lyon, Parc de la Tête d'Or", "--attendees", "120", "--notes", "Bring the badge printer.", "--json",
        ])).Succeeds().Id;
        return (@event, contract, company);
    }

    private async Task<string?> StatusAsync(int contract) =>
        (await World.CliAsync(MockTenant.Manager, ["contract", "show", Invariant(contract), "--json"])).Succeeds().Json.GetProperty("status").GetString();

    private async Task<string?> AcknowledgedAtAsync(int @event)
    {
        var acknowledged = (await World.CliAsync(MockTenant.Manager, ["event", "show", Invariant(@event), "--json"])).Succeeds().Json.GetProperty("supportAcknowledgedAt");
        return acknowledged.ValueKind == JsonValueKind.Null ? null : acknowledged.GetString();
    }
}
