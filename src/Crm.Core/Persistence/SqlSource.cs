using System.Data.Common;

namespace EpicEvents.Crm.Persistence;

/// <summary>
/// Where the queries written as SQL (the session check, the contract list) run: the scope's EF Core
/// context, or a plain SQLite connection for a command-line process that reads only those (see
/// <see cref="PlainSqliteReads"/>, ADR 24). The SQL and the code reading its rows are the same
/// either way; a source only executes the text. The text takes its parameters as <c>{0}</c>,
/// <c>{1}</c>… in the order of the values.
/// </summary>
public abstract class SqlSource
{
    private protected SqlSource()
    {
    }

    /// <summary>Whether the database is SQLite (money as cents, the trigram index), else PostgreSQL.</summary>
    internal abstract bool IsSqlite { get; }

    internal abstract Task<SqlRows> ReadAsync(string sql, IReadOnlyList<object> values, CancellationToken cancellationToken);
}

/// <summary>The rows of one query; disposing it ends the command.</summary>
internal sealed class SqlRows(DbDataReader rows, IAsyncDisposable owner) : IAsyncDisposable
{
    public DbDataReader Rows { get; } = rows;

    public ValueTask DisposeAsync() => owner.DisposeAsync();
}
