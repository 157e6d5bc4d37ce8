using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Contracts;

/// <summary>Filters of SPEC §3; those set combine with AND.</summary>
/// <param name="Unsigned">Draft or waiting for a signature.</param>
/// <param name="Unpaid">Some amount is still due.</param>
/// <param name="Mine">Sales only: contracts of the clients I follow.</param>
/// <param name="Search">
/// A contract number ("7" or "#7"), or text matched against the client's name, email and company,
/// ignoring case and accents.
/// </param>
public sealed record ContractFilter(
    bool Unsigned = false,
    bool Unpaid = false,
    ContractStatus? Status = null,
    int? ClientId = null,
    bool Mine = false,
    string? Search = null);

/// <summary>
/// Contracts, newest first, keyset-paged by id (the SQL is in <see cref="ContractListQuery"/>), on the
/// scope's EF Core context or on a plain SQLite connection (<see cref="PlainSqliteReads"/>).
/// </summary>
public sealed class ListContracts(SqlSource sql) : IUseCase
{
    public async Task<Result<Page<ContractView>>> ExecuteAsync(Actor actor, ContractFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (Check(actor, filter, page, out var limit, out var afterId, out var search) is { } refusal)
        {
            return refusal;
        }

        var rows = await ContractListQuery.ReadAsync(sql, filter, ContractNumber(search), search, limit, afterId, actor.Id, cancellationToken);
        return Paging.ToPage(rows, limit, last => Cursor.ForId(last.Id));
    }

    /// <summary>
    /// Every contract of the list from <paramref name="after"/> on, read from one query as the caller
    /// consumes them (<c>--all</c>): the same checks, rows and order as the pages of
    /// <see cref="ExecuteAsync"/>, without holding more than one row.
    /// </summary>
    public Result<IAsyncEnumerable<ContractView>> Stream(Actor actor, ContractFilter filter, string? after = null)
    {
        if (Check(actor, filter, new PageRequest(PageRequest.MaxLimit, after), out _, out var afterId, out var search) is { } refusal)
        {
            return refusal;
        }

        return Result<IAsyncEnumerable<ContractView>>.Ok(ContractListQuery.StreamAsync(sql, filter, ContractNumber(search), search, afterId, actor.Id));
    }

    private static Failure? Check(Actor actor, ContractFilter filter, PageRequest page, out int limit, out long? afterId, out string search)
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
            return Failure.Invalid(FieldNames.Mine, new Text("contract.list.mineNotSales"));
        }

        if (filter.Status is { } wanted && !Enum.IsDefined(wanted))
        {
            return Failure.Invalid(FieldNames.Status, new Text("contract.list.status"));
        }

        return Paging.ReadIdCursor(page, out limit, out afterId) ?? SearchText.Read(filter.Search, out search);
    }

    /// <summary>
    /// The contract number a search names ("7", "#7", "# 7"), or null for text. A number too large to
    /// be a contract's gives 0, which no contract has.
    /// </summary>
    private static int? ContractNumber(string search)
    {
        var digits = search.StartsWith('#') ? search[1..].TrimStart() : search;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 0;
    }
}
