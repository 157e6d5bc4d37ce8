using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EpicEvents.Bot.Protocol.Authentication;
using EpicEvents.Bot.Protocol.Schema;
using Microsoft.Extensions.Logging;

namespace EpicEvents.Bot.Protocol.Connector;

/// <summary>
/// The Bot Connector REST API of one service URL (as found on the activities from that channel).
/// Every call waits for the rate limiter, carries the bot's token (none in local mode) and is retried
/// on 429, 412, 502 and 504 with back-off honouring <c>Retry-After</c>. Time-outs and dropped
/// connections are retried only for calls that are safe to repeat (PUT, GET, DELETE); a POST whose
/// outcome is unknown is retried only when the caller says it can recognise a duplicate.
/// Failures surface as <see cref="ConnectorException"/>.
/// </summary>
public sealed partial class ConnectorClient
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly IConnectorTokenProvider _tokens;
    private readonly SendRateLimiter _rateLimiter;
    private readonly BotProtocolOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    internal ConnectorClient(
        Uri serviceUrl,
        string? tenantId,
        HttpClient http,
        IConnectorTokenProvider tokens,
        SendRateLimiter rateLimiter,
        BotProtocolOptions options,
        TimeProvider timeProvider,
        ILogger logger)
    {
        ServiceUrl = serviceUrl;
        TenantId = tenantId;
        _http = http;
        _tokens = tokens;
        _rateLimiter = rateLimiter;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>The service URL, always ending with a slash so relative paths append to it.</summary>
    public Uri ServiceUrl { get; }

    /// <summary>The tenant whose rate limit these calls count against.</summary>
    public string? TenantId { get; }

    /// <summary><c>POST v3/conversations/{conversationId}/activities/{activityId}</c>: a reply to an activity.</summary>
    /// <param name="retryWhenOutcomeUnknown">Resend after a time-out; only for callers that can recognise a duplicate.</param>
    public async Task<ResourceResponse> ReplyToActivityAsync(
        string conversationId, string activityId, Activity activity, bool retryWhenOutcomeUnknown = false, CancellationToken cancellationToken = default)
    {
        var path = $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}";
        return await SendAsync<ResourceResponse>(HttpMethod.Post, path, activity, conversationId, retryWhenOutcomeUnknown, cancellationToken)
               ?? new ResourceResponse(null);
    }

    /// <summary><c>POST v3/conversations/{conversationId}/activities</c>: a new message in a conversation.</summary>
    /// <param name="retryWhenOutcomeUnknown">Resend after a time-out; only for callers that can recognise a duplicate.</param>
    public async Task<ResourceResponse> SendToConversationAsync(
        string conversationId, Activity activity, bool retryWhenOutcomeUnknown = false, CancellationToken cancellationToken = default)
    {
        var path = $"v3/conversations/{Escape(conversationId)}/activities";
        return await SendAsync<ResourceResponse>(HttpMethod.Post, path, activity, conversationId, retryWhenOutcomeUnknown, cancellationToken)
               ?? new ResourceResponse(null);
    }

    /// <summary><c>PUT v3/conversations/{conversationId}/activities/{activityId}</c>: replaces a sent activity (a card) for everyone.</summary>
    public async Task<ResourceResponse> UpdateActivityAsync(
        string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        var path = $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}";
        return await SendAsync<ResourceResponse>(HttpMethod.Put, path, activity, conversationId, retryWhenOutcomeUnknown: true, cancellationToken)
               ?? new ResourceResponse(activityId);
    }

    /// <summary><c>DELETE v3/conversations/{conversationId}/activities/{activityId}</c>.</summary>
    public Task DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        var path = $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}";
        return SendAsync<JsonElement?>(HttpMethod.Delete, path, body: null, conversationId, retryWhenOutcomeUnknown: true, cancellationToken);
    }

    /// <summary><c>GET v3/conversations/{conversationId}/members/{userId}</c>: the user's profile (email, UPN, Entra object id).</summary>
    public async Task<TeamsChannelAccount> GetConversationMemberAsync(
        string conversationId, string userId, CancellationToken cancellationToken = default)
    {
        var path = $"v3/conversations/{Escape(conversationId)}/members/{Escape(userId)}";
        return await SendAsync<TeamsChannelAccount>(HttpMethod.Get, path, body: null, rateConversationId: null, retryWhenOutcomeUnknown: true, cancellationToken)
               ?? throw new ConnectorException("The member lookup returned no profile.", HttpStatusCode.OK, null, outcomeUnknown: false);
    }

    /// <summary><c>POST v3/conversations</c>: opens a conversation, typically a 1:1 chat with a user.</summary>
    /// <param name="retryWhenOutcomeUnknown">Repeat after a time-out; creating the same 1:1 chat twice returns the same conversation.</param>
    public async Task<ConversationResourceResponse> CreateConversationAsync(
        ConversationParameters parameters, bool retryWhenOutcomeUnknown = false, CancellationToken cancellationToken = default)
    {
        return await SendAsync<ConversationResourceResponse>(HttpMethod.Post, "v3/conversations", parameters, rateConversationId: null, retryWhenOutcomeUnknown, cancellationToken)
               ?? throw new ConnectorException("The conversation creation returned no conversation.", HttpStatusCode.OK, null, outcomeUnknown: false);
    }

    // Teams conversation ids contain ':', ';', '@' and '='; each id is one path segment.
    private static string Escape(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return Uri.EscapeDataString(id);
    }

    private async Task<T?> SendAsync<T>(
        HttpMethod method, string path, object? body, string? rateConversationId, bool retryWhenOutcomeUnknown, CancellationToken cancellationToken)
    {
        var idempotent = method != HttpMethod.Post;
        byte[]? payload = null;
        var maxAttempts = Math.Max(1, _options.ConnectorMaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            var lastAttempt = attempt >= maxAttempts;
            using var request = new HttpRequestMessage(method, new Uri(ServiceUrl, path));
            if (body is not null)
            {
                // Serialised once, up front: the request then carries a Content-Length instead of
                // being streamed in chunks, and a retry resends the same bytes.
                request.Content = new ByteArrayContent(payload ??= JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ProtocolJson.Options))
                {
                    Headers = { ContentType = JsonMediaType },
                };
            }

            if (await _tokens.GetTokenAsync(cancellationToken) is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            HttpResponseMessage response;
            try
            {
                response = await SendWithinLimitsAsync(request, rateConversationId, cancellationToken);
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                // HttpClient's own time-out: the service may have acted on the request.
                if (lastAttempt || !(idempotent || retryWhenOutcomeUnknown))
                {
                    throw new ConnectorException($"{method} {path} timed out; its outcome is unknown.", null, null, outcomeUnknown: true, innerException: exception);
                }

                await WaitBeforeRetryAsync(method, path, attempt, null, ConnectorRetry.Backoff(attempt, _options.ConnectorBaseDelay, _options.ConnectorMaxDelay, Random.Shared.NextDouble()), cancellationToken);
                continue;
            }
            catch (HttpRequestException exception)
            {
                var notSent = ConnectorRetry.WasNotSent(exception);
                if (lastAttempt || !(idempotent || retryWhenOutcomeUnknown || notSent))
                {
                    throw new ConnectorException($"{method} {path} failed: {exception.Message}", null, null, outcomeUnknown: !notSent, innerException: exception);
                }

                await WaitBeforeRetryAsync(method, path, attempt, null, ConnectorRetry.Backoff(attempt, _options.ConnectorBaseDelay, _options.ConnectorMaxDelay, Random.Shared.NextDouble()), cancellationToken);
                continue;
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    return await ReadBodyAsync<T>(response, cancellationToken);
                }

                var retryAfter = ConnectorRetry.RetryAfter(response.Headers.RetryAfter, _timeProvider.GetUtcNow());
                var retryable = ConnectorRetry.IsRetryableStatus(response.StatusCode);
                if (retryable && !lastAttempt && (retryAfter is null || retryAfter <= _options.ConnectorMaxDelay))
                {
                    var delay = retryAfter ?? ConnectorRetry.Backoff(attempt, _options.ConnectorBaseDelay, _options.ConnectorMaxDelay, Random.Shared.NextDouble());
                    await WaitBeforeRetryAsync(method, path, attempt, (int)response.StatusCode, delay, cancellationToken);
                    continue;
                }

                var error = await ReadErrorAsync(response, cancellationToken);
                LogCallFailed(_logger, method.Method, path, (int)response.StatusCode, error?.Code);
                throw new ConnectorException(
                    $"{method} {path} answered {(int)response.StatusCode} {error?.Code}: {error?.Message}".TrimEnd(' ', ':'),
                    response.StatusCode,
                    error,
                    outcomeUnknown: false,
                    retryable ? retryAfter : null);
            }
        }
    }

    /// <summary>One HTTP attempt, holding its place in the rate limits until its answer is back.</summary>
    private async Task<HttpResponseMessage> SendWithinLimitsAsync(HttpRequestMessage request, string? rateConversationId, CancellationToken cancellationToken)
    {
        if (!_options.EnforceSendRateLimits)
        {
            return await _http.SendAsync(request, cancellationToken);
        }

        using var slot = await _rateLimiter.WaitAsync(TenantId, rateConversationId, cancellationToken);
        return await _http.SendAsync(request, cancellationToken);
    }

    private async Task WaitBeforeRetryAsync(HttpMethod method, string path, int attempt, int? status, TimeSpan delay, CancellationToken cancellationToken)
    {
        LogRetrying(_logger, method.Method, path, attempt, status, delay.TotalMilliseconds);
        await Task.Delay(delay, _timeProvider, cancellationToken);
    }

    private static async Task<T?> ReadBodyAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, ProtocolJson.Options);
        }
        catch (JsonException exception)
        {
            throw new ConnectorException("The connector answered with a body that is not the expected JSON.", response.StatusCode, null, outcomeUnknown: false, innerException: exception);
        }
    }

    // The body of an error is informative only: anything unreadable becomes a message, never a second failure.
    private static async Task<ConnectorError?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            if (JsonSerializer.Deserialize<ErrorResponse>(text, ProtocolJson.Options)?.Error is { } error)
            {
                return error;
            }
        }
        catch (JsonException)
        {
        }

        const int longest = 300;
        return new ConnectorError(null, text.Length > longest ? text[..longest] : text);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Connector {Method} {Path}: attempt {Attempt} failed (status {Status}), retrying in {DelayMs} ms")]
    private static partial void LogRetrying(ILogger logger, string method, string path, int attempt, int? status, double delayMs);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Connector {Method} {Path} answered {Status} {ErrorCode}")]
    private static partial void LogCallFailed(ILogger logger, string method, string path, int status, string? errorCode);
}
