using EpicEvents.Crm.Digests;

namespace EpicEvents.Crm.Tests.Digests;

public sealed class LocalDayTests
{
    [Theory]
    // An ordinary day in Paris: 24 hours from 23:00 UTC.
    [InlineData("Europe/Paris", "2026-03-02T16:00:00Z", "2026-03-02T23:00:00Z", "2026-03-03T23:00:00Z")]
    // Seen from 17:00 on 28 March, the 29th is 23 hours long: summer time starts at 02:00.
    [InlineData("Europe/Paris", "2026-03-28T16:00:00Z", "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z")]
    // Seen from 17:00 on 24 October, the 25th is 25 hours long: summer time ends at 03:00.
    [InlineData("Europe/Paris", "2026-10-24T15:00:00Z", "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z")]
    // At 00:30 in Paris it is already the 3rd there, still the 2nd in UTC: tomorrow is the 4th.
    [InlineData("Europe/Paris", "2026-03-02T23:30:00Z", "2026-03-03T23:00:00Z", "2026-03-04T23:00:00Z")]
    // In Santiago the clocks skip from midnight to 01:00 on 6 September: the day starts at 01:00.
    [InlineData("America/Santiago", "2026-09-05T12:00:00Z", "2026-09-06T04:00:00Z", "2026-09-07T03:00:00Z")]
    public void The_next_day_runs_from_one_local_midnight_to_the_next(string zone, string now, string from, string to)
    {
        var (start, end) = LocalDay.Next(Utc(now), TimeZoneInfo.FindSystemTimeZoneById(zone));

        start.Should().Be(Utc(from));
        end.Should().Be(Utc(to));
    }

    private static DateTime Utc(string text) =>
        DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
}
