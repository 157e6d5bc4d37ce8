using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Protocol.Schema;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Events;
using Microsoft.Extensions.Logging;

namespace EpicEvents.Bot.Search;

/// <summary>
/// The compose box's searches (<c>composeExtension/query</c>): each command reads one Crm.Core list
/// with the text typed, and answers a slice of results as cards to share. What a search may find,
/// and whether its text is valid, is Crm.Core's to say; a refusal comes back as a message.
/// </summary>
public static class ComposeSearch
{
    public const string SearchClients = "searchClients";
    public const string SearchContracts = "searchContracts";
    public const string SearchEvents = "searchEvents";

    public static async Task<MessagingExtensionResponse> AnswerAsync(CrmTurn turn, MessagingExtensionQuery value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var query = SearchQuery.Read(value);
        var words = turn.Words;
        // The command id comes from the client: only the known ones name the operation (logs, spans, metrics).
        turn.Operation = "bot search " + (query.CommandId is SearchClients or SearchContracts or SearchEvents ? query.CommandId : "unknown");
        var results = query.CommandId switch
        {
            SearchClients => await ClientsAsync(turn, query, cancellationToken),
            SearchContracts => await ContractsAsync(turn, query, cancellationToken),
            SearchEvents => await EventsAsync(turn, query, cancellationToken),
            _ => null,
        };
        if (results is null)
        {
            BotLog.UnknownSearchCommand(turn.Get<ILogger<CrmTurn>>(), query.CommandId);
            return MessagingExtensionResponse.Message(words.Bot("composeSearch.searchNotKnownEpicEvents"));
        }

        return results.IsOk
            ? MessagingExtensionResponse.Results(results.Value)
            : MessagingExtensionResponse.Message(turn.RefusalText(results.AsFailure()));
    }

    /// <summary>Clients, newest first.</summary>
    private static Task<Result<IReadOnlyList<MessagingExtensionAttachment>>> ClientsAsync(CrmTurn turn, SearchQuery query, CancellationToken cancellationToken)
    {
        var list = turn.Get<ListClients>();
        var filter = new ClientFilter(Search: query.Text);
        return ResultsAsync(query, c => SearchResults.Client(turn, c), page => list.ExecuteAsync(turn.Actor, filter, page, cancellationToken));
    }

    /// <summary>Contracts, newest first; a number ("7", "#7") is a contract number.</summary>
    private static Task<Result<IReadOnlyList<MessagingExtensionAttachment>>> ContractsAsync(CrmTurn turn, SearchQuery query, CancellationToken cancellationToken)
    {
        var list = turn.Get<ListContracts>();
        var filter = new ContractFilter(Search: query.Text);
        return ResultsAsync(query, c => SearchResults.Contract(turn, c), page => list.ExecuteAsync(turn.Actor, filter, page, cancellationToken));
    }

    /// <summary>
    /// Events from today on, in the order they take place, then the earlier ones (oldest first): what
    /// is shared in a chat is mostly what is coming, and nothing is out of reach.
    /// </summary>
    private static Task<Result<IReadOnlyList<MessagingExtensionAttachment>>> EventsAsync(CrmTurn turn, SearchQuery query, CancellationToken cancellationToken)
    {
        var list = turn.Get<ListEvents>();
        var now = turn.Get<TimeProvider>().GetUtcNow();
        var today = TimeZoneInfo.ConvertTimeToUtc(TimeZoneInfo.ConvertTime(now, turn.Zone).Date, turn.Zone);
        var coming = new EventFilter(From: today, Search: query.Text);
        var past = new EventFilter(To: today, Search: query.Text);
        return ResultsAsync(
            query,
            e => SearchResults.Event(turn, e),
            page => list.ExecuteAsync(turn.Actor, coming, page, cancellationToken),
            page => list.ExecuteAsync(turn.Actor, past, page, cancellationToken));
    }

    private static async Task<Result<IReadOnlyList<MessagingExtensionAttachment>>> ResultsAsync<T>(
        SearchQuery query, Func<T, MessagingExtensionAttachment> result, params Func<PageRequest, Task<Result<Page<T>>>>[] lists)
    {
        var rows = await SearchPages.SliceAsync(query, lists);
        return rows.IsOk
            ? Result<IReadOnlyList<MessagingExtensionAttachment>>.Ok(rows.Value.Select(result).ToList())
            : rows.AsFailure();
    }
}
