namespace EpicEvents.Crm.Telemetry;

/// <summary>A local warning said at most once per interval, however often its cause repeats (from any thread).</summary>
internal sealed class ThrottledWarning(Action<string> warn, TimeSpan interval)
{
    private long _lastSaid = long.MinValue;

    /// <summary>Says the message <paramref name="compose"/> makes, unless a warning was said less than the interval ago.</summary>
    public void Say(Func<string> compose)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastSaid);
        if (last != long.MinValue && now - last < interval.TotalMilliseconds)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _lastSaid, now, last) == last)
        {
            warn(compose());
        }
    }
}
