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

    public abstract Task<IReadOnlyList<FormField>> FieldsAsync(CrmTurn turn, FormState state, IReadOnlyDictionary<string, string> errors, CancellationToken cancellationToken);

    /// <summary>Runs the use case; on success the card that replaces the form.</summary>
    public abstract Task<Result<JsonElement>> SubmitAsync(CrmTurn turn, FormState state, CancellationToken cancellationToken);

    /// <summary>Crm.Core field names that are not the form's input ids.</summary>
    public virtual string InputFor(string field) => field;

    protected static Failure InvalidInput(string field, string message) => Failure.Invalid(field, message);

    /// <summary>The helper text under the title.</summary>
    public virtual string? Intro(Wording words, FormState state) => null;
}
