using EpicEvents.Crm.Access;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Telemetry;
using Microsoft.Extensions.Logging;

namespace EpicEvents.Crm.Auth;

public enum SessionState
{
    Active,
    Expired,
    Revoked,
    Invalid,
}

/// <summary>A presented token, checked: the actor when <see cref="State"/> is Active, and why not otherwise.</summary>
public sealed record Session(SessionState State, Actor? Actor, DateTime ExpiresAt, Text? Message);

/// <summary>
/// Turns a token into the acting collaborator, reloaded from the database at every use: a changed
/// security stamp (password change, deactivation, role change, log out everywhere) revokes it.
/// The query runs on the scope's EF Core context, or on a plain SQLite connection in a command-line
/// listing (<see cref="PlainSqliteReads"/>): the same SQL and checks either way.
/// </summary>
public sealed class Sessions(SqlSource sql, SessionTokens tokens, ILogger<Sessions> logger)
{
    public async Task<Session> ResolveAsync(string? token, ChangeSource source, CancellationToken cancellationToken = default)
    {
        var check = await tokens.CheckAsync(token);
        switch (check.State)
        {
            case TokenState.Expired:
                return new Session(SessionState.Expired, null, default, new Text("session.expired"));
            case TokenState.Invalid:
                CrmLog.InvalidSessionToken(logger, source, "invalid");
                return new Session(SessionState.Invalid, null, default, new Text("session.invalid"));
        }

        var row = await ReadCollaboratorAsync(check.CollaboratorId, source, cancellationToken);
        if (row is not { } found || !found.Actor.IsActive || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(found.SecurityStamp), System.Text.Encoding.UTF8.GetBytes(check.Stamp!)))
        {
            CrmLog.InvalidSessionToken(logger, source, "revoked");
            return new Session(SessionState.Revoked, null, default, new Text("session.revoked"));
        }

        return new Session(SessionState.Active, found.Actor, check.ExpiresAt, null);
    }

    /// <summary>
    /// The collaborator behind a token and their current stamp, in SQL: every command and bot turn
    /// runs it first, and EF Core would translate it anew in each CLI process (ADR 24).
    /// </summary>
    private async Task<(string SecurityStamp, Actor Actor)?> ReadCollaboratorAsync(int collaboratorId, ChangeSource source, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT c.security_stamp, c.full_name, r.department, c.is_active, c.must_change_password "
            + "FROM collaborators c JOIN roles r ON r.id = c.role_id WHERE c.id = {0}";
        await using var reader = await sql.ReadAsync(Sql, [collaboratorId], cancellationToken);
        var row = reader.Rows;
        if (!await row.ReadAsync(cancellationToken))
        {
            return null;
        }

        var actor = new Actor(collaboratorId, row.GetString(1), DepartmentNames.ParseOrUnknown(row.GetString(2)), row.GetBoolean(3), row.GetBoolean(4), source);
        return (row.GetString(0), actor);
    }
}
