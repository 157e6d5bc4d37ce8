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
        Message = "Housekeeping: {Dialogs} expired forms deleted, {Activities} old activity ids forgotten")]
    public static partial void HousekeepingDone(ILogger logger, int dialogs, int activities);

    [LoggerMessage(EventId = 3003, EventName = "HousekeepingFailed", Level = LogLevel.Warning,
        Message = "Housekeeping failed; it runs again within the hour")]
    public static partial void HousekeepingFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3004, EventName = "UnknownSearchCommand", Level = LogLevel.Warning,
        Message = "A compose-box search named an unknown command {CommandId}: the app manifest and the bot disagree")]
    public static partial void UnknownSearchCommand(ILogger logger, string commandId);
}
