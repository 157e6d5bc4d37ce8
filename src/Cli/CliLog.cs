using Microsoft.Extensions.Logging;

namespace EpicEvents.Cli;

/// <summary>The command line's log events (ids 2000–2999, stable so that alerts can rely on them).</summary>
internal static partial class CliLog
{
    [LoggerMessage(EventId = 2000, EventName = "CommandCrashed", Level = LogLevel.Error,
        Message = "Command {Command} failed with an unexpected {ExceptionType}")]
    public static partial void CommandCrashed(ILogger logger, Exception exception, string command, string exceptionType);

    [LoggerMessage(EventId = 2001, EventName = "CommandFault", Level = LogLevel.Error,
        Message = "Command {Command} could not run: {ExceptionType} (database, configuration or file)")]
    public static partial void CommandFault(ILogger logger, Exception exception, string command, string exceptionType);
}
