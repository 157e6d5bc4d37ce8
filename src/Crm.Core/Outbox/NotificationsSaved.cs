using EpicEvents.Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EpicEvents.Crm.Outbox;

/// <summary>
/// Counts the saves that queued notifications or changed queued ones (a retry), so that a front end
/// which delivers the outbox can look at it right after such a change — and only then: looking after
/// every request would cost the database two queries per request for nothing. A front end compares
/// <see cref="Count"/> before and after its work; another request's save may make it look once more
/// than needed, never less.
/// </summary>
public sealed class NotificationsSaved : SaveChangesInterceptor
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Tally(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Tally(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Note(DbContext? context)
    {
        if (context is CrmDbContext db)
        {
            db.SavingNotifications = db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State is EntityState.Added or EntityState.Modified);
        }
    }

    private void Tally(DbContext? context)
    {
        if (context is CrmDbContext { SavingNotifications: true } db)
        {
            db.SavingNotifications = false;
            Interlocked.Increment(ref _count);
        }
    }

    private static void Forget(DbContext? context)
    {
        if (context is CrmDbContext db)
        {
            db.SavingNotifications = false;
        }
    }
}
