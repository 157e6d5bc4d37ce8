using System.Data.Common;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EpicEvents.Crm.Persistence;

/// <summary>One step of the schema: an SQL script per provider, then an optional data step in code.</summary>
internal sealed record SchemaMigration(int Version, string Name, Func<DbConnection, DbTransaction, CancellationToken, Task>? DataStep = null);

/// <summary>The schema version before and after a migration run.</summary>
public sealed record SchemaStatus(int FromVersion, int ToVersion)
{
    public bool Changed => FromVersion != ToVersion;
}

/// <summary>
/// Creates or upgrades the schema from versioned SQL scripts (embedded, one folder per provider),
/// recording each applied version in <c>schema_version</c>. Each version is applied in its own
/// transaction under a lock, so two processes upgrading at once do not both apply it.
/// </summary>
public static class SchemaMigrator
{
    private const long AdvisoryLockKey = 0x45_70_69_63_43_52_4D; // "EpicCRM"

    internal static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new(1, "initial"),
        new(2, "client_search", BackfillClientSearchKeysAsync),
        new(3, "teams"),
        new(4, "outbox_trace"),
        new(5, "notification_delivery"),
        new(6, "event_search", BackfillEventSearchKeysAsync),
        new(7, "preferred_language"),
        new(8, "unsigned_contracts"),
        new(9, "digest_contracts"),
        new(10, "digest_sending"),
    ];

    public static int LatestVersion => Migrations[^1].Version;

    public static async Task<SchemaStatus> MigrateAsync(CrmDbContext db, int? toVersion = null, CancellationToken cancellationToken = default)
    {
        var target = toVersion ?? LatestVersion;
        var provider = db.Provider;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            if (provider == DatabaseProvider.Sqlite)
            {
                await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);
            }

            var from = await CurrentVersionAsync(db, cancellationToken);
            if (from > LatestVersion)
            {
                throw new SchemaVersionException(
                    $"The database is at schema version {from}, newer than this program's {LatestVersion}. Upgrade the program.");
            }

            foreach (var migration in Migrations.Where(m => m.Version > from && m.Version <= target))
            {
                await ApplyAsync(db, connection, provider, migration, cancellationToken);
            }

            return new SchemaStatus(from, await CurrentVersionAsync(db, cancellationToken));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The applied schema version; 0 for an empty database.</summary>
    public static async Task<int> CurrentVersionAsync(CrmDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            var exists = db.Provider == DatabaseProvider.Sqlite
                ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
                : "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_version'";
            if (Convert.ToInt64(await ScalarAsync(connection, null, exists, cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return 0;
            }

            var version = await ScalarAsync(connection, null, "SELECT coalesce(max(version), 0) FROM schema_version", cancellationToken);
            return Convert.ToInt32(version, System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task ApplyAsync(CrmDbContext db, DbConnection connection, DatabaseProvider provider, SchemaMigration migration, CancellationToken cancellationToken)
    {
        await using IDbContextTransaction transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dbTransaction = transaction.GetDbTransaction();
        if (provider == DatabaseProvider.PostgreSql)
        {
            await ExecuteAsync(connection, dbTransaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        }

        await ExecuteAsync(
            connection,
            dbTransaction,
            provider == DatabaseProvider.Sqlite
                ? "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
                : "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)",
            cancellationToken);

        // Another process may have applied this version while this one waited for the lock.
        var applied = await ScalarAsync(connection, dbTransaction, $"SELECT count(*) FROM schema_version WHERE version = {migration.Version}", cancellationToken);
        if (Convert.ToInt64(applied, System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return;
        }

        await ExecuteAsync(connection, dbTransaction, ReadScript(provider, migration), cancellationToken);
        if (migration.DataStep is { } step)
        {
            await step(connection, dbTransaction, cancellationToken);
        }

        await using (var record = connection.CreateCommand())
        {
            record.Transaction = dbTransaction;
            record.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @at)";
            AddParameter(record, "@version", migration.Version);
            AddParameter(record, "@name", migration.Name);
            AddParameter(record, "@at", provider == DatabaseProvider.Sqlite ? DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture) : DateTime.UtcNow);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static string ReadScript(DatabaseProvider provider, SchemaMigration migration)
    {
        var folder = provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";
        var name = $"Schema/{folder}/{migration.Version:D4}_{migration.Name}.sql";
        using var stream = typeof(SchemaMigrator).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The schema script {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Version 2: fills the folded search key of the clients that existed before it.</summary>
    private static Task BackfillClientSearchKeysAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        BackfillSearchKeysAsync(
            connection,
            transaction,
            "SELECT id, full_name, email, company_name FROM clients",
            reader => Client.BuildSearchKey(reader.GetString(1), reader.GetString(2), reader.GetString(3)),
            "UPDATE clients SET search_key = @key WHERE id = @id",
            cancellationToken);

    /// <summary>Version 6: fills the folded search key of the events that existed before it.</summary>
    private static Task BackfillEventSearchKeysAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        BackfillSearchKeysAsync(
            connection,
            transaction,
            "SELECT id, name, location FROM events",
            reader => Event.BuildSearchKey(reader.GetString(1), reader.GetString(2)),
            "UPDATE events SET search_key = @key WHERE id = @id",
            cancellationToken);

    /// <summary>Reads every row's id and key source with <paramref name="select"/>, then writes each key with <paramref name="update"/>.</summary>
    private static async Task BackfillSearchKeysAsync(
        DbConnection connection, DbTransaction transaction, string select, Func<DbDataReader, string> keyOf, string update, CancellationToken cancellationToken)
    {
        var rows = new List<(long Id, string Key)>();
        await using (var reading = connection.CreateCommand())
        {
            reading.Transaction = transaction;
            reading.CommandText = select;
            await using var reader = await reading.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt64(0), keyOf(reader)));
            }
        }

        await using var writing = connection.CreateCommand();
        writing.Transaction = transaction;
        writing.CommandText = update;
        var key = AddParameter(writing, "@key", string.Empty);
        var id = AddParameter(writing, "@id", 0);
        foreach (var row in rows)
        {
            key.Value = row.Key;
            id.Value = (int)row.Id;
            await writing.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static DbParameter AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}

/// <summary>The database's schema cannot be used by this program.</summary>
public sealed class SchemaVersionException(string message) : Exception(message);
