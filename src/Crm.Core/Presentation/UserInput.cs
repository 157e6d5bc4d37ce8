using System.Globalization;
using System.Text;

namespace EpicEvents.Crm.Presentation;

/// <summary>How amounts and dates typed by a person (in a terminal or a card) are read.</summary>
public static class UserInput
{
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd",
    ];

    /// <summary>
    /// Reads <c>1234.5</c>, <c>1 234,50</c>, <c>1,234.50</c> or <c>1234,5</c>: the last comma or dot
    /// followed by one or two digits is the decimal separator; spaces and other separators group
    /// thousands.
    /// </summary>
    public static bool TryParseAmount(string? text, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return false;
        }

        var compact = new StringBuilder();
        foreach (var character in text.Trim())
        {
            if (character is ' ' or '\u00A0' or '\u202F' or '\'' or '_')
            {
                continue;
            }

            compact.Append(character);
        }

        var value = compact.ToString();
        var separator = value.LastIndexOfAny([',', '.']);
        string integerPart;
        var fraction = string.Empty;
        if (separator >= 0 && value.Length - separator - 1 is 1 or 2)
        {
            integerPart = value[..separator];
            fraction = value[(separator + 1)..];
        }
        else
        {
            integerPart = value;
        }

        integerPart = integerPart.Replace(",", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal);
        if (integerPart.Length == 0 || !integerPart.TrimStart('-').All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit))
        {
            return false;
        }

        return decimal.TryParse(
            fraction.Length > 0 ? $"{integerPart}.{fraction}" : integerPart,
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture,
            out amount);
    }

    /// <summary>
    /// Reads ISO 8601 (with an offset or <c>Z</c>: that instant) or a local time such as
    /// <c>2025-12-01 10:00</c> in <paramref name="zone"/>. A local time that does not exist (the hour
    /// skipped when clocks go forward) is refused.
    /// </summary>
    public static bool TryParseDateTime(string? text, TimeZoneInfo zone, out DateTime utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return false;
        }

        text = text.Trim();
        if (HasOffset(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            utc = instant.UtcDateTime;
            return true;
        }

        if (!DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || zone.IsInvalidTime(local))
        {
            return false;
        }

        utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        return true;
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z')
        || (text.Length > 16 && text.IndexOf('T', StringComparison.OrdinalIgnoreCase) > 0 && (text.LastIndexOf('+') > 10 || text.LastIndexOf('-') > 10));

    /// <summary>The date formats, for help texts.</summary>
    public const string DateHelp = "ISO 8601 (2025-12-01T10:00:00+01:00) or local time \"2025-12-01 10:00\"";
}
