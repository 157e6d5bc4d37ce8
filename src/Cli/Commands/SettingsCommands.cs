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
    public static Command Build(CommandRunner runner)
    {
        var settings = new Command("settings", runner.Texts.Phrase("settings.help"));
        settings.Subcommands.Add(Show(runner));
        settings.Subcommands.Add(Set(runner));
        settings.Subcommands.Add(Language(runner));
        return settings;
    }

    private static Command Show(CommandRunner runner)
    {
        var command = new Command("show", runner.Texts.Phrase("settings.show.help"));
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
        var digest = new Option<string?>("--digest") { Description = runner.Texts.Phrase("settings.set.digest.help"), HelpName = "on|off" };
        digest.AcceptOnlyFromAmong("on", "off");
        var at = new Option<string?>("--at") { Description = runner.Texts.Phrase("settings.set.at.help"), HelpName = "HH:MM" };
        var language = new Option<string?>("--language") { Description = runner.Texts.Phrase("settings.set.language.help"), HelpName = "fr|en|auto" };
        language.AcceptOnlyFromAmong("fr", "en", "auto");
        var command = new Command("set", runner.Texts.Phrase("settings.set.help")) { digest, at, language };
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
                    context.Terminal.Success(context.Texts.Phrase("settings.settingsSaved"));
                    Print(context, view);
                },
                fieldNames: OptionNames.Settings);
        });
        return command;
    }

    private static Command Language(CommandRunner runner)
    {
        var language = new Argument<string>("language") { Description = runner.Texts.Phrase("settings.language.language.help") };
        language.AcceptOnlyFromAmong("fr", "en", "auto");
        var choose = new Command("language", runner.Texts.Phrase("settings.language.help")) { language };
        runner.Authenticated(choose, async (context, actor, cancellationToken) =>
        {
            var chosen = context.Value(language) is "auto" ? null : context.Value(language);
            return context.Complete(
                await context.Crm(
                    () => context.Get<ChooseLanguage>().ExecuteAsync(actor, chosen, cancellationToken),
                    api => api.PutAsync<LanguageChoice>("me/language", new LanguageChoice(chosen), cancellationToken)),
                choice => context.Terminal.Success(choice.Language switch
                {
                    "fr" => context.Texts.Phrase("settings.botWillAnswerYou"),
                    "en" => context.Texts.Phrase("settings.botWillAnswerYou2"),
                    _ => context.Texts.Phrase("settings.botFollowsYourTeams"),
                }));
        });
        return choose;
    }

    private static void Print(CliContext context, SettingsView view)
    {
        var texts = context.Texts;
        var digest = view.Digest;
        context.Terminal.Details(
            texts.Phrase("settings.yourSettings"),
            [
                (texts.Wording.Digest(digest.Kind), (digest.Enabled, view.HasTeamsAccount) switch
                {
                    (false, _) => texts.Phrase("settings.off"),
                    (true, true) => texts.Phrase("settings.sentYouTeams"),
                    _ => texts.Phrase("settings.butNoTeamsAccount"),
                }),
                (texts.Phrase("settings.at"), $"{digest.At.ToString("HH:mm", CultureInfo.InvariantCulture)} ({digest.TimeZone})"),
                (texts.Phrase("settings.days"), texts.Wording.Days(digest.Days)),
                (texts.Phrase("settings.chosen"), digest.IsCompanyDefault ? texts.Phrase("settings.companyDefault") : texts.Phrase("settings.you")),
                (texts.Phrase("settings.botLanguage"), view.Language ?? texts.Phrase("settings.yourTeamsLanguage")),
            ]);
    }
}
