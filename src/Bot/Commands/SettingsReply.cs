using System.Globalization;
using System.Text.Json;
using EpicEvents.Bot.Cards;
using EpicEvents.Bot.Conversations;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Digests;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Bot.Commands;

/// <summary>
/// <c>settings</c>: one's own settings as a card — the digest on or off and its hour, the bot's
/// language — saved from the card (<see cref="SaveVerb"/>), which then shows what was saved.
/// </summary>
public static class SettingsReply
{
    public const string SaveVerb = "settings.save";
    public const string DigestField = "digest";
    public const string AtField = "digestAt";
    public const string LanguageField = "language";

    public static bool Handles(string? verb) => verb == SaveVerb;

    public static async Task ShowAsync(CrmTurn turn, CancellationToken cancellationToken)
    {
        var settings = await turn.Get<ShowSettings>().ExecuteAsync(turn.Actor, cancellationToken);
        if (!settings.IsOk)
        {
            await turn.RefuseAsync(settings.AsFailure(), cancellationToken);
            return;
        }

        await turn.SendAsync(Card(settings.Value, turn.Words, null, null), turn.Words.Bot("settingsReply.settings"), cancellationToken);
    }

    /// <summary>Saves what the card holds; answers the card again, with what was saved or what to correct.</summary>
    public static async Task<JsonElement> SaveAsync(CrmTurn turn, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        turn.Operation = "bot card " + SaveVerb;
        bool? enabled = data.GetValueOrDefault(DigestField) switch
        {
            "on" => true,
            "off" => false,
            _ => null,
        };
        var change = new SettingsChange(data.GetValueOrDefault(LanguageField), enabled, data.GetValueOrDefault(AtField));
        var saved = await turn.Get<ChangeSettings>().ExecuteAsync(turn.Actor, change, cancellationToken);
        if (saved.IsOk)
        {
            var words = Wording.For(saved.Value.Language ?? turn.Activity.Locale);
            return Card(saved.Value, words, words.Bot("settingsReply.saved"), null);
        }

        if (saved.Outcome != Outcome.Invalid)
        {
            return turn.RefusalCard(saved.AsFailure());
        }

        var current = await turn.Get<ShowSettings>().ExecuteAsync(turn.Actor, cancellationToken);
        return current.IsOk
            ? Card(current.Value, turn.Words, null, saved.AsFailure())
            : turn.RefusalCard(current.AsFailure());
    }

    private static JsonElement Card(SettingsView settings, Wording words, string? saved, Failure? problem)
    {
        var digest = settings.Digest;
        var at = digest.At.ToString("HH:mm", CultureInfo.InvariantCulture);
        string? Error(string field) => problem?.Errors.FirstOrDefault(e => e.Field == field)?.Message is { } error ? words.Render(error) : null;
        var intro = words.Bot("settingsReply.hourChooseTimeDigestNothing", words.Digest(digest.Kind), words.Days(digest.Days), digest.TimeZone);
        return CardFactory.Form(
            words.Bot("settingsReply.settings"),
            saved is null ? intro : $"{saved} {intro}",
            problem is null ? null : problem.Errors.Count == 0 ? words.Render(problem.Message) : words.Bot("settingsReply.pleaseCheckWhatMarked"),
            [
                new FormField(DigestField, words.Digest(digest.Kind), FieldKind.Choice, digest.Enabled ? "on" : "off", Error("digestEnabled"), Required: true,
                    Choices: [(words.Bot("settingsReply.sendMe"), "on"), (words.Bot("settingsReply.doNotSend"), "off")]),
                new FormField(AtField, words.Bot("settingsReply.at"), FieldKind.Time, at, Error(AtField), Required: true),
                new FormField(LanguageField, words.Bot("settingsReply.languageBot"), FieldKind.Choice, settings.Language ?? "auto", Error(LanguageField), Required: true,
                    Choices: [(words.Bot("settingsReply.myTeamsLanguage"), "auto"), ("Français", "fr"), ("English", "en")]),
            ],
            [CardActions.Execute(words.Bot("common.save"), SaveVerb, primary: true)],
            words);
    }
}
