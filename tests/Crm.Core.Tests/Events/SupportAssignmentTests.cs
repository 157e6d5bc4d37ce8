using System.Globalization;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Events;

public sealed class SupportAssignmentTestsOnSqlite : SupportAssignmentTests<Sqlite>;

public sealed class SupportAssignmentTestsOnPostgres : SupportAssignmentTests<Postgres>;

public abstract class SupportAssignmentTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    [Fact]
    public async Task A_first_assignment_notifies_the_support_contact_and_the_clients_sales_contact()
    {
        var created = await World.NewEventAsync(World.Sales);

        var assigned = (await World.Get<AssignSupport>().ExecuteAsync(World.Manager, new AssignSupportRequest(created.Id, World.Support.Id))).ShouldBeOk();

        assigned.SupportContactId.Should().Be(World.Support.Id);
        assigned.SupportContactName.Should().Be("Sarah Support");
        (await World.NotificationsAboutAsync(created.Id)).Should().BeEquivalentTo(new[]
        {
            (NotificationKind.SupportAssigned, World.Support.Id),
            (NotificationKind.SupportAssignedToYourClient, World.Sales.Id),
        });
    }

    [Fact]
    public async Task Reassigning_support_queues_exactly_three_notifications_and_audits_the_change()
    {
        var created = await World.NewEventSupportedByAsync(World.Support);
        World.Clock.Advance(TimeSpan.FromMinutes(5));

        (await World.Get<AssignSupport>().ExecuteAsync(World.Manager, new AssignSupportRequest(created.Id, World.Support2.Id))).ShouldBeOk();

        await using var db = World.NewContext();
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.CreatedAt == World.Clock.UtcNow).ToListAsync();
        messages.Select(m => (m.Kind, m.RecipientId)).Should().BeEquivalentTo(new[]
        {
            (NotificationKind.SupportAssigned, World.Support2.Id),
            (NotificationKind.SupportUnassigned, World.Support.Id),
            (NotificationKind.SupportAssignedToYourClient, World.Sales.Id),
        });
        messages.Should().OnlyContain(m => m.SubjectId == created.Id && m.State == DeliveryState.Pending);
        messages.Select(m => m.IdempotencyKey).Should().OnlyHaveUniqueItems();

        var entry = await db.AuditEntries.OrderBy(a => a.Id).LastAsync(a => a.Action == "event.support_assigned");
        entry.ActorId.Should().Be(World.Manager.Id);
        entry.EntityId.Should().Be(created.Id);
        entry.Changes.Should().Equal(new FieldChange(
            "supportContactId",
            World.Support.Id.ToString(CultureInfo.InvariantCulture),
            World.Support2.Id.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Reassigning_the_same_support_contact_changes_and_sends_nothing()
    {
        var created = await World.NewEventSupportedByAsync(World.Support);
        var before = await World.NotificationsAboutAsync(created.Id);

        var again = (await World.Get<AssignSupport>().ExecuteAsync(World.Manager, new AssignSupportRequest(created.Id, World.Support.Id))).ShouldBeOk();

        again.Version.Should().Be(created.Version);
        (await World.NotificationsAboutAsync(created.Id)).Should().Equal(before);
        await using var db = World.NewContext();
        (await db.AuditEntries.CountAsync(a => a.Action == "event.support_assigned")).Should().Be(1);
    }

    [Fact]
    public async Task Only_an_active_support_collaborator_can_be_assigned()
    {
        var created = await World.NewEventAsync();
        var former = await World.AddCollaboratorAsync("Former Support", Department.Support, active: false);

        foreach (var candidate in new[] { former.Id, World.Sales.Id, World.Manager.Id, 999_999 })
        {
            var refused = await World.Get<AssignSupport>().ExecuteAsync(World.Manager, new AssignSupportRequest(created.Id, candidate));
            refused.ShouldBeInvalidOn("supportContactId");
        }

        (await World.Get<GetEvent>().ExecuteAsync(World.Manager, created.Id)).ShouldBeOk().SupportContactId.Should().BeNull();
        (await World.NotificationsAboutAsync(created.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task An_inactive_sales_contact_is_not_notified()
    {
        var created = await World.NewEventAsync(World.Sales2);
        await using (var db = World.NewContext())
        {
            (await db.Collaborators.SingleAsync(c => c.Id == World.Sales2.Id)).Deactivate(World.Clock.UtcNow);
            await db.SaveChangesAsync();
        }

        (await World.Get<AssignSupport>().ExecuteAsync(World.Manager, new AssignSupportRequest(created.Id, World.Support.Id))).ShouldBeOk();

        (await World.NotificationsAboutAsync(created.Id)).Should().Equal((NotificationKind.SupportAssigned, World.Support.Id));
    }

    [Fact]
    public async Task Unassigning_notifies_only_the_previous_support_contact_and_is_audited()
    {
        var created = await World.NewEventSupportedByAsync(World.Support);
        World.Clock.Advance(TimeSpan.FromMinutes(5));

        var unassigned = (await World.Get<UnassignSupport>().ExecuteAsync(World.Manager, new UnassignSupportRequest(created.Id))).ShouldBeOk();

        unassigned.SupportContactId.Should().BeNull();
        unassigned.SupportContactName.Should().BeNull();
        (await World.NotificationsAboutAsync(created.Id, since: World.Clock.UtcNow)).Should().Equal((NotificationKind.SupportUnassigned, World.Support.Id));
        await using var db = World.NewContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "event.support_unassigned");
        entry.Changes.Should().Equal(new FieldChange("supportContactId", World.Support.Id.ToString(CultureInfo.InvariantCulture), null));
    }

    [Fact]
    public async Task Unassigning_an_event_without_support_changes_and_sends_nothing()
    {
        var created = await World.NewEventAsync();

        var result = (await World.Get<UnassignSupport>().ExecuteAsync(World.Manager, new UnassignSupportRequest(created.Id))).ShouldBeOk();

        result.Version.Should().Be(created.Version);
        (await World.NotificationsAboutAsync(created.Id)).Should().BeEmpty();
        await using var db = World.NewContext();
        (await db.AuditEntries.CountAsync(a => a.Action == "event.support_unassigned")).Should().Be(0);
    }

    [Fact]
    public async Task Only_management_assigns_or_unassigns_and_refused_callers_cannot_learn_whether_an_event_exists()
    {
        var created = await World.NewEventSupportedByAsync(World.Support);

        foreach (var caller in new[] { World.Sales, World.Support })
        {
            var assignExisting = await World.Get<AssignSupport>().ExecuteAsync(caller, new AssignSupportRequest(created.Id, World.Support2.Id));
            var assignMissing = await World.Get<AssignSupport>().ExecuteAsync(caller, new AssignSupportRequest(999_999, World.Support2.Id));
            var unassignExisting = await World.Get<UnassignSupport>().ExecuteAsync(caller, new UnassignSupportRequest(created.Id));
            var unassignMissing = await World.Get<UnassignSupport>().ExecuteAsync(caller, new UnassignSupportRequest(999_999));

            foreach (var refused in new[] { assignExisting, assignMissing, unassignExisting, unassignMissing })
            {
                refused.ShouldBe(Outcome.Forbidden);
                refused.Message!.ToString().Should().Be(assignExisting.Message!.ToString());
            }
        }

        (await World.Get<GetEvent>().ExecuteAsync(World.Manager, created.Id)).ShouldBeOk().SupportContactId.Should().Be(World.Support.Id);
        (await World.Get<AssignSupport>().ExecuteAsync(World.Manager, new AssignSupportRequest(999_999, World.Support2.Id))).ShouldBe(Outcome.NotFound);
    }
}
