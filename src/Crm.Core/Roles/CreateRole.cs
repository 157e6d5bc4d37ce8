using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Roles;

public sealed record CreateRoleRequest(string? Name, Department Department);

/// <summary>Adds a job title to a department; its holders get that department's rights, whatever it is called.</summary>
public sealed class CreateRole(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<RoleView>> ExecuteAsync(Actor actor, CreateRoleRequest request, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.ManageRoles, out _) is { } refusal)
        {
            return refusal;
        }

        var name = RoleNames.Normalize(request.Name);
        var validation = new Validation()
            .Check(FieldNames.Name, RoleNames.Error(name))
            .Check(FieldNames.Department, request.Department == Department.Unknown || !Enum.IsDefined(request.Department)
                ? new Text("department.invalid")
                : null);
        if (!validation.Has(FieldNames.Name) && await db.TakenAsync(name, 0, cancellationToken))
        {
            validation.Check(FieldNames.Name, RoleNames.Taken);
        }

        if (validation.HasErrors)
        {
            return validation.Failure;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var role = new Role(name, request.Department);
        db.Roles.Add(role);
        var failure = await db.TrySaveInsertAsync(
            () => db.Record(actor, now, "role.created", AuditEntity.Role, role.Id, new FieldChanges()
                .Add(FieldNames.Name, null, name)
                .Add(FieldNames.Department, null, request.Department.Key())),
            cancellationToken);
        return failure is null ? RoleView.From(role) : failure;
    }
}
