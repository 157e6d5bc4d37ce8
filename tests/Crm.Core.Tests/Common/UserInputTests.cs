using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Tests.Common;

public sealed class UserInputTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Theory]
    [InlineData("1234.5", 1234.5)]
    [InlineData("1 234,50", 1234.50)]
    [InlineData("1\u202F234,50", 1234.50)]
    [InlineData("1,234.50", 1234.50)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1234,5", 1234.5)]
    [InlineData("1,234,567", 1234567)]
    [InlineData("0", 0)]
    [InlineData("-20", -20)]
    [InlineData("0.5", 0.5)]
    [InlineData("0,05", 0.05)]
    [InlineData("1.234", 1234)]
    [InlineData("-1 234,5", -1234.5)]
    public void Amounts_are_read_in_either_convention(string text, decimal expected)
    {
        UserInput.TryParseAmount(text, out var amount).Should().BeTrue();
        amount.Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("12abc")]
    [InlineData("1e5")]
    [InlineData("1.2.3,4,5x")]
    [InlineData("0x10")]
    [InlineData("1234.500")]
    [InlineData("0.001")]
    [InlineData("1.2.3")]
    [InlineData("1,2,3")]
    [InlineData("12,34,567")]
    [InlineData("1,234.567")]
    [InlineData("1.234.56")]
    [InlineData("12.")]
    [InlineData("1.2345")]
    [InlineData("-")]
    public void What_is_not_an_amount_or_could_be_read_two_ways_is_refused(string text) =>
        UserInput.TryParseAmount(text, out _).Should().BeFalse();

    [Theory]
    [InlineData("2025-12-01 10:00", "2025-12-01T09:00:00Z")]
    [InlineData("2025-07-01 10:00", "2025-07-01T08:00:00Z")]
    [InlineData("2025-12-01T10:00:00+01:00", "2025-12-01T09:00:00Z")]
    [InlineData("2025-12-01T10:00:00Z", "2025-12-01T10:00:00Z")]
    [InlineData("2025-12-01T10:00:00-05:00", "2025-12-01T15:00:00Z")]
    [InlineData("2025-12-01", "2025-11-30T23:00:00Z")]
    public void Dates_are_read_as_iso_8601_or_local_time(string text, string expectedUtc)
    {
        UserInput.TryParseDateTime(text, Paris, out var utc).Should().BeTrue();
        utc.Should().Be(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal));
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("01/12/2025")]
    [InlineData("2025-13-01 10:00")]
    [InlineData("2026-03-29 02:30")]
    public void What_is_not_a_date_is_refused(string text) =>
        UserInput.TryParseDateTime(text, Paris, out _).Should().BeFalse();
}
