using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Collaborators;

public sealed record ReactivateCollaboratorRequest(int CollaboratorId);

/// <summary>Brings a deactivated collaborator back with their role; reactivating an active one changes nothing.</summary>
public sealed class ReactivateCollaborator(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<CollaboratorView>> ExecuteAsync(Actor actor, ReactivateCollaboratorRequest request, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.ManageCollaborators, out _) is { } refusal)
        {
            return refusal;
        }

        var collaborator = await db.Collaborators.Include(c => c.Role).SingleOrDefaultAsync(c => c.Id == request.CollaboratorId, cancellationToken);
        if (collaborator is null)
        {
            return Failure.NotFound(new Text("collaborator.notFound", request.CollaboratorId));
        }

        if (collaborator.IsActive)
        {
            return CollaboratorView.From(collaborator);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        collaborator.Reactivate(now);
        db.Record(actor, now, "collaborator.reactivated", AuditEntity.Collaborator, collaborator.Id, new FieldChanges().Add(FieldNames.IsActive, false, true));
        return await db.TrySaveAsync(cancellationToken) is { } failed ? failed : CollaboratorView.From(collaborator);
    }
}
