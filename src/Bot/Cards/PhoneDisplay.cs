using PhoneNumbers;

namespace EpicEvents.Bot.Cards;

/// <summary>
/// Phone numbers shown in one international format (<c>+33 6 12 34 56 78</c>) whatever way they were
/// typed (<c>06.12.34.56.78</c>, <c>+33612345678</c>); the database keeps what was typed. A number
/// without its country code is read as French, the company's country; one that cannot be read is
/// shown as typed.
/// </summary>
public static class PhoneDisplay
{
    private const string HomeRegion = "FR";

    public static string Format(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return string.Empty;
        }

        try
        {
            var util = PhoneNumberUtil.GetInstance();
            var number = util.Parse(typed, HomeRegion);
            return util.IsPossibleNumber(number) ? util.Format(number, PhoneNumberFormat.INTERNATIONAL) : typed;
        }
        catch (NumberParseException)
        {
            return typed;
        }
    }
}
