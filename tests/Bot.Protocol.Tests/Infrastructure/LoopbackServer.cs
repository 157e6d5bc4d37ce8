using System.Collections.Concurrent;
using System.Text;
using EpicEvents.Tests.Loopback;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EpicEvents.Bot.Protocol.Tests.Infrastructure;

/// <summary>A request as the loopback server received it: the raw request target, not a decoded path.</summary>
public sealed record RecordedRequest(string Method, string RawUrl, string? Authorization, string Body);

/// <summary>What the loopback server answers.</summary>
public sealed record ScriptedResponse(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static ScriptedResponse Json(int status, string body) => new(status, body);
}

/// <summary>
/// A real HTTP server on 127.0.0.1 (<see cref="LoopbackHttpServer"/>, port 0), answering each request
/// with the handler and recording what it received.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly LoopbackHttpServer _server;
    private Func<RecordedRequest, Task<ScriptedResponse>> _handler;

    public LoopbackServer(Func<RecordedRequest, Task<ScriptedResponse>>? handler = null)
    {
        _handler = handler ?? (_ => Task.FromResult(new ScriptedResponse(200, "{}")));
        _server = LoopbackHttpServer.Start(AnswerAsync);
        BaseUrl = _server.BaseUrl.ToString();
    }

    /// <summary>The server's root, ending with a slash.</summary>
    public string BaseUrl { get; }

    /// <summary>Cancelled when the server stops; handlers that hang wait on it.</summary>
    public CancellationToken Stopping => _server.Stopping;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public void Handle(Func<RecordedRequest, Task<ScriptedResponse>> handler) => _handler = handler;

    public void Handle(Func<RecordedRequest, ScriptedResponse> handler) => _handler = request => Task.FromResult(handler(request));

    /// <summary>Answers the requests with <paramref name="responses"/> in turn, the last one repeated.</summary>
    public void Respond(params ScriptedResponse[] responses)
    {
        var next = 0;
        Handle(_ => responses[Math.Min(Interlocked.Increment(ref next) - 1, responses.Length - 1)]);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task AnswerAsync(HttpContext context, CancellationToken stopping)
    {
        try
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var request = new RecordedRequest(
                context.Request.Method,
                context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
                context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null,
                await reader.ReadToEndAsync(stopping));
            _requests.Enqueue(request);
            var response = await _handler(request);
            context.Response.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            if (response.Body is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(response.Body);
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = bytes.Length;
                await context.Response.Body.WriteAsync(bytes, stopping);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or BadHttpRequestException)
        {
            context.Abort();
        }
    }
}
