using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Roles;

public sealed record RenameRoleRequest(int RoleId, string? Name, int? ExpectedVersion = null);

/// <summary>Renames a role. Rights come from the department, so no session is affected.</summary>
public sealed class RenameRole(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<RoleView>> ExecuteAsync(Actor actor, RenameRoleRequest request, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.ManageRoles, out _) is { } refusal)
        {
            return refusal;
        }

        var name = RoleNames.Normalize(request.Name);
        if (RoleNames.Error(name) is { } invalid)
        {
            return Failure.Invalid(FieldNames.Name, invalid);
        }

        var role = await db.Roles.SingleOrDefaultAsync(r => r.Id == request.RoleId, cancellationToken);
        if (role is null)
        {
            return Failure.NotFound(new Text("role.notFound", request.RoleId));
        }

        if (request.ExpectedVersion is { } expected && expected != role.Version)
        {
            return UnitOfWork.ConcurrentEdit;
        }

        if (name == role.Name)
        {
            return RoleView.From(role);
        }

        if (await db.TakenAsync(name, role.Id, cancellationToken))
        {
            return Failure.Invalid(FieldNames.Name, RoleNames.Taken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changes = new FieldChanges().Add(FieldNames.Name, role.Name, name);
        role.Rename(name);
        db.Record(actor, now, "role.renamed", AuditEntity.Role, role.Id, changes);
        return await db.TrySaveAsync(cancellationToken) is { } failed ? failed : RoleView.From(role);
    }
}
