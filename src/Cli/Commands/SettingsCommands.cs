using System.CommandLine;
using System.Globalization;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Digests;

namespace EpicEvents.Cli.Commands;

/// <summary>
/// <c>settings show</c>, <c>settings set [--digest on|off] [--at HH:MM] [--language fr|en|auto]</c> and
/// <c>settings language fr|en|auto</c>: one's own preferences in the CRM.
/// </summary>
internal static class SettingsCommands
{
    private static readonly IReadOnlyDictionary<string, string> FieldNames = new Dictionary<string, string>
    {
        ["digestEnabled"] = "digest",
        ["digestAt"] = "at",
        ["language"] = "language",
        ["settings"] = "digest/--at/--language",
    };

    public static Command Build(CommandRunner runner)
    {
        var settings = new Command("settings", "Your own preferences in the CRM: your digest in Teams (on or off, its hour) and the bot's language.");
        settings.Subcommands.Add(Show(runner));
        settings.Subcommands.Add(Set(runner));
        settings.Subcommands.Add(Language(runner));
        return settings;
    }

    private static Command Show(CommandRunner runner)
    {
        var command = new Command("show", "Show your digest's settings (on or off, hour, days, time zone) and the bot's language.");
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(
                await context.Crm(
                    () => context.Get<ShowSettings>().ExecuteAsync(actor, cancellationToken),
                    api => api.GetAsync<SettingsView>("me/settings", cancellationToken)),
                view => Print(context, view)));
        return command;
    }

    private static Command Set(CommandRunner runner)
    {
        var digest = new Option<string?>("--digest") { Description = "Send me my digest in Teams (on) or not (off).", HelpName = "on|off" };
        digest.AcceptOnlyFromAmong("on", "off");
        var at = new Option<string?>("--at") { Description = "The local time of day the digest comes at, such as 08:30 or 8h30.", HelpName = "HH:MM" };
        var language = new Option<string?>("--language") { Description = "The bot's language: fr, en, or auto (your Teams client's).", HelpName = "fr|en|auto" };
        language.AcceptOnlyFromAmong("fr", "en", "auto");
        var command = new Command("set", "Change your settings; what you leave out stays as it is. All or nothing: a wrong value changes nothing.") { digest, at, language };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
        {
            var change = new SettingsChange(
                context.Value(language),
                context.Value(digest) switch { "on" => true, "off" => false, _ => null },
                context.Value(at));
            return context.Complete(
                await context.Crm(
                    () => context.Get<ChangeSettings>().ExecuteAsync(actor, change, cancellationToken),
                    api => api.PatchAsync<SettingsView>("me/settings", change, cancellationToken)),
                view =>
                {
                    context.Terminal.Success(context.Texts.Say("Settings saved.", "Réglages enregistrés."));
                    Print(context, view);
                },
                fieldNames: FieldNames);
        });
        return command;
    }

    private static Command Language(CommandRunner runner)
    {
        var language = new Argument<string>("language") { Description = "fr, en, or auto (your Teams client's language)." };
        language.AcceptOnlyFromAmong("fr", "en", "auto");
        var choose = new Command("language", "The language the Teams bot answers you in and writes your notifications in, over your Teams client's.") { language };
        runner.Authenticated(choose, async (context, actor, cancellationToken) =>
        {
            var chosen = context.Value(language) is "auto" ? null : context.Value(language);
            return context.Complete(
                await context.Crm(
                    () => context.Get<ChooseLanguage>().ExecuteAsync(actor, chosen, cancellationToken),
                    api => api.PutAsync<LanguageChoice>("me/language", new LanguageChoice(chosen), cancellationToken)),
                choice => context.Terminal.Success(choice.Language switch
                {
                    "fr" => context.Texts.Say("The bot will answer you in French.", "Le bot vous répondra en français."),
                    "en" => context.Texts.Say("The bot will answer you in English.", "Le bot vous répondra en anglais."),
                    _ => context.Texts.Say("The bot follows your Teams language.", "Le bot suit la langue de votre Teams."),
                }));
        });
        return choose;
    }

    private static void Print(CliContext context, SettingsView view)
    {
        var texts = context.Texts;
        var digest = view.Digest;
        context.Terminal.Details(
            texts.Say("Your settings", "Vos réglages"),
            [
                (texts.Wording.Digest(digest.Kind), (digest.Enabled, view.HasTeamsAccount) switch
                {
                    (false, _) => texts.Say("off", "désactivé"),
                    (true, true) => texts.Say("sent to you in Teams", "envoyé dans Teams"),
                    _ => texts.Say("on, but no Teams account is linked to you: nothing can be sent", "activé, mais aucun compte Teams ne vous est lié : rien ne peut être envoyé"),
                }),
                (texts.Say("At", "À"), $"{digest.At.ToString("HH:mm", CultureInfo.InvariantCulture)} ({digest.TimeZone})"),
                (texts.Say("Days", "Jours"), texts.Wording.Days(digest.Days)),
                (texts.Say("Chosen by", "Choisi par"), digest.IsCompanyDefault ? texts.Say("the company (default)", "l'entreprise (par défaut)") : texts.Say("you", "vous")),
                (texts.Say("Bot language", "Langue du bot"), view.Language ?? texts.Say("your Teams language", "la langue de votre Teams")),
            ]);
    }
}
