using Microsoft.Extensions.Logging;

namespace EpicEvents.Bot.Protocol;

/// <summary>The turn pipeline's log events; their ids are stable so alerts can rely on them.</summary>
internal static partial class ProtocolLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Inbound request refused: {Failure} ({Reason})")]
    public static partial void RequestRefused(ILogger logger, string failure, string? reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Inbound request is not a valid activity: {Problem}")]
    public static partial void MalformedActivity(ILogger logger, string problem);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Activity {ActivityId} of type {ActivityType} was already handled; redelivery ignored")]
    public static partial void DuplicateActivity(ILogger logger, string? activityId, string? activityType);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Handling activity {ActivityId} of type {ActivityType} ({InvokeName}) failed")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string? activityId, string? activityType, string? invokeName);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Activity {ActivityId} refused: {Reason}")]
    public static partial void ActivityRefused(ILogger logger, string? activityId, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "The apology for failed activity {ActivityId} could not be sent")]
    public static partial void ApologyFailed(ILogger logger, Exception exception, string? activityId);
}
