using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace EpicEvents.Tests.Telemetry;

/// <summary>One item of a Sentry envelope: its type (<c>event</c>, <c>session</c>…) and its JSON payload, as raw text too.</summary>
public sealed record SentryItem(string Path, string Type, string Payload, IReadOnlyDictionary<string, string> Headers)
{
    public JsonElement Json => JsonDocument.Parse(Payload).RootElement;

    /// <summary>A string value at a dotted path ("user.id", "contexts.trace.trace_id"), or null.</summary>
    public string? Value(string dottedPath)
    {
        var element = Json;
        foreach (var name in dottedPath.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
    }
}

/// <summary>
/// What the Sentry SDK posted, read as the envelope format says: a header line, then for each item
/// an item header line (<c>type</c>, <c>length</c>) and its payload; gzip-compressed bodies are
/// inflated first.
/// </summary>
public sealed class SentryEnvelopes
{
    private readonly ConcurrentQueue<SentryItem> _items = new();

    public IReadOnlyList<SentryItem> Items => [.. _items];

    /// <summary>The error events (items of type <c>event</c>).</summary>
    public IReadOnlyList<SentryItem> Events => [.. _items.Where(i => i.Type == "event")];

    public void Receive(string path, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        var bytes = headers.TryGetValue("Content-Encoding", out var encoding) && encoding.Contains("gzip", StringComparison.OrdinalIgnoreCase)
            ? Inflate(body)
            : body;
        var at = LineEnd(bytes, 0) + 1;
        while (at < bytes.Length)
        {
            var headerEnd = LineEnd(bytes, at);
            var itemHeader = JsonDocument.Parse(bytes.AsMemory(at, headerEnd - at)).RootElement;
            at = headerEnd + 1;
            var length = itemHeader.TryGetProperty("length", out var declared) ? declared.GetInt32() : LineEnd(bytes, at) - at;
            var payload = Encoding.UTF8.GetString(bytes, at, Math.Min(length, bytes.Length - at));
            _items.Enqueue(new SentryItem(path, itemHeader.GetProperty("type").GetString() ?? string.Empty, payload, headers));
            at += length;
            while (at < bytes.Length && bytes[at] == (byte)'\n')
            {
                at++;
            }
        }
    }

    private static int LineEnd(byte[] bytes, int from)
    {
        var end = Array.IndexOf(bytes, (byte)'\n', from);
        return end < 0 ? bytes.Length : end;
    }

    private static byte[] Inflate(byte[] body)
    {
        using var input = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
