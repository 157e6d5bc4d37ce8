using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Roles;

public sealed record DeleteRoleRequest(int RoleId);

/// <summary>Deletes a role nobody holds, deactivated collaborators included (their history names it).</summary>
public sealed class DeleteRole(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<Done>> ExecuteAsync(Actor actor, DeleteRoleRequest request, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.ManageRoles, out _) is { } refusal)
        {
            return refusal;
        }

        var role = await db.Roles.SingleOrDefaultAsync(r => r.Id == request.RoleId, cancellationToken);
        if (role is null)
        {
            return Failure.NotFound(new Text("role.notFound", request.RoleId));
        }

        var holders = await db.Collaborators.CountAsync(c => c.RoleId == role.Id, cancellationToken);
        if (holders > 0)
        {
            return Failure.Conflict(new Text("role.delete.inUse", role.Name, holders));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Roles.Remove(role);
        db.Record(actor, now, "role.deleted", AuditEntity.Role, role.Id, new FieldChanges()
            .Add(FieldNames.Name, role.Name, null)
            .Add(FieldNames.Department, role.Department.Key(), null));
        return await db.TrySaveAsync(cancellationToken) is { } failed ? failed : new Done();
    }
}
