using System.Collections.Frozen;
using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace EpicEvents.Crm.Telemetry;

/// <summary>
/// What must never leave the process: values under secret-sounding keys (password, token,
/// authorization, secret, hash, cookie, key) are replaced whole; emails and phone numbers inside
/// any text are masked. Applied to span names and tags and to log bodies, attributes and
/// exceptions, before any exporter sees them.
/// </summary>
public static partial class TelemetryScrubber
{
    public const string Redacted = "[redacted]";

    private static readonly System.Buffers.SearchValues<string> SecretKeyParts = System.Buffers.SearchValues.Create(
        ["password", "passwd", "token", "authorization", "secret", "hash", "cookie", "apikey", "api_key", "dsn", "signingkey", "signing_key"], StringComparison.OrdinalIgnoreCase);

    public static bool IsSecretKey(string key) => key.AsSpan().ContainsAny(SecretKeyParts);

    /// <summary>The text with emails, phone numbers and bearer credentials masked; null stays null.</summary>
    public static string? Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        // Every span and log record passes here on the thread that ends it: a pattern is run only on
        // text that holds what any of its matches must hold (an '@' for an email; a credential's
        // keyword; nine digits among digits, spaces and punctuation for a phone number).
        var scrubbed = text.Contains('@', StringComparison.Ordinal) ? Email().Replace(text, "[email]") : text;
        if (MayHoldCredential(scrubbed))
        {
            scrubbed = Credential().Replace(scrubbed, "$1" + Redacted);
        }

        return MayHoldPhone(scrubbed)
            ? Phone().Replace(scrubbed, m => LooksLikePhone(m.ValueSpan) ? "[phone]" : m.Value)
            : scrubbed;
    }

    /// <summary>
    /// A URL or path without what identifies people: path segments that are not plain words or
    /// record numbers (Teams conversation and user ids, GUIDs such as Entra object ids, anything with
    /// ':' or '@') become <c>{id}</c>, and every query value becomes <c>Redacted</c>.
    /// </summary>
    public static string ScrubUrl(string url)
    {
        if (IsPlainUrl(url))
        {
            return url;
        }

        // A span of the HTTP client instrumentation passes here with every Bot Connector call: the
        // path is rewritten in one buffer, and a string is made only of the result.
        var queryAt = url.IndexOf('?', StringComparison.Ordinal);
        var beforeQuery = queryAt < 0 ? url.AsSpan() : url.AsSpan(0, queryAt);
        var pathAt = beforeQuery.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0
            ? beforeQuery[(scheme + 3)..].IndexOf('/') is var slash and >= 0 ? scheme + 3 + slash : -1
            : 0;
        // "{id}" replaces a segment of one character or more: the path grows four times at most.
        var capacity = beforeQuery.Length * 4;
        char[]? rented = null;
        var buffer = capacity <= 1024 ? stackalloc char[1024] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(capacity));
        var length = 0;
        if (pathAt < 0)
        {
            beforeQuery.CopyTo(buffer);
            length = beforeQuery.Length;
        }
        else
        {
            beforeQuery[..pathAt].CopyTo(buffer);
            length = pathAt;
            var path = beforeQuery[pathAt..];
            var first = true;
            foreach (var range in path.Split('/'))
            {
                if (!first)
                {
                    buffer[length++] = '/';
                }

                first = false;
                var segment = path[range];
                var kept = IsPlainSegment(segment) ? segment : "{id}";
                kept.CopyTo(buffer[length..]);
                length += kept.Length;
            }
        }

        var scrubbed = queryAt < 0
            ? new string(buffer[..length])
            : string.Concat(buffer[..length], "?", ScrubQuery(url[(queryAt + 1)..]));
        if (rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }

        return scrubbed;
    }

    /// <summary>No query and only plain segments: nothing to change, and nothing allocated to find it out.</summary>
    private static bool IsPlainUrl(string url)
    {
        var path = url.AsSpan();
        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var slash = path[(scheme + 3)..].IndexOf('/');
            path = slash < 0 ? [] : path[(scheme + 3 + slash)..];
        }

        foreach (var range in path.Split('/'))
        {
            var segment = path[range];
            if (segment.Length > 24
                || Guid.TryParse(segment, out _)
                || segment.ContainsAnyExcept(PlainSegmentCharacters))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly System.Buffers.SearchValues<char> PlainSegmentCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    /// <summary>A query string (without '?') with its names kept and every value replaced.</summary>
    public static string ScrubQuery(string query) =>
        string.Join('&', query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2)[0] + "=Redacted"));

    /// <summary>A route word ("conversations", "v2.0") or a record number, short and without ids' marks.</summary>
    private static bool IsPlainSegment(ReadOnlySpan<char> segment) =>
        segment.Length <= 24
        && !Guid.TryParse(segment, out _)
        && !segment.ContainsAnyExcept(PlainSegmentCharacters);

    private static readonly string[] UrlKeys = ["url", "url.full", "url.path", "http.url", "http.target"];

    /// <summary>
    /// Attributes whose values are set by the program or the framework from a closed vocabulary or a
    /// route template, or are record numbers and ids the platform gives messages, never what people
    /// type: not scanned, since every span passes here. (A Teams message id is a number of 13 digits or
    /// more, which the phone pattern would mask.)
    /// </summary>
    private static readonly FrozenSet<string> ClosedValueKeys = new[]
    {
        "http.request.method", "http.request.method_original", "http.response.status_code", "http.route",
        "url.scheme", "network.protocol.name", "network.protocol.version", "server.address", "server.port",
        "error.type", "db.system.name", "db.operation.name", "otel.status_code", "crm.command", "crm.outcome",
        "bot.activity.type", "bot.activity.id", "crm.notification.kind", "crm.notification.outcome", "crm.notification.id",
        "crm.notification.attempt", "crm.collaborator.id", "enduser.id", "process.exit.code",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static object? ScrubValue(string key, object? value) => value switch
    {
        null => null,
        _ when ClosedValueKeys.Contains(key) => value,
        _ when IsSecretKey(key) => Redacted,
        string url when UrlKeys.Contains(key) => Scrub(ScrubUrl(url)),
        string query when key == "url.query" => Scrub(ScrubQuery(query)),
        string text => Scrub(text),
        bool or int or long or short or byte or double or float or decimal or Enum => value,
        _ => Scrub(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)),
    };

    /// <summary>
    /// A credential is written "key=value", "key: value" or "Bearer value": never without one of these
    /// separators, nor without one of the keywords <see cref="Credential"/> looks for. Text that is not
    /// ASCII is always searched: the pattern's case-insensitive matching knows more letters than ASCII's.
    /// </summary>
    private static bool MayHoldCredential(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOfAny('=', ':') < 0 && !HasWhiteSpace(span))
        {
            return false;
        }

        return !System.Text.Ascii.IsValid(span) || span.ContainsAny(CredentialKeywords);
    }

    private static bool HasWhiteSpace(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What every match of <see cref="Credential"/> contains, in any case.</summary>
    private static readonly System.Buffers.SearchValues<string> CredentialKeywords = System.Buffers.SearchValues.Create(
        ["passw", "pwd", "token", "secret", "authorization", "apikey", "api_key", "api-key", "bearer", "basic"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether nine ASCII digits stand together, separated only by what <see cref="Phone"/> allows between
    /// them (spaces, dots, dashes, parentheses, a plus): fewer and <see cref="LooksLikePhone"/> keeps every match.
    /// </summary>
    private static bool MayHoldPhone(string text)
    {
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (++digits >= 9)
                {
                    return true;
                }
            }
            else if (!(char.IsDigit(c) || char.IsWhiteSpace(c) || c is '.' or '-' or '(' or ')' or '+'))
            {
                digits = 0;
            }
        }

        return false;
    }

    /// <summary>Nine digits or more, and not an ISO date or a dotted address.</summary>
    private static bool LooksLikePhone(ReadOnlySpan<char> text)
    {
        var digits = 0;
        foreach (var c in text)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return digits >= 9 && !IsoDate().IsMatch(text) && !DottedQuad().IsMatch(text);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^\d{1,3}(\.\d{1,3}){3}$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedQuad();

    // Word characters, dots, plus and hyphens around an @ and a dotted domain.
    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // "Bearer xyz", "Basic xyz", "password=xyz", "token: xyz", as they appear in messages.
    [GeneratedRegex(@"((?:password|passwd|pwd|token|secret|authorization|api[_-]?key)\s*[=:]\s*(?:(?:bearer|basic)\s+)?|(?:bearer|basic)\s+)[^\s,;&""']+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Credential();

    // Digits optionally led by + and grouped by spaces, dots, dashes or parentheses; LooksLikePhone
    // then keeps those long enough to be a phone number.
    [GeneratedRegex(@"(?<![\w.-])\+?\(?\d{1,4}\)?(?:[\s.-]?\(?\d{1,4}\)?){1,6}(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}

/// <summary>Scrubs each span as it ends, before the export processors that follow it.</summary>
internal sealed class ActivityScrubbingProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        data.DisplayName = TelemetryScrubber.Scrub(data.DisplayName) ?? string.Empty;
        if (data.StatusDescription is { } description)
        {
            data.SetStatus(data.Status, TelemetryScrubber.Scrub(description));
        }

        List<KeyValuePair<string, object?>>? changed = null;
        foreach (ref readonly var tag in data.EnumerateTagObjects())
        {
            var scrubbed = TelemetryScrubber.ScrubValue(tag.Key, tag.Value);
            if (!Equals(scrubbed, tag.Value))
            {
                (changed ??= []).Add(new(tag.Key, scrubbed));
            }
        }

        if (changed is not null)
        {
            foreach (var (key, value) in changed)
            {
                data.SetTag(key, value);
            }
        }
    }
}

/// <summary>
/// Scrubs each log record before export. An exception is exported as its type, with its message and
/// stack trace scrubbed, since exception messages can quote user input or connection strings.
/// </summary>
internal sealed class LogScrubbingProcessor : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        data.FormattedMessage = TelemetryScrubber.Scrub(data.FormattedMessage);
        data.Body = TelemetryScrubber.Scrub(data.Body);
        var attributes = new List<KeyValuePair<string, object?>>((data.Attributes?.Count ?? 0) + 3);
        if (data.Attributes is { } existing)
        {
            foreach (var attribute in existing)
            {
                // The template ({OriginalFormat}) holds no value; it names the event.
                attributes.Add(attribute.Key == "{OriginalFormat}" ? attribute : new(attribute.Key, TelemetryScrubber.ScrubValue(attribute.Key, attribute.Value)));
            }
        }

        if (data.Exception is { } exception)
        {
            attributes.Add(new("exception.type", exception.GetType().FullName));
            attributes.Add(new("exception.message", TelemetryScrubber.Scrub(exception.Message)));
            attributes.Add(new("exception.stacktrace", TelemetryScrubber.Scrub(exception.ToString())));
            data.Exception = null;
        }

        data.Attributes = attributes;
    }
}
