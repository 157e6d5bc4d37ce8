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

    public string YesNo(bool value) => value ? Say("yes", "oui") : Say("no", "non");

    public string Amount(decimal amount) => amount.ToString("#,0.00", Culture);

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
}
