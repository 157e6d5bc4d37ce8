using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Events;

/// <summary>
/// Fields left null keep their value; notes are cleared with an empty text. Support may change only
/// the dates, location, attendees and notes of their own events. <paramref name="ExpectedVersion"/>
/// guards a form filled from an older read.
/// </summary>
public sealed record UpdateEventRequest(
    int EventId,
    string? Name = null,
    DateTime? StartsAt = null,
    DateTime? EndsAt = null,
    string? Location = null,
    int? ExpectedAttendees = null,
    int? ActualAttendees = null,
    string? Notes = null,
    int? ExpectedVersion = null);

public sealed class UpdateEvent(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<EventView>> ExecuteAsync(Actor actor, UpdateEventRequest request, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.UpdateEvent, out var access) is { } refusal)
        {
            return refusal;
        }

        var @event = await db.FindForChangeAsync(request.EventId, cancellationToken);
        if (@event is null)
        {
            return Failure.NotFound(new Text("event.notFound", request.EventId));
        }

        if (access == Reach.Own && @event.SupportContactId != actor.Id)
        {
            return PermissionMatrix.NotOwn(actor, CrmAction.UpdateEvent);
        }

        if (request.ExpectedVersion is { } expected && expected != @event.Version)
        {
            return UnitOfWork.ConcurrentEdit;
        }

        var old = @event.Details;
        var details = EventFields.Normalize(
            request.Name ?? old.Name,
            request.StartsAt ?? old.StartsAt,
            request.EndsAt ?? old.EndsAt,
            request.Location ?? old.Location,
            request.ExpectedAttendees ?? old.ExpectedAttendees,
            request.ActualAttendees ?? old.ActualAttendees,
            request.Notes ?? old.Notes);

        // A form may send the name back unchanged; only an actual rename is outside Support's reach.
        if (access == Reach.Own && details.Name != old.Name)
        {
            return Failure.Forbidden(new Text("event.update.renameForbidden", CoreTexts.Department(actor.Department)));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var validation = EventFields.Validate(details, now, startMustNotBePast: details.StartsAt != old.StartsAt);
        if (validation.HasErrors)
        {
            return validation.Failure;
        }

        var changes = new FieldChanges()
            .Add(FieldNames.Name, old.Name, details.Name)
            .Add(FieldNames.StartsAt, old.StartsAt, details.StartsAt)
            .Add(FieldNames.EndsAt, old.EndsAt, details.EndsAt)
            .Add(FieldNames.Location, old.Location, details.Location)
            .Add(FieldNames.ExpectedAttendees, old.ExpectedAttendees, details.ExpectedAttendees)
            .Add(FieldNames.ActualAttendees, old.ActualAttendees, details.ActualAttendees)
            .Add(FieldNames.Notes, old.Notes, details.Notes);
        if (!changes.Any)
        {
            return EventView.From(@event);
        }

        @event.Apply(details, now);
        db.Record(actor, now, "event.updated", AuditEntity.Event, @event.Id, changes);
        return await db.TrySaveAsync(cancellationToken) is { } failed ? failed : EventView.From(@event);
    }
}
