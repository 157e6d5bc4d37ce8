using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;

namespace EpicEvents.Crm.Contracts;

/// <summary>
/// The SQL of a page of <see cref="ListContracts"/>: the filters that are set, newest first, after the
/// cursor, with the client, its sales contact, the signer and the pending signature request joined
/// in — the same rows and the same <see cref="ContractView"/> as the LINQ projection of
/// <see cref="ContractQueries.ContractViews"/>. Written as SQL because this list answers bot commands
/// all day: EF Core's LINQ pipeline (expression building, query cache lookup, and SQL generation
/// again at every execution since the page size is a literal) cost more than the query. The text of
/// each combination of filters and page size is built once. It runs on a <see cref="SqlSource"/>: as an
/// EF Core command on the context's connection (interceptors, telemetry spans, see it like any other),
/// or on a plain SQLite connection in a command-line listing, which records the same span.
/// </summary>
internal static class ContractListQuery
{
    private const string Select =
        "SELECT c.id, c.client_id, cl.full_name, cl.company_name, cl.sales_contact_id, sc.full_name, "
        + "c.total_amount, c.amount_due, c.status, c.created_at, c.updated_at, c.signed_at, c.signed_by_id, sb.full_name, "
        + "(SELECT r.id FROM signature_requests r WHERE r.contract_id = c.id AND r.status = 'Pending' LIMIT 1), c.version "
        + "FROM contracts c "
        + "JOIN clients cl ON cl.id = c.client_id "
        + "LEFT JOIN collaborators sc ON sc.id = cl.sales_contact_id "
        + "LEFT JOIN collaborators sb ON sb.id = c.signed_by_id";

    /// <summary>Where a clause takes its parameter.</summary>
    private const string Parameter = "{p}";

    /// <summary>The clause of each condition, in the order <see cref="ReadAsync"/> adds their parameters.</summary>
    private static readonly (Shape Flag, string Clause)[] Clauses =
    [
        (Shape.Unsigned, "c.status IN ('Draft', 'PendingSignature')"),
        (Shape.Unpaid, "c.amount_due > 0"),
        (Shape.Status, "c.status = {p}"),
        (Shape.Client, "c.client_id = {p}"),
        (Shape.Mine, "cl.sales_contact_id = {p}"),
        (Shape.Number, "c.id = {p}"),
        (Shape.ClientIndex, "c.client_id IN (SELECT rowid FROM clients_search WHERE clients_search MATCH {p})"),
        (Shape.ClientText, $"c.client_id IN (SELECT s.id FROM clients s WHERE s.search_key LIKE {{p}} ESCAPE '{Paging.LikeEscape}')"),
        (Shape.After, "c.id < {p}"),
    ];

    private static readonly ConcurrentDictionary<(Shape Shape, bool Sqlite, int Limit), string> Texts = new();

    /// <summary>Which conditions a page's SQL has; each one set adds its clause and, but for the two fixed ones, a parameter.</summary>
    [Flags]
    private enum Shape
    {
        None = 0,
        Unsigned = 1,
        Unpaid = 2,
        Status = 4,
        Client = 8,
        Mine = 16,
        Number = 32,
        ClientText = 64,
        ClientIndex = 128,
        After = 256,
    }

    /// <summary>
    /// One page plus one row (see <see cref="Paging.ToPage{T}"/>). <paramref name="number"/> is a contract
    /// number searched for; <paramref name="search"/> a folded search key matched against the client.
    /// </summary>
    public static async Task<List<ContractView>> ReadAsync(
        SqlSource source, ContractFilter filter, int? number, string search, int limit, long? afterId, int actorId, CancellationToken cancellationToken)
    {
        var sqlite = source.IsSqlite;
        var (sql, values) = Command(filter, number, search, limit, afterId, actorId, sqlite);
        var rows = new List<ContractView>(limit + 1);
        await using var reader = await source.ReadAsync(sql, values, cancellationToken);
        var row = reader.Rows;
        while (await row.ReadAsync(cancellationToken))
        {
            rows.Add(Read(row, sqlite));
        }

        return rows;
    }

    /// <summary>Every row after <paramref name="afterId"/>, in the order of the pages, one at a time (no LIMIT).</summary>
    public static async IAsyncEnumerable<ContractView> StreamAsync(
        SqlSource source, ContractFilter filter, int? number, string search, long? afterId, int actorId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sqlite = source.IsSqlite;
        var (sql, values) = Command(filter, number, search, Unlimited, afterId, actorId, sqlite);
        await using var reader = await source.ReadAsync(sql, values, cancellationToken);
        var row = reader.Rows;
        while (await row.ReadAsync(cancellationToken))
        {
            yield return Read(row, sqlite);
        }
    }

    /// <summary>The limit of a query that returns every row.</summary>
    private const int Unlimited = 0;

    private static (string Sql, List<object> Values) Command(ContractFilter filter, int? number, string search, int limit, long? afterId, int actorId, bool sqlite)
    {
        var shape = Shape.None;
        var values = new List<object>(4);
        if (filter.Unsigned)
        {
            shape |= Shape.Unsigned;
        }

        if (filter.Unpaid)
        {
            shape |= Shape.Unpaid;
        }

        if (filter.Status is { } status)
        {
            shape |= Shape.Status;
            values.Add(status.ToString());
        }

        if (filter.ClientId is { } clientId)
        {
            shape |= Shape.Client;
            values.Add(clientId);
        }

        if (filter.Mine)
        {
            shape |= Shape.Mine;
            values.Add(actorId);
        }

        if (number is { } id)
        {
            shape |= Shape.Number;
            values.Add(id);
        }
        else if (search.Length > 0)
        {
            // The same index as ClientSearch: SQLite's trigram index from three characters, else a LIKE
            // (which PostgreSQL's trigram index serves).
            var indexed = sqlite && search.Length >= SearchText.TrigramLength;
            shape |= indexed ? Shape.ClientIndex : Shape.ClientText;
            values.Add(indexed ? SearchText.Phrase(search) : SearchText.Contains(search));
        }

        if (afterId is { } after)
        {
            shape |= Shape.After;
            values.Add(after);
        }

        return (Texts.GetOrAdd((shape, sqlite, limit), key => Text(key.Shape, key.Sqlite, key.Limit)), values);
    }

    /// <summary>The SQL for one shape; <c>{n}</c> are the parameters in the order <see cref="ReadAsync"/> adds them.</summary>
    private static string Text(Shape shape, bool sqlite, int limit)
    {
        var sql = new StringBuilder(Select, Select.Length + 256);
        if (sqlite && shape.HasFlag(Shape.Unsigned) && (shape & (Shape.Status | Shape.Client | Shape.Number | Shape.ClientText | Shape.ClientIndex)) == 0)
        {
            // Without statistics SQLite takes (status, id) for the two statuses, then sorts every unsigned
            // contract for each page; the partial index gives them newest first (schema version 8).
            sql.Replace("FROM contracts c ", "FROM contracts c INDEXED BY ix_contracts_unsigned ");
        }

        var next = 0;
        var conditions = new List<string>();
        foreach (var (flag, clause) in Clauses)
        {
            if (shape.HasFlag(flag))
            {
                conditions.Add(clause.Contains(Parameter, StringComparison.Ordinal) ? clause.Replace(Parameter, $"{{{next++}}}", StringComparison.Ordinal) : clause);
            }
        }

        if (conditions.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", conditions);
        }

        // The row count is a literal, as in Paging.TakePage: a prepared statement keeps an index-driven plan.
        sql.Append(" ORDER BY c.id DESC");
        return limit == Unlimited ? sql.ToString() : sql.Append(" LIMIT ").Append(limit + 1).ToString();
    }

    private static ContractView Read(DbDataReader row, bool sqlite) => new(
        row.GetInt32(0),
        row.GetInt32(1),
        row.GetString(2),
        row.GetString(3),
        OptionalInt(row, 4),
        OptionalText(row, 5),
        Money(row, 6, sqlite),
        Money(row, 7, sqlite),
        Enum.Parse<ContractStatus>(row.GetString(8)),
        Utc(row.GetDateTime(9)),
        Utc(row.GetDateTime(10)),
        row.IsDBNull(11) ? null : Utc(row.GetDateTime(11)),
        OptionalInt(row, 12),
        OptionalText(row, 13),
        OptionalInt(row, 14),
        row.GetInt32(15));

    // SQLite keeps money as integer cents (CentsConverter); its timestamps are text, read as dates alike.
    private static decimal Money(DbDataReader row, int ordinal, bool sqlite) => sqlite ? row.GetInt64(ordinal) / 100m : row.GetDecimal(ordinal);

    private static int? OptionalInt(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetInt32(ordinal);

    private static string? OptionalText(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    // As UtcConverter reads them back.
    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
