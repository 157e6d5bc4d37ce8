using System.Text.Json;
using System.Text.Json.Nodes;
using EpicEvents.Bot.Cards;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Signatures;

namespace EpicEvents.Bot.Notifications;

/// <summary>
/// The card a manager decides a signature request on: Approve, or Reject with a reason, while the
/// request is pending; once closed, who decided, when and why, with no buttons. Every manager's copy
/// shows the same state: it is updated in place when the request closes and refreshed when opened.
/// </summary>
public static class ApprovalCard
{
    public const string ApproveVerb = "signature.approve";
    public const string RejectVerb = "signature.reject";
    public const string RefreshVerb = "signature.refresh";
    public const string RequestField = "requestId";
    public const string ReasonField = "reason";

    /// <param name="canDecide">The viewer may decide (an active manager): the pending card shows the buttons.</param>
    /// <param name="refreshUserIds">The Teams users for whom the card refreshes itself when opened (the managers).</param>
    /// <param name="problem">Why the last decision was refused (a missing reason), shown under the reason box.</param>
    public static JsonElement Build(SignatureRequestView request, Wording words, TimeZoneInfo zone, bool canDecide, IEnumerable<string> refreshUserIds, string? problem = null)
    {
        var data = new Dictionary<string, string> { [RequestField] = request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var facts = new List<(string, string?)>
        {
            (words.Bot("common.clientLabel"), $"{request.ClientName} — {request.ClientCompany}"),
            (words.Bot("common.total"), words.Euros(request.TotalAmount)),
            (words.Bot("approvalCard.amountDue"), words.Euros(request.AmountDue)),
            (words.Bot("approvalCard.requested"), request.RequestedByName),
            (words.Bot("approvalCard.requested2"), words.LongDate(request.RequestedAt, zone)),
        };
        var summary = words.Bot("approvalCard.contract", request.ContractId, request.ClientCompany, words.Euros(request.TotalAmount));
        List<JsonNode> actions = [CardActions.Command(words.Bot("common.openContract", request.ContractId), $"contract {request.ContractId}")];
        if (!request.IsPending)
        {
            // The decision is the news: in the headline and in plain text, not in small print.
            return CardFactory.Message(Outcome(request, words), Decision(request, words, zone), facts, summary, actions, badge: Badges.SignatureRequest(request.Status, words));
        }

        if (canDecide)
        {
            actions.InsertRange(0, DecisionActions(request.Id, words, problem));
        }

        return CardFactory.Message(
            words.Bot("approvalCard.signatureRequestedContract", request.ContractId),
            summary,
            facts,
            canDecide ? null : words.Bot("approvalCard.waitingManagementSDecision"),
            actions,
            CardActions.Refresh(RefreshVerb, data, refreshUserIds),
            Badges.SignatureRequest(request.Status, words));
    }

    /// <summary>Approve, and Reject opening a required reason box (with the last refusal under it).</summary>
    public static List<JsonNode> DecisionActions(int requestId, Wording words, string? problem = null)
    {
        var data = new Dictionary<string, string> { [RequestField] = requestId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var reason = new FormField(ReasonField, words.Bot("approvalCard.reasonRequesterReads"), FieldKind.MultiLine, Required: true, MaxLength: 1000).ToInput(words);
        reason["errorMessage"] = words.Bot("approvalCard.sayWhySignatureRejected");
        List<JsonNode> rejectBody = [reason];
        if (problem is not null)
        {
            rejectBody.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = problem, ["color"] = CardColors.Attention, ["size"] = "Small", ["wrap"] = true });
        }

        return
        [
            CardActions.Execute(words.Bot("approvalCard.approve"), ApproveVerb, data, primary: true, validate: false),
            CardActions.ShowCard(words.Bot("approvalCard.reject"), rejectBody, [CardActions.Execute(words.Bot("approvalCard.rejectReason"), RejectVerb, data)]),
        ];
    }

    /// <summary>The title of a closed request: approved, rejected or withdrawn.</summary>
    public static string Outcome(SignatureRequestView request, Wording words) => request.Status switch
    {
        SignatureRequestStatus.Approved => words.Bot("approvalCard.signedContract", request.DecidedByName, request.ContractId),
        SignatureRequestStatus.Rejected => words.Bot("approvalCard.signatureRejectedContract", request.DecidedByName, request.ContractId),
        _ => words.Bot("approvalCard.signatureRequestWithdrawnContract", request.ContractId),
    };

    /// <summary>"Approved by X on T", "Rejected by X on T: reason", "Withdrawn by X on T".</summary>
    public static string Decision(SignatureRequestView request, Wording words, TimeZoneInfo zone)
    {
        var who = request.DecidedByName ?? words.Bot("approvalCard.manager");
        var when = request.DecidedAt is { } at ? words.LongDate(at, zone) : string.Empty;
        return request.Status switch
        {
            SignatureRequestStatus.Approved => words.Bot("approvalCard.approved", who, when)
                + (request.Reason is { Length: > 0 } note ? " " + words.Bot("approvalCard.note", note) : string.Empty),
            SignatureRequestStatus.Rejected => words.Bot("approvalCard.rejected", who, when, request.Reason),
            _ => words.Bot("approvalCard.withdrawnContractWasCancelled", who, when),
        };
    }
}
