using System.Globalization;
using System.Text;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Common;

/// <summary>
/// Opaque keyset cursors: the sort key of the last row of a page. Base64url so that a cursor can be
/// pasted in a shell or carried in a card without escaping.
/// </summary>
internal static class Cursor
{
    public static string ForId(long id) => Encode(id.ToString(CultureInfo.InvariantCulture));

    public static string ForTimeAndId(DateTime at, long id) =>
        Encode(FormattableString.Invariant($"{at.Ticks}:{id}"));

    public static bool TryReadId(string? cursor, out long id)
    {
        id = 0;
        return Decode(cursor) is { } text
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id)
            && id > 0;
    }

    public static bool TryReadTimeAndId(string? cursor, out DateTime at, out long id)
    {
        at = default;
        id = 0;
        if (Decode(cursor) is not { } text || text.Split(':') is not [var ticksText, var idText])
        {
            return false;
        }

        if (!long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks
            || !long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out id) || id <= 0)
        {
            return false;
        }

        at = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }

    public static Failure Malformed => Failure.Invalid(FieldNames.After, new Text("paging.cursor.invalid"));

    private static string Encode(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 64)
        {
            return null;
        }

        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written)
            ? Encoding.UTF8.GetString(buffer, 0, written)
            : null;
    }
}
