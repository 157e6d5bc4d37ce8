using System.Diagnostics;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Demo;
using EpicEvents.Crm.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EpicEvents.Crm.Benchmarks;

public enum BenchProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// The 100 000-client company every benchmark reads: a SQLite file and a PostgreSQL database,
/// seeded once with the demo-data seeder and reused by later runs.
/// </summary>
public static class BenchDatabase
{
    public const int Clients = 100_000;
    public const string PostgresVariable = "EPICEVENTS_BENCH_POSTGRES";

    public static string SqlitePath =>
        Environment.GetEnvironmentVariable("EPICEVENTS_BENCH_SQLITE")
        ?? Path.Combine(Path.GetTempPath(), "epicevents-bench", $"crm-{Clients}.db");

    public static DatabaseSettings Settings(BenchProvider provider) => provider switch
    {
        BenchProvider.Sqlite => DatabaseSettings.SqliteFile(SqlitePath),
        _ => DatabaseSettings.PostgreSql(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = $"epicevents_bench_{Clients}" }.ConnectionString),
    };

    public static ServiceProvider Services(BenchProvider provider) =>
        new ServiceCollection().AddCrmCore(Settings(provider), new Auth.AuthOptions { SigningKey = new string('k', 48) }).AddCrmDemo().BuildServiceProvider();

    /// <summary>Creates and seeds the database unless a previous run already did.</summary>
    public static async Task PrepareAsync(BenchProvider provider)
    {
        if (provider == BenchProvider.PostgreSql)
        {
            await CreatePostgresDatabaseAsync();
        }

        await using var services = Services(provider);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        await SchemaMigrator.MigrateAsync(db);
        if (await db.Clients.CountAsync() >= Clients)
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        var init = await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().InitializeAsync(new DatabaseInitRequest());
        if (!init.IsOk)
        {
            throw new InvalidOperationException(init.Message?.ToString());
        }

        var seeded = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(new DemoDataRequest(Clients, Seed: 2026));
        if (!seeded.IsOk)
        {
            throw new InvalidOperationException(seeded.Message?.ToString());
        }

        var report = seeded.Value;
        Console.WriteLine(
            $"{provider}: seeded {report.Clients} clients, {report.Contracts} contracts, {report.Events} events in {watch.Elapsed.TotalSeconds:F1} s");
        // Fresh statistics, as a database in service would have: the planners choose the indexes from them.
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    private static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{PostgresVariable} is not set: run the benchmarks with bench/run.sh, which starts a PostgreSQL server.");

    private static async Task CreatePostgresDatabaseAsync()
    {
        var name = $"epicevents_bench_{Clients}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        if ((long)(await exists.ExecuteScalarAsync())! == 0)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
    }
}
