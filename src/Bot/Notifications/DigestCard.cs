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
            [CardActions.Command(words.Say("Digest settings", "Réglages du récapitulatif"), "settings")]);
    }

    /// <summary>The text a notification shows before the card opens (and a screen reader reads).</summary>
    public static string Summary(Digest digest, Wording words) =>
        $"{Headline(digest.Kind, words)} · {string.Join(", ", digest.Sections.Where(s => s.Total > 0).Select(s => $"{words.DigestTopic(s.Topic)}: {s.Total.ToString(words.Culture)}"))}";

    private static string Headline(DigestKind kind, Wording words) => kind switch
    {
        DigestKind.Management => words.Say("Your morning digest", "Votre récapitulatif du matin"),
        DigestKind.Support => words.Say("Your events tomorrow", "Vos événements de demain"),
        _ => words.Say("Your week in sales", "Votre semaine commerciale"),
    };

    private static string Title(Digest digest, Wording words, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(digest.At, DateTimeKind.Utc), zone);
        var day = digest.Kind == DigestKind.Support ? local.AddDays(1) : local;
        return $"{Headline(digest.Kind, words)} · {day.ToString("dddd d MMMM", words.Culture)}";
    }

    private static string Subtitle(Digest digest, Wording words) => digest.Kind switch
    {
        DigestKind.Management => words.Say("What waits for a decision, and what needs attention.", "Ce qui attend une décision, et ce qui demande votre attention."),
        DigestKind.Support => words.Say("The events you support tomorrow, with whom to call.", "Les événements dont vous assurez le support demain, et qui appeler."),
        _ => words.Say("Your drafts, unpaid contracts and clients still without a contract.", "Vos brouillons, contrats impayés et clients encore sans contrat."),
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
                words.Say($"Contract #{contract} · {client}", $"Contrat n° {contract} · {client}"),
                Join(Money(row.TotalAmount), row.PersonName is { } asker ? words.Say($"asked by {asker}", $"demandée par {asker}") : null,
                    row.Since is { } since ? words.Say($"waiting {words.Waited(at - since)}", $"en attente depuis {words.Waited(at - since)}") : null),
                CardActions.Command(words.Say("Sign", "Signer"), $"sign {contract}")),
            DigestTopic.EventsWithoutSupport => (
                $"{row.EventName} · {client}",
                Join(words.Date(row.StartsAt, zone), row.Location),
                CardActions.Command(words.Say("Assign", "Affecter"), $"assign {@event}")),
            DigestTopic.UnpaidEndedContracts => (
                words.Say($"Contract #{contract} · {client}", $"Contrat n° {contract} · {client}"),
                Join(words.Say($"{Money(row.AmountDue)} due", $"{Money(row.AmountDue)} restant dû"), words.Say($"ended {words.Date(row.Since, zone)}", $"terminé le {words.Date(row.Since, zone)}"), row.PersonName),
                CardActions.Command(words.Say("Show", "Voir"), $"contract {contract}")),
            DigestTopic.EventsTomorrow => (
                $"{row.EventName} · {client}",
                Join(
                    $"{words.Date(row.StartsAt, zone)} → {words.Date(row.EndsAt, zone)}",
                    row.Location,
                    row.ExpectedAttendees is { } attendees ? words.Say($"{attendees} attendees", $"{attendees} participants") : null,
                    row.Contact is { } c ? $"{c.FullName}, {c.Phone}, {c.Email}" : null,
                    row.Acknowledged == true ? words.Say("acknowledged", "pris en compte") : words.Say("not acknowledged yet", "pas encore pris en compte")),
                CardActions.Command(words.Say("Show", "Voir"), $"event {@event}")),
            DigestTopic.OldDrafts => (
                words.Say($"Contract #{contract} · {client}", $"Contrat n° {contract} · {client}"),
                Join(Money(row.TotalAmount), words.Say($"draft since {words.Date(row.Since, zone)}", $"brouillon depuis le {words.Date(row.Since, zone)}")),
                CardActions.Command(words.Say("Show", "Voir"), $"contract {contract}")),
            DigestTopic.UnpaidSignedContracts => (
                words.Say($"Contract #{contract} · {client}", $"Contrat n° {contract} · {client}"),
                Join(words.Say($"{Money(row.AmountDue)} due", $"{Money(row.AmountDue)} restant dû"), words.Say($"signed {words.Date(row.Since, zone)}", $"signé le {words.Date(row.Since, zone)}")),
                CardActions.Command(words.Say("Show", "Voir"), $"contract {contract}")),
            _ => (
                client,
                Join(row.Contact is { } c ? $"{c.Phone}, {c.Email}" : null, words.Say($"client since {words.Date(row.Since, zone)}", $"client depuis le {words.Date(row.Since, zone)}")),
                CardActions.Command(words.Say("New contract", "Nouveau contrat"), $"new contract {clientId}")),
        };
        return new Dictionary<string, object?> { ["line"] = line, ["detail"] = detail, ["button"] = button };
    }

    /// <summary>The rest of a section, and the command that lists it whole where there is one.</summary>
    private static string MoreOf(DigestTopic topic, int more, Wording words)
    {
        var where = topic switch
        {
            DigestTopic.PendingSignatures => words.Say("type `contracts pending`", "tapez `contrats en attente`"),
            DigestTopic.EventsWithoutSupport => words.Say("type `events unassigned`", "tapez `événements sans support`"),
            DigestTopic.UnpaidEndedContracts or DigestTopic.UnpaidSignedContracts => words.Say("type `contracts unpaid`", "tapez `contrats impayés`"),
            DigestTopic.EventsTomorrow => words.Say("type `my events`", "tapez `mes événements`"),
            DigestTopic.OldDrafts => words.Say("type `contracts unsigned`", "tapez `contrats non signés`"),
            _ => words.Say("type `my clients`", "tapez `mes clients`"),
        };
        return $"… {words.More(more)} — {where}";
    }

    private static string? Join(params string?[] parts)
    {
        var kept = parts.Where(p => !string.IsNullOrWhiteSpace(p) && p != "—").ToList();
        return kept.Count == 0 ? null : string.Join(" · ", kept);
    }
}
