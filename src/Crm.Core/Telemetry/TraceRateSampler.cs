using System.Diagnostics;
using OpenTelemetry.Trace;

namespace EpicEvents.Crm.Telemetry;

/// <summary>
/// Records every trace up to a number per second (<see cref="TelemetrySettings.MaxTracesPerSecond"/>)
/// and only carries the trace id of the others (the SDK builds a span that records nothing where the
/// trace starts, and no span inside it), so that under a flood the cost of tracing stays bounded while
/// every request keeps its trace id: the calls it makes propagate it and an error sent to Sentry still
/// names it. The decision is taken where a trace starts in this process — a command, a request, a
/// notification's delivery —, whatever an incoming request says about sampling; a span inside a trace
/// follows it. Counted in one-second windows of the process's clock; zero records every trace.
/// </summary>
internal sealed class TraceRateSampler : Sampler
{
    /// <summary>The count lives in the low bits of <see cref="_window"/>, the window's second above them.</summary>
    private const int CountBits = 24;
    private const long CountMask = (1L << CountBits) - 1;

    public const int MaxRate = 1_000_000;

    private static readonly SamplingResult Record = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Carry = new(SamplingDecision.Drop);

    private readonly int _perSecond;
    private readonly Func<long> _milliseconds;
    private long _window;

    public TraceRateSampler(int perSecond, Func<long>? milliseconds = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(perSecond);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(perSecond, MaxRate);
        _perSecond = perSecond;
        _milliseconds = milliseconds ?? (static () => Environment.TickCount64);
        Description = perSecond == 0 ? "TraceRateSampler{every trace}" : $"TraceRateSampler{{{perSecond}/s}}";
    }

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        var parent = samplingParameters.ParentContext;
        if (parent.TraceId != default && !parent.IsRemote)
        {
            return (parent.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? Record : Carry;
        }

        return _perSecond == 0 || TryTake() ? Record : Carry;
    }

    private bool TryTake()
    {
        var second = _milliseconds() / 1000;
        while (true)
        {
            var state = Volatile.Read(ref _window);
            long next;
            // A thread that read the clock just before the second turned counts against the new one.
            if (state >> CountBits < second)
            {
                next = (second << CountBits) | 1;
            }
            else if ((state & CountMask) >= _perSecond)
            {
                return false;
            }
            else
            {
                next = state + 1;
            }

            if (Interlocked.CompareExchange(ref _window, next, state) == state)
            {
                return true;
            }
        }
    }
}
