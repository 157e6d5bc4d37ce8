using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using EpicEvents.Tests.Loopback;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EpicEvents.Tests.Connector;

/// <summary>A message (a <c>POST …/activities</c>) as the connector received it.</summary>
/// <param name="NotificationKey">The <c>channelData.notificationKey</c> it carried, if any.</param>
/// <param name="Duplicate">A copy of a notification already accepted (same key): its reader drops it.</param>
public sealed record ReceivedMessage(string ConversationId, string? NotificationKey, string ActivityId, bool Duplicate, JsonElement Activity)
{
    /// <summary>The Adaptive Card of the message (its first attachment's content).</summary>
    public JsonElement Card => Activity.GetProperty("attachments")[0].GetProperty("content");
}

/// <summary>A card replaced in place (<c>PUT …/activities/{id}</c>).</summary>
public sealed record ReceivedUpdate(string ConversationId, string ActivityId, JsonElement Activity)
{
    public JsonElement Card => Activity.GetProperty("attachments")[0].GetProperty("content");
}

/// <summary>A conversation opened by the bot (<c>POST v3/conversations</c>).</summary>
public sealed record OpenedChat(string ConversationId, JsonElement Parameters);

/// <summary>A request to the connector as a fault plan sees it: its method and raw path.</summary>
public sealed record ConnectorRequest(string Method, string Path);

/// <summary>What the connector does with one request instead of accepting it.</summary>
public abstract record ConnectorFault
{
    private ConnectorFault()
    {
    }

    /// <summary>429 with <c>Retry-After</c>.</summary>
    public sealed record Throttle(TimeSpan RetryAfter) : ConnectorFault;

    /// <summary>502 Bad Gateway.</summary>
    public sealed record BadGateway : ConnectorFault;

    /// <summary>500 Internal Server Error with an error code, as the service answers for a passing fault (e.g. <c>UserNotFound</c> while a new member's directory entry propagates).</summary>
    public sealed record ServerError(string Code) : ConnectorFault;

    /// <summary>Accepts the message, then answers too late for the client (a lost answer).</summary>
    public sealed record AcceptThenHang(TimeSpan For) : ConnectorFault;
}

/// <summary>
/// A Bot Connector on 127.0.0.1 speaking its wire format: sends (<c>{"id":…}</c>), card updates,
/// 1:1 chat creation. It reads every message as a Teams client would: a copy carrying the
/// notification key of a message already accepted is answered with the first copy's id and dropped.
/// Faults can be injected per request (429 with <c>Retry-After</c>, 502, an answer lost after the
/// message was accepted), conversations can be blocked (403 <c>MessageWritesBlocked</c>, in the body
/// Teams documents), and a per-tenant rate limit answers 429 beyond it, as Teams does.
/// </summary>
public sealed class LoopbackConnector : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly ConcurrentDictionary<string, string> _acceptedKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _blocked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int Status, string Code)> _gone = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedMessage> _messages = new();
    private readonly ConcurrentQueue<ReceivedUpdate> _updates = new();
    private readonly ConcurrentQueue<OpenedChat> _opened = new();
        private readonly Dictionary<string, Queue<long>> _tenantWindows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _nextId;
    private int _limited;

    public LoopbackConnector()
    {
        _server = LoopbackHttpServer.Start(HandleAsync);
        Url = _server.BaseUrl.ToString();
    }

    public string Url { get; }

    /// <summary>Every request, in arrival order.</summary>
    public ConcurrentQueue<(string Method, string Path, string Body)> Requests { get; } = new();

    /// <summary>Requests the connector could not read, for failure messages.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>Every message received, copies included, in arrival order.</summary>
    public IReadOnlyList<ReceivedMessage> Messages => [.. _messages];

    /// <summary>The messages a reader keeps: the first copy of each notification.</summary>
    public IReadOnlyList<ReceivedMessage> Accepted => [.. _messages.Where(m => !m.Duplicate)];

    public IReadOnlyList<ReceivedUpdate> Updates => [.. _updates];

    public IReadOnlyList<OpenedChat> OpenedChats => [.. _opened];

    /// <summary>Requests refused with 429 because they went beyond <see cref="TenantLimitPerSecond"/>.</summary>
    public int LimitedRequests => Volatile.Read(ref _limited);

    /// <summary>Decides, per request, a fault instead of the normal answer; null (or returning null) accepts.</summary>
    public Func<ConnectorRequest, ConnectorFault?>? Faults { get; set; }

    /// <summary>Requests per second a tenant may make (sliding window over one second); beyond, 429 with <c>Retry-After: 1</c>. Null: no limit.</summary>
    public int? TenantLimitPerSecond { get; set; }

    /// <summary>From now on, every write to this conversation gets 403 <c>MessageWritesBlocked</c>.</summary>
    public void Block(string conversationId) => _blocked[conversationId] = true;

    /// <summary>
    /// From now on, every write to this conversation gets <paramref name="status"/> with the error
    /// <paramref name="code"/>, as Teams answers for a chat the bot is no longer in (403
    /// <c>BotNotInConversationRoster</c>, <c>BotDisabledByAdmin</c>) or that does not exist (404).
    /// </summary>
    public void Gone(string conversationId, int status, string code) => _gone[conversationId] = (status, code);

    /// <summary>Whether opening a 1:1 chat is refused (403), as for someone who does not have the app.</summary>
    public bool RefuseNewChats { get; set; }

    /// <summary>Waits until <paramref name="condition"/> holds (a minute at most, for a loaded machine); false if it never did.</summary>
    public async Task<bool> WaitUntilAsync(Func<LoopbackConnector, bool> condition, TimeSpan? timeout = null)
    {
        var until = Stopwatch.GetTimestamp() + (long)((timeout ?? TimeSpan.FromMinutes(1)).TotalSeconds * Stopwatch.Frequency);
        while (!condition(this))
        {
            if (Stopwatch.GetTimestamp() > until)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context, CancellationToken stopping)
    {
        try
        {
            await RespondAsync(context, stopping);
        }
        catch (Exception exception)
        {
            // The client gave up (its time-out), the connector is stopping, or the request was not
            // what a connector accepts.
            if (exception is not (OperationCanceledException or IOException or BadHttpRequestException))
            {
                Errors.Enqueue($"{context.Request.Method} {context.Request.Path}: {exception.GetType().Name}: {exception.Message}");
            }

            context.Abort();
        }
    }

    private async Task RespondAsync(HttpContext context, CancellationToken stopping)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(stopping);
        }

        // As sent, still percent-encoded, as the connector's routing sees it.
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var path = rawTarget.Split('?')[0];
        Requests.Enqueue((request.Method, rawTarget, body));
        using var json = string.IsNullOrWhiteSpace(body) ? null : JsonDocument.Parse(body);
        var activity = json?.RootElement.Clone();

        if (TenantLimitPerSecond is { } limit && !Admit(TenantOf(activity), limit))
        {
            Interlocked.Increment(ref _limited);
            await AnswerAsync(context, 429, """{"error":{"code":"Throttled","message":"Too many requests for this tenant."}}""", retryAfterSeconds: 1);
            return;
        }

        var fault = Faults?.Invoke(new ConnectorRequest(request.Method, rawTarget));
        switch (fault)
        {
            case ConnectorFault.Throttle throttle:
                await AnswerAsync(context, 429, """{"error":{"code":"Throttled","message":"Slow down."}}""", (int)Math.Ceiling(throttle.RetryAfter.TotalSeconds));
                return;
            case ConnectorFault.BadGateway:
                await AnswerAsync(context, 502, """{"error":{"code":"BadGateway","message":"Upstream unavailable."}}""");
                return;
            case ConnectorFault.ServerError error:
                await AnswerAsync(context, 500, $$$"""{"error":{"code":"{{{error.Code}}}","message":"The service failed to process the request."}}""");
                return;
        }

        var segments = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        if (request.Method == "POST" && segments is ["v3", "conversations"] && RefuseNewChats)
        {
            await AnswerAsync(context, 403, """{"error":{"code":"Forbidden","message":"The bot is not installed for this user."}}""");
            return;
        }

        if (segments is ["v3", "conversations", var gone, "activities", ..] && _gone.TryGetValue(gone, out var refusal))
        {
            await AnswerAsync(context, refusal.Status, JsonSerializer.Serialize(new { error = new { code = refusal.Code, message = "The conversation cannot be written to." } }));
            return;
        }

        string answer;
        if (request.Method == "GET" && segments is ["v3", "conversations", _, "members", var member])
        {
            // The roster's view of a member: their Teams user id, whatever id they were asked by.
            answer = JsonSerializer.Serialize(new { id = $"29:roster-{member}", aadObjectId = member, name = "Member" });
        }
        else if (request.Method == "POST" && segments is ["v3", "conversations"])
        {
            var opened = $"a:opened-{Interlocked.Increment(ref _nextId)}";
            _opened.Enqueue(new OpenedChat(opened, activity ?? default));
            answer = JsonSerializer.Serialize(new { id = opened });
        }
        else if (segments is ["v3", "conversations", var conversation, "activities", ..] && _blocked.ContainsKey(conversation))
        {
            // As Teams documents it for a user who blocked or removed the bot.
            await AnswerAsync(context, 403, """{"errorCode":209,"message":"{\r\n  \"subCode\": \"MessageWritesBlocked\",\r\n  \"details\": \"Thread is blocked from message writes.\"\r\n}"}""");
            return;
        }
        else if (request.Method == "POST" && segments is ["v3", "conversations", var into, "activities"])
        {
            answer = JsonSerializer.Serialize(new { id = Accept(into, activity ?? default) });
        }
        else if (request.Method == "PUT" && segments is ["v3", "conversations", var of, "activities", var activityId])
        {
            _updates.Enqueue(new ReceivedUpdate(of, activityId, activity ?? default));
            answer = JsonSerializer.Serialize(new { id = activityId });
        }
        else
        {
            answer = JsonSerializer.Serialize(new { id = $"reply-{Interlocked.Increment(ref _nextId)}" });
        }

        if (fault is ConnectorFault.AcceptThenHang hang)
        {
            await Task.Delay(hang.For, stopping);
        }

        await AnswerAsync(context, 200, answer);
    }

    /// <summary>Keeps the message unless it is a copy of a notification already kept; returns the activity id to answer with.</summary>
    private string Accept(string conversationId, JsonElement activity)
    {
        var key = activity.ValueKind == JsonValueKind.Object && activity.TryGetProperty("channelData", out var data)
            && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("notificationKey", out var k) ? k.GetString() : null;
        lock (_gate)
        {
            if (key is not null && _acceptedKeys.TryGetValue(key, out var first))
            {
                _messages.Enqueue(new ReceivedMessage(conversationId, key, first, Duplicate: true, activity));
                return first;
            }

            var id = $"1:{Interlocked.Increment(ref _nextId)}";
            if (key is not null)
            {
                _acceptedKeys[key] = id;
            }

            _messages.Enqueue(new ReceivedMessage(conversationId, key, id, Duplicate: false, activity));
            return id;
        }
    }

    private bool Admit(string tenant, int limit)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (!_tenantWindows.TryGetValue(tenant, out var window))
            {
                window = new Queue<long>();
                _tenantWindows[tenant] = window;
            }

            while (window.Count > 0 && Stopwatch.GetElapsedTime(window.Peek(), now) >= TimeSpan.FromSeconds(1))
            {
                window.Dequeue();
            }

            if (window.Count >= limit)
            {
                return false;
            }

            window.Enqueue(now);
            return true;
        }
    }

    private static string TenantOf(JsonElement? activity)
    {
        if (activity is not { ValueKind: JsonValueKind.Object } body)
        {
            return string.Empty;
        }

        if (body.TryGetProperty("conversation", out var conversation) && conversation.ValueKind == JsonValueKind.Object
            && conversation.TryGetProperty("tenantId", out var tenant) && tenant.ValueKind == JsonValueKind.String)
        {
            return tenant.GetString()!;
        }

        return body.TryGetProperty("tenantId", out var created) && created.ValueKind == JsonValueKind.String ? created.GetString()! : string.Empty;
    }

    private static async Task AnswerAsync(HttpContext context, int status, string body, int? retryAfterSeconds = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }
}
