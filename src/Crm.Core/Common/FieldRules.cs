using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Common;

/// <summary>The field rules of SPEC §1: normalisation first, then validation, one rule per kind of field.</summary>
public static partial class FieldRules
{
    public static string NormalizeEmail(string? email) => (email ?? string.Empty).Trim().ToLowerInvariant();

    public static Text? EmailError(string normalized)
    {
        if (normalized.Length == 0)
        {
            return new Text("field.email.required");
        }

        if (normalized.Length > Limits.Email)
        {
            return new Text("field.email.tooLong", Limits.Email);
        }

        return EmailPattern().IsMatch(normalized) && !normalized.Any(char.IsControl)
            ? null
            : new Text("field.email.invalid");
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

    public static Text? PhoneError(string? raw)
    {
        var text = (raw ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return new Text("field.phone.required");
        }

        if (text.Length > Limits.PhoneText || !PhonePattern().IsMatch(text))
        {
            return new Text("field.phone.invalid");
        }

        var digits = text.Count(char.IsAsciiDigit);
        return digits is < Limits.PhoneMinDigits or > Limits.PhoneMaxDigits
            ? new Text("field.phone.digits", Limits.PhoneMinDigits, Limits.PhoneMaxDigits)
            : null;
    }

    public static string NormalizeText(string? text) => (text ?? string.Empty).Trim();

    /// <summary>
    /// A required single-line text: not blank, no control characters, at most <paramref name="max"/>.
    /// <paramref name="what"/> is the field's name (a <c>fieldName.*</c> text): French words these
    /// sentences as "Nom complet : obligatoire." so that no adjective agrees with the field's gender.
    /// </summary>
    public static Text? RequiredLineError(string normalized, int max, Text what)
    {
        if (normalized.Length == 0)
        {
            return new Text("field.required", what);
        }

        if (normalized.Length > max)
        {
            return new Text("field.tooLong", what, max);
        }

        return normalized.Any(char.IsControl) ? new Text("field.controlCharacters", what) : null;
    }

    /// <summary>An optional multi-line text: line breaks and tabs allowed, other control characters not.</summary>
    public static Text? OptionalTextError(string normalized, int max, Text what)
    {
        if (normalized.Length > max)
        {
            return new Text("field.text.tooLong", what, max);
        }

        return normalized.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? new Text("field.controlCharacters", what)
            : null;
    }

    public static Text? AmountError(decimal amount, Text what)
    {
        if (amount < 0)
        {
            return new Text("field.amount.negative", what);
        }

        if (amount > Limits.MaxAmount)
        {
            return new Text("field.amount.tooLarge", what, Limits.MaxAmount);
        }

        return decimal.Round(amount, 2) != amount ? new Text("field.amount.decimals", what) : null;
    }

    public static Text? AttendeesError(int attendees) =>
        attendees is < 0 or > Limits.MaxAttendees
            ? new Text("field.attendees.range", Limits.MaxAttendees)
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
