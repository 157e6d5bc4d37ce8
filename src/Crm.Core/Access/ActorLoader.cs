using EpicEvents.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Access;

/// <summary>
/// Loads the acting collaborator afresh for every command or turn, so that a deactivation or a
/// role change takes effect at once.
/// </summary>
public sealed class ActorLoader(CrmDbContext db)
{
    public async Task<Actor?> LoadAsync(int collaboratorId, ChangeSource source, CancellationToken cancellationToken = default) =>
        await db.Collaborators.AsNoTracking()
            .Where(c => c.Id == collaboratorId)
            .Select(c => new Actor(c.Id, c.FullName, c.Role.Department, c.IsActive, c.MustChangePassword, source, c.PreferredLanguage))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The collaborator linked to a Teams identity — a Microsoft Entra ID tenant and object id — if
    /// any: the person behind a Teams activity, or behind an Entra access token sent to the API.
    /// </summary>
    public async Task<Actor?> LoadByTeamsIdentityAsync(Guid tenantId, Guid aadObjectId, CancellationToken cancellationToken = default, ChangeSource source = ChangeSource.Bot) =>
        await db.Collaborators.AsNoTracking()
            .Where(c => c.TeamsTenantId == tenantId && c.TeamsAadObjectId == aadObjectId)
            .Select(c => new Actor(c.Id, c.FullName, c.Role.Department, c.IsActive, c.MustChangePassword, source, c.PreferredLanguage))
            .SingleOrDefaultAsync(cancellationToken);
}
