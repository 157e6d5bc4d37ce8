using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EpicEvents.Crm.Persistence;

/// <summary>
/// A query written as SQL and read with a data reader, for the few queries that every command runs
/// (the session check, the lists): EF Core's LINQ pipeline would translate them again in each new
/// process, which costs more than the query. It runs as an EF Core command on the context's
/// connection and transaction, so interceptors (telemetry spans) see it like any other. The text
/// takes its parameters as <c>{0}</c>, <c>{1}</c>… in the order of <paramref name="values"/>.
/// </summary>
internal static class RawQuery
{
    public static Task<RelationalDataReader> ExecuteReaderAsync(CrmDbContext db, string sql, IReadOnlyList<object> values, CancellationToken cancellationToken)
    {
        var command = db.GetService<IRawSqlCommandBuilder>().Build(sql, values, db.Model);
        return command.RelationalCommand.ExecuteReaderAsync(
            new RelationalCommandParameterObject(
                db.GetService<IRelationalConnection>(),
                command.ParameterValues,
                null,
                db,
                db.GetService<IRelationalCommandDiagnosticsLogger>(),
                CommandSource.FromSqlQuery),
            cancellationToken);
    }
}

/// <summary>The raw queries of a scope on its pooled EF Core context (the bot, the server, PostgreSQL, and commands that write).</summary>
internal sealed class ContextSqlSource(CrmDbContext db) : SqlSource
{
    internal override bool IsSqlite => db.Provider == DatabaseProvider.Sqlite;

    internal override async Task<SqlRows> ReadAsync(string sql, IReadOnlyList<object> values, CancellationToken cancellationToken)
    {
        var reader = await RawQuery.ExecuteReaderAsync(db, sql, values, cancellationToken);
        return new SqlRows(reader.DbDataReader, reader);
    }
}
