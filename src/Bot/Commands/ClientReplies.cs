using EpicEvents.Bot.Cards;
using EpicEvents.Bot.Conversations;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Common;

namespace EpicEvents.Bot.Commands;

/// <summary><c>clients [text]</c>, <c>my clients</c>, <c>client 12</c>.</summary>
public static class ClientReplies
{
    public const int PageSize = 10;

    public static async Task ListAsync(CrmTurn turn, BotCommand.Clients command, string? after, CancellationToken cancellationToken)
    {
        var words = turn.Words;
        var result = await turn.Get<ListClients>().ExecuteAsync(turn.Actor, new ClientFilter(command.Mine, command.Search), new PageRequest(PageSize, after), cancellationToken);
        if (!result.IsOk)
        {
            await turn.RefuseAsync(result.AsFailure(), cancellationToken);
            return;
        }

        var title = command.Mine ? words.Say("My clients", "Mes clients")
            : command.Search is { } text ? words.Say($"Clients matching “{text}”", $"Clients correspondant à « {text} »")
            : words.Say("Clients", "Clients");
        var rows = result.Value.Items.Select(c => new ListRow(
            $"{c.FullName} — {c.CompanyName}",
            $"#{c.Id} · {c.Email} · {PhoneDisplay.Format(c.Phone)}",
            c.SalesContactName,
            CardActions.Command(words.Say("Open", "Ouvrir"), $"client {c.Id}"))).ToList();
        var more = result.Value.Next is { } next
            ? [CardActions.Command(words.Say("More", "Suite"), command.Mine ? "my clients" : command.Search is { } search ? $"clients {search}" : "clients", next)]
            : new List<System.Text.Json.Nodes.JsonNode>();
        await turn.SendAsync(CardFactory.List(title, null, words.Say("No client matches.", "Aucun client ne correspond."), rows, more), title, cancellationToken);
    }

    public static async Task ShowAsync(CrmTurn turn, int id, CancellationToken cancellationToken)
    {
        var result = await turn.Get<GetClient>().ExecuteAsync(turn.Actor, id, cancellationToken);
        if (!result.IsOk)
        {
            await turn.RefuseAsync(result.AsFailure(), cancellationToken);
            return;
        }

        await turn.SendAsync(Card(turn, result.Value, null), result.Value.FullName, cancellationToken);
    }

    /// <summary>
    /// A client's details; <paramref name="headline"/> is shown above them (e.g. "Client 12 created").
    /// A card <paramref name="forSharing"/> into a chat has no buttons: whoever reads it there acts
    /// through their own chat with the bot.
    /// </summary>
    public static System.Text.Json.JsonElement Card(CrmTurn turn, ClientView c, string? headline, bool forSharing = false)
    {
        var words = turn.Words;
        return CardFactory.Message(
            headline ?? words.Say($"Client {c.Id}", $"Client {c.Id}"),
            headline is null ? null : c.FullName,
            [
                (words.Say("Name", "Nom"), c.FullName),
                (words.Say("Company", "Entreprise"), c.CompanyName),
                ("Email", c.Email),
                (words.Say("Phone", "Téléphone"), PhoneDisplay.Format(c.Phone)),
                (words.Say("Sales contact", "Commercial"), c.SalesContactName),
                (words.Say("Updated", "Modifié"), words.Date(c.UpdatedAt, turn.Zone)),
            ],
            actions: forSharing
                ? null
                :
                [
                    CardActions.Command(words.Say("Update", "Modifier"), $"update client {c.Id}"),
                    CardActions.Command(words.Say("New contract", "Nouveau contrat"), $"new contract {c.Id}"),
                ]);
    }
}
