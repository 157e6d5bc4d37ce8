using System.Globalization;
using System.Text.Json;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Outbox;

/// <summary>
/// Why a notification was not delivered, as a <see cref="Text"/> of <c>CoreTexts</c>, and its stored
/// form in <see cref="OutboxMessage.LastError"/>: a JSON array holding the key and then its arguments,
/// <c>["delivery.teamsAnswered",429,"TooManyRequests"]</c>. An argument is a string, a number, a
/// boolean, null, or a sentence itself (a nested array of the same form); anything else is kept as its
/// invariant string. The form says no language, so each reader sees the reason in their own; the
/// connector's status and error code stay arguments, never translated. A row written before the reasons
/// were keys holds an English sentence, which is shown as it is (<see cref="Text.Worded"/>).
/// </summary>
public static class DeliveryReason
{
    public static Text Deactivated { get; } = new("delivery.deactivated");

    public static Text Blocked { get; } = new("delivery.blocked");

    public static Text NoTeamsAccount { get; } = new("delivery.noTeamsAccount");

    public static Text NotInstalled { get; } = new("delivery.notInstalled");

    public static Text ApprovalCardNeverDelivered { get; } = new("delivery.approvalCardNeverDelivered");

    public static Text DigestDayOver { get; } = new("delivery.digestDayOver");

    public static Text DigestEmptied { get; } = new("delivery.digestEmptied");

    public static Text TeamsDidNotAnswer { get; } = new("delivery.teamsDidNotAnswer");

    public static Text TeamsUnreachable { get; } = new("delivery.teamsUnreachable");

    /// <summary>Teams answered the request for a chat without naming the chat.</summary>
    public static Text ChatWithoutId { get; } = new("delivery.chatWithoutId");

    /// <summary>Teams refused to open a chat with someone who has not installed the app; <paramref name="answer"/> is what Teams answered.</summary>
    public static Text NotInstalledRefused(Text answer) => new("delivery.notInstalledRefused", answer);

    /// <summary>The stored chat is gone and the person has no Teams account linked any more.</summary>
    public static Text ChatGoneNoTeamsAccount(Text answer) => new("delivery.chatGoneNoTeamsAccount", answer);

    /// <summary>The stored chat is gone and Teams refused to open a new one.</summary>
    public static Text ChatGoneRefused(Text answer, Text refusal) => new("delivery.chatGoneRefused", answer, refusal);

    /// <summary>What Teams answered: its HTTP status and its error code (or the status's name), as Teams says them.</summary>
    public static Text TeamsAnswered(int status, string code) => new("delivery.teamsAnswered", status, code);

    /// <summary>The delivery outlived its time limit (<c>hh:mm:ss</c>).</summary>
    public static Text TimedOut(TimeSpan limit) => new("delivery.timedOut", limit.ToString("c", CultureInfo.InvariantCulture));

    /// <summary>A bug or the database; <paramref name="error"/> is the exception's type.</summary>
    public static Text UnexpectedError(string error) => new("delivery.unexpectedError", error);

    /// <summary>A kind of notification this program does not know how to show (a newer program wrote it).</summary>
    public static Text UnknownKind(NotificationKind kind) => new("delivery.unknownKind", kind.ToString());

    /// <summary>The reasons that end when the person adds the app again: what waited for them is sent then.</summary>
    public static IReadOnlyList<string> WaitingForChat { get; } =
        ["delivery.notInstalled", "delivery.notInstalledRefused", "delivery.chatGoneNoTeamsAccount", "delivery.chatGoneRefused"];

    /// <summary>
    /// How a stored reason waiting for a chat starts: its key alone or followed by arguments, and, for
    /// rows written before the reasons were keys, the English sentence up to its first hole (the English
    /// sentences kept the words of those rows).
    /// </summary>
    internal static IReadOnlyList<string> WaitingForChatPrefixes { get; } = WaitingForChat
        .SelectMany(key => new[] { Prefix(key) + "]", Prefix(key) + ",", EnglishUpToFirstHole(key) })
        .Distinct(StringComparer.Ordinal)
        .ToList();

    /// <summary>The stored form of <paramref name="reason"/>; its English sentence, shortened, when the form would not fit the column.</summary>
    public static string Store(Text reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, reason);
        }

        var stored = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        if (stored.Length <= Limits.Reason)
        {
            return stored;
        }

        var english = reason.ToString();
        return english.Length <= Limits.Reason ? english : string.Concat(english.AsSpan(0, Limits.Reason - 1), "…");
    }

    /// <summary>
    /// The reason a stored form says; a sentence stored as it is (an older row, a form whose key this
    /// program does not know) comes back worded as it is. Null when nothing is stored.
    /// </summary>
    public static Text? Read(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        if (stored.StartsWith("[\"", StringComparison.Ordinal))
        {
            try
            {
                using var document = JsonDocument.Parse(stored);
                if (ReadText(document.RootElement) is { } text)
                {
                    return text;
                }
            }
            catch (JsonException)
            {
                // Not a stored form after all: shown as it is.
            }
        }

        return Text.Worded(stored);
    }

    private static void Write(Utf8JsonWriter json, Text text)
    {
        json.WriteStartArray();
        json.WriteStringValue(text.Key);
        foreach (var arg in text.Args)
        {
            switch (arg)
            {
                case null:
                    json.WriteNullValue();
                    break;
                case Text inner:
                    Write(json, inner);
                    break;
                case string value:
                    json.WriteStringValue(value);
                    break;
                case bool value:
                    json.WriteBooleanValue(value);
                    break;
                case int or long or short or byte or uint or ushort or sbyte:
                    json.WriteNumberValue(Convert.ToInt64(arg, CultureInfo.InvariantCulture));
                    break;
                case decimal value:
                    json.WriteNumberValue(value);
                    break;
                case IFormattable value:
                    json.WriteStringValue(value.ToString(null, CultureInfo.InvariantCulture));
                    break;
                default:
                    json.WriteStringValue(arg.ToString());
                    break;
            }
        }

        json.WriteEndArray();
    }

    /// <summary>A sentence from its array; null when the array is no stored form of a key this program knows.</summary>
    private static Text? ReadText(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0
            || array[0].ValueKind != JsonValueKind.String || array[0].GetString() is not { } key || !CoreTexts.Catalog.Has(key))
        {
            return null;
        }

        var args = new List<object?>();
        foreach (var element in array.EnumerateArray().Skip(1))
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Array:
                    if (ReadText(element) is not { } inner)
                    {
                        return null;
                    }

                    args.Add(inner);
                    break;
                case JsonValueKind.String:
                    args.Add(element.GetString());
                    break;
                case JsonValueKind.Number:
                    args.Add(Number(element));
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    args.Add(element.GetBoolean());
                    break;
                case JsonValueKind.Null:
                    args.Add(null);
                    break;
                default:
                    return null;
            }
        }

        return new Text(key, [.. args]);
    }

    /// <summary>A number as the type it was most likely written from, so that a sentence read back equals the one stored.</summary>
    private static object Number(JsonElement element)
    {
        if (element.TryGetInt32(out var small))
        {
            return small;
        }

        return element.TryGetInt64(out var large) ? large : element.GetDecimal();
    }

    private static string Prefix(string key) => JsonSerializer.Serialize(new[] { key })[..^1];

    private static string EnglishUpToFirstHole(string key)
    {
        var sentence = CoreTexts.Catalog.Sentence(key, CultureInfo.InvariantCulture);
        var hole = sentence.IndexOf('{', StringComparison.Ordinal);
        return (hole < 0 ? sentence : sentence[..hole]).TrimEnd(' ', '(');
    }
}
