using EpicEvents.Crm.Teams;
using EpicEvents.Crm.Tests.Infrastructure;

namespace EpicEvents.Crm.Tests.Teams;

public sealed class ActivityLedgerTestsOnSqlite : ActivityLedgerTests<Sqlite>;

public sealed class ActivityLedgerTestsOnPostgres : ActivityLedgerTests<Postgres>;

public abstract class ActivityLedgerTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    private ActivityLedger Ledger => World.Get<ActivityLedger>();

    [Fact]
    public async Task An_activity_is_recorded_the_first_time_and_recognised_afterwards()
    {
        (await Ledger.TryRecordAsync("1:activity-a")).Should().BeTrue();
        (await Ledger.TryRecordAsync("1:activity-a")).Should().BeFalse();
        (await Ledger.TryRecordAsync("1:activity-b")).Should().BeTrue();
    }

    [Fact]
    public async Task Eight_deliveries_of_one_activity_at_once_are_handled_once()
    {
        var recorded = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => World.Get<ActivityLedger>().TryRecordAsync("1:redelivered")));

        recorded.Count(first => first).Should().Be(1);
    }

    [Fact]
    public async Task Forgetting_old_ids_keeps_the_recent_ones()
    {
        await Ledger.TryRecordAsync("1:old");
        World.Clock.Advance(TimeSpan.FromHours(2));
        await Ledger.TryRecordAsync("1:recent");

        (await Ledger.ForgetOlderThanAsync(TimeSpan.FromHours(1))).Should().Be(1);

        (await Ledger.TryRecordAsync("1:recent")).Should().BeFalse();
        (await Ledger.TryRecordAsync("1:old")).Should().BeTrue();
    }

    [Fact]
    public async Task An_id_Teams_could_not_have_sent_is_refused()
    {
        var blank = () => Ledger.TryRecordAsync(" ");
        var oversized = () => Ledger.TryRecordAsync(new string('x', 301));

        await blank.Should().ThrowAsync<ArgumentException>();
        await oversized.Should().ThrowAsync<ArgumentException>();
        (await Ledger.TryRecordAsync(new string('x', 300))).Should().BeTrue();
    }
}
