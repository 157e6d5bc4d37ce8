namespace EpicEvents.Crm.Common;

/// <summary>
/// The system clock at the precision the databases keep (PostgreSQL <c>timestamptz</c>: microseconds),
/// so that a time a use case answers right after a change is the time every later read answers.
/// </summary>
public sealed class DatabaseClock : TimeProvider
{
    public static DatabaseClock Instance { get; } = new();

    public override DateTimeOffset GetUtcNow()
    {
        var now = TimeProvider.System.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    public override TimeZoneInfo LocalTimeZone => TimeProvider.System.LocalTimeZone;

    public override long GetTimestamp() => TimeProvider.System.GetTimestamp();

    public override long TimestampFrequency => TimeProvider.System.TimestampFrequency;
}
