using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Events;

public sealed record UnassignSupportRequest(int EventId);

/// <summary>Leaves an event without support; the previous support contact is told, nobody else.</summary>
public sealed class UnassignSupport(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<EventView>> ExecuteAsync(Actor actor, UnassignSupportRequest request, CancellationToken cancellationToken = default)
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

        if (@event.SupportContact is not { } previous)
        {
            return EventView.From(@event);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        @event.AssignSupport(null, now);
        db.Record(actor, now, "event.support_unassigned", AuditEntity.Event, @event.Id, new FieldChanges()
            .Add<int?>(FieldNames.SupportContactId, previous.Id, null));
        if (previous.IsActive)
        {
            db.Notify(NotificationKind.SupportUnassigned, previous.Id, @event.Id, now);
        }

        return await db.TrySaveAsync(cancellationToken) is { } failed ? failed : EventView.From(@event);
    }
}
