using System.Text.Json;
using EpicEvents.Bot.Cards;
using EpicEvents.Bot.Notifications;
using EpicEvents.Bot.Tests.Infrastructure;
using EpicEvents.Crm.Digests;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Bot.Tests;

/// <summary>What each digest's card shows and what its buttons type, built from a digest as Crm.Core reads it.</summary>
public sealed class DigestCardTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly DateTime At = new(2026, 3, 2, 16, 0, 0, DateTimeKind.Utc); // Monday 17:00 in Paris

    [Fact]
    public void Each_row_of_the_management_digest_has_the_button_that_acts_on_it_and_the_rest_is_counted()
    {
        var digest = new Digest(DigestKind.Management, 1, "Maud Manager", At,
        [
            new(DigestTopic.PendingSignatures, 7, [Row(contract: 12, request: 3) with { TotalAmount = 12_000m, PersonName = "Sam Sales", Since = At.AddDays(-2).AddHours(-3) }]),
            new(DigestTopic.EventsWithoutSupport, 1, [Row(contract: 13, @event: 40) with { EventName = "Annual gala", StartsAt = At.AddDays(3), Location = "Lyon" }]),
            new(DigestTopic.UnpaidEndedContracts, 0, []),
        ]);

        var card = DigestCard.Build(digest, Wording.English, Paris);

        var text = card.Text();
        text.Should().Contain("Your morning digest · Monday 2 March").And.Contain("Signature requests waiting (7)")
            .And.Contain("Contract #12 · Kevin Casey — Cool Startup").And.Contain("12,000.00 €").And.Contain("asked by Sam Sales").And.Contain("waiting 2 d 3 h")
            .And.Contain("… and 6 more — type `contracts pending`")
            .And.Contain("Events in the next 7 days without support (1)").And.Contain("Annual gala").And.Contain("2026-03-05 17:00 · Lyon")
            .And.NotContain("Ended events with an amount still due", "an empty section is left out");
        Commands(card).Should().Equal(("Sign", "sign 12"), ("Assign", "assign 40"), ("Digest settings", "settings"));
        JsonSerializer.SerializeToUtf8Bytes(card).Length.Should().BeLessThan(CardFactory.MaxCardBytes);
    }

    [Fact]
    public void The_support_digest_names_tomorrow_and_says_whom_to_call_and_whether_it_was_acknowledged()
    {
        var digest = new Digest(DigestKind.Support, 5, "Sue Support", At,
        [
            new(DigestTopic.EventsTomorrow, 1, [Row(contract: 13, @event: 41) with
            {
                EventName = "Wedding", StartsAt = At.AddHours(17), EndsAt = At.AddHours(25), Location = "Paris", ExpectedAttendees = 80,
                Contact = new ClientContact("Kevin Casey", "kevin@startup.io", "+33 6 12 34 56 78"), Acknowledged = false,
            }]),
        ]);

        var card = DigestCard.Build(digest, Wording.French, Paris);

        card.Text().Should().Contain("Vos événements de demain · mardi 3 mars").And.Contain("Événements de demain (1)")
            .And.Contain("80 participants").And.Contain("Kevin Casey, +33 6 12 34 56 78, kevin@startup.io").And.Contain("pas encore pris en compte");
        Commands(card).Should().Equal(("Voir", "event 41"), ("Réglages du récapitulatif", "settings"));
    }

    [Fact]
    public void The_sales_digest_shows_drafts_and_unpaid_contracts_and_offers_a_contract_to_a_client_without_one()
    {
        var digest = new Digest(DigestKind.Sales, 2, "Sam Sales", At,
        [
            new(DigestTopic.OldDrafts, 1, [Row(contract: 20) with { TotalAmount = 5_000m, Since = At.AddDays(-20) }]),
            new(DigestTopic.UnpaidSignedContracts, 1, [Row(contract: 21) with { AmountDue = 1_250.5m, Since = At.AddDays(-40) }]),
            new(DigestTopic.ClientsWithoutContract, 1, [Row(client: 30) with { Contact = new ClientContact("Kevin Casey", "kevin@startup.io", "+33 6 12 34 56 78"), Since = At.AddDays(-9) }]),
        ]);

        var card = DigestCard.Build(digest, Wording.English, Paris);

        card.Text().Should().Contain("Your week in sales").And.Contain("1,250.50 € due").And.Contain("draft since 2026-02-10");
        Commands(card).Should().Equal(("Show", "contract 20"), ("Show", "contract 21"), ("New contract", "new contract 30"), ("Digest settings", "settings"));
        DigestCard.Summary(digest, Wording.English).Should().Be("Your week in sales · Drafts older than 14 days: 1, Signed contracts with an amount due: 1, Clients without a contract yet: 1");
    }

    private static DigestRow Row(int? contract = null, int? request = null, int? @event = null, int client = 9) => new()
    {
        ContractId = contract,
        SignatureRequestId = request,
        EventId = @event,
        ClientId = client,
        ClientName = "Kevin Casey",
        ClientCompany = "Cool Startup",
    };

    /// <summary>Each button's title and the chat command it types, in order.</summary>
    private static List<(string Title, string Command)> Commands(JsonElement card) =>
        card.Elements().Where(e => e.GetProperty("type").GetString() == "Action.Submit")
            .Select(e => (e.GetProperty("title").GetString()!, e.GetProperty("data").GetProperty(CardActions.CommandField).GetString()!))
            .ToList();
}
