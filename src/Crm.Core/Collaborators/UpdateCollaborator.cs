using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Collaborators;

/// <summary>Fields left null keep their value. <paramref name="ExpectedVersion"/> guards a form filled from an older read.</summary>
public sealed record UpdateCollaboratorRequest(
    int CollaboratorId,
    string? FullName = null,
    string? Email = null,
    int? RoleId = null,
    int? ExpectedVersion = null);

/// <summary>
/// Renames a collaborator, changes their email or their role. A role change revokes their sessions
/// (the new rights apply at once); a change of department is refused while they still own work, and
/// never leaves the company without an active manager.
/// </summary>
public sealed class UpdateCollaborator(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<CollaboratorView>> ExecuteAsync(Actor actor, UpdateCollaboratorRequest request, CancellationToken cancellationToken = default)
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

        if (request.ExpectedVersion is { } expected && expected != collaborator.Version)
        {
            return UnitOfWork.ConcurrentEdit;
        }

        var fullName = FieldRules.NormalizeText(request.FullName ?? collaborator.FullName);
        var email = FieldRules.NormalizeEmail(request.Email ?? collaborator.Email);
        var validation = new Validation()
            .Check(FieldNames.FullName, FieldRules.RequiredLineError(fullName, Limits.PersonName, FieldNames.WordedName(FieldNames.FullName)))
            .Check(FieldNames.Email, FieldRules.EmailError(email));
        var role = collaborator.Role;
        if (request.RoleId is { } roleId && roleId != collaborator.RoleId)
        {
            var newRole = await db.Roles.SingleOrDefaultAsync(r => r.Id == roleId, cancellationToken);
            validation.Check(FieldNames.RoleId, newRole is null || newRole.Department == Department.Unknown ? new Text("role.notFound", roleId) : null);
            role = newRole ?? role;
        }

        if (!validation.Has(FieldNames.Email) && email != collaborator.Email
            && await db.Collaborators.AnyAsync(c => c.Email == email && c.Id != collaborator.Id, cancellationToken))
        {
            validation.Check(FieldNames.Email, new Text("collaborator.email.taken"));
        }

        if (validation.HasErrors)
        {
            return validation.Failure;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var oldDepartment = collaborator.Role.Department;
        var leavesManagement = oldDepartment == Department.Management && role.Department != Department.Management;
        if (role.Department != oldDepartment && await DepartmentChangeRefusalAsync(actor, collaborator, leavesManagement, now, cancellationToken) is { } refused)
        {
            return refused;
        }

        var changes = new FieldChanges()
            .Add(FieldNames.FullName, collaborator.FullName, fullName)
            .Add(FieldNames.Email, collaborator.Email, email)
            .Add(FieldNames.Role, collaborator.Role.Name, role.Name)
            .Add(FieldNames.Department, oldDepartment.Key(), role.Department.Key());
        if (!changes.Any)
        {
            return CollaboratorView.From(collaborator);
        }

        collaborator.Rename(fullName, now);
        collaborator.ChangeEmail(email, now);
        collaborator.ChangeRole(role, now);
        db.Record(actor, now, "collaborator.updated", AuditEntity.Collaborator, collaborator.Id, changes);
        var failure = leavesManagement && collaborator.IsActive
            ? await db.TrySaveKeepingAManagerAsync(collaborator, cancellationToken)
            : await db.TrySaveAsync(cancellationToken);
        return failure is null ? CollaboratorView.From(collaborator) : failure;
    }

    private async Task<Failure?> DepartmentChangeRefusalAsync(Actor actor, Collaborator collaborator, bool leavesManagement, DateTime now, CancellationToken cancellationToken)
    {
        if (leavesManagement && collaborator.Id == actor.Id)
        {
            return Failure.Conflict(new Text("collaborator.moveSelf"));
        }

        if (leavesManagement && collaborator.IsActive && !await db.AnotherActiveManagerAsync(collaborator.Id, cancellationToken))
        {
            return StaffRules.LastManager(collaborator.FullName, "collaborator.lastManager.move");
        }

        // A client's sales contact must be in Sales and an event's support contact in Support.
        var work = await Workload.OfAsync(db, collaborator, now, cancellationToken);
        return work.IsEmpty
            ? null
            : Failure.Conflict(new Text("collaborator.move.stillOwns", work.Describe(collaborator.FullName)));
    }
}
