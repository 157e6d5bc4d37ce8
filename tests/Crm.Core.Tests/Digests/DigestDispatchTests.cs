using EpicEvents.Crm.Access;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Digests;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Digests;

public sealed class DigestDispatchTestsOnSqlite : DigestDispatchTests<Sqlite>;

public sealed class DigestDispatchTestsOnPostgres : DigestDispatchTests<Postgres>;

/// <summary>
/// When digests go out (the company's defaults, in Europe/Paris: Management every working day at
/// 08:30, Support every day at 17:00, Sales on Mondays at 09:00), to whom, and once per day.
/// </summary>
public abstract class DigestDispatchTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    private static readonly Guid Tenant = Guid.Parse("6b0cd0a4-2f5e-4c7b-9a3b-1f2e3d4c5b6a");

    [Fact]
    public async Task The_management_digest_is_queued_at_half_past_eight_in_paris_once_and_only_to_managers_with_teams()
    {
        await World.NewPendingContractAsync();
        await LinkTeamsAsync(World.Manager);
        MoveTo(2026, 3, 3, 7, 29); // Tuesday, 08:29 in Paris (UTC+1)

        (await RunAsync()).Should().Be(DigestRound.None);

        MoveTo(2026, 3, 3, 7, 30);
        (await RunAsync()).Queued.Should().Be(1);
        (await RunAsync()).Should().Be(DigestRound.None, "today's digest is out");

        var sent = (await DigestMessagesAsync()).Should().ContainSingle().Subject;
        sent.RecipientId.Should().Be(World.Manager.Id, "Manager2 has no Teams account");
        sent.Kind.Should().Be(DigestKind.Management);
        sent.Period.Should().Be(new DateOnly(2026, 3, 3));
    }

    [Fact]
    public async Task In_summer_the_management_digest_comes_at_half_past_eight_paris_time_which_is_an_hour_earlier_in_utc()
    {
        await World.NewPendingContractAsync();
        await LinkTeamsAsync(World.Manager);

        MoveTo(2026, 6, 1, 6, 29); // Monday, 08:29 in Paris (UTC+2)
        (await RunAsync()).Queued.Should().Be(0);
        MoveTo(2026, 6, 1, 6, 30);
        (await RunAsync()).Queued.Should().Be(1);
    }

    [Fact]
    public async Task The_management_digest_does_not_come_at_the_weekend()
    {
        await World.NewPendingContractAsync();
        await LinkTeamsAsync(World.Manager);

        MoveTo(2026, 3, 7, 12, 0); // Saturday
        (await RunAsync()).Queued.Should().Be(0);
        MoveTo(2026, 3, 9, 7, 30); // Monday 08:30
        (await RunAsync()).Queued.Should().Be(1);
    }

    [Fact]
    public async Task The_support_digest_comes_at_five_the_day_before_even_on_the_day_the_clocks_change()
    {
        // Sunday 2026-03-29 is the change to summer time; its events are announced on Saturday at 17:00 (16:00 UTC).
        await World.NewEventSupportedByAsync(World.Support, new DateTime(2026, 3, 29, 7, 0, 0, DateTimeKind.Utc));
        await LinkTeamsAsync(World.Support);
        await LinkTeamsAsync(World.Support2);

        MoveTo(2026, 3, 28, 15, 59);
        (await RunAsync()).Should().Be(DigestRound.None);
        MoveTo(2026, 3, 28, 16, 0);
        var round = await RunAsync();

        round.Queued.Should().Be(1);
        round.Empty.Should().Be(1, "Support2 has no event tomorrow: nothing is sent to them");
        (await DigestMessagesAsync()).Select(m => m.RecipientId).Should().Equal(World.Support.Id);
    }

    [Fact]
    public async Task The_sales_digest_comes_on_mondays_only()
    {
        await World.NewClientAsync(World.Sales);
        await LinkTeamsAsync(World.Sales);

        MoveTo(2026, 3, 3, 9, 0); // Tuesday
        (await RunAsync()).Queued.Should().Be(0);
        MoveTo(2026, 3, 9, 8, 0); // Monday 09:00 in Paris
        (await RunAsync()).Queued.Should().Be(1);
        (await DigestMessagesAsync()).Single().Kind.Should().Be(DigestKind.Sales);
    }

    [Fact]
    public async Task An_empty_digest_is_recorded_and_not_sent()
    {
        await LinkTeamsAsync(World.Manager);
        MoveTo(2026, 3, 3, 8, 0);

        var round = await RunAsync();

        round.Should().Be(new DigestRound(0, 1, 0));
        (await DigestMessagesAsync()).Should().BeEmpty();
        await using var db = World.NewContext();
        (await db.OutboxMessages.CountAsync(m => m.Kind == NotificationKind.Digest)).Should().Be(0);
        (await db.DigestSends.SingleAsync()).OutboxMessageId.Should().BeNull();
    }

    [Fact]
    public async Task Nothing_goes_to_a_deactivated_collaborator_or_to_one_without_teams()
    {
        await World.NewPendingContractAsync();
        var gone = await World.AddCollaboratorAsync("Gone Manager", Department.Management);
        await LinkTeamsAsync(gone);
        (await World.Get<DeactivateCollaborator>().ExecuteAsync(World.Manager, new DeactivateCollaboratorRequest(gone.Id))).ShouldBeOk();
        MoveTo(2026, 3, 3, 8, 0);

        (await RunAsync()).Should().Be(DigestRound.None, "Manager and Manager2 have no Teams account, the third is deactivated");
    }

    [Fact]
    public async Task A_collaborator_who_turned_the_digest_off_gets_none_and_one_who_moved_it_gets_it_at_their_hour()
    {
        await World.NewPendingContractAsync();
        await LinkTeamsAsync(World.Manager);
        await LinkTeamsAsync(World.Manager2);
        (await World.Get<ChangeSettings>().ExecuteAsync(World.Manager, new SettingsChange(DigestEnabled: false))).ShouldBeOk();
        (await World.Get<ChangeSettings>().ExecuteAsync(World.Manager2, new SettingsChange(DigestAt: "10h15"))).ShouldBeOk();

        MoveTo(2026, 3, 3, 9, 14); // 10:14 in Paris
        (await RunAsync()).Should().Be(DigestRound.None);
        MoveTo(2026, 3, 3, 9, 15);
        (await RunAsync()).Queued.Should().Be(1);

        (await DigestMessagesAsync()).Select(m => m.RecipientId).Should().Equal(World.Manager2.Id);
    }

    [Fact]
    public async Task A_sender_that_was_down_at_the_hour_sends_the_digest_later_that_day_and_drops_it_the_day_after()
    {
        await World.NewPendingContractAsync();
        await LinkTeamsAsync(World.Manager);

        MoveTo(2026, 3, 3, 16, 0); // Tuesday afternoon: back after being down since the morning
        (await RunAsync()).Queued.Should().Be(1);

        MoveTo(2026, 3, 5, 7, 0); // Thursday 08:00: Wednesday's digest was missed altogether
        (await RunAsync()).Should().Be(DigestRound.None);
        MoveTo(2026, 3, 5, 7, 30);
        (await RunAsync()).Queued.Should().Be(1);
        (await DigestMessagesAsync()).Select(m => m.Period).Should().Equal(new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 5));
    }

    [Fact]
    public async Task Two_senders_at_once_queue_each_digest_once()
    {
        await World.NewPendingContractAsync();
        var managers = new List<Actor> { World.Manager, World.Manager2 };
        for (var i = 0; i < 6; i++)
        {
            managers.Add(await World.AddCollaboratorAsync($"Manager Number{i}", Department.Management));
        }

        foreach (var manager in managers)
        {
            await LinkTeamsAsync(manager);
        }

        MoveTo(2026, 3, 3, 7, 30);

        var rounds = await Task.WhenAll(RunAsync(), RunAsync(), RunAsync());

        rounds.Sum(r => r.Queued).Should().Be(managers.Count);
        (await DigestMessagesAsync()).Select(m => m.RecipientId).Should().BeEquivalentTo(managers.Select(m => m.Id));
        await using var db = World.NewContext();
        (await db.OutboxMessages.CountAsync(m => m.Kind == NotificationKind.Digest)).Should().Be(managers.Count);
    }

    [Fact]
    public async Task A_delivery_finds_its_digest_only_on_the_day_it_is_for()
    {
        await World.NewPendingContractAsync();
        await LinkTeamsAsync(World.Manager);
        MoveTo(2026, 3, 3, 7, 30);
        await RunAsync();
        var message = (await DigestMessagesAsync()).Single().MessageId;

        (await World.Get<DigestDispatch>().FindCurrentAsync(message))!.Kind.Should().Be(DigestKind.Management);
        MoveTo(2026, 3, 3, 22, 59);
        (await World.Get<DigestDispatch>().FindCurrentAsync(message)).Should().NotBeNull();
        MoveTo(2026, 3, 3, 23, 0); // midnight in Paris
        (await World.Get<DigestDispatch>().FindCurrentAsync(message)).Should().BeNull("yesterday's digest is not delivered today");
    }

    [Fact]
    public async Task The_rows_of_digests_more_than_a_week_old_are_forgotten_and_the_last_weeks_are_kept()
    {
        await World.NewPendingContractAsync();
        await LinkTeamsAsync(World.Manager);
        MoveTo(2026, 3, 3, 7, 30); // Tuesday
        await RunAsync();
        MoveTo(2026, 3, 10, 7, 30); // the Tuesday after
        await RunAsync();

        (await World.Get<DigestDispatch>().ForgetOlderThanAsync(7)).Should().Be(0, "a week ago is kept");
        MoveTo(2026, 3, 11, 7, 0);
        (await World.Get<DigestDispatch>().ForgetOlderThanAsync(7)).Should().Be(1);
        (await DigestMessagesAsync()).Select(m => m.Period).Should().Equal(new DateOnly(2026, 3, 10));
    }

    private Task<DigestRound> RunAsync() => World.Get<DigestDispatch>().RunAsync();

    private void MoveTo(int year, int month, int day, int hour, int minute) =>
        World.Clock.Advance(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc) - World.Clock.UtcNow);

    private async Task LinkTeamsAsync(Actor person) =>
        (await World.Get<LinkTeamsIdentity>().ExecuteAsync(World.Manager, new LinkTeamsIdentityRequest(person.Id, Tenant, Guid.NewGuid()))).ShouldBeOk();

    private async Task<List<(long MessageId, int RecipientId, DigestKind Kind, DateOnly Period)>> DigestMessagesAsync()
    {
        await using var db = World.NewContext();
        var rows = await db.DigestSends.AsNoTracking().Where(s => s.OutboxMessageId != null)
            .OrderBy(s => s.Id)
            .Select(s => new { s.OutboxMessageId, s.OutboxMessage!.RecipientId, s.CollaboratorId, s.Kind, s.Period })
            .ToListAsync();
        rows.Where(r => r.RecipientId != r.CollaboratorId).Should().BeEmpty("the message goes to the person the digest is for");
        return rows.ConvertAll(r => (r.OutboxMessageId!.Value, r.CollaboratorId, r.Kind, r.Period));
    }
}
