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
    /// Reads <c>1234.5</c>, <c>1 234,50</c>, <c>1,234.50</c>, <c>1.234,5</c> or <c>1234,5</c>: the last comma
    /// or dot followed by one or two digits is the decimal separator; spaces group thousands freely, and
    /// the other separator only between groups of three digits. Anything that could be read two ways —
    /// three decimals (<c>1234.500</c>, <c>0.001</c>), mixed or repeated separators (<c>1.2.3</c>) — is
    /// refused rather than guessed.
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
        var negative = value.StartsWith('-');
        var unsigned = negative ? value[1..] : value;
        var separator = unsigned.LastIndexOfAny([',', '.']);
        var integerPart = unsigned;
        var fraction = string.Empty;
        if (separator >= 0 && unsigned.Length - separator - 1 is 1 or 2)
        {
            integerPart = unsigned[..separator];
            fraction = unsigned[(separator + 1)..];
            if (integerPart.Contains(unsigned[separator], StringComparison.Ordinal))
            {
                return false;
            }
        }

        if (!TryReadGroupedDigits(integerPart, out var digits) || !fraction.All(char.IsAsciiDigit))
        {
            return false;
        }

        return decimal.TryParse(
            (negative ? "-" : string.Empty) + (fraction.Length > 0 ? $"{digits}.{fraction}" : digits),
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture,
            out amount);
    }

    /// <summary>Digits, maybe grouped by thousands with one separator: <c>1,234,567</c>, <c>1.234</c>.</summary>
    private static bool TryReadGroupedDigits(string text, out string digits)
    {
        digits = string.Empty;
        var grouping = text.IndexOfAny([',', '.']);
        if (grouping < 0)
        {
            digits = text;
            return text.Length > 0 && text.All(char.IsAsciiDigit);
        }

        var groups = text.Split(text[grouping]);
        if (groups[0].Length is < 1 or > 3 || groups[0][0] == '0' || groups.Skip(1).Any(g => g.Length != 3) || groups.Any(g => !g.All(char.IsAsciiDigit)))
        {
            return false;
        }

        digits = string.Concat(groups);
        return true;
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
}
