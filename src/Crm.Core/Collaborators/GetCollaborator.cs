using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Collaborators;

/// <summary>One entry of the staff directory; deactivated collaborators are shown to Management only.</summary>
public sealed class GetCollaborator(CrmDbContext db) : IUseCase
{
    public async Task<Result<CollaboratorView>> ExecuteAsync(Actor actor, int collaboratorId, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.ReadRecords, out _) is { } refusal)
        {
            return refusal;
        }

        var view = await db.Collaborators.AsNoTracking().Where(c => c.Id == collaboratorId).Select(CollaboratorView.Projection).SingleOrDefaultAsync(cancellationToken);
        if (view is null)
        {
            return Failure.NotFound(new Text("collaborator.notFound", collaboratorId));
        }

        // To those who may not list deactivated staff, a deactivated collaborator is as absent as a missing one.
        return view.IsActive || PermissionMatrix.For(actor, CrmAction.ReadInactiveCollaborators) != Reach.None
            ? view.For(actor)
            : Failure.NotFound(new Text("collaborator.notFound", collaboratorId));
    }
}
