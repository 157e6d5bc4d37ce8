using System.Diagnostics;
using EpicEvents.Crm.Telemetry;
using Microsoft.Extensions.Configuration;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace EpicEvents.Crm.Tests.Telemetry;

/// <summary>
/// Under a flood of requests at most so many traces a second are recorded; an incoming request still
/// carries its trace id, a span follows its trace, and a quiet second records everything again. Driven through
/// the OpenTelemetry SDK itself, so what is checked is what the exporters would receive.
/// </summary>
public sealed class TraceRateSamplerTests : IDisposable
{
    private readonly ActivitySource _source = new($"EpicEvents.SamplerTest.{Guid.NewGuid():N}");
    private readonly List<Activity> _recorded = [];
    private long _milliseconds = 5_000_000;
    private TracerProvider? _provider;

    public void Dispose()
    {
        _provider?.Dispose();
        _source.Dispose();
    }

    [Fact]
    public void Within_one_second_only_the_first_traces_up_to_the_rate_are_recorded()
    {
        Trace(perSecond: 3);

        var started = Enumerable.Range(0, 10).Select(_ => Root()).ToList();

        started.Take(3).Should().OnlyContain(a => a != null && a.Recorded && a.IsAllDataRequested);
        started.Skip(3).Should().OnlyContain(a => a != null && !a.Recorded && !a.IsAllDataRequested, "beyond the rate a trace is carried, not recorded");
        started.Should().OnlyContain(a => a!.TraceId != default, "an error reported to Sentry still names its trace");
        _recorded.Should().HaveCount(3, "only recorded spans reach the exporters");
    }

    [Fact]
    public void The_next_second_records_again()
    {
        Trace(perSecond: 2);
        var first = Enumerable.Range(0, 5).Select(_ => Root()).Count(a => a!.Recorded);

        _milliseconds += 1_000;
        var second = Enumerable.Range(0, 5).Select(_ => Root()).Count(a => a!.Recorded);

        _milliseconds += 250;
        var sameSecond = Root();

        (first, second).Should().Be((2, 2));
        sameSecond!.Recorded.Should().BeFalse("a quarter of a second later is still the same second, whose two are taken");
    }

    [Fact]
    public void A_start_that_read_the_clock_before_the_second_turned_counts_against_the_new_second()
    {
        Trace(perSecond: 2);
        _milliseconds += 1_000;
        var current = Enumerable.Range(0, 2).Select(_ => Root()).Count(a => a!.Recorded);

        _milliseconds -= 1; // a thread that read the clock a millisecond before the others
        var late = Root();

        current.Should().Be(2);
        late!.Recorded.Should().BeFalse("going back to the previous second would open a second budget");
    }

    [Fact]
    public void A_span_inside_a_recorded_trace_is_recorded_whatever_is_left_of_the_second()
    {
        Trace(perSecond: 1);

        using var turn = _source.StartActivity("turn")!;
        using var command = _source.StartActivity("SELECT");
        using var call = _source.StartActivity("POST");

        turn.Recorded.Should().BeTrue();
        command.Should().NotBeNull().And.Subject.As<Activity>().Recorded.Should().BeTrue("the database command of a recorded turn is part of its trace, although the second's one trace is taken");
        call!.Recorded.Should().BeTrue();
        call.TraceId.Should().Be(turn.TraceId);
    }

    [Fact]
    public void An_incoming_request_is_decided_here_whatever_its_sampled_flag_says_and_keeps_its_trace_id_beyond_the_rate()
    {
        Trace(perSecond: 1);
        var notSampled = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None, isRemote: true);
        var sampled = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);

        using (var first = _source.StartActivity("POST /api/messages", ActivityKind.Server, notSampled)!)
        {
            first.Recorded.Should().BeTrue("every request is recorded while the rate allows, even one its caller did not sample");
            first.TraceId.Should().Be(notSampled.TraceId, "the caller's trace is continued");
        }

        using var second = _source.StartActivity("POST /api/messages", ActivityKind.Server, sampled);
        using var inside = _source.StartActivity("turn");

        second.Should().NotBeNull("beyond the rate a request still carries its trace id, for the calls it makes and the errors it reports");
        second!.Recorded.Should().BeFalse("the second's one trace is taken, whatever the caller sampled");
        second.TraceId.Should().Be(sampled.TraceId);
        inside.Should().BeNull("a span inside a trace that is not recorded is not even built");
        Activity.Current.Should().BeSameAs(second);
        _recorded.Should().ContainSingle();
    }

    [Fact]
    public void Zero_records_every_trace()
    {
        Trace(perSecond: 0);

        Enumerable.Range(0, 500).Select(_ => Root()).Should().OnlyContain(a => a != null && a.Recorded);
    }

    [Fact]
    public void Threads_starting_traces_at_once_get_exactly_the_rate_between_them()
    {
        Trace(perSecond: 100);
        var recorded = 0;

        Parallel.For(0, 4_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            using var span = _source.StartActivity("concurrent turn");
            if (span is { Recorded: true })
            {
                Interlocked.Increment(ref recorded);
            }
        });

        recorded.Should().Be(100);
    }

    [Theory]
    [InlineData(null, TelemetrySettings.DefaultMaxTracesPerSecond, false)]
    [InlineData("0", 0, false)]
    [InlineData("250", 250, false)]
    [InlineData("-1", TelemetrySettings.DefaultMaxTracesPerSecond, true)]
    [InlineData("ten", TelemetrySettings.DefaultMaxTracesPerSecond, true)]
    [InlineData("2.5", TelemetrySettings.DefaultMaxTracesPerSecond, true)]
    [InlineData("99999999999", TelemetrySettings.DefaultMaxTracesPerSecond, true)]
    public void The_rate_is_read_from_configuration_and_a_wrong_value_is_said_and_replaced_by_the_default(string? text, int expected, bool problem)
    {
        var settings = TelemetrySettings.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Otlp:Endpoint"] = "http://127.0.0.1:4318", ["Telemetry:MaxTracesPerSecond"] = text })
            .Build());

        settings.MaxTracesPerSecond.Should().Be(expected);
        if (problem)
        {
            settings.Problems.Should().ContainSingle().Which.Should().Contain("Telemetry:MaxTracesPerSecond").And.Contain("100");
        }
        else
        {
            settings.Problems.Should().BeEmpty();
        }
    }

    private void Trace(int perSecond) =>
        _provider = Sdk.CreateTracerProviderBuilder()
            .SetSampler(new TraceRateSampler(perSecond, () => Volatile.Read(ref _milliseconds)))
            .AddSource(_source.Name)
            .AddProcessor(new Recorder(_recorded))
            .Build();

    private Activity? Root()
    {
        var previous = Activity.Current;
        Activity.Current = null;
        var activity = _source.StartActivity("turn");
        activity?.Stop();
        Activity.Current = previous;
        return activity;
    }

    /// <summary>What an exporter would be handed: the SDK calls a processor only for recorded spans.</summary>
    private sealed class Recorder(List<Activity> recorded) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data)
        {
            lock (recorded)
            {
                recorded.Add(data);
            }
        }
    }
}
