namespace EpicEvents.Bot.Protocol.Connector;

/// <summary>
/// Keeps outgoing calls within Teams' limits with sliding windows: per conversation 7 per second,
/// 8 per 2 seconds, 60 per 30 seconds and 1800 per hour; per tenant 30 per second. A caller over a
/// limit waits (on the <see cref="TimeProvider"/>) until a call leaves the window.
/// <para>
/// Teams counts a request when it arrives, which the sender cannot see: it happens somewhere between
/// the moment the call is allowed and the moment its answer is back. So a call holds its place in
/// every window from the moment it is allowed (<see cref="WaitAsync"/>) until its answer is back
/// (<see cref="SendSlot.Dispose"/>), and counts for the window's period from then on. Counting from
/// the start instead lets Teams see more than the limit in one of its windows whenever one request
/// travels faster than the one sent a window earlier, and each such request costs a 429 and a retry.
/// </para>
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
    private readonly Dictionary<string, Calls> _calls = new(StringComparer.Ordinal);
    private TaskCompletionSource _ended = NewSignal();
    private int _grantsSinceSweep;

    /// <summary>
    /// Waits until one more call is allowed for the tenant and, when given, the conversation. The
    /// call holds its place until the returned slot is disposed, which the caller does once the
    /// answer is back (or the call failed).
    /// </summary>
    public async ValueTask<SendSlot> WaitAsync(string? tenantId, string? conversationId, CancellationToken cancellationToken)
    {
        var tenantKey = "t:" + tenantId;
        var conversationKey = conversationId is null ? null : "c:" + conversationId;
        while (true)
        {
            TimeSpan? wait;
            Task ended;
            lock (_gate)
            {
                var now = timeProvider.GetTimestamp();
                wait = Longest(WaitFor(tenantKey, TenantWindows, now), conversationKey is null ? TimeSpan.Zero : WaitFor(conversationKey, ConversationWindows, now));
                if (wait == TimeSpan.Zero)
                {
                    Enter(tenantKey);
                    if (conversationKey is not null)
                    {
                        Enter(conversationKey);
                    }

                    SweepNowAndThen(now);
                    return new SendSlot(this, tenantKey, conversationKey);
                }

                ended = _ended.Task;
            }

            // A call ending can make room sooner than the oldest call leaving a window.
            using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = wait is { } time ? Task.Delay(time, timeProvider, stopWaiting.Token) : Task.Delay(Timeout.InfiniteTimeSpan, stopWaiting.Token);
            await Task.WhenAny(delay, ended);
            await stopWaiting.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    internal void Leave(string tenantKey, string? conversationKey)
    {
        TaskCompletionSource ended;
        lock (_gate)
        {
            var now = timeProvider.GetTimestamp();
            Complete(tenantKey, now);
            if (conversationKey is not null)
            {
                Complete(conversationKey, now);
            }

            ended = _ended;
            _ended = NewSignal();
        }

        ended.TrySetResult();
    }

    /// <summary>How long until one more call fits in every window of the key; null when calls still under way fill a window (wait for one to end).</summary>
    private TimeSpan? WaitFor(string key, IReadOnlyList<RateWindow> windows, long now)
    {
        if (!_calls.TryGetValue(key, out var calls))
        {
            return TimeSpan.Zero;
        }

        var longest = TimeSpan.Zero;
        var ended = calls.Ended;
        foreach (var window in windows)
        {
            // Ended calls are in time order; count those still inside the window, newest first.
            var inside = 0;
            var index = ended.Count - 1;
            while (index >= 0 && Elapsed(ended[index], now) < window.Period)
            {
                inside++;
                index--;
            }

            var excess = inside + calls.UnderWay - window.Limit + 1;
            if (excess <= 0)
            {
                continue;
            }

            if (excess > inside)
            {
                return null;
            }

            // The ended calls that must leave the window, oldest first, before one more fits in it.
            var blocking = ended[ended.Count - inside + excess - 1];
            var wait = window.Period - Elapsed(blocking, now);
            longest = wait > longest ? wait : longest;
        }

        return longest;
    }

    private static TimeSpan? Longest(TimeSpan? first, TimeSpan? second) =>
        first is null || second is null ? null : first > second ? first : second;

    private void Enter(string key)
    {
        if (!_calls.TryGetValue(key, out var calls))
        {
            calls = new Calls();
            _calls[key] = calls;
        }

        calls.UnderWay++;
    }

    private void Complete(string key, long now)
    {
        if (!_calls.TryGetValue(key, out var calls))
        {
            return;
        }

        calls.UnderWay--;
        var ended = calls.Ended;
        ended.Add(now);
        var keepFrom = 0;
        while (keepFrom < ended.Count && Elapsed(ended[keepFrom], now) >= LongestPeriod)
        {
            keepFrom++;
        }

        ended.RemoveRange(0, keepFrom);
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
            if (calls.UnderWay == 0 && (calls.Ended.Count == 0 || Elapsed(calls.Ended[^1], now) >= LongestPeriod))
            {
                _calls.Remove(key);
            }
        }
    }

    private TimeSpan Elapsed(long from, long now) => timeProvider.GetElapsedTime(from, now);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The calls of one tenant or conversation: those under way, and when the others ended.</summary>
    private sealed class Calls
    {
        public int UnderWay { get; set; }

        public List<long> Ended { get; } = [];
    }
}

/// <summary>A call's place in the windows, from the moment it is allowed until it is disposed (its answer is back).</summary>
public sealed class SendSlot : IDisposable
{
    private readonly SendRateLimiter _limiter;
    private readonly string _tenantKey;
    private readonly string? _conversationKey;
    private int _disposed;

    internal SendSlot(SendRateLimiter limiter, string tenantKey, string? conversationKey)
    {
        _limiter = limiter;
        _tenantKey = tenantKey;
        _conversationKey = conversationKey;
    }

    /// <summary>The call is over: it counts for each window's period from now.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _limiter.Leave(_tenantKey, _conversationKey);
        }
    }
}

/// <summary>At most <paramref name="Limit"/> calls in any <paramref name="Period"/>.</summary>
public sealed record RateWindow(int Limit, TimeSpan Period);
