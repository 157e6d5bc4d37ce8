using System.Net;
using System.Net.Http.Headers;

namespace EpicEvents.Bot.Protocol.Connector;

/// <summary>Which failures of a connector call are worth another attempt, and after how long.</summary>
internal static class ConnectorRetry
{
    /// <summary>Throttled (429), precondition race (412), and gateway failures (502, 504).</summary>
    public static bool IsRetryableStatus(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
            or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    /// <summary>True when the request provably never left this machine, so even a send may be tried again.</summary>
    public static bool WasNotSent(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;

    /// <summary>The wait the service asked for, as a delay or a date; null when it asked for none.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now) => header switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>
    /// Exponential back-off: base × 2^(attempt−1), capped, then jittered into its upper half so that
    /// callers throttled together do not come back together.
    /// </summary>
    public static TimeSpan Backoff(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double jitter)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (jitter / 2)));
    }
}
