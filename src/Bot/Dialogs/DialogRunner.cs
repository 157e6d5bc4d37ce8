using System.Text.Json;
using System.Text.Json.Nodes;
using EpicEvents.Bot.Cards;
using EpicEvents.Bot.Conversations;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Teams;

namespace EpicEvents.Bot.Dialogs;

/// <summary>A card button press: its verb and the data (inputs merged in, all strings).</summary>
public sealed record CardSubmission(string Verb, IReadOnlyDictionary<string, string> Data);

/// <summary>
/// Opens form dialogs and handles their submissions. The state lives in the database
/// (<see cref="DialogStore"/>), so a dialog survives a restart and continues on any instance; a
/// second instance that saved first makes this one re-read instead of overwriting.
/// </summary>
public sealed class DialogRunner(IEnumerable<FormDialog> dialogs, DialogStore store)
{
    public const string SubmitVerb = "dialog.submit";
    public const string CancelVerb = "dialog.cancel";
    public const string DialogIdField = "dialogId";

    // Inputs are strings of bounded size; anything longer is cut before it reaches Crm.Core's own checks.
    private const int MaxInputLength = 4000;

    private readonly Dictionary<string, FormDialog> _dialogs = dialogs.ToDictionary(d => d.Kind);

    /// <summary>Shows the form of the dialog <typeparamref name="TDialog"/>, replacing any form open in this conversation.</summary>
    public Task OpenAsync<TDialog>(CrmTurn turn, int? target, CancellationToken cancellationToken)
        where TDialog : FormDialog =>
        OpenAsync(turn, _dialogs.Values.OfType<TDialog>().Single(), target, cancellationToken);

    private async Task OpenAsync(CrmTurn turn, FormDialog dialog, int? target, CancellationToken cancellationToken)
    {
        if (PermissionMatrix.Check(turn.Actor, dialog.Permission, out _) is { } refusal)
        {
            await turn.RefuseAsync(refusal, cancellationToken);
            return;
        }

        var opened = await dialog.OpenAsync(turn, target, cancellationToken);
        if (!opened.IsOk)
        {
            await turn.RefuseAsync(opened.AsFailure(), cancellationToken);
            return;
        }

        var started = await store.StartAsync(turn.ConversationKey, turn.Actor.Id, dialog.Kind, Serialize(opened.Value), cancellationToken);
        if (!started.IsOk)
        {
            await turn.RefuseAsync(started.AsFailure(), cancellationToken);
            return;
        }

        var card = await RenderAsync(turn, dialog, started.Value.Id, opened.Value, new Dictionary<string, string>(), null, cancellationToken);
        var sent = await turn.SendAsync(card, dialog.Title(turn.Words), cancellationToken);
        if (!string.IsNullOrEmpty(sent.Id))
        {
            await store.SaveAsync(started.Value with { CardActivityId = sent.Id }, cancellationToken);
        }
    }

    /// <summary>Handles a press on a form's button; returns the card that replaces the form.</summary>
    public async Task<JsonElement> SubmitAsync(CrmTurn turn, CardSubmission submission, CancellationToken cancellationToken)
    {
        var words = turn.Words;
        var snapshot = await store.FindAsync(turn.ConversationKey, cancellationToken);
        if (snapshot is null
            || !submission.Data.TryGetValue(DialogIdField, out var dialogId)
            || dialogId != snapshot.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            || !_dialogs.TryGetValue(snapshot.Kind, out var dialog))
        {
            return CardFactory.Message(
                words.Bot("dialogRunner.formClosed"),
                words.Bot("dialogRunner.wasCancelledReplacedAnotherOne"));
        }

        if (submission.Verb == CancelVerb)
        {
            await store.EndAsync(turn.ConversationKey, cancellationToken);
            return CardFactory.Message(words.Bot("dialogRunner.cancelled"), words.Bot("dialogRunner.nothingWasSaved", dialog.Title(words)));
        }

        var state = Deserialize(snapshot.State);
        var fields = await dialog.FieldsAsync(turn, state, cancellationToken);
        foreach (var field in fields)
        {
            // An input left empty is absent from the submission: it is cleared, not kept.
            state.Values[field.Id] = submission.Data.TryGetValue(field.Id, out var typed) ? Truncate(typed) : string.Empty;
        }

        var result = await dialog.SubmitAsync(turn, state, cancellationToken);
        if (result.IsOk)
        {
            await store.EndAsync(turn.ConversationKey, cancellationToken);
            return result.Value;
        }

        var failure = result.AsFailure();
        if (failure.Outcome is Outcome.Forbidden or Outcome.NotFound)
        {
            await store.EndAsync(turn.ConversationKey, cancellationToken);
            return turn.RefusalCard(failure);
        }

        var saved = await store.SaveAsync(snapshot with { State = Serialize(state) }, cancellationToken);
        if (!saved.IsOk)
        {
            // Another instance handled a submission of this form first: show what it kept.
            var current = await store.FindAsync(turn.ConversationKey, cancellationToken);
            if (current is null)
            {
                return turn.RefusalCard(saved.AsFailure());
            }

            return await RenderAsync(turn, dialog, current.Id, Deserialize(current.State), new Dictionary<string, string>(), words.Render(saved.AsFailure().Message), cancellationToken);
        }

        var errors = new Dictionary<string, string>();
        foreach (var error in failure.Errors)
        {
            var input = dialog.InputFor(error.Field);
            var message = words.Render(error.Message);
            errors[input] = errors.TryGetValue(input, out var earlier) ? $"{earlier} {message}" : message;
        }

        var problem = failure.Outcome == Outcome.Invalid && errors.Count > 0
            ? words.Bot("dialogRunner.someFieldsNeedCorrection")
            : words.Render(failure.Message);
        return await RenderAsync(turn, dialog, snapshot.Id, state, errors, problem, cancellationToken, fields);
    }

    /// <summary>"cancel" typed in the chat.</summary>
    public Task<bool> CancelAsync(CrmTurn turn, CancellationToken cancellationToken) => store.EndAsync(turn.ConversationKey, cancellationToken);

    /// <summary>The form with the values kept and each error under its field; <paramref name="fields"/> when the caller already has them.</summary>
    private static async Task<JsonElement> RenderAsync(CrmTurn turn, FormDialog dialog, long dialogId, FormState state, IReadOnlyDictionary<string, string> errors, string? problem, CancellationToken cancellationToken, IReadOnlyList<FormField>? fields = null)
    {
        var words = turn.Words;
        var shown = (fields ?? await dialog.FieldsAsync(turn, state, cancellationToken))
            .Select(f => f with { Value = state[f.Id] ?? f.Value, Error = errors.GetValueOrDefault(f.Id) })
            .ToList();
        var data = new Dictionary<string, string> { [DialogIdField] = dialogId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var actions = new List<JsonNode>
        {
            CardActions.Execute(dialog.SubmitTitle(words), SubmitVerb, data, primary: true),
            CardActions.Execute(words.Bot("dialogRunner.cancel"), CancelVerb, data, validate: false),
        };
        return CardFactory.Form(dialog.Title(words), dialog.Intro(words, state), problem, shown, actions, words);
    }

    private static string Truncate(string value) => value.Length > MaxInputLength ? value[..MaxInputLength] : value;

    private static string Serialize(FormState state) => JsonSerializer.Serialize(state, JsonSerializerOptions.Web);

    private static FormState Deserialize(string json) =>
        JsonSerializer.Deserialize<FormState>(json, JsonSerializerOptions.Web) ?? new FormState(null, null, []);
}
