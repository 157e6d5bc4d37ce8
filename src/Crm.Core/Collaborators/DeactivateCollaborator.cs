using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Collaborators;

/// <param name="ReassignToId">An active collaborator of the same department who takes over what the leaver still owns.</param>
public sealed record DeactivateCollaboratorRequest(int CollaboratorId, int? ReassignToId = null);

/// <summary>The deactivated collaborator and what was handed over, if anything.</summary>
public sealed record CollaboratorDeactivated(
    CollaboratorView Collaborator,
    int? ReassignedToId,
    IReadOnlyList<int> ReassignedClientIds,
    IReadOnlyList<int> ReassignedEventIds);

/// <summary>
/// Deactivates a collaborator (never deletes: history stays readable) and revokes their sessions.
/// Someone who still owns clients or upcoming events is only deactivated if a colleague of the same
/// department takes them over, in the same transaction.
/// </summary>
public sealed class DeactivateCollaborator(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<CollaboratorDeactivated>> ExecuteAsync(Actor actor, DeactivateCollaboratorRequest request, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.ManageCollaborators, out _) is { } refusal)
        {
            return refusal;
        }

        if (request.CollaboratorId == actor.Id)
        {
            return Failure.Conflict(new Text("collaborator.deactivateSelf"));
        }

        var collaborator = await db.Collaborators.Include(c => c.Role).SingleOrDefaultAsync(c => c.Id == request.CollaboratorId, cancellationToken);
        if (collaborator is null)
        {
            return Failure.NotFound(new Text("collaborator.notFound", request.CollaboratorId));
        }

        if (!collaborator.IsActive)
        {
            return new CollaboratorDeactivated(CollaboratorView.From(collaborator), null, [], []);
        }

        var department = collaborator.Role.Department;
        if (department == Department.Management && !await db.AnotherActiveManagerAsync(collaborator.Id, cancellationToken))
        {
            return StaffRules.LastManager(collaborator.FullName, "collaborator.lastManager.deactivate");
        }

        Collaborator? heir = null;
        if (request.ReassignToId is { } heirId)
        {
            if (heirId == collaborator.Id)
            {
                return Failure.Invalid(FieldNames.ReassignToId, new Text("collaborator.deactivate.heirIsSelf"));
            }

            heir = await db.FindActiveInAsync(heirId, department, cancellationToken);
            if (heir is null)
            {
                return Failure.Invalid(FieldNames.ReassignToId, new Text("collaborator.notActiveIn", heirId, CoreTexts.Department(department)));
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var work = await Workload.OfAsync(db, collaborator, now, cancellationToken);
        if (!work.IsEmpty && heir is null)
        {
            return Failure.Conflict(new Text("collaborator.deactivate.stillOwns", work.Describe(collaborator.FullName), CoreTexts.Department(department)));
        }

        List<int> clients = heir is null ? [] : await HandOverClientsAsync(actor, collaborator, heir, now, cancellationToken);
        List<int> events = heir is null ? [] : await HandOverEventsAsync(actor, collaborator, heir, now, cancellationToken);
        collaborator.Deactivate(now);
        db.Record(actor, now, "collaborator.deactivated", AuditEntity.Collaborator, collaborator.Id, new FieldChanges()
            .Add(FieldNames.IsActive, true, false)
            .Add(FieldNames.ReassignedToId, null, heir?.Id));
        var failure = department == Department.Management
            ? await db.TrySaveKeepingAManagerAsync(collaborator, cancellationToken)
            : await db.TrySaveAsync(cancellationToken);
        return failure is null
            ? new CollaboratorDeactivated(CollaboratorView.From(collaborator), heir?.Id, clients, events)
            : failure;
    }

    private async Task<List<int>> HandOverClientsAsync(Actor actor, Collaborator leaver, Collaborator heir, DateTime now, CancellationToken cancellationToken)
    {
        var clients = await db.Clients.Where(c => c.SalesContactId == leaver.Id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        foreach (var client in clients)
        {
            client.Reassign(heir, now);
            db.Record(actor, now, "client.reassigned", AuditEntity.Client, client.Id, new FieldChanges().Add<int?>(FieldNames.SalesContactId, leaver.Id, heir.Id));
        }

        return clients.ConvertAll(c => c.Id);
    }

    /// <summary>Upcoming events only; each new support contact is notified as for any assignment.</summary>
    private async Task<List<int>> HandOverEventsAsync(Actor actor, Collaborator leaver, Collaborator heir, DateTime now, CancellationToken cancellationToken)
    {
        var events = await db.Events.Include(e => e.Contract).ThenInclude(k => k.Client).ThenInclude(c => c.SalesContact)
            .Where(e => e.SupportContactId == leaver.Id && e.StartsAt >= now)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        foreach (var evt in events)
        {
            evt.AssignSupport(heir, now);
            db.Record(actor, now, "event.support_assigned", AuditEntity.Event, evt.Id, new FieldChanges().Add<int?>(FieldNames.SupportContactId, leaver.Id, heir.Id));
            db.Notify(NotificationKind.SupportAssigned, heir.Id, evt.Id, now);
            if (evt.Contract.Client.SalesContact is { IsActive: true } salesContact)
            {
                db.Notify(NotificationKind.SupportAssignedToYourClient, salesContact.Id, evt.Id, now);
            }
        }

        return events.ConvertAll(e => e.Id);
    }
}
