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
        // English is written with the invariant culture (English names of days and months, 1,234.50):
        // the same words as en-GB's, without loading the ICU library into a command that needs no
        // other culture (a command's help, an English listing). French needs fr-FR's data.
        Culture = french ? CultureInfo.GetCultureInfo("fr-FR") : CultureInfo.InvariantCulture;
    }

    public bool IsFrench { get; }

    public CultureInfo Culture { get; }

    /// <summary>French for a language tag starting with "fr" (fr, fr-FR, fr_FR.UTF-8), English otherwise.</summary>
    public static Wording For(string? language) =>
        language is not null && language.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? French : English;

    /// <summary>A sentence of Crm.Core in this language; arguments that are sentences too are worded first.</summary>
    public string Render(Text text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Phrase(text.Catalog, text.Key, text.Args);
    }

    /// <summary>The sentence of <paramref name="key"/> in <paramref name="catalog"/>, in this language and culture.</summary>
    public string Phrase(TextCatalog catalog, string key, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var worded = args.Length == 0 ? args : Array.ConvertAll(args, a => a is Text inner ? Render(inner) : a);
        return catalog.Format(key, Culture, worded);
    }

    /// <summary>A sentence of Crm.Core's glossary in this language.</summary>
    private string Core(string key, params object?[] args) => Phrase(CoreTexts.Catalog, key, args);

    public string YesNo(bool value) => Core(value ? "yes" : "no");

    public string Amount(decimal amount) => amount.ToString("#,0.00", Culture);

    /// <summary>An amount with its currency, as people read it on a card: <c>1 234,50 €</c>.</summary>
    public string Euros(decimal amount) => $"{Amount(amount)} €";

    /// <summary>A date and time as tables and JSON show it, sortable and the same in every language: <c>2025-12-01 10:00</c>.</summary>
    public string Date(DateTime utc, TimeZoneInfo zone) =>
        Local(utc, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string Date(DateTime? utc, TimeZoneInfo zone) => utc is { } value ? Date(value, zone) : "—";

    /// <summary>A date and time as a sentence or a card says it: <c>lundi 1 décembre 2025 10:00</c>, <c>Monday 1 December 2025 10:00</c>.</summary>
    public string LongDate(DateTime utc, TimeZoneInfo zone) => Core("date.long", Local(utc, zone));

    public string LongDate(DateTime? utc, TimeZoneInfo zone) => utc is { } value ? LongDate(value, zone) : "—";

    public string Department(Department department) => Render(CoreTexts.Department(department));

    public string Status(ContractStatus status) =>
        Enum.IsDefined(status) ? Render(CoreTexts.Status(status)) : status.ToString();

    /// <summary>The name of a digest, as its card and its preview title it.</summary>
    public string Digest(Digests.DigestKind kind) => kind switch
    {
        Digests.DigestKind.Management => Core("digest.name.management"),
        Digests.DigestKind.Support => Core("digest.name.support"),
        Digests.DigestKind.Sales => Core("digest.name.sales"),
        _ => kind.ToString(),
    };

    /// <summary>The title of a digest's section.</summary>
    public string DigestTopic(Digests.DigestTopic topic) => topic switch
    {
        Digests.DigestTopic.PendingSignatures => Core("digest.topic.pendingSignatures"),
        Digests.DigestTopic.EventsWithoutSupport => Core("digest.topic.eventsWithoutSupport"),
        Digests.DigestTopic.UnpaidEndedContracts => Core("digest.topic.unpaidEndedContracts"),
        Digests.DigestTopic.EventsTomorrow => Core("digest.topic.eventsTomorrow"),
        Digests.DigestTopic.OldDrafts => Core("digest.topic.oldDrafts"),
        Digests.DigestTopic.UnpaidSignedContracts => Core("digest.topic.unpaidSignedContracts"),
        Digests.DigestTopic.ClientsWithoutContract => Core("digest.topic.clientsWithoutContract"),
        _ => topic.ToString(),
    };

    /// <summary>The days a digest comes on: <c>every day</c>, <c>every working day</c>, or the days' names in order from Monday.</summary>
    public string Days(IReadOnlyList<DayOfWeek> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days.Count == 7)
        {
            return Core("days.every");
        }

        if (days.Count == 5 && !days.Contains(DayOfWeek.Saturday) && !days.Contains(DayOfWeek.Sunday))
        {
            return Core("days.working");
        }

        var names = days.OrderBy(d => ((int)d + 6) % 7).Select(d => Culture.DateTimeFormat.GetDayName(d));
        return Core("days.on", string.Join(", ", names));
    }

    /// <summary>The rows a section does not show: "and 3 more".</summary>
    public string More(int count) => count == 1 ? Core("list.more.one") : Core("list.more", count);

    /// <summary>How long something has waited, to the hour (to the minute under an hour): <c>3 d 4 h</c>.</summary>
    public string Waited(TimeSpan waited)
    {
        if (waited < TimeSpan.FromHours(1))
        {
            return Core("waited.minutes", Math.Max(0, (int)waited.TotalMinutes));
        }

        var days = (int)waited.TotalDays;
        return days == 0 ? Core("waited.hours", waited.Hours) : Core("waited.days", days, waited.Hours);
    }

    /// <summary>
    /// Who a signature request is going to: the managers whose approval card is on its way in Teams
    /// (queued, not yet delivered: the notifications list says when it arrives), and each one it cannot
    /// reach, with why; when nobody can be reached, where Management will find the request instead.
    /// </summary>
    public string Approvers(IReadOnlyList<Signatures.ApproverReach> approvers)
    {
        ArgumentNullException.ThrowIfNull(approvers);
        if (approvers.Count == 0)
        {
            return Core("approvers.none");
        }

        var inTeams = approvers.Where(a => a.Channel == Signatures.ApproverChannel.Teams).Select(a => a.FullName).ToList();
        var unreachable = approvers.Where(a => a.Channel != Signatures.ApproverChannel.Teams)
            .Select(a => Core("approvers.unreachableOne", a.FullName, Unreachable(a.Channel))).ToList();
        var asked = inTeams.Count == 0
            ? Core("approvers.noneInTeams")
            : Core("approvers.inTeams", string.Join(", ", inTeams));
        return unreachable.Count == 0
            ? asked
            : asked + " " + Core("approvers.unreachable", string.Join(Core("list.semicolon"), unreachable));
    }

    private Text Unreachable(Signatures.ApproverChannel channel) => new(channel switch
    {
        Signatures.ApproverChannel.NoTeamsAccount => "approver.noTeamsAccount",
        Signatures.ApproverChannel.BlockedTheBot => "approver.blockedTheBot",
        Signatures.ApproverChannel.AppNotInstalled => "approver.appNotInstalled",
        _ => "approver.unknown",
    });

    private static DateTime Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
}
