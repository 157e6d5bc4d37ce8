using System.Text.Json;
using System.Text.Json.Nodes;
using EpicEvents.Bot.Cards;
using EpicEvents.Bot.Conversations;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Signatures;

namespace EpicEvents.Bot.Commands;

/// <summary><c>contracts unsigned|unpaid</c>, <c>contract 7</c>, <c>sign 7</c>, <c>request signature 7</c>.</summary>
public static class ContractReplies
{
    public static async Task ListAsync(CrmTurn turn, ContractList which, string? after, CancellationToken cancellationToken)
    {
        var words = turn.Words;
        var filter = which == ContractList.Unsigned ? new ContractFilter(Unsigned: true) : new ContractFilter(Unpaid: true);
        var result = await turn.Get<ListContracts>().ExecuteAsync(turn.Actor, filter, new PageRequest(ClientReplies.PageSize, after), cancellationToken);
        if (!result.IsOk)
        {
            await turn.RefuseAsync(result.AsFailure(), cancellationToken);
            return;
        }

        var title = which == ContractList.Unsigned ? words.Say("Unsigned contracts", "Contrats non signés") : words.Say("Unpaid contracts", "Contrats non soldés");
        var rows = result.Value.Items.Select(c => new ListRow(
            $"#{c.Id} · {c.ClientName} — {c.ClientCompany}",
            words.Say($"Total {words.Amount(c.TotalAmount)} € · due {words.Amount(c.AmountDue)} € · {words.Status(c.Status)}",
                $"Total {words.Amount(c.TotalAmount)} € · reste {words.Amount(c.AmountDue)} € · {words.Status(c.Status)}"),
            c.SalesContactName,
            CardActions.Command(words.Say("Open", "Ouvrir"), $"contract {c.Id}"))).ToList();
        List<JsonNode> more = result.Value.Next is { } next
            ? [CardActions.Command(words.Say("More", "Suite"), which == ContractList.Unsigned ? "contracts unsigned" : "contracts unpaid", next)]
            : [];
        await turn.SendAsync(CardFactory.List(title, null, words.Say("No contract here.", "Aucun contrat."), rows, more), title, cancellationToken);
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
            ? words.Say($"Signature of contract {id} requested: Management will approve or reject it.", $"Signature du contrat {id} demandée : la gestion l'approuvera ou la rejettera.")
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

        var headline = words.Say(
            $"Signature of contract {id} requested: every manager has been asked to approve or reject it.",
            $"Signature du contrat {id} demandée : chaque gestionnaire est invité à l'approuver ou la rejeter.");
        await turn.SendAsync(CardFactory.Message(headline, null,
        [
            ("Client", $"{result.Value.ClientName} — {result.Value.ClientCompany}"),
            (words.Say("Total", "Total"), $"{words.Amount(result.Value.TotalAmount)} €"),
            (words.Say("Request", "Demande"), $"#{result.Value.Id}"),
        ]), headline, cancellationToken);
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
                (words.Say("Total", "Montant total"), $"{words.Amount(c.TotalAmount)} €"),
                (words.Say("Amount due", "Restant dû"), $"{words.Amount(c.AmountDue)} €"),
                (words.Say("Status", "Statut"), words.Status(c.Status)),
                (words.Say("Signed", "Signé"), c.SignedAt is { } at ? $"{words.Date(at, turn.Zone)} · {c.SignedByName}" : null),
                (words.Say("Signature request", "Demande de signature"), c.PendingSignatureRequestId is { } request ? $"#{request}" : null),
            ],
            actions: forSharing ? null : Actions(words, c));
    }

    private static List<JsonNode> Actions(Crm.Presentation.Wording words, ContractView c)
    {
        var actions = new List<JsonNode>();
        if (c.Status is ContractStatus.Draft or ContractStatus.PendingSignature)
        {
            actions.Add(CardActions.Command(words.Say("Sign", "Signer"), $"sign {c.Id}"));
            actions.Add(CardActions.Command(words.Say("Update", "Modifier"), $"update contract {c.Id}"));
        }
        else if (c.Status == ContractStatus.Signed)
        {
            actions.Add(CardActions.Command(words.Say("New event", "Nouvel événement"), $"new event {c.Id}"));
            actions.Add(CardActions.Command(words.Say("Update", "Modifier"), $"update contract {c.Id}"));
        }

        actions.Add(CardActions.Command(words.Say("History", "Historique"), $"history contract {c.Id}"));
        return actions;
    }
}
