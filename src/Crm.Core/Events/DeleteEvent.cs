using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Events;

public sealed record DeleteEventRequest(int EventId);

/// <summary>Deletes an event; the audit trail keeps what it was and when it was planned.</summary>
public sealed class DeleteEvent(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<Done>> ExecuteAsync(Actor actor, DeleteEventRequest request, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.DeleteEvent, out _) is { } refusal)
        {
            return refusal;
        }

        var @event = await db.Events.SingleOrDefaultAsync(e => e.Id == request.EventId, cancellationToken);
        if (@event is null)
        {
            return Failure.NotFound(new Text("event.notFound", request.EventId));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Events.Remove(@event);
        db.Record(actor, now, "event.deleted", AuditEntity.Event, @event.Id, new FieldChanges()
            .Add<int?>(FieldNames.ContractId, @event.ContractId, null)
            .Add(FieldNames.Name, @event.Name, null)
            .Add<DateTime?>(FieldNames.StartsAt, @event.StartsAt, null)
            .Add<DateTime?>(FieldNames.EndsAt, @event.EndsAt, null)
            .Add(FieldNames.Location, @event.Location, null)
            .Add(FieldNames.SupportContactId, @event.SupportContactId, null));
        return await db.TrySaveAsync(cancellationToken) is { } failed ? failed : new Done();
    }
}
