using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Collaborators;

/// <summary>The rules of SPEC §2 that keep the company manageable: there is always an active manager.</summary>
internal static class StaffRules
{
    /// <summary>The refusal to take away the last manager; <paramref name="key"/> says how (deactivate, move, remove).</summary>
    public static Failure LastManager(string fullName, string key) => Failure.Conflict(new Text(key, fullName));

    public static Task<bool> AnotherActiveManagerAsync(this CrmDbContext db, int collaboratorId, CancellationToken cancellationToken) =>
        db.Collaborators.AnyAsync(c => c.Id != collaboratorId && c.IsActive && c.Role.Department == Department.Management, cancellationToken);

    /// <summary>
    /// Saves a change that takes a manager away, then checks inside the same transaction that an
    /// active manager is left. The writer lock makes two managers removing each other at the same
    /// moment take turns, so the second one sees the first one's change.
    /// </summary>
    public static async Task<Failure?> TrySaveKeepingAManagerAsync(this CrmDbContext db, Collaborator leaving, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockAsync(WriterLocks.LastManager, 0, cancellationToken);
        if (await db.TrySaveAsync(cancellationToken) is { } failed)
        {
            return failed;
        }

        if (!await db.Collaborators.AnyAsync(c => c.IsActive && c.Role.Department == Department.Management, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return LastManager(leaving.FullName, "collaborator.lastManager.remove");
        }

        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}
