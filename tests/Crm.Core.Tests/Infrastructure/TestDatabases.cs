using EpicEvents.Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EpicEvents.Crm.Tests.Infrastructure;

/// <summary>Where a test's database lives: a fresh SQLite file or a fresh PostgreSQL database.</summary>
public interface IDatabaseKind
{
    static abstract string Name { get; }

    /// <summary>A new database at the latest schema version, for one test.</summary>
    static abstract Task<TestDatabase> CreateAsync();

    /// <summary>A new empty database, for migration tests.</summary>
    static abstract Task<TestDatabase> CreateEmptyAsync();
}

/// <summary>A throw-away database; disposing it deletes it.</summary>
public sealed class TestDatabase(DatabaseSettings settings, Func<Task> drop) : IAsyncDisposable
{
    public DatabaseSettings Settings { get; } = settings;

    public CrmDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<CrmDbContext>();
        Settings.Configure(options);
        return new CrmDbContext(options.Options);
    }

    public async ValueTask DisposeAsync() => await drop();
}

public sealed class Sqlite : IDatabaseKind
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    public static string Name => "SQLite";

    public static async Task<TestDatabase> CreateAsync()
    {
        var template = await TemplateAsync();
        var path = NewPath();
        File.Copy(template, path);
        return Open(path);
    }

    public static Task<TestDatabase> CreateEmptyAsync() => Task.FromResult(Open(NewPath()));

    private static TestDatabase Open(string path) => new(DatabaseSettings.SqliteFile(path), () =>
    {
        EpicEvents.Tests.Databases.SqlitePools.Clear($"Data Source={path}");
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    });

    private static string NewPath() => Path.Combine(Directory.CreateTempSubdirectory("epicevents-test-").FullName, "crm.db");

    /// <summary>Migrated once per test run, then copied: a file copy is much cheaper than a migration.</summary>
    private static async Task<string> TemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is null)
            {
                var path = NewPath();
                var settings = DatabaseSettings.SqliteFile(path);
                await using (var db = new TestDatabase(settings, () => Task.CompletedTask).NewContext())
                {
                    await SchemaMigrator.MigrateAsync(db);
                    await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
                }

                EpicEvents.Tests.Databases.SqlitePools.Clear($"Data Source={path}");
                _template = path;
            }

            return _template;
        }
        finally
        {
            TemplateLock.Release();
        }
    }
}

public sealed class Postgres : IDatabaseKind
{
    public const string Variable = "EPICEVENTS_TEST_POSTGRES";

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    public static string Name => "PostgreSQL";

    public static async Task<TestDatabase> CreateAsync() => await CreateDatabaseAsync(await TemplateAsync());

    public static Task<TestDatabase> CreateEmptyAsync() => CreateDatabaseAsync("template0");

    /// <summary>
    /// The server the test command started. There is no fallback: without it these tests fail, so
    /// that PostgreSQL coverage cannot silently disappear.
    /// </summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. Run the tests with ./scripts/test.sh, which installs and starts a throw-away PostgreSQL server.");

    private static async Task<TestDatabase> CreateDatabaseAsync(string template)
    {
        var name = "crm_test_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {template}");
        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, MaxPoolSize = 20 };
        return new TestDatabase(DatabaseSettings.PostgreSql(builder.ConnectionString), async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    private static async Task<string> TemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is null)
            {
                var name = "crm_template_" + Guid.NewGuid().ToString("N")[..12];
                await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE template0");
                var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = false };
                await using (var db = new TestDatabase(DatabaseSettings.PostgreSql(builder.ConnectionString), () => Task.CompletedTask).NewContext())
                {
                    await SchemaMigrator.MigrateAsync(db);
                }

                _template = name;
            }

            return _template;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
