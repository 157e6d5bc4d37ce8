using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Events;

public sealed record AssignSupportRequest(int EventId, int SupportContactId);

/// <summary>
/// Gives an event its support contact, or another one. The new contact, the one replaced and the
/// client's sales contact are notified through the outbox, in the same transaction as the change.
/// </summary>
public sealed class AssignSupport(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<EventView>> ExecuteAsync(Actor actor, AssignSupportRequest request, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.AssignSupport, out _) is { } refusal)
        {
            return refusal;
        }

        var @event = await db.FindForChangeAsync(request.EventId, cancellationToken);
        if (@event is null)
        {
            return Failure.NotFound(new Text("event.notFound", request.EventId));
        }

        var support = await db.FindActiveInAsync(request.SupportContactId, Department.Support, cancellationToken);
        if (support is null)
        {
            return Failure.Invalid(FieldNames.SupportContactId, new Text("collaborator.notActiveIn", request.SupportContactId, CoreTexts.Department(Department.Support)));
        }

        if (@event.SupportContactId == support.Id)
        {
            return EventView.From(@event);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var previous = @event.SupportContact;
        @event.AssignSupport(support, now);
        db.Record(actor, now, "event.support_assigned", AuditEntity.Event, @event.Id, new FieldChanges()
            .Add(FieldNames.SupportContactId, previous?.Id, support.Id));
        db.Notify(NotificationKind.SupportAssigned, support.Id, @event.Id, now);
        if (previous is { IsActive: true })
        {
            db.Notify(NotificationKind.SupportUnassigned, previous.Id, @event.Id, now);
        }

        if (@event.Contract.Client.SalesContact is { IsActive: true } sales)
        {
            db.Notify(NotificationKind.SupportAssignedToYourClient, sales.Id, @event.Id, now);
        }

        return await db.TrySaveAsync(cancellationToken) is { } failed ? failed : EventView.From(@event);
    }
}
