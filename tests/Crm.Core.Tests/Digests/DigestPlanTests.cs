using EpicEvents.Crm.Digests;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Digests;

public sealed class DigestPlanTestsOnSqlite : DigestPlanTests<Sqlite>;

public sealed class DigestPlanTestsOnPostgres : DigestPlanTests<Postgres>;

public abstract class DigestPlanTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>
    /// Every query of a digest goes through indexes: never a scan of a whole table (PostgreSQL, with
    /// sequential scans off, would still choose one if no index could serve), and the sales digest goes
    /// from the salesperson's clients to their contracts rather than through every contract of a status.
    /// </summary>
    [Theory]
    [InlineData(DigestKind.Management, new[] { "ix_signature_requests_", "ix_contracts_unpaid", "ix_events_contract" })]
    [InlineData(DigestKind.Support, new[] { "ix_events_support" })]
    [InlineData(DigestKind.Sales, new[] { "ix_clients_sales_contact", "ix_contracts_client_status" })]
    public async Task Each_digest_reads_through_indexes(DigestKind kind, string[] indexes)
    {
        await World.NewPendingContractAsync();
        await World.NewEventSupportedByAsync(World.Support, World.Clock.UtcNow.AddDays(1));
        var actor = kind switch { DigestKind.Management => World.Manager, DigestKind.Support => World.Support, _ => World.Sales };
        World.Commands.Reset();

        (await World.Get<PreviewDigest>().ExecuteAsync(actor, new DigestRequest(kind), Paris)).ShouldBeOk();

        var plans = new System.Text.StringBuilder();
        foreach (var (text, parameters) in World.Commands.Queries)
        {
            plans.AppendLine(await World.QueryPlanAsync(text, parameters, "SET enable_seqscan = off; SET enable_bitmapscan = off"));
        }

        plans.ToString().Should().ContainAll(indexes).And.NotContainAny("Seq Scan", "ix_contracts_status");
    }
}
