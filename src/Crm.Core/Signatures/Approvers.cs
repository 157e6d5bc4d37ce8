using EpicEvents.Crm.Access;
using EpicEvents.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Signatures;

/// <summary>How an approval card can reach a manager in Teams.</summary>
public enum ApproverChannel
{
    /// <summary>In their chat with the bot, or in a chat the bot can open (the app is in their tenant).</summary>
    Teams,

    /// <summary>No Teams account is linked to them.</summary>
    NoTeamsAccount,

    /// <summary>They blocked the bot and have not written to it since.</summary>
    BlockedTheBot,

    /// <summary>Linked, but nobody of their tenant has the app: Teams will not let the bot open a chat.</summary>
    AppNotInstalled,
}

/// <summary>An active manager asked to approve a signature, and whether Teams can bring them the card.</summary>
public sealed record ApproverReach(int CollaboratorId, string FullName, ApproverChannel Channel);

/// <summary>A signature request just made, and the managers asked to decide it.</summary>
public sealed record SignatureRequestSent(SignatureRequestView Request, IReadOnlyList<ApproverReach> Approvers);

internal static class Approvers
{
    /// <summary>
    /// Every active manager and whether an approval card can reach them in Teams now, by name: what the
    /// requester is told, so that nobody believes Management was asked when the cards cannot arrive.
    /// </summary>
    public static async Task<IReadOnlyList<ApproverReach>> ReachAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var managers = await db.Collaborators.AsNoTracking()
            .Where(c => c.IsActive && c.Role.Department == Department.Management)
            .OrderBy(c => c.FullName).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.FullName,
                c.TeamsTenantId,
                Linked = c.TeamsAadObjectId != null,
                Chat = db.TeamsConversations.Where(t => t.CollaboratorId == c.Id).Select(t => new { Blocked = t.BlockedAt != null }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var tenants = managers.Where(m => m.TeamsTenantId != null).Select(m => m.TeamsTenantId!.Value.ToString("D")).Distinct().ToList();
        var installed = tenants.Count == 0
            ? []
            : (await db.TeamsConversations.AsNoTracking().Where(t => tenants.Contains(t.TenantId.ToLower())).Select(t => t.TenantId.ToLower()).Distinct().ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
        return managers.Select(m => new ApproverReach(m.Id, m.FullName, m switch
        {
            { Linked: false } or { TeamsTenantId: null } => ApproverChannel.NoTeamsAccount,
            { Chat.Blocked: true } => ApproverChannel.BlockedTheBot,
            { Chat: not null } => ApproverChannel.Teams,
            _ when installed.Contains(m.TeamsTenantId.Value.ToString("D")) => ApproverChannel.Teams,
            _ => ApproverChannel.AppNotInstalled,
        })).ToList();
    }
}
