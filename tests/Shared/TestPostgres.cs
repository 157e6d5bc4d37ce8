using Npgsql;

namespace EpicEvents.Tests.Postgres;

/// <summary>
/// Throw-away databases on the PostgreSQL server the test command starts (<c>./scripts/test.sh</c>
/// exports <see cref="Variable"/>). There is no fallback: without the server these tests fail, so
/// that PostgreSQL coverage cannot silently disappear.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "EPICEVENTS_TEST_POSTGRES";

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. Run the tests with ./scripts/test.sh, which installs and starts a throw-away PostgreSQL server.");

    /// <summary>A new database, empty or a copy of <paramref name="template"/> (a database nobody is connected to), and how to drop it.</summary>
    public static async Task<(string ConnectionString, Func<Task> Drop)> CreateDatabaseAsync(string? template = null)
    {
        var admin = AdminConnectionString;
        var name = "crm_test_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync(admin, $"CREATE DATABASE {name} TEMPLATE {template ?? "template0"}");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 40 }.ConnectionString;
        return (connectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    private static async Task ExecuteAsync(string admin, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(admin) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
