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

        var title = command.Mine ? words.Bot("common.myClients")
            : command.Search is { } text ? words.Bot("clientReplies.clientsMatching", text)
            : words.Bot("clientReplies.clients");
        var rows = result.Value.Items.Select(c => new ListRow(
            $"{c.FullName} — {c.CompanyName}",
            $"#{c.Id} · {c.Email} · {PhoneDisplay.Format(c.Phone)}",
            c.SalesContactName,
            CardActions.Command(words.Bot("common.open"), $"client {c.Id}"))).ToList();
        var more = result.Value.Next is { } next
            ? [CardActions.Command(words.Bot("common.more"), command.Mine ? "my clients" : command.Search is { } search ? $"clients {search}" : "clients", next)]
            : new List<System.Text.Json.Nodes.JsonNode>();
        await turn.SendAsync(CardFactory.List(title, null, words.Bot("clientReplies.noClientMatches"), rows, more), title, cancellationToken);
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
            headline ?? words.Bot("common.client", c.Id),
            headline is null ? null : c.FullName,
            [
                (words.Bot("clientReplies.name"), c.FullName),
                (words.Bot("common.company"), c.CompanyName),
                (words.Bot("common.emailLabel"), c.Email),
                (words.Bot("common.phone"), PhoneDisplay.Format(c.Phone)),
                (words.Bot("common.salesContact"), c.SalesContactName),
                (words.Bot("clientReplies.updated"), words.LongDate(c.UpdatedAt, turn.Zone)),
            ],
            actions: forSharing
                ? null
                :
                [
                    CardActions.Command(words.Bot("common.update"), $"update client {c.Id}"),
                    CardActions.Command(words.Bot("common.newContract"), $"new contract {c.Id}"),
                ]);
    }
}
