using EpicEvents.Crm.Persistence;
using Microsoft.Data.Sqlite;

namespace EpicEvents.Tests.Databases;

/// <summary>
/// Closes the pooled connections of one test's SQLite database before its files are deleted.
/// <c>SqliteConnection.ClearAllPools</c> would close every test's pool, and a connection another test
/// is handing back at that moment fails with a disposed handle.
/// </summary>
public static class SqlitePools
{
    /// <param name="connectionString">The database as configured (<c>Data Source=…</c>); a PostgreSQL one is ignored.</param>
    public static void Clear(string connectionString)
    {
        var settings = DatabaseSettings.Parse(connectionString);
        if (settings.IsPostgreSql)
        {
            return;
        }

        using var connection = new SqliteConnection(settings.ConnectionString);
        SqliteConnection.ClearPool(connection);
    }
}
