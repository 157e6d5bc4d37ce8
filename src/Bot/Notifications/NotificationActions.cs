using System.Globalization;
using System.Text.Json;
using EpicEvents.Bot.Cards;
using EpicEvents.Bot.Commands;
using EpicEvents.Bot.Conversations;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Signatures;

namespace EpicEvents.Bot.Notifications;

/// <summary>
/// The buttons of notification cards: approve or reject a signature, a card's refresh when opened,
/// acknowledge an assignment, send failed notifications again. Each answers the card the clicker
/// sees next — the record's current state: a late click on a decided request shows who decided,
/// not an error.
/// </summary>
public sealed class NotificationActions(NotificationRenderer renderer)
{
    public static bool Handles(string verb) => verb is ApprovalCard.ApproveVerb or ApprovalCard.RejectVerb or ApprovalCard.RefreshVerb
        or SupportCards.AcknowledgeVerb or NotificationReplies.RetryVerb;

    public async Task<JsonElement> RunAsync(CrmTurn turn, string verb, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        turn.Operation = "bot card " + verb;
        return verb switch
        {
            ApprovalCard.ApproveVerb => await DecideAsync(turn, data, SignatureVerdict.Approve, cancellationToken),
            ApprovalCard.RejectVerb => await DecideAsync(turn, data, SignatureVerdict.Reject, cancellationToken),
            ApprovalCard.RefreshVerb => await CurrentApprovalCardAsync(turn, data, null, cancellationToken),
            SupportCards.AcknowledgeVerb => await AcknowledgeAsync(turn, data, cancellationToken),
            _ => await NotificationReplies.RetryAsync(turn, data, cancellationToken),
        };
    }

    private async Task<JsonElement> DecideAsync(CrmTurn turn, IReadOnlyDictionary<string, string> data, SignatureVerdict verdict, CancellationToken cancellationToken)
    {
        if (Id(data, ApprovalCard.RequestField) is not { } requestId)
        {
            return Malformed(turn);
        }

        var decided = await turn.Get<DecideSignatureRequest>().ExecuteAsync(turn.Actor, new SignatureDecision(requestId, verdict, data.GetValueOrDefault(ApprovalCard.ReasonField)), cancellationToken);
        if (decided.IsOk)
        {
            return await renderer.ApprovalCardForAsync(decided.Value, turn.Actor, turn.Words, cancellationToken);
        }

        return decided.Outcome switch
        {
            // Decided meanwhile (by someone else, or this manager on another device): show the outcome.
            Outcome.Conflict => await CurrentApprovalCardAsync(turn, data, null, cancellationToken),
            Outcome.Invalid => await CurrentApprovalCardAsync(turn, data, turn.Words.Render(decided.Errors.FirstOrDefault()?.Message ?? decided.Message!), cancellationToken),
            _ => turn.RefusalCard(decided.AsFailure()),
        };
    }

    private async Task<JsonElement> CurrentApprovalCardAsync(CrmTurn turn, IReadOnlyDictionary<string, string> data, string? problem, CancellationToken cancellationToken)
    {
        if (Id(data, ApprovalCard.RequestField) is not { } requestId)
        {
            return Malformed(turn);
        }

        var request = await turn.Get<GetSignatureRequest>().ExecuteAsync(turn.Actor, requestId, cancellationToken);
        return request.IsOk
            ? await renderer.ApprovalCardForAsync(request.Value, turn.Actor, turn.Words, cancellationToken, problem)
            : turn.RefusalCard(request.AsFailure());
    }

    private static async Task<JsonElement> AcknowledgeAsync(CrmTurn turn, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        if (Id(data, SupportCards.EventField) is not { } eventId)
        {
            return Malformed(turn);
        }

        var acknowledged = await turn.Get<AcknowledgeSupport>().ExecuteAsync(turn.Actor, eventId, cancellationToken);
        if (acknowledged.IsOk)
        {
            return SupportCards.Assignment(acknowledged.Value, turn.Actor.Id, turn.Words, turn.Zone);
        }

        if (acknowledged.Outcome != Outcome.Conflict)
        {
            return turn.RefusalCard(acknowledged.AsFailure());
        }

        // Reassigned meanwhile: the card says who supports the event now.
        var current = await turn.Get<GetEvent>().ExecuteAsync(turn.Actor, eventId, cancellationToken);
        return current.IsOk ? SupportCards.Assignment(current.Value, turn.Actor.Id, turn.Words, turn.Zone) : turn.RefusalCard(current.AsFailure());
    }

    private static int? Id(IReadOnlyDictionary<string, string> data, string field) =>
        data.TryGetValue(field, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    private static JsonElement Malformed(CrmTurn turn) =>
        CardFactory.Message(turn.Words.Bot("common.pleaseCheck"), turn.Words.Bot("notificationActions.buttonDoesNotSayWhich"));
}
