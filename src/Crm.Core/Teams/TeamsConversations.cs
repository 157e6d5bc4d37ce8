using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Teams;

/// <summary>What the bot needs to write to someone first, as Teams gave it in their last message.</summary>
public sealed record TeamsConversationReference(
    string ServiceUrl,
    string ChannelId,
    string ConversationId,
    string ConversationType,
    string TenantId,
    string BotId,
    string? BotName,
    string UserId,
    string? AadObjectId,
    string? Locale);

/// <summary>A collaborator's linked Teams account: their tenant and Microsoft Entra object id.</summary>
public sealed record TeamsIdentity(Guid TenantId, Guid AadObjectId);

/// <summary>How the bot is reached in a tenant: its Bot Connector service URL and its Teams id (<c>28:…</c>).</summary>
public sealed record TeamsBotAddress(string ServiceUrl, string BotId, string? BotName);

/// <summary>
/// Each collaborator's 1:1 conversation reference, kept in the database so that proactive messages
/// (signature approvals, support assignments) survive restarts and can be sent by any bot instance.
/// </summary>
public sealed class TeamsConversations(CrmDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Stores the reference of the collaborator's personal conversation and clears a block, since they
    /// are talking to the bot again. Called on every message, so an unchanged reference costs one read
    /// and no write. A reference Teams could not have sent (a blank id, an oversized value) is a bug
    /// of the caller and throws <see cref="ArgumentException"/>.
    /// </summary>
    public async Task RememberAsync(int collaboratorId, TeamsConversationReference reference, CancellationToken cancellationToken = default)
    {
        Check(reference);
        var stored = await db.TeamsConversations.AsNoTracking().SingleOrDefaultAsync(c => c.CollaboratorId == collaboratorId, cancellationToken);
        await RememberAsync(collaboratorId, reference, stored is null ? null : new StoredTeamsConversation(stored.ToReference(), stored.IsBlocked), cancellationToken);
    }

    /// <summary>
    /// The same, when the caller has just read the stored reference (<see cref="TeamsActivityIntake"/>
    /// reads it with the sender's identity): no read, and a write only when the reference changed or
    /// was blocked.
    /// </summary>
    public async Task RememberAsync(int collaboratorId, TeamsConversationReference reference, StoredTeamsConversation? stored, CancellationToken cancellationToken = default)
    {
        Check(reference);
        if (stored is { Blocked: false } && stored.Reference == reference)
        {
            return;
        }

        // One statement, so that two first messages at once cannot both insert: the second updates.
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO teams_conversations (collaborator_id, service_url, channel_id, conversation_id, conversation_type, tenant_id, bot_id, bot_name, user_id, aad_object_id, locale, updated_at, blocked_at)
            VALUES ({collaboratorId}, {reference.ServiceUrl}, {reference.ChannelId}, {reference.ConversationId}, {reference.ConversationType}, {reference.TenantId}, {reference.BotId}, {reference.BotName}, {reference.UserId}, {reference.AadObjectId}, {reference.Locale}, {now}, NULL)
            ON CONFLICT (collaborator_id) DO UPDATE SET
                service_url = excluded.service_url,
                channel_id = excluded.channel_id,
                conversation_id = excluded.conversation_id,
                conversation_type = excluded.conversation_type,
                tenant_id = excluded.tenant_id,
                bot_id = excluded.bot_id,
                bot_name = excluded.bot_name,
                user_id = excluded.user_id,
                aad_object_id = excluded.aad_object_id,
                locale = excluded.locale,
                updated_at = excluded.updated_at,
                blocked_at = NULL
            """,
            cancellationToken);
    }

    /// <summary>The collaborator's conversation reference; null when there is none or they blocked the bot.</summary>
    public async Task<TeamsConversationReference?> FindAsync(int collaboratorId, CancellationToken cancellationToken = default)
    {
        var stored = await db.TeamsConversations.AsNoTracking()
            .SingleOrDefaultAsync(c => c.CollaboratorId == collaboratorId && c.BlockedAt == null, cancellationToken);
        return stored?.ToReference();
    }

    /// <summary>
    /// The Teams user ids (<c>29:…</c>) of those of the collaborators who have a 1:1 conversation with
    /// the bot, for a card's refresh list (Universal Actions take nothing else).
    /// </summary>
    public async Task<IReadOnlyList<string>> UserIdsAsync(IReadOnlyCollection<int> collaboratorIds, CancellationToken cancellationToken = default) =>
        await db.TeamsConversations.AsNoTracking()
            .Where(c => collaboratorIds.Contains(c.CollaboratorId) && c.BlockedAt == null && c.UserId.StartsWith("29:"))
            .OrderBy(c => c.CollaboratorId)
            .Select(c => c.UserId)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Forgets the collaborator's chat with the bot: Teams said it is gone (the app was removed, the
    /// bot is no longer in it). The next notification opens a new one if Teams lets it.
    /// </summary>
    public Task ForgetAsync(int collaboratorId, CancellationToken cancellationToken = default) =>
        db.TeamsConversations.Where(c => c.CollaboratorId == collaboratorId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>True when the collaborator blocked the bot (Teams refused a write) and has not written to it since.</summary>
    public Task<bool> IsBlockedAsync(int collaboratorId, CancellationToken cancellationToken = default) =>
        db.TeamsConversations.AnyAsync(c => c.CollaboratorId == collaboratorId && c.BlockedAt != null, cancellationToken);

    /// <summary>
    /// Records that Teams refused a write (403 MessageWritesBlocked): nothing more is sent to this
    /// collaborator until they write to the bot again.
    /// </summary>
    public async Task MarkBlockedAsync(int collaboratorId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.TeamsConversations
            .Where(c => c.CollaboratorId == collaboratorId && c.BlockedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.BlockedAt, now), cancellationToken);
    }

    /// <summary>
    /// The Teams account linked to the collaborator, to open a 1:1 chat with them when they have
    /// none with the bot yet; null when none is linked.
    /// </summary>
    public async Task<TeamsIdentity?> LinkedIdentityAsync(int collaboratorId, CancellationToken cancellationToken = default)
    {
        var linked = await db.Collaborators.AsNoTracking()
            .Where(c => c.Id == collaboratorId && c.TeamsTenantId != null && c.TeamsAadObjectId != null)
            .Select(c => new { c.TeamsTenantId, c.TeamsAadObjectId })
            .SingleOrDefaultAsync(cancellationToken);
        return linked is null ? null : new TeamsIdentity(linked.TeamsTenantId!.Value, linked.TeamsAadObjectId!.Value);
    }

    /// <summary>
    /// Where the bot is reached in a tenant (the Bot Connector's service URL and the bot's id), as
    /// the latest conversation stored for anyone of that tenant says; null when nobody of the tenant
    /// has talked to the bot yet. A blocked conversation still tells where the bot is.
    /// </summary>
    public async Task<TeamsBotAddress?> BotAddressInTenantAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        // Teams writes tenant ids in lower case; a reference typed by hand may not be.
        var tenant = tenantId.ToString("D");
        return await db.TeamsConversations.AsNoTracking()
            .Where(c => c.TenantId.ToLower() == tenant)
            .OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.CollaboratorId)
            .Select(c => new TeamsBotAddress(c.ServiceUrl, c.BotId, c.BotName))
            .FirstOrDefaultAsync(cancellationToken);
    }

    private static void Check(TeamsConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        Required(reference.ServiceUrl, Limits.TeamsServiceUrl, nameof(reference.ServiceUrl));
        Required(reference.ChannelId, Limits.TeamsChannelId, nameof(reference.ChannelId));
        Required(reference.ConversationId, Limits.TeamsId, nameof(reference.ConversationId));
        Required(reference.ConversationType, Limits.TeamsConversationType, nameof(reference.ConversationType));
        Required(reference.TenantId, Limits.TeamsId, nameof(reference.TenantId));
        Required(reference.BotId, Limits.TeamsId, nameof(reference.BotId));
        Optional(reference.BotName, Limits.TeamsName, nameof(reference.BotName));
        Required(reference.UserId, Limits.TeamsId, nameof(reference.UserId));
        Optional(reference.AadObjectId, Limits.TeamsId, nameof(reference.AadObjectId));
        Optional(reference.Locale, Limits.Locale, nameof(reference.Locale));
    }

    private static void Required(string value, int max, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        Optional(value, max, name);
    }

    private static void Optional(string? value, int max, string name)
    {
        if (value?.Length > max)
        {
            throw new ArgumentException($"A conversation reference's {name} has at most {max} characters.", name);
        }
    }
}
