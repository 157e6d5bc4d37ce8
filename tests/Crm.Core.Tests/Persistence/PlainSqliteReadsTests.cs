using System.Diagnostics;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Auth;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Telemetry;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace EpicEvents.Crm.Tests.Persistence;

/// <summary>
/// A command-line listing on the SQLite file reads the session and the contract list on a plain
/// connection: it must give what the scope's EF Core context gives — the same rows and cursors, the
/// same refusals, the same session states — and record the same span for each command.
/// </summary>
public sealed class PlainSqliteReadsTests : WorldTest<Sqlite>
{
    [Fact]
    public async Task Every_filter_gives_the_same_pages_as_through_the_context()
    {
        var first = await World.NewContractAsync(total: 12_345.67m, due: 0.01m);
        var signed = await World.NewSignedContractAsync(total: 999_999.99m, due: 1_000m, sales: World.Sales2);
        await World.NewPendingContractAsync();
        await World.NewSignedContractAsync(total: 50m, due: 0m);
        var cancelled = await World.NewContractAsync();
        (await World.Get<CancelContract>().ExecuteAsync(World.Manager, new CancelContractRequest(cancelled.Id))).ShouldBeOk();
        using var plain = Open();

        ContractFilter[] filters =
        [
            new(),
            new(Unsigned: true),
            new(Unpaid: true),
            new(Status: ContractStatus.Signed),
            new(ClientId: signed.ClientId),
            new(Mine: true),
            new(Search: $"#{first.Id}"),
            new(Search: first.ClientName[..2]),
            new(Search: first.ClientName),
            new(Unsigned: true, Unpaid: true, Mine: true),
        ];
        foreach (var filter in filters)
        {
            string? after = null;
            do
            {
                var expected = await World.Get<ListContracts>().ExecuteAsync(World.Sales, filter, new PageRequest(2, after));
                var actual = await plain.Contracts.ExecuteAsync(World.Sales, filter, new PageRequest(2, after));

                var page = expected.ShouldBeOk();
                var read = actual.ShouldBeOk();
                read.Items.Should().Equal(page.Items, because: $"{filter} after {after} should list the same rows");
                read.Next.Should().Be(page.Next);
                after = page.Next;
            }
            while (after is not null);

            var streamed = new List<ContractView>();
            await foreach (var row in plain.Contracts.Stream(World.Sales, filter).ShouldBeOk())
            {
                streamed.Add(row);
            }

            var all = new List<ContractView>();
            await foreach (var row in World.Get<ListContracts>().Stream(World.Sales, filter).ShouldBeOk())
            {
                all.Add(row);
            }

            streamed.Should().Equal(all);
        }
    }

    [Fact]
    public async Task A_refusal_is_the_same_as_through_the_context()
    {
        using var plain = Open();

        var expected = await World.Get<ListContracts>().ExecuteAsync(World.Support, new ContractFilter(Mine: true), new PageRequest());
        var actual = await plain.Contracts.ExecuteAsync(World.Support, new ContractFilter(Mine: true), new PageRequest());

        actual.IsOk.Should().BeFalse();
        actual.AsFailure().Should().BeEquivalentTo(expected.AsFailure());
    }

    [Fact]
    public async Task A_session_resolves_and_is_revoked_as_through_the_context()
    {
        var token = await World.TokenOfAsync(World.Sales2);
        using var plain = Open();

        var active = await plain.Sessions.ResolveAsync(token, ChangeSource.Cli);
        active.Should().Be(await World.ResolveAsync(token));
        active.State.Should().Be(SessionState.Active);

        (await plain.Sessions.ResolveAsync(token + "x", ChangeSource.Cli)).State.Should().Be(SessionState.Invalid);

        (await World.Get<DeactivateCollaborator>().ExecuteAsync(World.Manager, new DeactivateCollaboratorRequest(World.Sales2.Id))).ShouldBeOk();
        var revoked = await plain.Sessions.ResolveAsync(token, ChangeSource.Cli);
        revoked.Should().Be(await World.ResolveAsync(token));
        revoked.State.Should().Be(SessionState.Revoked);
    }

    [Fact]
    public async Task A_query_records_the_span_that_the_context_records()
    {
        await World.NewContractAsync();
        using var plain = Open();

        var throughContext = await SpansOfAsync(() => World.Get<ListContracts>().ExecuteAsync(World.Manager, new ContractFilter(Search: "needle"), new PageRequest()));
        var onConnection = await SpansOfAsync(() => plain.Contracts.ExecuteAsync(World.Manager, new ContractFilter(Search: "needle"), new PageRequest()));

        throughContext.Should().ContainSingle();
        onConnection.Should().ContainSingle();
        var (expected, actual) = (throughContext[0], onConnection[0]);
        actual.DisplayName.Should().Be(expected.DisplayName).And.Be("SELECT");
        actual.Kind.Should().Be(ActivityKind.Client);
        actual.TagObjects.Should().BeEquivalentTo(expected.TagObjects);
        actual.TagObjects.Select(t => t.Value?.ToString()).Should().NotContain(v => v != null && v.Contains("needle", StringComparison.Ordinal));
    }

    [Fact]
    public void PostgreSQL_keeps_the_context()
    {
        PlainSqliteReads.For(DatabaseSettings.PostgreSql("Host=127.0.0.1;Database=crm"), TestAuth.Options, NullLoggerFactory.Instance).Should().BeNull();
    }

    private PlainSqliteReads Open() => PlainSqliteReads.For(World.Database.Settings, TestAuth.Options, NullLoggerFactory.Instance, World.Clock)!;

    /// <summary>The spans of Crm.Core's source that <paramref name="work"/> ends, in its own trace only (other tests run alongside).</summary>
    private static async Task<List<Activity>> SpansOfAsync(Func<Task> work)
    {
        var spans = new List<Activity>();
        using var root = new Activity("plain reads spans test").SetIdFormat(ActivityIdFormat.W3C).Start();
        var trace = root.TraceId;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CrmTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                if (span.TraceId == trace)
                {
                    lock (spans)
                    {
                        spans.Add(span);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await work();
        root.Stop();
        lock (spans)
        {
            return [.. spans];
        }
    }
}
