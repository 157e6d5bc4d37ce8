using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Persistence;

/// <summary>
/// Serialises writers that decide from rows other transactions may be changing at the same moment
/// (the last manager, a burst of failed logins). SQLite needs nothing: its write transactions
/// (BEGIN IMMEDIATE) already run one at a time. PostgreSQL takes a transaction-scoped advisory
/// lock, released at commit or rollback.
/// </summary>
internal static class WriterLocks
{
    private const int Namespace = 0x45_45; // "EE": keeps these keys apart from the schema migrator's

    public const int LastManager = 1;
    public const int Login = 2;

    /// <summary>Call inside a transaction: the lock lasts until it ends.</summary>
    public static async Task LockAsync(this CrmDbContext db, int scope, int key, CancellationToken cancellationToken)
    {
        if (db.Provider == DatabaseProvider.PostgreSql)
        {
            var lockKey = ((long)Namespace << 48) | ((long)scope << 32) | (uint)key;
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockKey})", cancellationToken);
        }
    }
}
