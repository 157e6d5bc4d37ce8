using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EpicEvents.Crm.Tests.Infrastructure;

/// <summary>Counts the SQL commands EF Core sends, so that a test can tell one query from N + 1.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Text, IReadOnlyList<(string Name, object? Value)> Parameters)> _queries = new();

    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        _queries.Clear();
    }

    /// <summary>Every query that read rows since the last <see cref="Reset"/>, in order.</summary>
    public IReadOnlyList<(string Text, IReadOnlyList<(string Name, object? Value)> Parameters)> Queries => [.. _queries];

    /// <summary>The text and parameters of the last query that read rows, to ask the database how it runs it.</summary>
    public (string Text, IReadOnlyList<(string Name, object? Value)> Parameters) LastQuery { get; private set; } = (string.Empty, []);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        LastQuery = (command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]);
        _queries.Enqueue(LastQuery);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}
