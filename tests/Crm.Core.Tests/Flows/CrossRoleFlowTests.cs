using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Signatures;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Flows;

public sealed class CrossRoleFlowTestsOnSqlite : CrossRoleFlowTests<Sqlite>;

public sealed class CrossRoleFlowTestsOnPostgres : CrossRoleFlowTests<Postgres>;

/// <summary>The life of one client across the three departments, as SPEC §2 lets each of them act.</summary>
public abstract class CrossRoleFlowTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    [Fact]
    public async Task From_first_contact_to_a_supported_event_every_department_plays_its_part_and_everything_is_traced()
    {
        // Sales creates a client and becomes its contact.
        var client = (await World.Get<CreateClient>().ExecuteAsync(
            World.Sales, new CreateClientRequest("Kevin Casey", "kevin@startup.io", "+678 123 456 78", "Cool Startup LLC"))).ShouldBeOk();

        // Management creates the contract.
        World.Clock.Advance(TimeSpan.FromHours(1));
        var contract = (await World.Get<CreateContract>().ExecuteAsync(
            World.Manager, new CreateContractRequest(client.Id, 25_000.50m, 12_500m))).ShouldBeOk();
        contract.Status.Should().Be(ContractStatus.Draft);
        contract.SalesContactId.Should().Be(World.Sales.Id);

        // Sales requests the signature; every active manager is asked.
        World.Clock.Advance(TimeSpan.FromHours(1));
        var request = (await World.Get<RequestSignature>().ExecuteAsync(World.Sales, new RequestSignatureRequest(contract.Id))).ShouldBeOk().Request;

        // Management approves; the contract is signed.
        World.Clock.Advance(TimeSpan.FromHours(1));
        var decided = (await World.Get<DecideSignatureRequest>().ExecuteAsync(
            World.Manager2, new SignatureDecision(request.Id, SignatureVerdict.Approve))).ShouldBeOk();
        decided.Status.Should().Be(SignatureRequestStatus.Approved);
        var signed = (await World.Get<GetContract>().ExecuteAsync(World.Sales, contract.Id)).ShouldBeOk();
        signed.Status.Should().Be(ContractStatus.Signed);
        signed.SignedAt.Should().Be(World.Clock.UtcNow);

        // Sales creates the event, from 20:00 to 01:00 the next night.
        World.Clock.Advance(TimeSpan.FromHours(1));
        var start = World.Clock.UtcNow.Date.AddDays(30).AddHours(20);
        var ev = (await World.Get<CreateEvent>().ExecuteAsync(World.Sales, new CreateEventRequest(
            contract.Id, "Startup launch party", start, start.AddHours(5), "53 Rue du Château, 41120 Candé-sur-Beuvron", 75, "Open bar"))).ShouldBeOk();
        ev.SupportContactId.Should().BeNull();

        // Management assigns Support.
        World.Clock.Advance(TimeSpan.FromHours(1));
        (await World.Get<AssignSupport>().ExecuteAsync(World.Manager, new AssignSupportRequest(ev.Id, World.Support.Id))).ShouldBeOk();

        // Support updates the notes of their event.
        World.Clock.Advance(TimeSpan.FromHours(1));
        var updated = (await World.Get<UpdateEvent>().ExecuteAsync(World.Support, new UpdateEventRequest(ev.Id, Notes: "Open bar; DJ from 22:00"))).ShouldBeOk();
        updated.Notes.Should().Be("Open bar; DJ from 22:00");
        updated.ClientEmail.Should().Be("kevin@startup.io");
        updated.SupportContactName.Should().Be("Sarah Support");

        // The audit trail tells the story, each step by the right person.
        await using var db = World.NewContext();
        var trail = await db.AuditEntries.AsNoTracking()
            .Where(a => !a.Action.StartsWith("login"))
            .OrderBy(a => a.Id)
            .Select(a => new { a.Action, a.ActorId, a.EntityType, a.EntityId })
            .ToListAsync();
        trail.Select(a => a.Action).Should().ContainInOrder(
            "client.created", "contract.created", "contract.signature_requested", "signature.approved", "event.created", "event.support_assigned", "event.updated");
        trail.Should().Contain(a => a.Action == "client.created" && a.ActorId == World.Sales.Id && a.EntityId == client.Id);
        trail.Should().Contain(a => a.Action == "contract.created" && a.ActorId == World.Manager.Id && a.EntityId == contract.Id);
        trail.Should().Contain(a => a.Action == "signature.approved" && a.ActorId == World.Manager2.Id);
        trail.Should().Contain(a => a.Action == "event.support_assigned" && a.ActorId == World.Manager.Id && a.EntityId == ev.Id);
        var noteChange = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "event.updated");
        noteChange.ActorId.Should().Be(World.Support.Id);
        noteChange.Changes.Should().ContainSingle(c => c.Field == "notes" && c.Old == "Open bar" && c.New == "Open bar; DJ from 22:00");

        // The outbox holds exactly the notifications the bot must send.
        var outbox = await db.OutboxMessages.AsNoTracking().OrderBy(o => o.Id)
            .Select(o => new { o.Kind, o.RecipientId, o.SubjectId, o.State })
            .ToListAsync();
        outbox.Should().BeEquivalentTo(
        [
            new { Kind = NotificationKind.SignatureRequested, RecipientId = World.Manager.Id, SubjectId = request.Id, State = DeliveryState.Pending },
            new { Kind = NotificationKind.SignatureRequested, RecipientId = World.Manager2.Id, SubjectId = request.Id, State = DeliveryState.Pending },
            new { Kind = NotificationKind.SignatureDecided, RecipientId = World.Sales.Id, SubjectId = request.Id, State = DeliveryState.Pending },
            new { Kind = NotificationKind.ApprovalCardUpdate, RecipientId = World.Manager.Id, SubjectId = request.Id, State = DeliveryState.Pending },
            new { Kind = NotificationKind.ApprovalCardUpdate, RecipientId = World.Manager2.Id, SubjectId = request.Id, State = DeliveryState.Pending },
            new { Kind = NotificationKind.SupportAssigned, RecipientId = World.Support.Id, SubjectId = ev.Id, State = DeliveryState.Pending },
            new { Kind = NotificationKind.SupportAssignedToYourClient, RecipientId = World.Sales.Id, SubjectId = ev.Id, State = DeliveryState.Pending },
        ]);

        // Sales reads the event's history as an owned record; Support reads it as its own event.
        var salesView = (await World.Get<ListAuditEntries>().ExecuteAsync(World.Sales, new AuditFilter(AuditEntity.Event, ev.Id), PageRequest.First())).ShouldBeOk();
        salesView.Items.Select(a => a.Action).Should().Contain("event.updated");
        var supportView = (await World.Get<ListAuditEntries>().ExecuteAsync(World.Support2, new AuditFilter(AuditEntity.Event, ev.Id), PageRequest.First())).ShouldBeOk();
        supportView.Items.Should().BeEmpty("another support collaborator does not own this event");
    }
}
