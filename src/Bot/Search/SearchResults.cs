using EpicEvents.Bot.Commands;
using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Protocol.Schema;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Events;

namespace EpicEvents.Bot.Search;

/// <summary>
/// One search result per record: the card shared when it is picked — the record's detail card,
/// without buttons, since it is read in a chat by people who act through their own chat with the
/// bot — and the thumbnail that previews it in the result list.
/// </summary>
internal static class SearchResults
{
    public static MessagingExtensionAttachment Client(CrmTurn turn, ClientView c) =>
        AdaptiveCards.ToSearchResult(ClientReplies.Card(turn, c, null, forSharing: true), c.FullName, c.CompanyName, $"#{c.Id} · {c.Email}");

    public static MessagingExtensionAttachment Contract(CrmTurn turn, ContractView c)
    {
        var words = turn.Words;
        return AdaptiveCards.ToSearchResult(
            ContractReplies.Card(turn, c, null, forSharing: true),
            words.Bot("searchResults.contract", c.Id, c.ClientName),
            c.ClientCompany,
            words.Bot("searchResults.totalDue", words.Status(c.Status), words.Euros(c.TotalAmount), words.Euros(c.AmountDue)));
    }

    public static MessagingExtensionAttachment Event(CrmTurn turn, EventView e) =>
        AdaptiveCards.ToSearchResult(
            EventReplies.Card(turn, e, null, forSharing: true),
            e.Name,
            $"{turn.Words.Date(e.StartsAt, turn.Zone)} · {e.Location}",
            $"{e.ClientFullName} — {e.CompanyName}");
}
