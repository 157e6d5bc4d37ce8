using System.Globalization;
using EpicEvents.Crm.Auth;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Telemetry;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace EpicEvents.Crm.Persistence;

/// <summary>
/// The session check and the contract list on the local SQLite file, on one plain connection that
/// this object opens at its first query and closes when disposed: a command-line process that only
/// reads these never builds the DI container, the context pool or EF Core's services, and does not
/// load EF Core's assemblies (ADR 24, "Peak memory in local mode"). The use cases are the same
/// classes as through the container — the permission matrix, the session's checks, the SQL and
/// the code that reads its rows are theirs — on a <see cref="SqlSource"/> of their own. Each
/// command records the span that <see cref="DatabaseCommandSpans"/> records for EF Core's.
/// </summary>
public sealed class PlainSqliteReads : IDisposable
{
    private readonly PlainSqliteSource _source;

    private PlainSqliteReads(DatabaseSettings database, AuthOptions auth, ILoggerFactory loggers, TimeProvider clock)
    {
        _source = new PlainSqliteSource(database.ConnectionString);
        Sessions = new Sessions(_source, new SessionTokens(auth, clock), loggers.CreateLogger<Sessions>());
        Contracts = new ListContracts(_source);
    }

    /// <summary>The reads of <paramref name="database"/> on a plain connection, or null when it is not SQLite (PostgreSQL keeps EF Core's path).</summary>
    public static PlainSqliteReads? For(DatabaseSettings database, AuthOptions auth, ILoggerFactory loggers) =>
        For(database, auth, loggers, DatabaseClock.Instance);

    /// <summary>The same, with the clock that the session's token is checked against.</summary>
    internal static PlainSqliteReads? For(DatabaseSettings database, AuthOptions auth, ILoggerFactory loggers, TimeProvider clock) =>
        database.Provider == DatabaseProvider.Sqlite ? new PlainSqliteReads(database, auth, loggers, clock) : null;

    public Sessions Sessions { get; }

    public ListContracts Contracts { get; }

    public void Dispose() => _source.Dispose();
}

/// <summary>A plain <see cref="SqliteConnection"/>, opened at the first query; each query is one command.</summary>
internal sealed class PlainSqliteSource(string connectionString) : SqlSource, IDisposable
{
    private SqliteConnection? _connection;

    internal override bool IsSqlite => true;

    internal override async Task<SqlRows> ReadAsync(string sql, IReadOnlyList<object> values, CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            _connection = connection;
        }

        var command = _connection.CreateCommand();
        // The parameters are named as EF Core's raw SQL names them: {0} becomes @p0.
        var names = new object[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var name = "@p" + i.ToString(CultureInfo.InvariantCulture);
            names[i] = name;
            command.Parameters.AddWithValue(name, values[i]);
        }

        command.CommandText = string.Format(CultureInfo.InvariantCulture, sql, names);
        // The span EF Core's interceptor records: started before the command runs, ended once its reader is open.
        var span = DatabaseSpans.StartSqlite(DatabaseSpans.Operation(sql));
        try
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken);
            span?.Dispose();
            return new SqlRows(reader, new CommandRows(command, reader));
        }
        catch (Exception exception)
        {
            if (exception is not OperationCanceledException)
            {
                span.RecordFailure(exception);
            }

            span?.Dispose();
            await command.DisposeAsync();
            throw;
        }
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _connection = null;
    }

    private sealed class CommandRows(SqliteCommand command, SqliteDataReader reader) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await reader.DisposeAsync();
            await command.DisposeAsync();
        }
    }
}
