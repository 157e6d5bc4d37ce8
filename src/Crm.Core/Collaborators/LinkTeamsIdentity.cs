using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Collaborators;

/// <summary>The Teams account (tenant id + AAD object id) the bot will map to this collaborator.</summary>
public sealed record LinkTeamsIdentityRequest(int CollaboratorId, Guid TenantId, Guid AadObjectId);

public sealed record UnlinkTeamsIdentityRequest(int CollaboratorId);

/// <summary>Links a Teams account to a collaborator; one Teams account maps to one collaborator at most.</summary>
public sealed class LinkTeamsIdentity(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<CollaboratorView>> ExecuteAsync(Actor actor, LinkTeamsIdentityRequest request, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.ManageCollaborators, out _) is { } refusal)
        {
            return refusal;
        }

        var validation = new Validation()
            .Check(FieldNames.TenantId, request.TenantId == Guid.Empty ? new Text("collaborator.teams.tenantRequired") : null)
            .Check(FieldNames.AadObjectId, request.AadObjectId == Guid.Empty ? new Text("collaborator.teams.objectRequired") : null);
        if (validation.HasErrors)
        {
            return validation.Failure;
        }

        var collaborator = await db.Collaborators.Include(c => c.Role).SingleOrDefaultAsync(c => c.Id == request.CollaboratorId, cancellationToken);
        if (collaborator is null)
        {
            return Failure.NotFound(new Text("collaborator.notFound", request.CollaboratorId));
        }

        if (collaborator.TeamsTenantId == request.TenantId && collaborator.TeamsAadObjectId == request.AadObjectId)
        {
            return CollaboratorView.From(collaborator);
        }

        var holder = await db.Collaborators
            .Where(c => c.TeamsTenantId == request.TenantId && c.TeamsAadObjectId == request.AadObjectId)
            .Select(c => new { c.Id, c.FullName })
            .SingleOrDefaultAsync(cancellationToken);
        if (holder is not null)
        {
            return Failure.Conflict(new Text("collaborator.teams.linkedToCollaborator", holder.Id, holder.FullName));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changes = new FieldChanges()
            .Add(FieldNames.TeamsTenantId, collaborator.TeamsTenantId, request.TenantId)
            .Add(FieldNames.TeamsAadObjectId, collaborator.TeamsAadObjectId, request.AadObjectId);
        collaborator.LinkTeams(request.TenantId, request.AadObjectId, now);
        db.Record(actor, now, "collaborator.teams_linked", AuditEntity.Collaborator, collaborator.Id, changes);
        return await db.TrySaveAsync(cancellationToken) is { } failed ? failed : CollaboratorView.From(collaborator);
    }
}

/// <summary>Removes a collaborator's Teams link: the bot no longer knows that Teams account.</summary>
public sealed class UnlinkTeamsIdentity(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<CollaboratorView>> ExecuteAsync(Actor actor, UnlinkTeamsIdentityRequest request, CancellationToken cancellationToken = default)
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

        if (collaborator.TeamsAadObjectId is null)
        {
            return CollaboratorView.From(collaborator);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changes = new FieldChanges()
            .Add(FieldNames.TeamsTenantId, collaborator.TeamsTenantId, null)
            .Add(FieldNames.TeamsAadObjectId, collaborator.TeamsAadObjectId, null);
        collaborator.UnlinkTeams(now);
        db.Record(actor, now, "collaborator.teams_unlinked", AuditEntity.Collaborator, collaborator.Id, changes);
        return await db.TrySaveAsync(cancellationToken) is { } failed ? failed : CollaboratorView.From(collaborator);
    }
}
