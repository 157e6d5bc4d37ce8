using System.Globalization;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Outbox;

namespace EpicEvents.Cli.Output;

/// <summary>
/// The program's own words in English or French, read from <c>Resources/CliTexts.resx</c> (English)
/// and <c>CliTexts.fr.resx</c>; the CRM's notions, and the refusals and field errors of Crm.Core, are
/// worded by <see cref="Wording"/>.
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

    /// <summary>The sentence of <paramref name="key"/> (<c>Resources/CliTexts.resx</c>) in the chosen language, its holes filled.</summary>
    public string Phrase(string key, params object?[] args) => _wording.Phrase(CliTexts.Catalog, key, args);

    /// <summary>A sentence of Crm.Core in the chosen language.</summary>
    public string Render(Text text) => _wording.Render(text);

    /// <summary>
    /// System.CommandLine's help with the words its own resources do not translate (its headings and
    /// placeholders) in this language.
    /// </summary>
    public string Help(string help) => HelpWords.Aggregate(help, (text, key) => text.Replace(English.Phrase(key), Phrase(key), StringComparison.Ordinal));

    private static readonly string[] HelpWords = ["help.descriptionTitle", "help.required", "help.commandPlaceholder"];

    public string ErrorPrefix => Phrase("common.error");

    public string Working => Phrase("common.working");

    public string Cancelled => Phrase("common.cancelled");

    public string NotLoggedIn => Phrase("common.youNotLoggedRun");

    public string LogInAgain => Phrase("common.runEpiceventsAuthLogin");

    public string NoPromptWithoutTerminal => Phrase("common.thereNoTerminalAsk");

    public string Unexpected(string kind) => Phrase("common.somethingWentWrongNothing", kind);

    public string SeeHelp(string command) => Phrase("common.seeHelp", command);

    public string NextPage(string cursor) => Phrase("common.moreRowsAddAfter", cursor);

    /// <summary>How many rows a listing shows; French says "1 ligne" and "0 ligne", English "0 rows".</summary>
    public string Rows(int count) => count == 1 || (count == 0 && IsFrench) ? Phrase("common.rows.one", count) : Phrase("common.rows.many", count);

    /// <summary>A date option's value that is no date, and the forms it can take.</summary>
    public string NotADate(string text) => Phrase("common.notADate", text, Phrase("common.date.help"));

    public string NoRows => Phrase("common.nothingMatches");

    public string YesNo(bool value) => _wording.YesNo(value);

    public string Amount(decimal amount) => _wording.Amount(amount);

    public string Date(DateTime utc, TimeZoneInfo zone) => _wording.Date(utc, zone);

    public string Date(DateTime? utc, TimeZoneInfo zone) => _wording.Date(utc, zone);

    public string Department(Department department) => _wording.Department(department);

    public string Status(ContractStatus status) => _wording.Status(status);

    /// <summary>What a notification tells its recipient, in a few words.</summary>
    public string Kind(NotificationKind kind) => kind switch
    {
        NotificationKind.SignatureRequested => Phrase("common.signatureApprove"),
        NotificationKind.SignatureDecided => Phrase("common.signatureDecision"),
        NotificationKind.ApprovalCardUpdate => Phrase("common.approvalCardUpdated"),
        NotificationKind.SupportAssigned => Phrase("common.supportAssigned"),
        NotificationKind.SupportUnassigned => Phrase("common.supportWithdrawn"),
        NotificationKind.SupportAssignedToYourClient => Phrase("common.supportYourClient"),
        NotificationKind.Digest => Phrase("common.digest"),
        _ => kind.ToString(),
    };

    public string State(DeliveryState state) => state switch
    {
        DeliveryState.Pending => Phrase("common.pending"),
        DeliveryState.Sent => Phrase("common.delivered"),
        DeliveryState.Failed => Phrase("common.failed"),
        DeliveryState.Undeliverable => Phrase("common.undeliverable"),
        _ => state.ToString(),
    };

    public string Queued(int count) => count switch
    {
        0 => Phrase("common.noNotificationHadFailed"),
        1 => Phrase("common.notificationQueuedAgain"),
        _ => Phrase("common.notificationsQueuedAgain", count),
    };

    /// <summary>Whether the support contact of an event has acknowledged the assignment.</summary>
    public string Acknowledgement(DateTime? acknowledgedAt, TimeZoneInfo zone) => acknowledgedAt is { } at
        ? Phrase("common.acknowledged", Date(at, zone))
        : Phrase("common.notYetAcknowledged");
}

/// <summary>The program's own sentences (<c>Resources/CliTexts.resx</c>, <c>CliTexts.fr.resx</c>).</summary>
internal static class CliTexts
{
    public static TextCatalog Catalog { get; } =
        new(new System.Resources.ResourceManager("EpicEvents.Cli.Resources.CliTexts", typeof(CliTexts).Assembly));
}
