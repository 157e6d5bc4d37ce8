using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EpicEvents.Crm.Common;

/// <summary>The field rules of SPEC §1: normalisation first, then validation, one rule per kind of field.</summary>
public static partial class FieldRules
{
    public static string NormalizeEmail(string? email) => (email ?? string.Empty).Trim().ToLowerInvariant();

    public static string? EmailError(string normalized)
    {
        if (normalized.Length == 0)
        {
            return "An email address is required.";
        }

        if (normalized.Length > Limits.Email)
        {
            return $"An email address has at most {Limits.Email} characters.";
        }

        return EmailPattern().IsMatch(normalized) && !normalized.Any(char.IsControl)
            ? null
            : "This is not a valid email address (name@company.com).";
    }

    /// <summary>Keeps a leading '+' and the digits: "+33 (0)1 23.45-67" is stored as "+3301234567".</summary>
    public static string NormalizePhone(string? phone)
    {
        var text = (phone ?? string.Empty).Trim();
        var builder = new StringBuilder(text.Length);
        if (text.StartsWith('+'))
        {
            builder.Append('+');
        }

        foreach (var c in text.Where(char.IsAsciiDigit))
        {
            builder.Append(c);
        }

        return builder.ToString();
    }

    public static string? PhoneError(string? raw)
    {
        var text = (raw ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return "A phone number is required.";
        }

        if (text.Length > Limits.PhoneText || !PhonePattern().IsMatch(text))
        {
            return "A phone number has an optional '+' then digits, with spaces, dots, dashes or parentheses.";
        }

        var digits = text.Count(char.IsAsciiDigit);
        return digits is < Limits.PhoneMinDigits or > Limits.PhoneMaxDigits
            ? $"A phone number has {Limits.PhoneMinDigits} to {Limits.PhoneMaxDigits} digits."
            : null;
    }

    public static string NormalizeText(string? text) => (text ?? string.Empty).Trim();

    /// <summary>A required single-line text: not blank, no control characters, at most <paramref name="max"/>.</summary>
    public static string? RequiredLineError(string normalized, int max, string what)
    {
        if (normalized.Length == 0)
        {
            return $"The {what} is required.";
        }

        if (normalized.Length > max)
        {
            return $"The {what} has at most {max} characters.";
        }

        return normalized.Any(char.IsControl) ? $"The {what} cannot contain control characters." : null;
    }

    /// <summary>An optional multi-line text: line breaks and tabs allowed, other control characters not.</summary>
    public static string? OptionalTextError(string normalized, int max, string what)
    {
        if (normalized.Length > max)
        {
            return $"The {what} have at most {max} characters.";
        }

        return normalized.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? $"The {what} cannot contain control characters."
            : null;
    }

    public static string? AmountError(decimal amount, string what)
    {
        if (amount < 0)
        {
            return $"The {what} cannot be negative.";
        }

        if (amount > Limits.MaxAmount)
        {
            return $"The {what} is at most {Limits.MaxAmount.ToString("N0", CultureInfo.InvariantCulture)} €.";
        }

        return decimal.Round(amount, 2) != amount ? $"The {what} has at most 2 decimals." : null;
    }

    public static string? AttendeesError(int attendees) =>
        attendees is < 0 or > Limits.MaxAttendees
            ? $"The number of attendees is between 0 and {Limits.MaxAttendees.ToString("N0", CultureInfo.InvariantCulture)}."
            : null;

    /// <summary>
    /// Folds case and accents so that "Élodie", "ELODIE" and "elodie" compare equal: the key the
    /// search columns store and the search terms are reduced to.
    /// </summary>
    public static string SearchKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'ß' => "ss",
                'æ' or 'Æ' => "ae",
                'œ' or 'Œ' => "oe",
                'ø' or 'Ø' => "o",
                'ł' or 'Ł' => "l",
                _ => char.ToLowerInvariant(c).ToString(),
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex(@"^[^\s@""(),:;<>\[\]\\]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 .\-()]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
