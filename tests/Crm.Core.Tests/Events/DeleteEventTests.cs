using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Events;

public sealed class DeleteEventTestsOnSqlite : DeleteEventTests<Sqlite>;

public sealed class DeleteEventTestsOnPostgres : DeleteEventTests<Postgres>;

public abstract class DeleteEventTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    [Fact]
    public async Task Management_deletes_an_event_and_the_audit_keeps_its_name_and_dates()
    {
        var created = await World.NewEventSupportedByAsync(World.Support);

        (await World.Get<DeleteEvent>().ExecuteAsync(World.Manager, new DeleteEventRequest(created.Id))).ShouldBeOk();

        (await World.Get<GetEvent>().ExecuteAsync(World.Manager, created.Id)).ShouldBe(Outcome.NotFound);
        await using var db = World.NewContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "event.deleted");
        entry.ActorId.Should().Be(World.Manager.Id);
        entry.EntityType.Should().Be(AuditEntity.Event);
        entry.EntityId.Should().Be(created.Id);
        entry.Changes.Should().Contain(new FieldChange("name", created.Name, null));
        entry.Changes.Should().Contain(c => c.Field == "startsAt" && c.Old != null && c.New == null);
        entry.Changes.Should().Contain(c => c.Field == "endsAt" && c.Old != null && c.New == null);
    }

    [Fact]
    public async Task Sales_and_support_cannot_delete_events_nor_learn_whether_they_exist()
    {
        var created = await World.NewEventSupportedByAsync(World.Support);

        foreach (var caller in new[] { World.Sales, World.Support })
        {
            var onExisting = await World.Get<DeleteEvent>().ExecuteAsync(caller, new DeleteEventRequest(created.Id));
            var onMissing = await World.Get<DeleteEvent>().ExecuteAsync(caller, new DeleteEventRequest(999_999));

            onExisting.ShouldBe(Outcome.Forbidden);
            onMissing.ShouldBe(Outcome.Forbidden);
            onMissing.Message!.ToString().Should().Be(onExisting.Message!.ToString());
        }

        (await World.Get<GetEvent>().ExecuteAsync(World.Sales, created.Id)).ShouldBeOk();
        (await World.Get<DeleteEvent>().ExecuteAsync(World.Manager, new DeleteEventRequest(999_999))).ShouldBe(Outcome.NotFound);
    }
}
