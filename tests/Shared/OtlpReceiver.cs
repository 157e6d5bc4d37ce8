using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EpicEvents.Tests.Telemetry;

/// <summary>One OTLP/HTTP export request as it arrived.</summary>
public sealed record OtlpRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>OTLP/HTTP protobuf carries strings verbatim, so a text search of the raw bytes finds them.</summary>
    public bool Contains(string text) => Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    public int Count(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        var count = 0;
        for (var span = Body.AsSpan(); span.IndexOf(needle) is var at and >= 0; span = span[(at + needle.Length)..])
        {
            count++;
        }

        return count;
    }
}

/// <summary>
/// A loopback OTLP/HTTP receiver (HttpListener on 127.0.0.1, a free port) that records each
/// request's path, headers and raw body and answers 200 with an empty protobuf message.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<OtlpRequest> _requests = new();
    private readonly Task _loop;

    public OtlpReceiver()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public IReadOnlyList<OtlpRequest> Requests => [.. _requests];

    /// <summary>What went wrong while receiving, for failure messages.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    public IEnumerable<OtlpRequest> To(string pathSuffix) => Requests.Where(r => r.Path.EndsWith(pathSuffix, StringComparison.Ordinal));

    public bool AnyContains(string text) => Requests.Any(r => r.Contains(text));

    public int CountIn(string pathSuffix, string text) => To(pathSuffix).Sum(r => r.Count(text));

    /// <summary>Waits until <paramref name="condition"/> holds, for a few seconds at most.</summary>
    public async Task<bool> WaitUntilAsync(Func<OtlpReceiver, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The listener was stopped under a pending accept.
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                if (!_listener.IsListening)
                {
                    return;
                }

                Errors.Enqueue(exception.Message);
                continue;
            }

            _ = Task.Run(() => RecordAsync(context));
        }
    }

    private async Task RecordAsync(HttpListenerContext context)
    {
        try
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var key in context.Request.Headers.AllKeys)
            {
                if (key is not null)
                {
                    headers[key] = context.Request.Headers[key] ?? string.Empty;
                }
            }

            _requests.Enqueue(new OtlpRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.ContentLength64 = 0;
            context.Response.Close();
        }
        catch (Exception exception) when (exception is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            Errors.Enqueue(exception.Message);
        }
    }
}
