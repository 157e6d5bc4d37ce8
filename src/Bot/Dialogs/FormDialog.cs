using System.Text.Json;
using EpicEvents.Bot.Cards;
using EpicEvents.Bot.Conversations;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Bot.Dialogs;

/// <summary>
/// What a form dialog remembers between turns (kept in the database): the record it changes, the
/// version read when the form was opened, and what the user typed last.
/// </summary>
public sealed record FormState(int? Target, int? Version, Dictionary<string, string> Values)
{
    public string? this[string field] => Values.TryGetValue(field, out var value) && value.Length > 0 ? value : null;
}

/// <summary>
/// A dialog that collects one record through one Adaptive Card form. Subclasses say which fields the
/// form has and which Crm.Core use case the submission calls; every rule is Crm.Core's.
/// </summary>
public abstract class FormDialog
{
    /// <summary>Stored with the dialog's state; also its registry key.</summary>
    public abstract string Kind { get; }

    /// <summary>The matrix cell checked before the form is shown, so nobody fills a form they may not submit.</summary>
    public abstract CrmAction Permission { get; }

    public abstract string Title(Wording words);

    public abstract string SubmitTitle(Wording words);

    /// <summary>The values the form opens with; update dialogs read the record.</summary>
    public virtual Task<Result<FormState>> OpenAsync(CrmTurn turn, int? target, CancellationToken cancellationToken) =>
        Task.FromResult<Result<FormState>>(new FormState(target, null, []));

    public abstract Task<IReadOnlyList<FormField>> FieldsAsync(CrmTurn turn, FormState state, CancellationToken cancellationToken);

    /// <summary>Runs the use case; on success the card that replaces the form.</summary>
    public abstract Task<Result<JsonElement>> SubmitAsync(CrmTurn turn, FormState state, CancellationToken cancellationToken);

    /// <summary>Crm.Core field names that are not the form's input ids.</summary>
    public virtual string InputFor(string field) => field;

    protected static Failure InvalidInput(string field, string message) => Failure.Invalid(field, Text.Worded(message));

    /// <summary>The card of the saved record, or the refusal.</summary>
    protected static Result<JsonElement> Saved<T>(Result<T> result, Func<T, JsonElement> card) =>
        result.IsOk ? card(result.Value) : result.AsFailure();

    /// <summary>The helper text under the title.</summary>
    public virtual string? Intro(Wording words, FormState state) => null;
}

/// <summary>
/// A form that changes an existing record: it opens with the record as read now, and submits with
/// the version it read, so a change made meanwhile is reported instead of overwritten.
/// </summary>
public abstract class RecordFormDialog<TView> : FormDialog
{
    public override string SubmitTitle(Wording words) => words.Bot("common.save");

    public override async Task<Result<FormState>> OpenAsync(CrmTurn turn, int? target, CancellationToken cancellationToken)
    {
        var record = await ReadAsync(turn, target ?? 0, cancellationToken);
        return record.IsOk ? StateOf(turn, record.Value) : record.AsFailure();
    }

    protected abstract Task<Result<TView>> ReadAsync(CrmTurn turn, int id, CancellationToken cancellationToken);

    /// <summary>The record's id, version and field values as the form shows them.</summary>
    protected abstract FormState StateOf(CrmTurn turn, TView record);
}
