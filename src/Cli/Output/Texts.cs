using System.Globalization;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Outbox;

namespace EpicEvents.Cli.Output;

/// <summary>
/// The program's own words in English or French; the CRM's notions, and the refusals and field
/// errors of Crm.Core, are worded by <see cref="Wording"/>.
/// </summary>
internal sealed class Texts
{
    private static readonly Texts English = new(Wording.English);
    private static readonly Texts French = new(Wording.French);

    private readonly Wording _wording;

    private Texts(Wording wording) => _wording = wording;

    public bool IsFrench => _wording.IsFrench;

    /// <summary>The CRM's own notions in this language, as the bot words them.</summary>
    public Wording Wording => _wording;

    public CultureInfo Culture => _wording.Culture;

    public static Texts For(string? language) => Wording.For(language).IsFrench ? French : English;

    /// <summary>The sentence in the chosen language.</summary>
    public string Say(string english, string french) => _wording.Say(english, french);

    /// <summary>A sentence of Crm.Core in the chosen language.</summary>
    public string Render(Text text) => _wording.Render(text);
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

    public string YesNo(bool value) => _wording.YesNo(value);

    public string Amount(decimal amount) => _wording.Amount(amount);

    public string Date(DateTime utc, TimeZoneInfo zone) => _wording.Date(utc, zone);

    public string Date(DateTime? utc, TimeZoneInfo zone) => _wording.Date(utc, zone);

    public string Department(Department department) => _wording.Department(department);

    public string Status(ContractStatus status) => _wording.Status(status);

    /// <summary>What a notification tells its recipient, in a few words.</summary>
    public string Kind(NotificationKind kind) => kind switch
    {
        NotificationKind.SignatureRequested => Say("signature to approve", "signature à approuver"),
        NotificationKind.SignatureDecided => Say("signature decision", "décision de signature"),
        NotificationKind.ApprovalCardUpdate => Say("approval card updated", "carte d'approbation mise à jour"),
        NotificationKind.SupportAssigned => Say("support assigned", "support attribué"),
        NotificationKind.SupportUnassigned => Say("support withdrawn", "support retiré"),
        NotificationKind.SupportAssignedToYourClient => Say("support for your client", "support pour votre client"),
        NotificationKind.Digest => Say("digest", "récapitulatif"),
        _ => kind.ToString(),
    };

    public string State(DeliveryState state) => state switch
    {
        DeliveryState.Pending => Say("pending", "en attente"),
        DeliveryState.Sent => Say("delivered", "remise"),
        DeliveryState.Failed => Say("failed", "échec"),
        DeliveryState.Undeliverable => Say("undeliverable", "impossible à remettre"),
        _ => state.ToString(),
    };

    public string Queued(int count) => count switch
    {
        0 => Say("No notification had failed: nothing to send again.", "Aucune notification en échec : rien à renvoyer."),
        1 => Say("1 notification queued again.", "1 notification remise en file d'envoi."),
        _ => Say($"{count} notifications queued again.", $"{count} notifications remises en file d'envoi."),
    };

    /// <summary>Whether the support contact of an event has acknowledged the assignment.</summary>
    public string Acknowledgement(DateTime? acknowledgedAt, TimeZoneInfo zone) => acknowledgedAt is { } at
        ? Say($"acknowledged on {Date(at, zone)}", $"pris en compte le {Date(at, zone)}")
        : Say("not yet acknowledged", "pas encore pris en compte");
}
