using EpicEvents.Crm.Outbox;
using Microsoft.Extensions.Logging;

namespace EpicEvents.Bot;

/// <summary>
/// The bot host's log events (ids 3000–3999, stable so that alerts can rely on them). A failure
/// inside a turn is logged by the protocol layer (event 1004, with the activity id and type) within
/// the turn's span, which names the command and the collaborator.
/// </summary>
internal static partial class BotLog
{
    [LoggerMessage(EventId = 3000, EventName = "RequestFailed", Level = LogLevel.Error,
        Message = "A request to /api/messages failed before its activity could be handled ({ExceptionType})")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string exceptionType);

    [LoggerMessage(EventId = 3001, EventName = "TelemetryProblem", Level = LogLevel.Warning,
        Message = "Telemetry: {Problem}")]
    public static partial void TelemetryProblem(ILogger logger, string problem);

    [LoggerMessage(EventId = 3002, EventName = "HousekeepingDone", Level = LogLevel.Debug,
        Message = "Housekeeping: {Dialogs} expired forms deleted, {Activities} old activity ids forgotten, {Digests} rows of past digests forgotten")]
    public static partial void HousekeepingDone(ILogger logger, int dialogs, int activities, int digests);

    [LoggerMessage(EventId = 3003, EventName = "HousekeepingFailed", Level = LogLevel.Warning,
        Message = "Housekeeping failed; it runs again within the hour")]
    public static partial void HousekeepingFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3004, EventName = "UnknownSearchCommand", Level = LogLevel.Warning,
        Message = "A compose-box search named an unknown command {CommandId}: the app manifest and the bot disagree")]
    public static partial void UnknownSearchCommand(ILogger logger, string commandId);

    [LoggerMessage(EventId = 3005, EventName = "NotificationDelivered", Level = LogLevel.Debug,
        Message = "Notification {NotificationId} ({Kind}) to collaborator {RecipientId} delivered at attempt {Attempt}: {Result}")]
    public static partial void NotificationDelivered(ILogger logger, long notificationId, NotificationKind kind, int recipientId, int attempt, string result);

    [LoggerMessage(EventId = 3006, EventName = "NotificationNotDelivered", Level = LogLevel.Warning,
        Message = "Notification {NotificationId} ({Kind}) to collaborator {RecipientId}, attempt {Attempt}: {Problem} Now {State}")]
    public static partial void NotificationNotDelivered(ILogger logger, long notificationId, NotificationKind kind, int recipientId, int attempt, string problem, DeliveryState state);

    [LoggerMessage(EventId = 3007, EventName = "NotificationUndeliverable", Level = LogLevel.Warning,
        Message = "Notification {NotificationId} ({Kind}) to collaborator {RecipientId} is undeliverable: {Reason}")]
    public static partial void NotificationUndeliverable(ILogger logger, long notificationId, NotificationKind kind, int recipientId, string reason);

    [LoggerMessage(EventId = 3008, EventName = "NotificationDeliveryError", Level = LogLevel.Error,
        Message = "Delivering notification {NotificationId} ({Kind}) to collaborator {RecipientId} failed unexpectedly ({ExceptionType}); it is tried again later")]
    public static partial void NotificationDeliveryError(ILogger logger, Exception exception, long notificationId, NotificationKind kind, int recipientId, string exceptionType);

    [LoggerMessage(EventId = 3009, EventName = "NotificationClaimLost", Level = LogLevel.Warning,
        Message = "Notification {NotificationId} ({Kind}) to collaborator {RecipientId} was taken over by another sender before its delivery was recorded; the copy carries the same key")]
    public static partial void NotificationClaimLost(ILogger logger, long notificationId, NotificationKind kind, int recipientId);

    [LoggerMessage(EventId = 3010, EventName = "ConversationOpened", Level = LogLevel.Information,
        Message = "Opened a 1:1 chat with collaborator {RecipientId} to deliver notification {NotificationId}")]
    public static partial void ConversationOpened(ILogger logger, int recipientId, long notificationId);

    [LoggerMessage(EventId = 3011, EventName = "OutboxUnavailable", Level = LogLevel.Error,
        Message = "The outbox could not be read ({ExceptionType}); looking again in {DelayMs} ms")]
    public static partial void OutboxUnavailable(ILogger logger, Exception exception, string exceptionType, double delayMs);

    [LoggerMessage(EventId = 3012, EventName = "OutboxSenderStopped", Level = LogLevel.Information,
        Message = "Outbox sender stopped: {Released} notifications given back untried, {Abandoned} left to their lease")]
    public static partial void OutboxSenderStopped(ILogger logger, int released, int abandoned);

    [LoggerMessage(EventId = 3013, EventName = "NotReady", Level = LogLevel.Error,
        Message = "Not serving: the database is {Database}, at schema version {Version}; this build needs version {Expected}. Run `epicevents db migrate` (or `db init`) against this database.")]
    public static partial void NotReady(ILogger logger, string database, int? version, int expected);

    [LoggerMessage(EventId = 3020, EventName = "DigestsQueued", Level = LogLevel.Information,
        Message = "Digests: {Queued} queued, {Empty} empty and not sent, {TakenElsewhere} already taken by another instance")]
    public static partial void DigestsQueued(ILogger logger, int queued, int empty, int takenElsewhere);

    [LoggerMessage(EventId = 3021, EventName = "DigestsFailed", Level = LogLevel.Error,
        Message = "The digests due could not be queued ({ExceptionType}); trying again at the next look")]
    public static partial void DigestsFailed(ILogger logger, Exception exception, string exceptionType);
}
