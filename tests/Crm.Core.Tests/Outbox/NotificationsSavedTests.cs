using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Tests.Infrastructure;

namespace EpicEvents.Crm.Tests.Outbox;

public sealed class NotificationsSavedTestsOnSqlite : NotificationsSavedTests<Sqlite>;

public sealed class NotificationsSavedTestsOnPostgres : NotificationsSavedTests<Postgres>;

/// <summary>
/// A front end that delivers the outbox looks at it when a request queued or re-queued notifications,
/// and only then: the count moves with those saves, not with reads or with changes that notify nobody.
/// </summary>
public abstract class NotificationsSavedTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    [Fact]
    public async Task Saves_that_queue_or_requeue_notifications_are_counted_and_nothing_else()
    {
        var saved = World.Get<NotificationsSaved>();
        var contract = await World.NewContractAsync();
        var before = saved.Count;

        (await World.Get<ListContracts>().ExecuteAsync(World.Manager, new ContractFilter(Unsigned: true), PageRequest.First())).ShouldBeOk();
        (await World.Get<GetContract>().ExecuteAsync(World.Sales, contract.Id)).ShouldBeOk();
        (await World.Get<UpdateContract>().ExecuteAsync(World.Manager, new UpdateContractRequest(contract.Id, TotalAmount: 20_000m))).ShouldBeOk();
        saved.Count.Should().Be(before, because: "reading and a change that notifies nobody leave the outbox alone");

        (await World.Get<Signatures.RequestSignature>().ExecuteAsync(World.Sales, new Signatures.RequestSignatureRequest(contract.Id))).ShouldBeOk();
        saved.Count.Should().Be(before + 1, because: "a signature request queues a notification to every manager");

        var delivery = World.Get<OutboxDelivery>();
        var claim = (await delivery.ClaimAsync(10, TimeSpan.FromMinutes(1))).First();
        await delivery.RecordFailureAsync(claim, DeliveryReason.TeamsAnswered(400, "BadRequest"), transient: false);
        (await World.Get<RetryNotifications>().ExecuteAsync(World.Manager, new RetryNotificationsRequest([claim.Id]))).ShouldBeOk();
        saved.Count.Should().Be(before + 2, because: "a retry queues a failed notification again");
    }
}
