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
            ContractList.Unsigned => (words.Say("Unsigned contracts", "Contrats non signés"), "contracts unsigned"),
            ContractList.Pending => (words.Say("Contracts awaiting signature", "Contrats en attente de signature"), "contracts pending"),
            _ => (words.Say("Unpaid contracts", "Contrats non soldés"), "contracts unpaid"),
        };
        var rows = result.Value.Items.Select(c => new ListRow(
            $"#{c.Id} · {c.ClientName} — {c.ClientCompany}",
            words.Say($"Total {words.Euros(c.TotalAmount)} · due {words.Euros(c.AmountDue)} · {c.SalesContactName}",
                $"Total {words.Euros(c.TotalAmount)} · reste {words.Euros(c.AmountDue)} · {c.SalesContactName}"),
            Badges.Contract(c.Status, words).Text,
            CardActions.Command(words.Say("Open", "Ouvrir"), $"contract {c.Id}"),
            Badges.Contract(c.Status, words).Color)).ToList();
        List<JsonNode> more = result.Value.Next is { } next ? [CardActions.Command(words.Say("More", "Suite"), again, next)] : [];
        await turn.SendAsync(CardFactory.List(title, null, words.Say("No contract here.", "Aucun contrat."), rows, more), title, cancellationToken);
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

        var title = words.Say("Signatures to decide", "Signatures à décider");
        var rows = result.Value.Items.Select(r => new ListRow(
            words.Say($"Contract #{r.ContractId} · {r.ClientName} — {r.ClientCompany}", $"Contrat n° {r.ContractId} · {r.ClientName} — {r.ClientCompany}"),
            words.Say($"Total {words.Euros(r.TotalAmount)} · requested by {r.RequestedByName} on {words.Date(r.RequestedAt, turn.Zone)}",
                $"Total {words.Euros(r.TotalAmount)} · demandé par {r.RequestedByName} le {words.Date(r.RequestedAt, turn.Zone)}"),
            $"#{r.Id}",
            CardActions.Command(words.Say("Decide", "Décider"), $"contract {r.ContractId}"))).ToList();
        List<JsonNode> more = result.Value.Next is { } next ? [CardActions.Command(words.Say("More", "Suite"), "contracts pending", next)] : [];
        await turn.SendAsync(CardFactory.List(title, words.Say("Open one to approve or reject it.", "Ouvrez-en une pour l'approuver ou la refuser."), words.Say("No signature is waiting for a decision.", "Aucune signature n'attend de décision."), rows, more), title, cancellationToken);
    }

    public static async Task ShowAsync(CrmTurn turn, int id, CancellationToken cancellationToken)
    {
        var result = await turn.Get<GetContract>().ExecuteAsync(turn.Actor, id, cancellationToken);
        if (!result.IsOk)
        {
            await turn.RefuseAsync(result.AsFailure(), cancellationToken);
            return;
        }

        await turn.SendAsync(Card(turn, result.Value, null), turn.Words.Say($"Contract {id}", $"Contrat {id}"), cancellationToken);
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
            ? words.Say($"Signature of contract {id} requested. ", $"Signature du contrat {id} demandée. ") + words.Approvers(result.Value.Approvers)
            : words.Say($"Contract {id} signed.", $"Contrat {id} signé.");
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
        var headline = words.Say($"Signature of contract {id} requested.", $"Signature du contrat {id} demandée.");
        var reached = words.Approvers(approvers);
        await turn.SendAsync(CardFactory.Message(headline, reached,
        [
            ("Client", $"{request.ClientName} — {request.ClientCompany}"),
            (words.Say("Total", "Total"), $"{words.Euros(request.TotalAmount)}"),
            (words.Say("Request", "Demande"), $"#{request.Id}"),
        ]), $"{headline} {reached}", cancellationToken);
    }

    /// <summary>A contract's details; a card <paramref name="forSharing"/> into a chat has no buttons (see <see cref="ClientReplies.Card"/>).</summary>
    public static JsonElement Card(CrmTurn turn, ContractView c, string? headline, bool forSharing = false)
    {
        var words = turn.Words;
        return CardFactory.Message(
            headline ?? words.Say($"Contract {c.Id}", $"Contrat {c.Id}"),
            null,
            [
                ("Client", $"{c.ClientName} — {c.ClientCompany} (#{c.ClientId})"),
                (words.Say("Sales contact", "Commercial"), c.SalesContactName),
                (words.Say("Total", "Montant total"), $"{words.Euros(c.TotalAmount)}"),
                (words.Say("Amount due", "Restant dû"), $"{words.Euros(c.AmountDue)}"),
                (words.Say("Signed", "Signé"), c.SignedAt is { } at ? $"{words.Date(at, turn.Zone)} · {c.SignedByName}" : null),
                (words.Say("Signature request", "Demande de signature"), c.PendingSignatureRequestId is { } request ? $"#{request}" : null),
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
            actions.Add(CardActions.Command(words.Say("Update", "Modifier"), $"update contract {c.Id}"));
        }
        else if (c.Status is ContractStatus.Draft or ContractStatus.PendingSignature)
        {
            // Each department is offered what it may do: Management signs, Sales asks Management to.
            if (May(turn, CrmAction.SignContract))
            {
                actions.Add(CardActions.Command(words.Say("Sign", "Signer"), $"sign {c.Id}"));
            }
            else if (c.Status == ContractStatus.Draft && May(turn, CrmAction.RequestSignature))
            {
                actions.Add(CardActions.Command(words.Say("Request signature", "Demander la signature"), $"request signature {c.Id}"));
            }

            AddUpdate();
        }
        else if (c.Status == ContractStatus.Signed)
        {
            if (May(turn, CrmAction.CreateEvent))
            {
                actions.Add(CardActions.Command(words.Say("New event", "Nouvel événement"), $"new event {c.Id}"));
            }

            AddUpdate();
        }

        if (May(turn, CrmAction.ReadAuditTrail))
        {
            actions.Add(CardActions.Command(words.Say("History", "Historique"), $"history contract {c.Id}"));
        }

        return actions;

        void AddUpdate()
        {
            if (May(turn, CrmAction.UpdateContractAmounts))
            {
                actions.Add(CardActions.Command(words.Say("Update", "Modifier"), $"update contract {c.Id}"));
            }
        }
    }

    private static bool May(CrmTurn turn, CrmAction action) => PermissionMatrix.For(turn.Actor, action) != Reach.None;
}
