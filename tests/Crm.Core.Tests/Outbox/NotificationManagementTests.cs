using EpicEvents.Crm.Common;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Outbox;

public sealed class NotificationManagementTestsOnSqlite : NotificationManagementTests<Sqlite>;

public sealed class NotificationManagementTestsOnPostgres : NotificationManagementTests<Postgres>;

public abstract class NotificationManagementTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Management_lists_every_notification_newest_first_with_its_delivery_state()
    {
        var supported = await World.NewEventSupportedByAsync(World.Support);
        var claim = (await World.Get<OutboxDelivery>().ClaimAsync(1, Lease)).Single();
        await World.Get<OutboxDelivery>().RecordFailureAsync(claim, DeliveryReason.TeamsAnswered(403, "MessageWritesBlocked"), transient: false);

        var page = (await World.Get<ListNotifications>().ExecuteAsync(World.Manager, new NotificationFilter(), PageRequest.First())).ShouldBeOk();

        page.Items.Select(n => (n.Kind, n.RecipientName, n.SubjectId, n.State)).Should().Equal(
            (NotificationKind.SupportAssignedToYourClient, "Sophie Commerciale", supported.Id, DeliveryState.Pending),
            (NotificationKind.SupportAssigned, "Sarah Support", supported.Id, DeliveryState.Failed));
        page.Items[1].Reason.Should().Be(DeliveryReason.TeamsAnswered(403, "MessageWritesBlocked"));
        page.Items[1].Attempts.Should().Be(1);
    }

    [Fact]
    public async Task The_failed_filter_keeps_what_did_not_reach_its_recipient_and_pages()
    {
        var delivery = World.Get<OutboxDelivery>();
        for (var i = 0; i < 3; i++)
        {
            await World.NewEventSupportedByAsync(World.Support);
            var claim = (await delivery.ClaimAsync(5, Lease)).Single(c => c.RecipientId == World.Support.Id);
            if (i == 1)
            {
                await delivery.RecordUndeliverableAsync(claim, DeliveryReason.NoTeamsAccount);
            }
            else
            {
                await delivery.RecordFailureAsync(claim, DeliveryReason.TeamsAnswered(400, "BadRequest"), transient: false);
            }
        }

        var list = World.Get<ListNotifications>();
        var first = (await list.ExecuteAsync(World.Manager, new NotificationFilter(FailedOnly: true), new PageRequest(2))).ShouldBeOk();
        var second = (await list.ExecuteAsync(World.Manager, new NotificationFilter(FailedOnly: true), new PageRequest(2, first.Next))).ShouldBeOk();

        first.Items.Select(n => n.State).Should().Equal(DeliveryState.Failed, DeliveryState.Undeliverable);
        second.Items.Select(n => n.State).Should().Equal(DeliveryState.Failed);
        second.Next.Should().BeNull();
        first.Items.Concat(second.Items).Should().OnlyContain(n => n.RecipientId == World.Support.Id);
    }

    [Fact]
    public async Task Only_management_sees_or_retries_deliveries()
    {
        foreach (var actor in new[] { World.Sales, World.Support })
        {
            (await World.Get<ListNotifications>().ExecuteAsync(actor, new NotificationFilter(), PageRequest.First())).ShouldBe(Outcome.Forbidden);
            (await World.Get<RetryNotifications>().ExecuteAsync(actor, RetryNotificationsRequest.EveryFailed)).ShouldBe(Outcome.Forbidden);
        }
    }

    [Fact]
    public async Task Retrying_a_failed_notification_queues_it_again_with_fresh_attempts_and_audits_it()
    {
        await World.NewEventSupportedByAsync(World.Support);
        var delivery = World.Get<OutboxDelivery>();
        var claim = (await delivery.ClaimAsync(5, Lease)).Single(c => c.RecipientId == World.Support.Id);
        await delivery.RecordFailureAsync(claim, DeliveryReason.TeamsAnswered(400, "BadRequest"), transient: false);
        World.Clock.Advance(TimeSpan.FromMinutes(3));

        var retried = (await World.Get<RetryNotifications>().ExecuteAsync(World.Manager, new RetryNotificationsRequest([claim.Id]))).ShouldBeOk();

        retried.Should().Be(1);
        var again = (await delivery.ClaimAsync(5, Lease)).Single(c => c.RecipientId == World.Support.Id);
        again.Id.Should().Be(claim.Id);
        again.Attempt.Should().Be(1);
        await using var db = World.NewContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "notification.retried");
        entry.ActorId.Should().Be(World.Manager.Id);
        entry.EntityId.Should().Be((int)claim.Id);
    }

    [Fact]
    public async Task Retrying_every_failed_notification_leaves_the_delivered_ones_alone()
    {
        await World.NewEventSupportedByAsync(World.Support);
        var delivery = World.Get<OutboxDelivery>();
        var claims = await delivery.ClaimAsync(5, Lease);
        await delivery.RecordSentAsync(claims.Single(c => c.RecipientId == World.Sales.Id), new DeliveredMessage("https://x/", "a:1", "1"));
        await delivery.RecordUndeliverableAsync(claims.Single(c => c.RecipientId == World.Support.Id), DeliveryReason.Blocked);

        (await World.Get<RetryNotifications>().ExecuteAsync(World.Manager, RetryNotificationsRequest.EveryFailed)).ShouldBeOk().Should().Be(1);

        await using var db = World.NewContext();
        (await db.OutboxMessages.Select(m => new { m.RecipientId, m.State }).ToListAsync())
            .Should().BeEquivalentTo(new[]
            {
                new { RecipientId = World.Support.Id, State = DeliveryState.Pending },
                new { RecipientId = World.Sales.Id, State = DeliveryState.Sent },
            });
    }

    [Fact]
    public async Task A_delivered_or_unknown_notification_is_not_retried_and_nothing_changes()
    {
        await World.NewEventSupportedByAsync(World.Support);
        var delivery = World.Get<OutboxDelivery>();
        var claims = await delivery.ClaimAsync(5, Lease);
        var sent = claims.Single(c => c.RecipientId == World.Sales.Id);
        await delivery.RecordSentAsync(sent, new DeliveredMessage("https://x/", "a:1", "1"));
        var failed = claims.Single(c => c.RecipientId == World.Support.Id);
        await delivery.RecordFailureAsync(failed, DeliveryReason.TeamsAnswered(400, "BadRequest"), transient: false);
        var retry = World.Get<RetryNotifications>();

        var twice = await retry.ExecuteAsync(World.Manager, new RetryNotificationsRequest([failed.Id, sent.Id]));
        twice.ShouldBe(Outcome.Conflict);
        twice.Message!.ToString().Should().Contain($"Notification {sent.Id} was delivered");
        (await retry.ExecuteAsync(World.Manager, new RetryNotificationsRequest([failed.Id, 999_999]))).ShouldBe(Outcome.NotFound);
        (await retry.ExecuteAsync(World.Manager, new RetryNotificationsRequest([0, failed.Id]))).ShouldBe(Outcome.NotFound);
        (await retry.ExecuteAsync(World.Manager, new RetryNotificationsRequest([]))).ShouldBeInvalidOn("ids");
        (await retry.ExecuteAsync(World.Manager, new RetryNotificationsRequest([failed.Id], AllFailed: true))).ShouldBeInvalidOn("ids");

        await using var db = World.NewContext();
        (await db.OutboxMessages.SingleAsync(m => m.Id == failed.Id)).State.Should().Be(DeliveryState.Failed);
        (await db.AuditEntries.CountAsync(a => a.Action == "notification.retried")).Should().Be(0);
    }
}
