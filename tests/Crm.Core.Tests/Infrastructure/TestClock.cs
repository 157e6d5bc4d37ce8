namespace EpicEvents.Crm.Tests.Infrastructure;

/// <summary>A clock the test moves by hand; starts on a fixed Monday morning (UTC).</summary>
public sealed class TestClock : TimeProvider
{
    public static readonly DateTime Start = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private DateTimeOffset _now = new(Start);

    public DateTime UtcNow => _now.UtcDateTime;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
