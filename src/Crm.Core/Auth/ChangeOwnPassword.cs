using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Auth;

public sealed record ChangeOwnPasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>
/// A collaborator changes their own password (and so leaves a temporary one). Every other session
/// is revoked; the caller gets a fresh token for this one.
/// </summary>
public sealed class ChangeOwnPassword(CrmDbContext db, PasswordHashing hashing, PasswordPolicy policy, SessionTokens tokens, TimeProvider clock) : IUseCase
{
    public async Task<Result<SessionToken>> ExecuteAsync(Actor actor, ChangeOwnPasswordRequest request, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.ChangeOwnPassword, out _) is { } refusal)
        {
            return refusal;
        }

        var me = await db.Collaborators.SingleOrDefaultAsync(c => c.Id == actor.Id, cancellationToken);
        if (me is null)
        {
            return Failure.NotFound(new Text("collaborator.notFound", actor.Id));
        }

        if (hashing.Verify(me.PasswordHash, request.CurrentPassword ?? string.Empty) == PasswordCheck.Wrong)
        {
            return Failure.Invalid(FieldNames.CurrentPassword, new Text("password.currentWrong"));
        }

        if (policy.Check(request.NewPassword, me.Email) is { } weak)
        {
            return Failure.Invalid(FieldNames.NewPassword, weak);
        }

        if (request.NewPassword == request.CurrentPassword)
        {
            return Failure.Invalid(FieldNames.NewPassword, new Text("password.unchanged"));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        me.SetOwnPassword(hashing.Hash(request.NewPassword!), now);
        db.Record(actor, now, "collaborator.password_changed", AuditEntity.Collaborator, me.Id, new FieldChanges().Secret(FieldNames.Password));
        return await db.TrySaveAsync(cancellationToken) is { } failed ? failed : tokens.Issue(me.Id, me.SecurityStamp);
    }
}
