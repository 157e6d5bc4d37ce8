using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Auth;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Collaborators;

/// <param name="TemporaryPassword">Left null, one is generated and returned once.</param>
public sealed record CreateCollaboratorRequest(string? FullName, string? Email, int RoleId, string? TemporaryPassword = null);

/// <summary>The new collaborator, and the temporary password to hand over (they must change it at first login).</summary>
public sealed record NewCollaborator(CollaboratorView Collaborator, string TemporaryPassword);

public sealed class CreateCollaborator(CrmDbContext db, PasswordHashing hashing, PasswordPolicy policy, TimeProvider clock) : IUseCase
{
    public async Task<Result<NewCollaborator>> ExecuteAsync(Actor actor, CreateCollaboratorRequest request, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.ManageCollaborators, out _) is { } refusal)
        {
            return refusal;
        }

        var fullName = FieldRules.NormalizeText(request.FullName);
        var email = FieldRules.NormalizeEmail(request.Email);
        var password = request.TemporaryPassword ?? PasswordPolicy.GenerateTemporary();
        var validation = new Validation()
            .Check(FieldNames.FullName, FieldRules.RequiredLineError(fullName, Limits.PersonName, FieldNames.WordedName(FieldNames.FullName)))
            .Check(FieldNames.Email, FieldRules.EmailError(email))
            .Check(FieldNames.TemporaryPassword, policy.Check(password, email));
        var role = await db.Roles.SingleOrDefaultAsync(r => r.Id == request.RoleId, cancellationToken);
        validation.Check(FieldNames.RoleId, role is null || role.Department == Department.Unknown ? new Text("role.notFound", request.RoleId) : null);
        if (!validation.Has(FieldNames.Email) && await db.Collaborators.AnyAsync(c => c.Email == email, cancellationToken))
        {
            validation.Check(FieldNames.Email, new Text("collaborator.email.taken"));
        }

        if (validation.HasErrors)
        {
            return validation.Failure;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var collaborator = new Collaborator(fullName, email, role!, hashing.Hash(password), now);
        db.Collaborators.Add(collaborator);
        var failure = await db.TrySaveInsertAsync(
            () =>
            {
                collaborator.AssignEmployeeNumber();
                db.Record(actor, now, "collaborator.created", AuditEntity.Collaborator, collaborator.Id, new FieldChanges()
                    .Add(FieldNames.EmployeeNumber, null, collaborator.EmployeeNumber)
                    .Add(FieldNames.FullName, null, fullName)
                    .Add(FieldNames.Email, null, email)
                    .Add(FieldNames.Role, null, role!.Name)
                    .Secret(FieldNames.Password));
            },
            cancellationToken);
        return failure is null ? new NewCollaborator(CollaboratorView.From(collaborator), password) : failure;
    }
}
