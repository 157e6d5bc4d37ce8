using System.Text.Json;
using EpicEvents.Bot.Cards;
using EpicEvents.Bot.Protocol;
using EpicEvents.Bot.Protocol.Schema;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EpicEvents.Bot.Conversations;

/// <summary>
/// One turn of a known collaborator: who they are (reloaded from the database for this turn), the
/// language and time zone to answer in, the Crm.Core services, and the ways to answer.
/// </summary>
public sealed class CrmTurn(ITurnContext context, Actor actor, Wording words, TimeZoneInfo zone, IServiceProvider services)
{
    public ITurnContext Context { get; } = context;

    public Activity Activity => Context.Activity;

    public Actor Actor { get; } = actor;

    public Wording Words { get; } = words;

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>
    /// What the turn is doing, as named in logs, on its span and in the turns metric: the command,
    /// or the activity type.
    /// </summary>
    public string Operation
    {
        get;
        set
        {
            field = value;
            Get<TurnSummary>().Runs(value);
        }
    } = "bot " + context.Activity.Type;

    /// <summary>Dialogs are per person and per conversation (a group chat has one per member).</summary>
    public string ConversationKey => $"{Activity.Conversation?.Id}|{Activity.From?.Id}";

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    public Task<ResourceResponse> SendAsync(JsonElement card, string summary, CancellationToken cancellationToken) =>
        Context.SendActivityAsync(CardFactory.ToActivity(card, summary), cancellationToken);

    /// <summary>A card that says why a use case said no (refused, not found, invalid, changed meanwhile).</summary>
    public JsonElement RefusalCard(Failure failure)
    {
        NoteRefusal(failure);

        var title = failure.Outcome switch
        {
            Outcome.Forbidden => Words.Bot("crmTurn.notAllowed"),
            Outcome.NotFound => Words.Bot("crmTurn.notFound"),
            Outcome.Conflict => Words.Bot("crmTurn.notPossibleNow"),
            _ => Words.Bot("common.pleaseCheck"),
        };
        var details = failure.Errors.Select(e => (e.Field, (string?)Words.Render(e.Message)));
        return CardFactory.Message(title, Words.Render(failure.Message), details);
    }

    public Task RefuseAsync(Failure failure, CancellationToken cancellationToken) =>
        SendAsync(RefusalCard(failure), Words.Render(failure.Message), cancellationToken);

    /// <summary>Why a use case said no, as one line of plain text (for answers that cannot hold a card).</summary>
    public string RefusalText(Failure failure)
    {
        NoteRefusal(failure);
        return failure.Errors.Count == 0
            ? Words.Render(failure.Message)
            : string.Join(" ", failure.Errors.Select(e => Words.Render(e.Message)));
    }

    private void NoteRefusal(Failure failure)
    {
        Get<TurnSummary>().Refused(failure.Outcome);
        if (failure.Outcome == Outcome.Forbidden)
        {
            CrmLog.PermissionRefused(services.GetRequiredService<ILogger<CrmTurn>>(), Actor.Id, Actor.Department, Operation);
        }
    }
}
