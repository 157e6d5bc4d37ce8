using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EpicEvents.Bot.Protocol.Tests.Infrastructure;

/// <summary>A request as the loopback server received it: the raw request target, not a decoded path.</summary>
public sealed record RecordedRequest(string Method, string RawUrl, string? Authorization, string Body);

/// <summary>What the loopback server answers.</summary>
public sealed record ScriptedResponse(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static ScriptedResponse Json(int status, string body) => new(status, body);
}

/// <summary>
/// A real HTTP server on 127.0.0.1 with a free port (<see cref="HttpListener"/>), answering each
/// request with the handler and recording what it received.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private Func<RecordedRequest, Task<ScriptedResponse>> _handler;

    public LoopbackServer(Func<RecordedRequest, Task<ScriptedResponse>>? handler = null)
    {
        _handler = handler ?? (_ => Task.FromResult(new ScriptedResponse(200, "{}")));
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The server's root, ending with a slash.</summary>
    public string BaseUrl { get; }

    /// <summary>Cancelled when the server stops; handlers that hang wait on it.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public void Handle(Func<RecordedRequest, Task<ScriptedResponse>> handler) => _handler = handler;

    public void Handle(Func<RecordedRequest, ScriptedResponse> handler) => _handler = request => Task.FromResult(handler(request));

    /// <summary>Answers the requests with <paramref name="responses"/> in turn, the last one repeated.</summary>
    public void Respond(params ScriptedResponse[] responses)
    {
        var next = 0;
        Handle(_ => responses[Math.Min(Interlocked.Increment(ref next) - 1, responses.Length - 1)]);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }

        _stopping.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var request = new RecordedRequest(
                context.Request.HttpMethod, context.Request.RawUrl ?? string.Empty, context.Request.Headers["Authorization"], await reader.ReadToEndAsync());
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
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
            }

            context.Response.Close();
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            context.Response.Abort();
        }
    }
}
