using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Outbox;

/// <summary>Which notifications to send again: the ones named, or every one that did not reach its recipient.</summary>
public sealed record RetryNotificationsRequest(IReadOnlyList<long> Ids, bool AllFailed = false)
{
    public static RetryNotificationsRequest EveryFailed { get; } = new([], AllFailed: true);
}

/// <summary>
/// Puts failed or undeliverable notifications back in the queue, with a fresh count of attempts,
/// for Management once the cause is fixed (the person unblocked the bot, Teams is back). A
/// notification that was delivered, or is still being delivered, is refused: sending it again would
/// send it twice. Returns how many were queued again.
/// </summary>
public sealed class RetryNotifications(CrmDbContext db, TimeProvider clock) : IUseCase
{
    /// <summary>The most notifications one retry names.</summary>
    public const int MaxIds = 500;

    public async Task<Result<int>> ExecuteAsync(Actor actor, RetryNotificationsRequest request, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.ManageNotifications, out _) is { } refusal)
        {
            return refusal;
        }

        if (request.AllFailed == (request.Ids.Count > 0))
        {
            return Failure.Invalid(FieldNames.Ids, new Text("notification.retry.both"));
        }

        if (request.Ids.Count > MaxIds)
        {
            return Failure.Invalid(FieldNames.Ids, new Text("notification.retry.tooMany", MaxIds));
        }

        var messages = request.AllFailed
            ? await db.OutboxMessages.Where(m => m.State == DeliveryState.Failed || m.State == DeliveryState.Undeliverable).ToListAsync(cancellationToken)
            : await db.OutboxMessages.Where(m => request.Ids.Contains(m.Id)).ToListAsync(cancellationToken);
        if (!request.AllFailed)
        {
            var missing = request.Ids.Where(id => messages.All(m => m.Id != id)).Take(1).ToList();
            if (missing.Count > 0)
            {
                return Failure.NotFound(new Text("notification.notFound", missing[0]));
            }

            if (messages.FirstOrDefault(m => m.State is DeliveryState.Sent or DeliveryState.Pending) is { } busy)
            {
                return Failure.Conflict(busy.State == DeliveryState.Sent
                    ? busy.SentAt is { } at ? new Text("notification.retry.deliveredOn", busy.Id, at) : new Text("notification.retry.delivered", busy.Id)
                    : new Text("notification.retry.inFlight", busy.Id));
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var message in messages)
        {
            db.Record(actor, now, "notification.retried", AuditEntity.Notification, checked((int)message.Id), new FieldChanges()
                .Add(FieldNames.State, message.State, DeliveryState.Pending));
            message.Requeue(now);
        }

        return await db.TrySaveAsync(cancellationToken) is { } failed ? failed : messages.Count;
    }
}
