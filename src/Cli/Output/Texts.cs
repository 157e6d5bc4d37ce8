using System.Globalization;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Contracts;

namespace EpicEvents.Cli.Output;

/// <summary>
/// The program's own words in English or French, and how numbers and dates read in each. Messages
/// that come from Crm.Core (refusals, validation) are shown as Crm.Core writes them.
/// </summary>
internal sealed class Texts
{
    private static readonly Texts English = new(french: false);
    private static readonly Texts French = new(french: true);

    private Texts(bool french)
    {
        IsFrench = french;
        Culture = CultureInfo.GetCultureInfo(french ? "fr-FR" : "en-GB");
    }

    public bool IsFrench { get; }

    public CultureInfo Culture { get; }

    public static Texts For(string? language) =>
        language is not null && language.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? French : English;

    /// <summary>The sentence in the chosen language.</summary>
    public string Say(string english, string french) => IsFrench ? french : english;

    public string ErrorPrefix => Say("Error:", "Erreur :");

    public string Working => Say("Working…", "En cours…");

    public string Cancelled => Say("Cancelled.", "Annulé.");

    public string NotLoggedIn => Say("You are not logged in: run `epicevents auth login`.", "Vous n'êtes pas connecté : lancez `epicevents auth login`.");

    public string LogInAgain => Say("Run `epicevents auth login`.", "Lancez `epicevents auth login`.");

    public string NoPromptWithoutTerminal => Say(
        "There is no terminal to ask for the password: pass it on standard input with --password-stdin.",
        "Pas de terminal pour demander le mot de passe : passez-le sur l'entrée standard avec --password-stdin.");

    public string Unexpected(string kind) => Say(
        $"Something went wrong ({kind}). Nothing was half-written; run again with EPICEVENTS_DEBUG=1 for the details.",
        $"Une erreur inattendue s'est produite ({kind}). Rien n'a été écrit à moitié ; relancez avec EPICEVENTS_DEBUG=1 pour le détail.");

    public string SeeHelp(string command) => Say($"See `{command} --help`.", $"Voir `{command} --help`.");

    public string NextPage(string cursor) => Say($"More rows: add --after {cursor}, or --all for every row.", $"Suite : ajoutez --after {cursor}, ou --all pour toutes les lignes.");

    public string Rows(int count) => Say(count == 1 ? "1 row." : $"{count} rows.", count <= 1 ? $"{count} ligne." : $"{count} lignes.");

    public string NoRows => Say("Nothing matches.", "Aucun résultat.");

    public string Yes => Say("yes", "oui");

    public string No => Say("no", "non");

    public string YesNo(bool value) => value ? Yes : No;

    public string Amount(decimal amount) => amount.ToString("#,0.00", Culture);

    public string Date(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string Date(DateTime? utc, TimeZoneInfo zone) => utc is { } value ? Date(value, zone) : "—";

    public string Department(Department department) => department switch
    {
        Crm.Access.Department.Management => Say("Management", "Gestion"),
        Crm.Access.Department.Sales => Say("Sales", "Commercial"),
        Crm.Access.Department.Support => "Support",
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
