using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EpicEvents.Bot.Cards;
using EpicEvents.Crm.Digests;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Bot.Notifications;

/// <summary>
/// A digest as it comes to its recipient's chat: a section per topic with something in it, its first
/// rows each with the button that acts on it — sign a waiting contract, assign support, show the
/// record, start a contract — and how many more there are. Every button types a chat command, so
/// what it does is checked by the permission matrix like anything typed.
/// </summary>
public static class DigestCard
{
    public static JsonElement Build(Digest digest, Wording words, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(words);
        var sections = digest.Sections.Where(s => s.Total > 0).Select(section => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["heading"] = $"{words.DigestTopic(section.Topic)} ({section.Total.ToString(words.Culture)})",
            ["rows"] = section.Rows.Select(row => (IReadOnlyDictionary<string, object?>)Row(section.Topic, row, digest.At, words, zone)).ToList(),
            ["more"] = section.More > 0 ? MoreOf(section.Topic, section.More, words) : null,
        }).ToList();
        return CardFactory.Digest(Title(digest, words, zone), Subtitle(digest, words), sections,
            [CardActions.Command(words.Bot("digestCard.digestSettings"), "settings")]);
    }

    /// <summary>The text a notification shows before the card opens (and a screen reader reads).</summary>
    public static string Summary(Digest digest, Wording words) =>
        $"{Headline(digest.Kind, words)} · {string.Join(", ", digest.Sections.Where(s => s.Total > 0).Select(s => $"{words.DigestTopic(s.Topic)}: {s.Total.ToString(words.Culture)}"))}";

    private static string Headline(DigestKind kind, Wording words) => kind switch
    {
        DigestKind.Management => words.Bot("digestCard.morningDigest"),
        DigestKind.Support => words.Bot("digestCard.eventsTomorrow"),
        _ => words.Bot("digestCard.weekSales"),
    };

    private static string Title(Digest digest, Wording words, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(digest.At, DateTimeKind.Utc), zone);
        var day = digest.Kind == DigestKind.Support ? local.AddDays(1) : local;
        return $"{Headline(digest.Kind, words)} · {day.ToString("dddd d MMMM", words.Culture)}";
    }

    private static string Subtitle(Digest digest, Wording words) => digest.Kind switch
    {
        DigestKind.Management => words.Bot("digestCard.whatWaitsDecisionWhatNeeds"),
        DigestKind.Support => words.Bot("digestCard.eventsSupportTomorrowWhomCall"),
        _ => words.Bot("digestCard.draftsUnpaidContractsClientsStill"),
    };

    private static Dictionary<string, object?> Row(DigestTopic topic, DigestRow row, DateTime at, Wording words, TimeZoneInfo zone)
    {
        var client = $"{row.ClientName} — {row.ClientCompany}";
        var contract = row.ContractId is { } contractId ? contractId.ToString(CultureInfo.InvariantCulture) : string.Empty;
        var @event = row.EventId is { } eventId ? eventId.ToString(CultureInfo.InvariantCulture) : string.Empty;
        var clientId = row.ClientId.ToString(CultureInfo.InvariantCulture);
        string? Money(decimal? amount) => amount is { } value ? words.Euros(value) : null;
        var (line, detail, button) = topic switch
        {
            DigestTopic.PendingSignatures => (
                words.Bot("digestCard.contract", contract, client),
                Join(Money(row.TotalAmount), row.PersonName is { } asker ? words.Bot("digestCard.asked", asker) : null,
                    row.Since is { } since ? words.Bot("digestCard.waiting", words.Waited(at - since)) : null),
                CardActions.Command(words.Bot("common.sign"), $"sign {contract}")),
            DigestTopic.EventsWithoutSupport => (
                $"{row.EventName} · {client}",
                Join(words.Date(row.StartsAt, zone), row.Location),
                CardActions.Command(words.Bot("digestCard.assign"), $"assign {@event}")),
            DigestTopic.UnpaidEndedContracts => (
                words.Bot("digestCard.contract", contract, client),
                Join(words.Bot("digestCard.due", Money(row.AmountDue)), words.Bot("digestCard.ended", words.Date(row.Since, zone)), row.PersonName),
                CardActions.Command(words.Bot("digestCard.show"), $"contract {contract}")),
            DigestTopic.EventsTomorrow => (
                $"{row.EventName} · {client}",
                Join(
                    $"{words.Date(row.StartsAt, zone)} → {words.Date(row.EndsAt, zone)}",
                    row.Location,
                    row.ExpectedAttendees is { } attendees ? words.Bot("digestCard.attendees", attendees) : null,
                    row.Contact is { } c ? $"{c.FullName}, {c.Phone}, {c.Email}" : null,
                    row.Acknowledged == true ? words.Bot("digestCard.acknowledged") : words.Bot("digestCard.notAcknowledgedYet")),
                CardActions.Command(words.Bot("digestCard.show"), $"event {@event}")),
            DigestTopic.OldDrafts => (
                words.Bot("digestCard.contract", contract, client),
                Join(Money(row.TotalAmount), words.Bot("digestCard.draftSince", words.Date(row.Since, zone))),
                CardActions.Command(words.Bot("digestCard.show"), $"contract {contract}")),
            DigestTopic.UnpaidSignedContracts => (
                words.Bot("digestCard.contract", contract, client),
                Join(words.Bot("digestCard.due", Money(row.AmountDue)), words.Bot("digestCard.signed", words.Date(row.Since, zone))),
                CardActions.Command(words.Bot("digestCard.show"), $"contract {contract}")),
            _ => (
                client,
                Join(row.Contact is { } c ? $"{c.Phone}, {c.Email}" : null, words.Bot("digestCard.clientSince", words.Date(row.Since, zone))),
                CardActions.Command(words.Bot("common.newContract"), $"new contract {clientId}")),
        };
        return new Dictionary<string, object?> { ["line"] = line, ["detail"] = detail, ["button"] = button };
    }

    /// <summary>The rest of a section, and the command that lists it whole where there is one.</summary>
    private static string MoreOf(DigestTopic topic, int more, Wording words)
    {
        var where = topic switch
        {
            DigestTopic.PendingSignatures => words.Bot("digestCard.typeContractsPending"),
            DigestTopic.EventsWithoutSupport => words.Bot("digestCard.typeEventsUnassigned"),
            DigestTopic.UnpaidEndedContracts or DigestTopic.UnpaidSignedContracts => words.Bot("digestCard.typeContractsUnpaid"),
            DigestTopic.EventsTomorrow => words.Bot("digestCard.typeMyEvents"),
            DigestTopic.OldDrafts => words.Bot("digestCard.typeContractsUnsigned"),
            _ => words.Bot("digestCard.typeMyClients"),
        };
        return $"… {words.More(more)} — {where}";
    }

    private static string? Join(params string?[] parts)
    {
        var kept = parts.Where(p => !string.IsNullOrWhiteSpace(p) && p != "—").ToList();
        return kept.Count == 0 ? null : string.Join(" · ", kept);
    }
}
