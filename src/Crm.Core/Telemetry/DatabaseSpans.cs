using System.Data.Common;
using System.Diagnostics;

namespace EpicEvents.Crm.Telemetry;

/// <summary>
/// The span of one database command: a client span named after its operation (<c>SELECT</c>,
/// <c>INSERT</c>…) with <c>db.system.name</c>, <c>db.operation.name</c> and, on PostgreSQL, the
/// database's name; never the SQL text nor its parameters. EF Core's commands get it from
/// <see cref="DatabaseCommandSpans"/>; a command run on a plain connection starts it here. Apart
/// from the interceptor, whose base class is EF Core's, so that a process that never builds a
/// context does not load EF Core to record a span.
/// </summary>
internal static class DatabaseSpans
{
    /// <summary>The first keyword of the statement, which is all a span says about it.</summary>
    internal static string Operation(string? sql)
    {
        var text = (sql ?? string.Empty).AsSpan().TrimStart();
        var end = 0;
        while (end < text.Length && char.IsAsciiLetter(text[end]))
        {
            end++;
        }

        return end == 0 ? "SQL" : text[..end].ToString().ToUpperInvariant();
    }

    /// <summary>A span for a command on any connection; null without a listener.</summary>
    internal static Activity? Start(DbCommand command, string operation)
    {
        if (!CrmTelemetry.Source.HasListeners())
        {
            return null;
        }

        return command.Connection is Npgsql.NpgsqlConnection postgres
            ? Start("postgresql", operation, postgres.Database)
            : Start("sqlite", operation, null);
    }

    /// <summary>
    /// A span for a command on SQLite; null without a listener. It names no PostgreSQL type, so that
    /// calling it does not load Npgsql.
    /// </summary>
    internal static Activity? StartSqlite(string operation) =>
        CrmTelemetry.Source.HasListeners() ? Start("sqlite", operation, null) : null;

    private static Activity? Start(string system, string operation, string? database)
    {
        var activity = CrmTelemetry.Source.StartActivity(operation, ActivityKind.Client);
        if (activity is null)
        {
            return null;
        }

        if (!activity.IsAllDataRequested)
        {
            // A trace not recorded (TraceRateSampler): a command's span would have no child to carry its id to.
            activity.Dispose();
            return null;
        }

        activity.SetTag("db.system.name", system);
        activity.SetTag("db.operation.name", operation);
        if (database is { Length: > 0 })
        {
            activity.SetTag("db.namespace", database);
        }

        return activity;
    }
}
