using System.Text.Json;
using System.Text.Json.Nodes;
using EpicEvents.Bot.Cards;
using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Notifications;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Signatures;

namespace EpicEvents.Bot.Commands;

/// <summary><c>contracts unsigned|unpaid</c>, <c>contract 7</c>, <c>sign 7</c>, <c>request signature 7</c>.</summary>
public static class ContractReplies
{
    public static async Task ListAsync(CrmTurn turn, ContractList which, string? after, CancellationToken cancellationToken)
    {
        if (which == ContractList.Pending && PermissionMatrix.For(turn.Actor, CrmAction.SignContract) != Reach.None)
        {
            await ListRequestsAsync(turn, after, cancellationToken);
            return;
        }

        var words = turn.Words;
        var filter = which switch
        {
            ContractList.Unsigned => new ContractFilter(Unsigned: true),
            ContractList.Pending => new ContractFilter(Status: ContractStatus.PendingSignature),
            _ => new ContractFilter(Unpaid: true),
        };
        var result = await turn.Get<ListContracts>().ExecuteAsync(turn.Actor, filter, new PageRequest(ClientReplies.PageSize, after), cancellationToken);
        if (!result.IsOk)
        {
            await turn.RefuseAsync(result.AsFailure(), cancellationToken);
            return;
        }

        var (title, again) = which switch
        {
            ContractList.Unsigned => (words.Bot("common.unsignedContracts"), "contracts unsigned"),
            ContractList.Pending => (words.Bot("contractReplies.contractsAwaitingSignature"), "contracts pending"),
            _ => (words.Bot("contractReplies.unpaidContracts"), "contracts unpaid"),
        };
        var rows = result.Value.Items.Select(c => new ListRow(
            $"#{c.Id} · {c.ClientName} — {c.ClientCompany}",
            words.Bot("contractReplies.totalDue", words.Euros(c.TotalAmount), words.Euros(c.AmountDue), c.SalesContactName),
            Badges.Contract(c.Status, words).Text,
            CardActions.Command(words.Bot("common.open"), $"contract {c.Id}"),
            Badges.Contract(c.Status, words).Color)).ToList();
        List<JsonNode> more = result.Value.Next is { } next ? [CardActions.Command(words.Bot("common.more"), again, next)] : [];
        await turn.SendAsync(CardFactory.List(title, null, words.Bot("contractReplies.noContractHere"), rows, more), title, cancellationToken);
    }

    /// <summary>
    /// <c>contracts pending</c> for Management: the signature requests to decide, oldest first —
    /// also those whose approval card never reached this manager (installed the bot later, joined later).
    /// </summary>
    private static async Task ListRequestsAsync(CrmTurn turn, string? after, CancellationToken cancellationToken)
    {
        var words = turn.Words;
        var result = await turn.Get<ListSignatureRequests>().ExecuteAsync(turn.Actor, new PageRequest(ClientReplies.PageSize, after), cancellationToken);
        if (!result.IsOk)
        {
            await turn.RefuseAsync(result.AsFailure(), cancellationToken);
            return;
        }

        var title = words.Bot("contractReplies.signaturesDecide");
        var rows = result.Value.Items.Select(r => new ListRow(
            words.Bot("contractReplies.contract", r.ContractId, r.ClientName, r.ClientCompany),
            words.Bot("contractReplies.totalRequested", words.Euros(r.TotalAmount), r.RequestedByName, words.Date(r.RequestedAt, turn.Zone)),
            $"#{r.Id}",
            CardActions.Command(words.Bot("contractReplies.decide"), $"contract {r.ContractId}"))).ToList();
        List<JsonNode> more = result.Value.Next is { } next ? [CardActions.Command(words.Bot("common.more"), "contracts pending", next)] : [];
        await turn.SendAsync(CardFactory.List(title, words.Bot("contractReplies.openOneApproveReject"), words.Bot("contractReplies.noSignatureWaitingDecision"), rows, more), title, cancellationToken);
    }

    public static async Task ShowAsync(CrmTurn turn, int id, CancellationToken cancellationToken)
    {
        var result = await turn.Get<GetContract>().ExecuteAsync(turn.Actor, id, cancellationToken);
        if (!result.IsOk)
        {
            await turn.RefuseAsync(result.AsFailure(), cancellationToken);
            return;
        }

        await turn.SendAsync(Card(turn, result.Value, null), turn.Words.Bot("common.contractTitle", id), cancellationToken);
    }

    /// <summary>"sign 7": Management signs; for Sales it becomes a request to Management (Crm.Core decides).</summary>
    public static async Task SignAsync(CrmTurn turn, int id, CancellationToken cancellationToken)
    {
        var words = turn.Words;
        var result = await turn.Get<UpdateContract>().ExecuteAsync(turn.Actor, new UpdateContractRequest(id, Signed: true), cancellationToken);
        if (!result.IsOk)
        {
            await turn.RefuseAsync(result.AsFailure(), cancellationToken);
            return;
        }

        var headline = result.Value.SignatureRequested
            ? words.Bot("contractReplies.signatureContractRequested", id) + words.Approvers(result.Value.Approvers)
            : words.Bot("contractReplies.contractSigned", id);
        await turn.SendAsync(Card(turn, result.Value.Contract, headline), headline, cancellationToken);
    }

    public static async Task RequestSignatureAsync(CrmTurn turn, int id, CancellationToken cancellationToken)
    {
        var words = turn.Words;
        var result = await turn.Get<RequestSignature>().ExecuteAsync(turn.Actor, new RequestSignatureRequest(id), cancellationToken);
        if (!result.IsOk)
        {
            await turn.RefuseAsync(result.AsFailure(), cancellationToken);
            return;
        }

        var (request, approvers) = result.Value;
        var headline = words.Bot("contractReplies.signatureContractRequested2", id);
        var reached = words.Approvers(approvers);
        await turn.SendAsync(CardFactory.Message(headline, reached,
        [
            (words.Bot("common.clientLabel"), $"{request.ClientName} — {request.ClientCompany}"),
            (words.Bot("contractReplies.total"), $"{words.Euros(request.TotalAmount)}"),
            (words.Bot("contractReplies.request"), $"#{request.Id}"),
        ]), $"{headline} {reached}", cancellationToken);
    }

    /// <summary>A contract's details; a card <paramref name="forSharing"/> into a chat has no buttons (see <see cref="ClientReplies.Card"/>).</summary>
    public static JsonElement Card(CrmTurn turn, ContractView c, string? headline, bool forSharing = false)
    {
        var words = turn.Words;
        return CardFactory.Message(
            headline ?? words.Bot("common.contractTitle", c.Id),
            null,
            [
                (words.Bot("common.clientLabel"), $"{c.ClientName} — {c.ClientCompany} (#{c.ClientId})"),
                (words.Bot("common.salesContact"), c.SalesContactName),
                (words.Bot("common.total"), $"{words.Euros(c.TotalAmount)}"),
                (words.Bot("contractReplies.amountDue"), $"{words.Euros(c.AmountDue)}"),
                (words.Bot("contractReplies.signed"), c.SignedAt is { } at ? $"{words.LongDate(at, turn.Zone)} · {c.SignedByName}" : null),
                (words.Bot("contractReplies.signatureRequest"), c.PendingSignatureRequestId is { } request ? $"#{request}" : null),
            ],
            actions: forSharing ? null : Actions(turn, c),
            badge: Badges.Contract(c.Status, words));
    }

    private static List<JsonNode> Actions(CrmTurn turn, ContractView c)
    {
        var words = turn.Words;
        var actions = new List<JsonNode>();
        if (c.PendingSignatureRequestId is { } pending && PermissionMatrix.For(turn.Actor, CrmAction.SignContract) != Reach.None)
        {
            // A manager decides the request from here too, whether or not their approval card reached them.
            actions.AddRange(ApprovalCard.DecisionActions(pending, words));
            actions.Add(CardActions.Command(words.Bot("common.update"), $"update contract {c.Id}"));
        }
        else if (c.Status is ContractStatus.Draft or ContractStatus.PendingSignature)
        {
            // Each department is offered what it may do: Management signs, Sales asks Management to.
            if (May(turn, CrmAction.SignContract))
            {
                actions.Add(CardActions.Command(words.Bot("common.sign"), $"sign {c.Id}"));
            }
            else if (c.Status == ContractStatus.Draft && May(turn, CrmAction.RequestSignature))
            {
                actions.Add(CardActions.Command(words.Bot("contractReplies.requestSignature"), $"request signature {c.Id}"));
            }

            AddUpdate();
        }
        else if (c.Status == ContractStatus.Signed)
        {
            if (May(turn, CrmAction.CreateEvent))
            {
                actions.Add(CardActions.Command(words.Bot("common.newEvent"), $"new event {c.Id}"));
            }

            AddUpdate();
        }

        if (May(turn, CrmAction.ReadAuditTrail))
        {
            actions.Add(CardActions.Command(words.Bot("contractReplies.history"), $"history contract {c.Id}"));
        }

        return actions;

        void AddUpdate()
        {
            if (May(turn, CrmAction.UpdateContractAmounts))
            {
                actions.Add(CardActions.Command(words.Bot("common.update"), $"update contract {c.Id}"));
            }
        }
    }

    private static bool May(CrmTurn turn, CrmAction action) => PermissionMatrix.For(turn.Actor, action) != Reach.None;
}
