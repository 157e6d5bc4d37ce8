using System.Globalization;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Contracts;

namespace EpicEvents.Crm.Presentation;

/// <summary>
/// The words and formats both front ends show for the CRM's own notions, in English or French: the
/// departments, contract statuses, amounts and dates (in the configured time zone). The glossary of
/// SPEC.md, in code.
/// </summary>
public sealed class Wording
{
    public static readonly Wording English = new(french: false);
    public static readonly Wording French = new(french: true);

    private Wording(bool french)
    {
        IsFrench = french;
        Culture = CultureInfo.GetCultureInfo(french ? "fr-FR" : "en-GB");
    }

    public bool IsFrench { get; }

    public CultureInfo Culture { get; }

    /// <summary>French for a language tag starting with "fr" (fr, fr-FR, fr_FR.UTF-8), English otherwise.</summary>
    public static Wording For(string? language) =>
        language is not null && language.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? French : English;

    /// <summary>The sentence in this language.</summary>
    public string Say(string english, string french) => IsFrench ? french : english;

    /// <summary>A sentence of Crm.Core in this language; arguments that are sentences too are worded first.</summary>
    public string Render(Text text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Phrase(CoreTexts.Catalog, text.Key, text.Args);
    }

    /// <summary>The sentence of <paramref name="key"/> in <paramref name="catalog"/>, in this language and culture.</summary>
    public string Phrase(TextCatalog catalog, string key, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var worded = args.Length == 0 ? args : Array.ConvertAll(args, a => a is Text inner ? Render(inner) : a);
        return catalog.Format(key, Culture, worded);
    }

    public string YesNo(bool value) => value ? Say("yes", "oui") : Say("no", "non");

    public string Amount(decimal amount) => amount.ToString("#,0.00", Culture);

    /// <summary>An amount with its currency, as people read it on a card: <c>1 234,50 €</c>.</summary>
    public string Euros(decimal amount) => $"{Amount(amount)} €";

    public string Date(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string Date(DateTime? utc, TimeZoneInfo zone) => utc is { } value ? Date(value, zone) : "—";

    public string Department(Department department) => department switch
    {
        Access.Department.Management => Say("Management", "Gestion"),
        Access.Department.Sales => Say("Sales", "Commercial"),
        Access.Department.Support => "Support",
        _ => Say("none", "aucun"),
    };

    public string Status(ContractStatus status) => status switch
    {
        ContractStatus.Draft => Say("draft", "brouillon"),
        ContractStatus.PendingSignature => Say("awaiting signature", "en attente de signature"),
        ContractStatus.Signed => Say("signed", "signé"),
        ContractStatus.Cancelled => Say("cancelled", "annulé"),
        _ => status.ToString(),
    };

    /// <summary>The name of a digest, as its card and its preview title it.</summary>
    public string Digest(Digests.DigestKind kind) => kind switch
    {
        Digests.DigestKind.Management => Say("Management digest", "Récapitulatif de la gestion"),
        Digests.DigestKind.Support => Say("Support digest", "Récapitulatif du support"),
        Digests.DigestKind.Sales => Say("Sales digest", "Récapitulatif commercial"),
        _ => kind.ToString(),
    };

    /// <summary>The title of a digest's section.</summary>
    public string DigestTopic(Digests.DigestTopic topic) => topic switch
    {
        Digests.DigestTopic.PendingSignatures => Say("Signature requests waiting", "Demandes de signature en attente"),
        Digests.DigestTopic.EventsWithoutSupport => Say("Events in the next 7 days without support", "Événements des 7 prochains jours sans support"),
        Digests.DigestTopic.UnpaidEndedContracts => Say("Ended events with an amount still due", "Événements terminés avec un montant restant dû"),
        Digests.DigestTopic.EventsTomorrow => Say("Events tomorrow", "Événements de demain"),
        Digests.DigestTopic.OldDrafts => Say("Drafts older than 14 days", "Brouillons de plus de 14 jours"),
        Digests.DigestTopic.UnpaidSignedContracts => Say("Signed contracts with an amount due", "Contrats signés avec un montant restant dû"),
        Digests.DigestTopic.ClientsWithoutContract => Say("Clients without a contract yet", "Clients encore sans contrat"),
        _ => topic.ToString(),
    };

    /// <summary>The rows a section does not show: "and 3 more".</summary>
    /// <summary>The days a digest comes on: <c>every day</c>, <c>every working day</c>, or the days' names in order from Monday.</summary>
    public string Days(IReadOnlyList<DayOfWeek> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days.Count == 7)
        {
            return Say("every day", "tous les jours");
        }

        if (days.Count == 5 && !days.Contains(DayOfWeek.Saturday) && !days.Contains(DayOfWeek.Sunday))
        {
            return Say("every working day", "chaque jour ouvré");
        }

        var names = days.OrderBy(d => ((int)d + 6) % 7).Select(d => Culture.DateTimeFormat.GetDayName(d));
        return Say($"on {string.Join(", ", names)}", $"le {string.Join(", ", names)}");
    }

    public string More(int count) => Say($"and {count} more", count == 1 ? "et 1 autre" : $"et {count} autres");

    /// <summary>How long something has waited, to the hour (to the minute under an hour): <c>3 d 4 h</c>.</summary>
    public string Waited(TimeSpan waited)
    {
        if (waited < TimeSpan.FromHours(1))
        {
            return $"{Math.Max(0, (int)waited.TotalMinutes)} min";
        }

        var days = (int)waited.TotalDays;
        return days == 0 ? $"{waited.Hours} h" : Say($"{days} d {waited.Hours} h", $"{days} j {waited.Hours} h");
    }

    /// <summary>
    /// Who a signature request is going to: the managers whose approval card is on its way in Teams
    /// (queued, not yet delivered: the notifications list says when it arrives), and each one it cannot
    /// reach, with why; when nobody can be reached, where Management will find the request instead.
    /// </summary>
    public string Approvers(IReadOnlyList<Signatures.ApproverReach> approvers)
    {
        var inTeams = approvers.Where(a => a.Channel == Signatures.ApproverChannel.Teams).Select(a => a.FullName).ToList();
        var unreachable = approvers.Where(a => a.Channel != Signatures.ApproverChannel.Teams)
            .Select(a => $"{a.FullName} ({Unreachable(a.Channel)})").ToList();
        if (approvers.Count == 0)
        {
            return Say(
                "There is no active manager to ask: a manager must be hired or reactivated to sign it.",
                "Aucun gestionnaire actif à solliciter : il faut en recruter ou en réactiver un pour la signer.");
        }

        var asked = inTeams.Count == 0
            ? Say(
                "No manager can receive it in Teams; they will find it in the bot with `contracts pending`, or with `epicevents contract list --status pending`.",
                "Aucun gestionnaire ne peut la recevoir dans Teams ; ils la trouveront dans le bot avec `contrats en attente`, ou avec `epicevents contract list --status pending`.")
            : Say($"Approval card on its way in Teams to: {string.Join(", ", inTeams)}.", $"Carte d'approbation en route dans Teams vers : {string.Join(", ", inTeams)}.");
        return unreachable.Count == 0
            ? asked
            : asked + " " + Say($"Not reachable in Teams: {string.Join("; ", unreachable)}.", $"Injoignables dans Teams : {string.Join(" ; ", unreachable)}.");
    }

    private string Unreachable(Signatures.ApproverChannel channel) => channel switch
    {
        Signatures.ApproverChannel.NoTeamsAccount => Say("no Teams account linked", "aucun compte Teams lié"),
        Signatures.ApproverChannel.BlockedTheBot => Say("has blocked the bot", "a bloqué le bot"),
        Signatures.ApproverChannel.AppNotInstalled => Say("the app is not installed in their organisation", "l'application n'est pas installée dans son organisation"),
        _ => Say("unknown", "inconnu"),
    };
}
