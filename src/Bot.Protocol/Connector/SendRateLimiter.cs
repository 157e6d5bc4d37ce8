namespace EpicEvents.Bot.Protocol.Connector;

/// <summary>
/// Keeps outgoing calls within Teams' limits with sliding windows: per conversation 7 per second,
/// 8 per 2 seconds, 60 per 30 seconds and 1800 per hour; per tenant 30 per second. A caller over a
/// limit waits (on the <see cref="TimeProvider"/>) until the oldest call in the window falls out.
/// One process's view only: several instances of the bot each keep their own count.
/// </summary>
public sealed class SendRateLimiter(TimeProvider timeProvider)
{
    public static readonly IReadOnlyList<RateWindow> ConversationWindows =
    [
        new(7, TimeSpan.FromSeconds(1)),
        new(8, TimeSpan.FromSeconds(2)),
        new(60, TimeSpan.FromSeconds(30)),
        new(1800, TimeSpan.FromHours(1)),
    ];

    public static readonly IReadOnlyList<RateWindow> TenantWindows = [new(30, TimeSpan.FromSeconds(1))];

    private const int SweepEvery = 1024;

    private static readonly TimeSpan LongestPeriod = ConversationWindows.Concat(TenantWindows).Max(window => window.Period);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<long>> _calls = new(StringComparer.Ordinal);
    private int _grantsSinceSweep;

    /// <summary>
    /// Waits until one more call is allowed for the tenant and, when given, the conversation, then counts it.
    /// </summary>
    public async ValueTask WaitAsync(string? tenantId, string? conversationId, CancellationToken cancellationToken)
    {
        var tenantKey = "t:" + tenantId;
        var conversationKey = conversationId is null ? null : "c:" + conversationId;
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = timeProvider.GetTimestamp();
                wait = WaitFor(tenantKey, TenantWindows, now);
                if (conversationKey is not null)
                {
                    var conversationWait = WaitFor(conversationKey, ConversationWindows, now);
                    wait = conversationWait > wait ? conversationWait : wait;
                }

                if (wait <= TimeSpan.Zero)
                {
                    Record(tenantKey, now);
                    if (conversationKey is not null)
                    {
                        Record(conversationKey, now);
                    }

                    SweepNowAndThen(now);
                    return;
                }
            }

            await Task.Delay(wait, timeProvider, cancellationToken);
        }
    }

    private TimeSpan WaitFor(string key, IReadOnlyList<RateWindow> windows, long now)
    {
        if (!_calls.TryGetValue(key, out var calls))
        {
            return TimeSpan.Zero;
        }

        var longest = TimeSpan.Zero;
        foreach (var window in windows)
        {
            // Calls are in time order; count those still inside the window, newest first.
            var inside = 0;
            var index = calls.Count - 1;
            while (index >= 0 && Elapsed(calls[index], now) < window.Period)
            {
                inside++;
                index--;
            }

            if (inside >= window.Limit)
            {
                // The call that must leave the window before one more fits in it.
                var blocking = calls[calls.Count - window.Limit];
                var wait = window.Period - Elapsed(blocking, now);
                longest = wait > longest ? wait : longest;
            }
        }

        return longest;
    }

    private void Record(string key, long now)
    {
        if (!_calls.TryGetValue(key, out var calls))
        {
            calls = [];
            _calls[key] = calls;
        }

        calls.Add(now);
        var keepFrom = 0;
        while (keepFrom < calls.Count && Elapsed(calls[keepFrom], now) >= LongestPeriod)
        {
            keepFrom++;
        }

        calls.RemoveRange(0, keepFrom);
    }

    // Forget conversations that have been quiet for longer than every window.
    private void SweepNowAndThen(long now)
    {
        if (++_grantsSinceSweep < SweepEvery)
        {
            return;
        }

        _grantsSinceSweep = 0;
        foreach (var (key, calls) in _calls.ToList())
        {
            if (calls.Count == 0 || Elapsed(calls[^1], now) >= LongestPeriod)
            {
                _calls.Remove(key);
            }
        }
    }

    private TimeSpan Elapsed(long from, long now) => timeProvider.GetElapsedTime(from, now);
}

/// <summary>At most <paramref name="Limit"/> calls in any <paramref name="Period"/>.</summary>
public sealed record RateWindow(int Limit, TimeSpan Period);
