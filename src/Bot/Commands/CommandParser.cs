using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EpicEvents.Bot.Commands;

/// <summary>
/// Reads a chat message as a command, in English or French, ignoring case, accents, extra spaces and
/// a trailing full stop. Mentions are stripped before (in channels the text starts with <c>&lt;at&gt;Bot&lt;/at&gt;</c>).
/// </summary>
public static partial class CommandParser
{
    public const int MaxLength = 500;

    public static BotCommand Parse(string? text)
    {
        var original = (text ?? string.Empty).Trim();
        if (original.Length > MaxLength)
        {
            return new BotCommand.Unknown(original[..MaxLength]);
        }

        var words = Normalize(original);
        return words switch
        {
            "" or "help" or "aide" or "?" or "menu" => new BotCommand.Help(),
            "cancel" or "annuler" or "stop" => new BotCommand.Cancel(),
            "new client" or "nouveau client" or "create client" or "creer client" or "creer un client" => new BotCommand.NewClient(),
            "new contract" or "nouveau contrat" or "create contract" or "creer contrat" => new BotCommand.NewContract(),
            "new event" or "nouvel evenement" or "nouvel event" or "nouveau evenement" or "create event" => new BotCommand.NewEvent(),
            "my clients" or "mes clients" => new BotCommand.Clients(null, Mine: true),
            "clients" => new BotCommand.Clients(null, Mine: false),
            "contracts unsigned" or "unsigned contracts" or "contrats non signes" => new BotCommand.Contracts(ContractList.Unsigned),
            "contracts unpaid" or "unpaid contracts" or "contrats non payes" or "contrats impayes" => new BotCommand.Contracts(ContractList.Unpaid),
            "contracts pending" or "pending contracts" or "contrats en attente" or "signatures en attente" => new BotCommand.Contracts(ContractList.Pending),
            "notifications" => new BotCommand.Notifications(FailedOnly: false),
            "settings" or "my settings" or "reglages" or "mes reglages" or "parametres" or "mes parametres" or "preferences" or "mes preferences" => new BotCommand.Settings(),
            "language fr" or "language french" or "langue fr" or "langue francais" or "en francais" or "in french" => new BotCommand.ChooseLanguage("fr"),
            "language en" or "language english" or "langue en" or "langue anglais" or "en anglais" or "in english" => new BotCommand.ChooseLanguage("en"),
            "language auto" or "langue auto" or "language teams" or "langue teams" => new BotCommand.ChooseLanguage(null),
            "notifications failed" or "failed notifications" or "notifications en echec" or "notifications echouees" => new BotCommand.Notifications(FailedOnly: true),
            _ => ParseWithArguments(words, original),
        };
    }

    /// <summary>Lower case, no accents, single spaces, no trailing punctuation.</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(character));
            }
        }

        return Spaces().Replace(builder.ToString(), " ").Trim().TrimEnd('.', '!', '?').Trim();
    }

    private static BotCommand ParseWithArguments(string words, string original)
    {
        if (ClientsSearch().Match(words) is { Success: true } search)
        {
            // The search text keeps the user's accents and case; the CRM folds them itself.
            var start = original.IndexOf(' ', StringComparison.Ordinal);
            return new BotCommand.Clients(original[(start + 1)..].Trim(), Mine: false);
        }

        if (Numbered().Match(words) is { Success: true } numbered)
        {
            var id = ReadId(numbered.Groups["id"].Value);
            if (id is null)
            {
                return new BotCommand.Unknown(original);
            }

            return numbered.Groups["verb"].Value switch
            {
                "client" => new BotCommand.ShowClient(id.Value),
                "contract" or "contrat" => new BotCommand.ShowContract(id.Value),
                "event" or "evenement" => new BotCommand.ShowEvent(id.Value),
                "sign" or "signer" => new BotCommand.Sign(id.Value),
                "request signature" or "demander signature" or "demander la signature" or "demande de signature" => new BotCommand.RequestSignature(id.Value),
                "new contract" or "nouveau contrat" => new BotCommand.NewContract(id.Value),
                "new event" or "nouvel evenement" => new BotCommand.NewEvent(id.Value),
                _ => new BotCommand.Unknown(original),
            };
        }

        if (RecordCommand().Match(words) is { Success: true } record && ReadId(record.Groups["id"].Value) is { } recordId)
        {
            var kind = record.Groups["kind"].Value switch
            {
                "client" => RecordKind.Client,
                "contract" or "contrat" => RecordKind.Contract,
                _ => RecordKind.Event,
            };
            return record.Groups["verb"].Value is "update" or "modifier"
                ? new BotCommand.Update(kind, recordId)
                : new BotCommand.History(kind, recordId);
        }

        if (EventsCommand().Match(words) is { Success: true } events)
        {
            var which = events.Groups["which"].Value switch
            {
                "unassigned" or "sans support" or "non assignes" => EventList.Unassigned,
                "mine" or "mes" or "my" => EventList.Mine,
                _ => EventList.Upcoming,
            };
            int? days = events.Groups["days"].Success ? ReadId(events.Groups["days"].Value) : null;
            return new BotCommand.Events(which, days);
        }

        if (MyEvents().IsMatch(words))
        {
            return new BotCommand.Events(EventList.Mine, null);
        }

        if (AssignCommand().Match(words) is { Success: true } assign && ReadId(assign.Groups["id"].Value) is { } eventId)
        {
            // The name or email as typed (accents kept), after "to"/"à".
            var who = assign.Groups["who"].Success ? AssignTarget().Match(original) : null;
            return new BotCommand.Assign(eventId, who is { Success: true } ? who.Groups["who"].Value.Trim() : null);
        }

        return new BotCommand.Unknown(original);
    }

    private static int? ReadId(string digits) =>
        int.TryParse(digits.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(clients|search clients|chercher clients|recherche clients) (?<text>.+)$")]
    private static partial Regex ClientsSearch();

    [GeneratedRegex(@"^(?<verb>client|contract|contrat|event|evenement|sign|signer|request signature|demander signature|demander la signature|demande de signature|new contract|nouveau contrat|new event|nouvel evenement)( for| pour)? (?<id>#?\d{1,9})$")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"^(?<verb>update|modifier|history|historique) (?<kind>client|contract|contrat|event|evenement) (?<id>#?\d{1,9})$")]
    private static partial Regex RecordCommand();

    [GeneratedRegex(@"^(events|evenements) (?<which>unassigned|sans support|non assignes|mine|mes|upcoming|a venir|prochains)( (?<days>\d{1,4})( days| jours)?)?$")]
    private static partial Regex EventsCommand();

    [GeneratedRegex(@"^(my events|mes evenements)$")]
    private static partial Regex MyEvents();

    [GeneratedRegex(@"^(assign|assigner|affecter) (event |evenement )?(?<id>#?\d{1,9})( (to|a) (?<who>.+))?$")]
    private static partial Regex AssignCommand();

    [GeneratedRegex(@"\s(to|à|a|À)\s+(?<who>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex AssignTarget();
}
