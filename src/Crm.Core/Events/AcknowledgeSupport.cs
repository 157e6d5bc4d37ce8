using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Events;

/// <summary>
/// The support contact of an event confirms they have seen the assignment; Management sees when.
/// Acknowledging twice changes nothing and answers the event as it is.
/// </summary>
public sealed class AcknowledgeSupport(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<EventView>> ExecuteAsync(Actor actor, int eventId, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.AcknowledgeSupport, out _) is { } refusal)
        {
            return refusal;
        }

        var @event = await db.FindForChangeAsync(eventId, cancellationToken);
        if (@event is null)
        {
            return Failure.NotFound(new Text("event.notFound", eventId));
        }

        if (@event.SupportContactId != actor.Id)
        {
            return Failure.Conflict(@event.SupportContact is { } other
                ? new Text("event.acknowledge.otherSupport", eventId, other.FullName)
                : new Text("event.acknowledge.noSupport", eventId));
        }

        if (@event.SupportAcknowledgedAt is not null)
        {
            return EventView.From(@event);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        @event.AcknowledgeSupport(now);
        db.Record(actor, now, "event.support_acknowledged", AuditEntity.Event, @event.Id, new FieldChanges()
            .Add<DateTime?>(FieldNames.SupportAcknowledgedAt, null, now));
        return await db.TrySaveAsync(cancellationToken) is { } failed ? failed : EventView.From(@event);
    }
}
