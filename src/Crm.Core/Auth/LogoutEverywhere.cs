using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Auth;

/// <summary>Rotates the caller's security stamp: every token issued so far stops working.</summary>
public sealed class LogoutEverywhere(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<Done>> ExecuteAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        // Guarding one's own credentials is allowed even with a temporary password, never to a deactivated account.
        if (PermissionMatrix.Check(actor, CrmAction.ChangeOwnPassword, out _) is { } refusal)
        {
            return refusal;
        }

        var me = await db.Collaborators.SingleOrDefaultAsync(c => c.Id == actor.Id, cancellationToken);
        if (me is null)
        {
            return Failure.NotFound(new Text("collaborator.notFound", actor.Id));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        me.RotateStamp();
        db.Record(actor, now, "collaborator.logged_out_everywhere", AuditEntity.Collaborator, me.Id);
        return await db.TrySaveAsync(cancellationToken) is { } failed ? failed : new Done();
    }
}
