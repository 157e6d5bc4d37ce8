using System.Runtime.CompilerServices;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Clients;

/// <param name="Mine">Sales only: the clients I follow.</param>
/// <param name="Search">Matches name, email and company, ignoring case and accents.</param>
/// <param name="WithoutActiveSalesContact">Management only: clients left without an active contact.</param>
public sealed record ClientFilter(bool Mine = false, string? Search = null, bool WithoutActiveSalesContact = false);

/// <summary>Clients, newest first, keyset-paged by id.</summary>
public sealed class ListClients(CrmDbContext db) : IUseCase
{
    public async Task<Result<Page<ClientView>>> ExecuteAsync(Actor actor, ClientFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (Check(actor, filter, page, out var limit, out var afterId, out var search) is { } refusal)
        {
            return refusal;
        }

        var query = await QueryAsync(actor, filter, afterId, search, cancellationToken);
        var rows = await query.OrderByDescending(c => c.Id).TakePage(limit).Select(ClientView.Projection).ToListAsync(cancellationToken);
        return Paging.ToPage(rows, limit, last => Cursor.ForId(last.Id));
    }

    /// <summary>
    /// Every client of the list from <paramref name="after"/> on, read from one query as the caller
    /// consumes them (<c>--all</c>): the same checks, rows and order as the pages of <see cref="ExecuteAsync"/>.
    /// </summary>
    public Result<IAsyncEnumerable<ClientView>> Stream(Actor actor, ClientFilter filter, string? after = null)
    {
        if (Check(actor, filter, new PageRequest(PageRequest.MaxLimit, after), out _, out var afterId, out var search) is { } refusal)
        {
            return refusal;
        }

        return Result<IAsyncEnumerable<ClientView>>.Ok(StreamAsync(actor, filter, afterId, search));
    }

    private async IAsyncEnumerable<ClientView> StreamAsync(Actor actor, ClientFilter filter, long? afterId, string search, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = await QueryAsync(actor, filter, afterId, search, cancellationToken);
        await foreach (var row in query.OrderByDescending(c => c.Id).Select(ClientView.Projection).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    private static Failure? Check(Actor actor, ClientFilter filter, PageRequest page, out int limit, out long? afterId, out string search)
    {
        limit = 0;
        afterId = null;
        search = string.Empty;
        if (PermissionMatrix.Check(actor, CrmAction.ReadRecords, out _) is { } refusal)
        {
            return refusal;
        }

        if (filter.Mine && actor.Department != Department.Sales)
        {
            return Failure.Invalid(FieldNames.Mine, new Text("client.list.mineNotSales"));
        }

        if (filter.WithoutActiveSalesContact && PermissionMatrix.For(actor, CrmAction.ReassignClient) == Reach.None)
        {
            return Failure.Forbidden(new Text("client.list.withoutContactForbidden", CoreTexts.Department(actor.Department)));
        }

        return Paging.ReadIdCursor(page, out limit, out afterId) ?? SearchText.Read(filter.Search, out search);
    }

    private async Task<IQueryable<Client>> QueryAsync(Actor actor, ClientFilter filter, long? afterId, string search, CancellationToken cancellationToken)
    {
        var query = db.Clients.AsNoTracking();
        if (filter.Mine)
        {
            query = query.Where(c => c.SalesContactId == actor.Id);
        }

        if (filter.WithoutActiveSalesContact)
        {
            // Few collaborators are inactive: reading their ids first lets both databases seek the
            // contact index instead of walking every client.
            var inactive = await db.Collaborators.Where(s => !s.IsActive).Select(s => (int?)s.Id).ToListAsync(cancellationToken);
            query = query.Where(c => c.SalesContactId == null || inactive.Contains(c.SalesContactId));
        }

        if (search.Length > 0)
        {
            query = query.Matching(db, search);
        }

        if (afterId is { } after)
        {
            query = query.Where(c => c.Id < after);
        }

        return query;
    }
}
