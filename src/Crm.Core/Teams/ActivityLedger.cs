using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Teams;

/// <summary>
/// The activity ids the bot has already handled. Teams redelivers an activity when an answer is
/// slow, possibly to another instance; recording the id in the shared database lets exactly one
/// instance handle it.
/// </summary>
public sealed class ActivityLedger(CrmDbContext db, TimeProvider clock)
{
    /// <summary>
    /// True the first time an activity id is seen, false afterwards — also when several instances
    /// record it at the same moment. An id Teams could not have sent (blank, oversized) throws
    /// <see cref="ArgumentException"/>.
    /// </summary>
    public async Task<bool> TryRecordAsync(string activityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        if (activityId.Length > Limits.ActivityId)
        {
            throw new ArgumentException($"An activity id has at most {Limits.ActivityId} characters.", nameof(activityId));
        }

        // Insert-if-absent in one statement: the database decides which of two simultaneous
        // deliveries is first, without a unique-violation error for the other.
        var now = clock.GetUtcNow().UtcDateTime;
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO processed_activities (activity_id, received_at) VALUES ({activityId}, {now}) ON CONFLICT (activity_id) DO NOTHING",
            cancellationToken);
        return inserted == 1;
    }

    /// <summary>Forgets the ids recorded longer ago than <paramref name="age"/> (Teams only redelivers within minutes); returns how many.</summary>
    public async Task<int> ForgetOlderThanAsync(TimeSpan age, CancellationToken cancellationToken = default)
    {
        var before = clock.GetUtcNow().UtcDateTime - age;
        return await db.ProcessedActivities.Where(a => a.ReceivedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
