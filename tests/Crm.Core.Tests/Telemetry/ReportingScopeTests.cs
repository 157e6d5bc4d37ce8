using EpicEvents.Crm.Telemetry;
using Sentry;

namespace EpicEvents.Crm.Tests.Telemetry;

/// <summary>
/// What a Sentry event says of the request or command it was raised in, through the functions the
/// SDK is configured with (<see cref="SentryReporting.Prepare"/>, <see cref="SentryReporting.KeepWithItsRequest"/>).
/// </summary>
public sealed class ReportingScopeTests
{
    [Fact]
    public async Task An_event_names_the_collaborator_by_id_the_command_and_the_scrubbed_request_of_its_own_scope()
    {
        var sentryEvent = await Task.Run(() =>
        {
            new RequestScope("GET", "http://bot.example/api/v1/clients/42?search=jane.doe%40example.com").Enter();
            CrmTelemetry.SignedIn(7);
            CrmTelemetry.Runs("client list");
            return SentryReporting.Prepare(new SentryEvent(new InvalidOperationException("boom")));
        });

        sentryEvent.User.Id.Should().Be("7");
        sentryEvent.User.Email.Should().BeNull();
        sentryEvent.TransactionName.Should().Be("client list");
        sentryEvent.Tags.Should().Contain(SentryReporting.CommandTag, "client list");
        sentryEvent.Request.Method.Should().Be("GET");
        sentryEvent.Request.Url.Should().StartWith("http://bot.example/api/v1/clients/").And.NotContain("jane.doe");
    }

    [Fact]
    public async Task Outside_any_scope_an_event_names_no_one_and_no_command()
    {
        var sentryEvent = await Task.Run(() => SentryReporting.Prepare(new SentryEvent(new InvalidOperationException("boom"))));

        sentryEvent.User.Id.Should().BeNull();
        sentryEvent.TransactionName.Should().BeNull();
        sentryEvent.Tags.Should().NotContainKey(SentryReporting.CommandTag);
    }

    [Fact]
    public async Task Breadcrumbs_left_in_a_request_reach_its_events_scrubbed_and_never_another_requests()
    {
        var first = new ReportingScope();
        var second = new ReportingScope();
        var gate = new SemaphoreSlim(0);

        // Two requests served at once, each leaving a breadcrumb before either reports an error.
        var one = Task.Run(async () =>
        {
            first.Enter();
            CrmTelemetry.SignedIn(1);
            SentryReporting.KeepWithItsRequest(new Breadcrumb("first request: write to ann@example.com", "log")).Should().BeNull("the request keeps it");
            await gate.WaitAsync();
            return SentryReporting.Prepare(new SentryEvent(new InvalidOperationException("first")));
        });
        var two = Task.Run(() =>
        {
            second.Enter();
            CrmTelemetry.SignedIn(2);
            SentryReporting.KeepWithItsRequest(new Breadcrumb("second request", "log")).Should().BeNull();
            gate.Release();
            return SentryReporting.Prepare(new SentryEvent(new InvalidOperationException("second")));
        });

        var (firstEvent, secondEvent) = (await one, await two);
        firstEvent.User.Id.Should().Be("1");
        firstEvent.Breadcrumbs.Select(b => b.Message).Should().ContainSingle()
            .Which.Should().StartWith("first request").And.NotContain("ann@example.com");
        secondEvent.User.Id.Should().Be("2");
        secondEvent.Breadcrumbs.Select(b => b.Message).Should().Equal("second request");
    }

    [Fact]
    public async Task A_breadcrumb_left_outside_any_request_stays_with_the_process_scrubbed()
    {
        var kept = await Task.Run(() => SentryReporting.KeepWithItsRequest(new Breadcrumb("digest for bob@example.com queued", "log")));

        kept.Should().NotBeNull("a background service's breadcrumb goes to the process's scope");
        kept!.Message.Should().StartWith("digest for ").And.NotContain("bob@example.com");
    }

    [Fact]
    public async Task A_request_keeps_its_newest_hundred_breadcrumbs()
    {
        var sentryEvent = await Task.Run(() =>
        {
            new ReportingScope().Enter();
            for (var i = 1; i <= 150; i++)
            {
                SentryReporting.KeepWithItsRequest(new Breadcrumb($"step {i}", "log"));
            }

            return SentryReporting.Prepare(new SentryEvent());
        });

        sentryEvent.Breadcrumbs.Should().HaveCount(ReportingScope.MaxBreadcrumbs);
        sentryEvent.Breadcrumbs.First().Message.Should().Be("step 51");
        sentryEvent.Breadcrumbs.Last().Message.Should().Be("step 150");
    }

    [Fact]
    public async Task A_scope_entered_in_an_async_method_ends_when_it_returns()
    {
        await Task.Run(async () =>
        {
            ReportingScope.Current.Should().BeNull();
            await EnterAsync();
            ReportingScope.Current.Should().BeNull("the request that entered it is over");
        });

        static async Task EnterAsync()
        {
            new ReportingScope().Enter();
            await Task.Yield();
            ReportingScope.Current.Should().NotBeNull();
        }
    }

    private sealed class RequestScope(string method, string url) : ReportingScope
    {
        public override string RequestMethod => method;

        public override string RequestUrl => url;
    }
}
