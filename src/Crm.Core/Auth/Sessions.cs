using EpicEvents.Crm.Access;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EpicEvents.Crm.Auth;

public enum SessionState
{
    Active,
    Expired,
    Revoked,
    Invalid,
}

/// <summary>A presented token, checked: the actor when <see cref="State"/> is Active, and a message otherwise.</summary>
public sealed record Session(SessionState State, Actor? Actor, DateTime ExpiresAt, string Message);

/// <summary>
/// Turns a token into the acting collaborator, reloaded from the database at every use: a changed
/// security stamp (password change, deactivation, role change, log out everywhere) revokes it.
/// </summary>
public sealed class Sessions(CrmDbContext db, SessionTokens tokens, ILogger<Sessions> logger)
{
    public async Task<Session> ResolveAsync(string? token, ChangeSource source, CancellationToken cancellationToken = default)
    {
        var check = await tokens.CheckAsync(token);
        switch (check.State)
        {
            case TokenState.Expired:
                return new Session(SessionState.Expired, null, default, "Your session has expired; log in again.");
            case TokenState.Invalid:
                CrmLog.InvalidSessionToken(logger, source, "invalid");
                return new Session(SessionState.Invalid, null, default, "The session token is not valid (tampered with or from another installation); log in again.");
        }

        var row = await db.Collaborators.AsNoTracking()
            .Where(c => c.Id == check.CollaboratorId)
            .Select(c => new { c.SecurityStamp, Actor = new Actor(c.Id, c.FullName, c.Role.Department, c.IsActive, c.MustChangePassword, source) })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null || !row.Actor.IsActive || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(row.SecurityStamp), System.Text.Encoding.UTF8.GetBytes(check.Stamp!)))
        {
            CrmLog.InvalidSessionToken(logger, source, "revoked");
            return new Session(SessionState.Revoked, null, default, "Your session was revoked (password or role changed, account deactivated, or logged out everywhere); log in again.");
        }

        return new Session(SessionState.Active, row.Actor, check.ExpiresAt, string.Empty);
    }
}
