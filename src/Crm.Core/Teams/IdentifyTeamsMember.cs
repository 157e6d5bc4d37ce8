using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Teams;

/// <summary>
/// The person behind a Teams activity, as the Bot Framework's signed token vouches for them; the
/// email is the verified one of their Teams profile, if the bot fetched it.
/// </summary>
public sealed record TeamsMember(Guid TenantId, Guid AadObjectId, string? Email, string? Name);

public enum TeamsIdentificationOutcome
{
    /// <summary>The Teams account is linked to an active collaborator.</summary>
    Linked,

    /// <summary>Linked just now, by the verified email, in a tenant where auto-linking is on.</summary>
    AutoLinked,

    /// <summary>No collaborator: the person gets a polite refusal and no data.</summary>
    Unknown,

    /// <summary>Linked to a deactivated collaborator, who has no rights.</summary>
    Inactive,
}

/// <summary>Who is talking to the bot; <see cref="Actor"/> is set for Linked and AutoLinked only.</summary>
public sealed record TeamsIdentification(TeamsIdentificationOutcome Outcome, Actor? Actor);

/// <summary>
/// Maps a Teams member to the acting collaborator (SPEC §4): by the linked Teams identity, or — only
/// in the tenants configured for it — by linking the active collaborator with the member's verified
/// email, provided that collaborator is not linked to another Teams account.
/// </summary>
public sealed class IdentifyTeamsMember(CrmDbContext db, TimeProvider clock) : IUseCase
{
    private static readonly TeamsIdentification Unknown = new(TeamsIdentificationOutcome.Unknown, null);

    public async Task<TeamsIdentification> ExecuteAsync(TeamsMember member, IReadOnlyCollection<Guid> autoLinkTenants, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(autoLinkTenants);
        if (member.TenantId == Guid.Empty || member.AadObjectId == Guid.Empty)
        {
            return Unknown;
        }

        var (identification, raced) = await IdentifyOnceAsync(member, autoLinkTenants, cancellationToken);
        if (identification.Outcome == TeamsIdentificationOutcome.Unknown && raced)
        {
            // Another message of the same person was linking the account at the same moment: once
            // it has committed, a fresh look finds the link.
            db.ChangeTracker.Clear();
            (identification, _) = await IdentifyOnceAsync(member, autoLinkTenants, cancellationToken);
        }

        return identification;
    }

    private async Task<(TeamsIdentification Identification, bool Raced)> IdentifyOnceAsync(TeamsMember member, IReadOnlyCollection<Guid> autoLinkTenants, CancellationToken cancellationToken)
    {
        var actors = new ActorLoader(db);
        if (await IdentifyLinkedAsync(actors, member, cancellationToken) is { } linked)
        {
            return (linked, false);
        }

        var email = FieldRules.NormalizeEmail(member.Email);
        if (!autoLinkTenants.Contains(member.TenantId) || email.Length == 0)
        {
            return (Unknown, false);
        }

        var collaborator = await db.Collaborators.SingleOrDefaultAsync(c => c.Email == email && c.IsActive, cancellationToken);
        if (collaborator is null)
        {
            return (Unknown, false);
        }

        if (collaborator.TeamsTenantId is not null || collaborator.TeamsAadObjectId is not null)
        {
            // Another message of the same person may have linked it since the first lookup; a link to
            // another Teams account is never replaced.
            return collaborator.TeamsTenantId == member.TenantId && collaborator.TeamsAadObjectId == member.AadObjectId
                ? (await IdentifyLinkedAsync(actors, member, cancellationToken) ?? Unknown, true)
                : (Unknown, false);
        }

        var actor = (await actors.LoadAsync(collaborator.Id, ChangeSource.Bot, cancellationToken))!;
        var now = clock.GetUtcNow().UtcDateTime;
        var changes = new FieldChanges()
            .Add(FieldNames.TeamsTenantId, collaborator.TeamsTenantId, member.TenantId)
            .Add(FieldNames.TeamsAadObjectId, collaborator.TeamsAadObjectId, member.AadObjectId);
        collaborator.LinkTeams(member.TenantId, member.AadObjectId, now);
        db.Record(actor, now, "collaborator.teams_auto_linked", AuditEntity.Collaborator, collaborator.Id, changes);
        if (await db.TrySaveAsync(cancellationToken) is not null)
        {
            // Another message of the same person linked the account first (the collaborator's version
            // or the unique Teams identity refused this save), or the collaborator changed meanwhile:
            // what counts is what the database now holds.
            return (await IdentifyLinkedAsync(actors, member, cancellationToken) ?? Unknown, true);
        }

        return (new(TeamsIdentificationOutcome.AutoLinked, actor), false);
    }

    private static async Task<TeamsIdentification?> IdentifyLinkedAsync(ActorLoader actors, TeamsMember member, CancellationToken cancellationToken) =>
        await actors.LoadByTeamsIdentityAsync(member.TenantId, member.AadObjectId, cancellationToken) switch
        {
            null => null,
            { IsActive: true } actor => new(TeamsIdentificationOutcome.Linked, actor),
            _ => new(TeamsIdentificationOutcome.Inactive, null),
        };
}
