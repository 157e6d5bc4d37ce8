using System.Net;
using EpicEvents.Bot.Protocol.Schema;

namespace EpicEvents.Bot.Protocol.Connector;

/// <summary>
/// A connector call that did not succeed: the HTTP status and Bot Framework error when the service
/// answered, or a transport failure. <see cref="OutcomeUnknown"/> tells whether a send may have been
/// delivered anyway, so callers never resend blindly.
/// </summary>
public sealed class ConnectorException : Exception
{
    public const string MessageWritesBlockedCode = "MessageWritesBlocked";

    public ConnectorException(string message, HttpStatusCode? statusCode, ConnectorError? error, bool outcomeUnknown, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Error = error;
        OutcomeUnknown = outcomeUnknown;
        RetryAfter = retryAfter;
    }

    /// <summary>The status the connector answered with; null when no answer came.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The <c>{"error":{"code","message"}}</c> body, when there was one.</summary>
    public ConnectorError? Error { get; }

    /// <summary>True when the request may have reached the service (a time-out or a dropped connection).</summary>
    public bool OutcomeUnknown { get; }

    /// <summary>The service's <c>Retry-After</c> when it asked for a longer wait than this client makes.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// The user blocked or removed the bot: stop writing to this conversation. Teams documents the
    /// code as a <c>subCode</c> inside the message (<c>{"errorCode":209,"message":"{\"subCode\":
    /// \"MessageWritesBlocked\",…}"}</c>); the Bot Framework shape has it as the error's code.
    /// </summary>
    public bool IsMessageWritesBlocked =>
        StatusCode == HttpStatusCode.Forbidden
        && (string.Equals(Error?.Code, MessageWritesBlockedCode, StringComparison.OrdinalIgnoreCase)
            || (Error?.Message?.Contains(MessageWritesBlockedCode, StringComparison.OrdinalIgnoreCase) ?? false));

    /// <summary>Worth trying again later (throttled, busy, or no answer).</summary>
    public bool IsTransient => StatusCode is null || ConnectorRetry.IsRetryableStatus(StatusCode.Value);
}
