using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Events;

/// <param name="StartsAt">UTC; may not be in the past.</param>
/// <param name="EndsAt">UTC; strictly after the start, possibly on a later day.</param>
public sealed record CreateEventRequest(
    int ContractId,
    string? Name,
    DateTime StartsAt,
    DateTime EndsAt,
    string? Location,
    int ExpectedAttendees,
    string? Notes = null);

/// <summary>Creates an event under a signed contract: Management for any contract, Sales for their own clients'.</summary>
public sealed class CreateEvent(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<EventView>> ExecuteAsync(Actor actor, CreateEventRequest request, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.CreateEvent, out var access) is { } refusal)
        {
            return refusal;
        }

        var contract = await db.Contracts
            .Include(c => c.Client).ThenInclude(c => c.SalesContact)
            .SingleOrDefaultAsync(c => c.Id == request.ContractId, cancellationToken);
        if (contract is null)
        {
            return Failure.NotFound(new Text("contract.notFound", request.ContractId));
        }

        if (access == Reach.Own && contract.Client.SalesContactId != actor.Id)
        {
            return PermissionMatrix.NotOwn(actor, CrmAction.CreateEvent);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var details = EventFields.Normalize(
            request.Name, request.StartsAt, request.EndsAt, request.Location, request.ExpectedAttendees, null, request.Notes);
        var validation = EventFields.Validate(details, now, startMustNotBePast: true)
            .Check(FieldNames.ContractId, contract.Status == ContractStatus.Signed
                ? null
                : new Text("event.contract.notSigned", contract.Id, Describe(contract.Status)));
        if (validation.HasErrors)
        {
            return validation.Failure;
        }

        var created = new Event(contract, details, now);
        db.Events.Add(created);
        var failure = await db.TrySaveInsertAsync(
            () => db.Record(actor, now, "event.created", AuditEntity.Event, created.Id, new FieldChanges()
                .Add<int?>(FieldNames.ContractId, null, contract.Id)
                .Add(FieldNames.Name, null, details.Name)
                .Add<DateTime?>(FieldNames.StartsAt, null, details.StartsAt)
                .Add<DateTime?>(FieldNames.EndsAt, null, details.EndsAt)
                .Add(FieldNames.Location, null, details.Location)
                .Add<int?>(FieldNames.ExpectedAttendees, null, details.ExpectedAttendees)
                .Add(FieldNames.Notes, null, details.Notes.Length == 0 ? null : details.Notes)),
            cancellationToken);
        return failure is null ? EventView.From(created) : failure;
    }

    private static Text Describe(ContractStatus status) => new(status switch
    {
        ContractStatus.Draft => "event.contractState.draft",
        ContractStatus.PendingSignature => "event.contractState.pending",
        ContractStatus.Cancelled => "event.contractState.cancelled",
        _ => "event.contractState.unsigned",
    });
}
