using EpicEvents.Crm.Access;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Events;

/// <summary>Filters of the event list; those given combine with AND.</summary>
/// <param name="Unassigned">Events without a support contact.</param>
/// <param name="Mine">Support: the events assigned to me; Sales: the events of my clients.</param>
/// <param name="Upcoming">Events starting from now until <paramref name="WithinDays"/> days from now.</param>
/// <param name="WithinDays">With <paramref name="Upcoming"/> only: 1 to 3650 days, 30 when left out.</param>
/// <param name="From">Events starting at or after this time (UTC).</param>
/// <param name="To">Events starting before this time (UTC).</param>
/// <param name="Search">Text matched against the event's name and location and its client's name, email and company, ignoring case and accents.</param>
public sealed record EventFilter(
    bool Unassigned = false,
    bool Mine = false,
    bool Upcoming = false,
    int? WithinDays = null,
    DateTime? From = null,
    DateTime? To = null,
    int? ClientId = null,
    int? ContractId = null,
    string? Search = null)
{
    public const int DefaultUpcomingDays = 30;
    public const int MaxUpcomingDays = 3650;
}

/// <summary>
/// Events in the order they take place (start, then id), keyset-paged. Each filter keeps to a
/// prefix of one of the events indexes, so a page is a range read whatever the table's size.
/// </summary>
public sealed class ListEvents(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<Page<EventView>>> ExecuteAsync(Actor actor, EventFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.ReadRecords, out _) is { } refusal)
        {
            return refusal;
        }

        var from = filter.From is { } f ? EventFields.ToUtc(f) : (DateTime?)null;
        var to = filter.To is { } t ? EventFields.ToUtc(t) : (DateTime?)null;
        var days = filter.WithinDays ?? EventFilter.DefaultUpcomingDays;
        var validation = new Validation()
            .Check(FieldNames.Mine, filter.Mine && actor.Department is not (Department.Sales or Department.Support)
                ? new Text("event.list.mineNotOwner")
                : null)
            .Check(FieldNames.WithinDays, filter.WithinDays is not null && !filter.Upcoming
                ? new Text("event.list.daysNotUpcoming")
                : null)
            .Check(FieldNames.WithinDays, days is < 1 or > EventFilter.MaxUpcomingDays
                ? new Text("event.list.daysRange", EventFilter.MaxUpcomingDays)
                : null)
            .Check(FieldNames.To, from >= to ? new Text("event.list.periodReversed") : null);
        if (validation.HasErrors)
        {
            return validation.Failure;
        }

        if (Paging.ReadTimeCursor(page, out var limit, out var after) is { } invalidPage)
        {
            return invalidPage;
        }

        if (SearchText.Read(filter.Search, out var search) is { } invalidSearch)
        {
            return invalidSearch;
        }

        var query = db.Events.AsNoTracking();
        if (filter.Unassigned)
        {
            query = query.Where(e => e.SupportContactId == null);
        }

        if (filter.Mine)
        {
            query = actor.Department == Department.Support
                ? query.Where(e => e.SupportContactId == actor.Id)
                : query.Where(e => e.Contract.Client.SalesContactId == actor.Id);
        }

        if (filter.Upcoming)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var until = now.AddDays(days);
            query = query.Where(e => e.StartsAt >= now && e.StartsAt < until);
        }

        if (from is { } start)
        {
            query = query.Where(e => e.StartsAt >= start);
        }

        if (to is { } end)
        {
            query = query.Where(e => e.StartsAt < end);
        }

        if (filter.ClientId is { } clientId)
        {
            query = query.Where(e => e.Contract.ClientId == clientId);
        }

        if (filter.ContractId is { } contractId)
        {
            query = query.Where(e => e.ContractId == contractId);
        }

        if (after is { } cursor)
        {
            // Ids never exceed int's range; clamping keeps the comparison on the integer column.
            var (at, id) = (cursor.At, (int)Math.Min(cursor.Id, int.MaxValue));

            // The redundant "start >= at" turns the OR into a range seek on (starts_at, id) for both databases.
            query = query.Where(e => e.StartsAt >= at && (e.StartsAt > at || e.Id > id));
        }

        if (search.Length > 0)
        {
            query = Matching(query, search, limit + 1);
        }

        var rows = await InOrder(query)
            .TakePage(limit)
            .Select(EventView.Projection)
            .ToListAsync(cancellationToken);
        return Paging.ToPage(rows, limit, last => Cursor.ForTimeAndId(last.StartsAt, last.Id));
    }

    private static IOrderedQueryable<Event> InOrder(IQueryable<Event> events) => events.OrderBy(e => e.StartsAt).ThenBy(e => e.Id);

    /// <summary>
    /// The events among which the page is: the first <paramref name="count"/>, in order, whose name
    /// or location match, and the first <paramref name="count"/> of the matching clients. Each part is
    /// planned on its own, so that each database reads either an index of matches or the events in
    /// order, whichever is cheaper for that text; one OR over both would read every event.
    /// </summary>
    private IQueryable<Event> Matching(IQueryable<Event> events, string search, int count)
    {
        var clients = ClientSearch.MatchingIds(db, search);
        var byClient = events.Where(e => clients.Contains(e.Contract.ClientId));
        var page = InOrder(ByNameOrLocation(events, search)).Take(count).Select(e => e.Id)
            .Union(InOrder(byClient).Take(count).Select(e => e.Id));
        return db.Events.AsNoTracking().Where(e => page.Contains(e.Id));
    }

    private IQueryable<Event> ByNameOrLocation(IQueryable<Event> events, string search)
    {
        var pattern = SearchText.Contains(search);
        if (db.Provider == DatabaseProvider.PostgreSql)
        {
            // The trigram index serves the LIKE, or the planner walks the events in order when matches are common.
            return events.Where(e => EF.Functions.Like(e.SearchKey, pattern, Paging.LikeEscape));
        }

        // SQLite: the matching ids are collected first — from the trigram index (a phrase of the folded
        // key is exactly a "contains"), or for shorter text by one pass over the table — then the events
        // are walked in order and each id looked up among them, so that a common word stops at the first
        // page and a rare one costs one pass. "id + 0" keeps SQLite from driving the query by that list,
        // which would read every matching event before sorting them.
        var matches = search.Length >= SearchText.TrigramLength
            ? db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM events_search WHERE events_search MATCH {SearchText.Phrase(search)}")
            : db.Events.Where(e => EF.Functions.Like(e.SearchKey, pattern, Paging.LikeEscape)).Select(e => e.Id);
        return events.Where(e => matches.Contains(e.Id + 0));
    }
}
