using System.Collections.Concurrent;
using System.Text;
using EpicEvents.Tests.Loopback;
using Microsoft.AspNetCore.Http;

namespace EpicEvents.Tests.Telemetry;

/// <summary>One OTLP/HTTP export request as it arrived.</summary>
public sealed record OtlpRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>OTLP/HTTP protobuf carries strings verbatim, so a text search of the raw bytes finds them.</summary>
    public bool Contains(string text) => Contains(Encoding.UTF8.GetBytes(text));

    /// <summary>Binary fields (trace and span ids) are written as raw bytes.</summary>
    public bool Contains(byte[] bytes) => Body.AsSpan().IndexOf(bytes) >= 0;

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
/// A loopback OTLP/HTTP receiver (<see cref="LoopbackHttpServer"/> on 127.0.0.1) that records each
/// request's path, headers and raw body and answers 200 with an empty protobuf message. It is a
/// Sentry host too: what the Sentry SDK posts to <c>/api/&lt;project&gt;/envelope/</c> is read as
/// Sentry envelopes (<see cref="Sentry"/>) and answered as Sentry does.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly ConcurrentQueue<OtlpRequest> _requests = new();
    private readonly LoopbackHttpServer _server;

    public OtlpReceiver()
    {
        _server = LoopbackHttpServer.Start(RecordAsync);
    }

    public int Port => _server.Port;

    /// <summary>The items the Sentry SDK sent, in order.</summary>
    public SentryEnvelopes Sentry { get; } = new();

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

    public void Dispose() => _server.Dispose();

    private async Task RecordAsync(HttpContext context, CancellationToken stopping)
    {
        try
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, stopping);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, values) in context.Request.Headers)
            {
                headers[name] = values.ToString();
            }

            if (context.Request.Path.Value?.EndsWith("/envelope/", StringComparison.Ordinal) == true)
            {
                Sentry.Receive(context.Request.Path.Value, headers, body.ToArray());
                context.Response.StatusCode = 200;
                await context.Response.WriteAsJsonAsync(new { id = Guid.NewGuid().ToString("N") }, stopping);
                return;
            }

            _requests.Enqueue(new OtlpRequest(context.Request.Method, context.Request.Path.Value ?? string.Empty, headers, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.ContentLength = 0;
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or BadHttpRequestException)
        {
            Errors.Enqueue(exception.Message);
        }
    }
}
