using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Auth;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Collaborators;

/// <param name="TemporaryPassword">Left null, one is generated.</param>
public sealed record ResetPasswordRequest(int CollaboratorId, string? TemporaryPassword = null);

/// <summary>The temporary password to hand over, shown this once; it must be changed at the next login.</summary>
public sealed record PasswordReset(CollaboratorView Collaborator, string TemporaryPassword);

/// <summary>
/// Management sets a temporary password: every session of the collaborator is revoked, a lockout
/// is lifted, and nothing but a password change is allowed until they choose their own.
/// </summary>
public sealed class ResetPassword(CrmDbContext db, PasswordHashing hashing, PasswordPolicy policy, TimeProvider clock) : IUseCase
{
    public async Task<Result<PasswordReset>> ExecuteAsync(Actor actor, ResetPasswordRequest request, CancellationToken cancellationToken = default)
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

        var password = request.TemporaryPassword ?? PasswordPolicy.GenerateTemporary();
        if (policy.Check(password, collaborator.Email) is { } weak)
        {
            return Failure.Invalid(FieldNames.TemporaryPassword, weak);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        collaborator.SetTemporaryPassword(hashing.Hash(password), now);
        db.Record(actor, now, "collaborator.password_reset", AuditEntity.Collaborator, collaborator.Id, new FieldChanges().Secret(FieldNames.Password));
        return await db.TrySaveAsync(cancellationToken) is { } failed ? failed : new PasswordReset(CollaboratorView.From(collaborator), password);
    }
}
