using System.Linq.Expressions;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Outbox;

/// <summary>A message a sender holds for a while: it must record the outcome with the same claim.</summary>
public sealed record OutboxClaim(
    long Id,
    NotificationKind Kind,
    int RecipientId,
    int SubjectId,
    Guid IdempotencyKey,
    int Attempt,
    DateTime CreatedAt,
    string? TraceParent,
    string ClaimToken);

/// <summary>Notifications waiting to be delivered, and when the oldest due one fell due.</summary>
public sealed record OutboxBacklog(int Pending, DateTime? OldestDue);

/// <summary>Where a message was delivered: the card to update later.</summary>
public sealed record DeliveredMessage(string ServiceUrl, string ConversationId, string? ActivityId);

/// <summary>
/// The outbox as a sender sees it: claim the messages that are due, then record what happened to
/// each. Several senders (bot instances) can share one database: a claim is a lease, taken with
/// <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL and under SQLite's single writer, so one message is
/// held by one sender at a time. Messages to one recipient go out in order: a message is only
/// claimed once every earlier message to the same person is sent or given up.
/// </summary>
public sealed class OutboxDelivery(CrmDbContext db, TimeProvider clock)
{
    /// <summary>Attempts before a message is given up as failed (Management can retry it).</summary>
    public const int MaxAttempts = 8;

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Claims up to <paramref name="max"/> due messages for <paramref name="lease"/>, oldest first,
    /// at most one per recipient. A message whose sender crashed is claimed again once its lease ends;
    /// its <see cref="OutboxClaim.Attempt"/> then tells the sender the earlier outcome is unknown.
    /// </summary>
    public async Task<IReadOnlyList<OutboxClaim>> ClaimAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + lease;
        var token = Guid.NewGuid().ToString("N");
        var pending = nameof(DeliveryState.Pending);
        var claimed = db.Provider == DatabaseProvider.PostgreSql
            ? await db.Database.ExecuteSqlAsync(
                $"""
                WITH picked AS MATERIALIZED (
                    SELECT m.id FROM outbox_messages m
                    WHERE m.state = {pending} AND m.next_attempt_at <= {now}
                      AND (m.claimed_until IS NULL OR m.claimed_until < {now})
                      AND NOT EXISTS (SELECT 1 FROM outbox_messages e WHERE e.recipient_id = m.recipient_id AND e.id < m.id AND e.state = {pending})
                    ORDER BY m.id LIMIT {max}
                    FOR UPDATE SKIP LOCKED)
                UPDATE outbox_messages o SET claim_token = {token}, claimed_until = {until}, attempts = o.attempts + 1
                FROM picked WHERE o.id = picked.id
                """,
                cancellationToken)
            : await db.Database.ExecuteSqlAsync(
                $"""
                UPDATE outbox_messages SET claim_token = {token}, claimed_until = {until}, attempts = attempts + 1
                WHERE id IN (
                    SELECT m.id FROM outbox_messages m
                    WHERE m.state = {pending} AND m.next_attempt_at <= {now}
                      AND (m.claimed_until IS NULL OR m.claimed_until < {now})
                      AND NOT EXISTS (SELECT 1 FROM outbox_messages e WHERE e.recipient_id = m.recipient_id AND e.id < m.id AND e.state = {pending})
                    ORDER BY m.id LIMIT {max})
                """,
                cancellationToken);
        if (claimed == 0)
        {
            return [];
        }

        return await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ClaimToken == token)
            .OrderBy(m => m.Id)
            .Select(m => new OutboxClaim(m.Id, m.Kind, m.RecipientId, m.SubjectId, m.IdempotencyKey, m.Attempts, m.CreatedAt, m.TraceParent, token))
            .ToListAsync(cancellationToken);
    }

    /// <summary>When the next message falls due (null: nothing pending), so that a sender can sleep until then.</summary>
    public async Task<DateTime?> NextDueAsync(CancellationToken cancellationToken = default)
    {
        var pending = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.State == DeliveryState.Pending)
            .Select(m => new { m.NextAttemptAt, m.ClaimedUntil })
            .ToListAsync(cancellationToken);
        return pending.Count == 0 ? null : pending.Min(m => m.ClaimedUntil is { } until && until > m.NextAttemptAt ? until : m.NextAttemptAt);
    }

    /// <summary>How many notifications wait to be delivered, and since when the oldest due one is due (null: none is due).</summary>
    public async Task<OutboxBacklog> BacklogAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var backlog = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.State == DeliveryState.Pending)
            .GroupBy(m => 1)
            .Select(g => new { Pending = g.Count(), OldestDue = g.Min(m => m.NextAttemptAt <= now ? (DateTime?)m.NextAttemptAt : null) })
            .SingleOrDefaultAsync(cancellationToken);
        return backlog is null ? new OutboxBacklog(0, null) : new OutboxBacklog(backlog.Pending, backlog.OldestDue);
    }

    /// <summary>
    /// Records a delivery; <paramref name="where"/> is null when there was nothing left to deliver
    /// (a card to update that never went out). False when the claim was lost meanwhile (its lease
    /// ended and another sender took the message): the other sender's outcome stands.
    /// </summary>
    public async Task<bool> RecordSentAsync(OutboxClaim claim, DeliveredMessage? where, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var now = clock.GetUtcNow().UtcDateTime;
        var serviceUrl = where?.ServiceUrl;
        var conversationId = where?.ConversationId;
        var activityId = where?.ActivityId;
        var updated = await Claimed(claim).ExecuteUpdateAsync(
            set => set
                .SetProperty(m => m.State, DeliveryState.Sent)
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.ServiceUrl, serviceUrl)
                .SetProperty(m => m.ConversationId, conversationId)
                .SetProperty(m => m.ActivityId, activityId)
                .SetProperty(m => m.ClaimToken, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null),
            cancellationToken);
        return updated == 1;
    }

    /// <summary>
    /// Records a failed attempt. A transient failure (throttled, a gateway error, a time-out) is
    /// retried later with exponential back-off and jitter, never sooner than the server's
    /// <paramref name="retryAfter"/>, until <see cref="MaxAttempts"/>; anything else fails at once.
    /// Returns the state the message is left in; <paramref name="error"/> is kept in its stored form
    /// (<see cref="DeliveryReason.Store"/>), for each reader to see in their language.
    /// </summary>
    public async Task<DeliveryState> RecordFailureAsync(OutboxClaim claim, Text error, bool transient, TimeSpan? retryAfter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(error);
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = DeliveryReason.Store(error);
        var state = transient && claim.Attempt < MaxAttempts ? DeliveryState.Pending : DeliveryState.Failed;
        var next = now + RetryDelay(claim.Attempt, retryAfter);
        await Claimed(claim).ExecuteUpdateAsync(
            set => set
                .SetProperty(m => m.State, state)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastError, stored)
                .SetProperty(m => m.ClaimToken, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null),
            cancellationToken);
        return state;
    }

    /// <summary>Records that the message cannot be delivered (the person blocked the bot, has no Teams identity, left): no more attempts.</summary>
    public async Task RecordUndeliverableAsync(OutboxClaim claim, Text reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(reason);
        var stored = DeliveryReason.Store(reason);
        await Claimed(claim).ExecuteUpdateAsync(
            set => set
                .SetProperty(m => m.State, DeliveryState.Undeliverable)
                .SetProperty(m => m.LastError, stored)
                .SetProperty(m => m.ClaimToken, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null),
            cancellationToken);
    }

    /// <summary>
    /// Queues again, at once, the recipient's notifications that could not be delivered for want of a
    /// chat (their reason is one of <see cref="DeliveryReason.WaitingForChat"/>, or, on a row written
    /// before the reasons were keys, starts with its English words): the person has just added the app,
    /// so what was waiting for them comes now. Answers how many.
    /// </summary>
    public async Task<int> RequeueWaitingForChatAsync(int recipientId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.OutboxMessages
            .Where(m => m.RecipientId == recipientId && m.State == DeliveryState.Undeliverable && m.LastError != null)
            .Where(WaitingForChat)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(m => m.State, DeliveryState.Pending)
                    .SetProperty(m => m.Attempts, 0)
                    .SetProperty(m => m.NextAttemptAt, now),
                cancellationToken);
    }

    /// <summary>A reason that starts as one of <see cref="DeliveryReason.WaitingForChatPrefixes"/>: one statement, however many prefixes.</summary>
    private static readonly Expression<Func<OutboxMessage, bool>> WaitingForChat = BuildWaitingForChat();

    private static Expression<Func<OutboxMessage, bool>> BuildWaitingForChat()
    {
        var message = Expression.Parameter(typeof(OutboxMessage), "m");
        var lastError = Expression.Property(message, nameof(OutboxMessage.LastError));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        var anyPrefix = DeliveryReason.WaitingForChatPrefixes
            .Select(prefix => (Expression)Expression.Call(lastError, startsWith, Expression.Constant(prefix)))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<OutboxMessage, bool>>(anyPrefix, message);
    }

    /// <summary>
    /// Gives a claimed message back untried, for a sender that stops or must wait for a rate limit:
    /// the attempt it counted is returned and the message may be claimed again after <paramref name="notBefore"/>.
    /// </summary>
    public async Task ReleaseAsync(OutboxClaim claim, DateTime? notBefore = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var next = notBefore ?? clock.GetUtcNow().UtcDateTime;
        await Claimed(claim).ExecuteUpdateAsync(
            set => set
                .SetProperty(m => m.Attempts, m => m.Attempts - 1)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.ClaimToken, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null),
            cancellationToken);
    }

    /// <summary>Where an earlier message of this kind about this subject reached this recipient, if it was delivered.</summary>
    public Task<DeliveredMessage?> FindDeliveredAsync(NotificationKind kind, int recipientId, int subjectId, CancellationToken cancellationToken = default) =>
        db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == kind && m.SubjectId == subjectId && m.RecipientId == recipientId
                && m.State == DeliveryState.Sent && m.ConversationId != null && m.ServiceUrl != null)
            .OrderByDescending(m => m.Id)
            .Select(m => new DeliveredMessage(m.ServiceUrl!, m.ConversationId!, m.ActivityId))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The wait before the next attempt: 2 s, 4 s, 8 s… up to 10 min, ±20 % jitter, at least <paramref name="retryAfter"/>.</summary>
    public static TimeSpan RetryDelay(int attempt, TimeSpan? retryAfter)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 20);
        var backOff = TimeSpan.FromTicks(Math.Min(FirstRetry.Ticks << exponent, LongestRetry.Ticks));
        var jittered = backOff * (0.8 + (Random.Shared.NextDouble() * 0.4));
        return retryAfter is { } server && server > jittered ? server : jittered;
    }

    private IQueryable<OutboxMessage> Claimed(OutboxClaim claim) =>
        db.OutboxMessages.Where(m => m.Id == claim.Id && m.ClaimToken == claim.ClaimToken);
}
