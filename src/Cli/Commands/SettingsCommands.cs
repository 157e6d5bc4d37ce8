using System.CommandLine;
using EpicEvents.Crm.Collaborators;

namespace EpicEvents.Cli.Commands;

/// <summary><c>settings language fr|en|auto</c>: one's own preferences in the CRM.</summary>
internal static class SettingsCommands
{
    public static Command Build(CommandRunner runner)
    {
        var settings = new Command("settings", "Your own preferences in the CRM.");
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
        settings.Subcommands.Add(choose);
        return settings;
    }
}
