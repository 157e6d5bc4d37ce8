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

    /// <summary>The Teams user ids of those of the collaborators who have a 1:1 conversation with the bot (for a card's refresh list).</summary>
    public async Task<IReadOnlyList<string>> UserIdsAsync(IReadOnlyCollection<int> collaboratorIds, CancellationToken cancellationToken = default) =>
        await db.TeamsConversations.AsNoTracking()
            .Where(c => collaboratorIds.Contains(c.CollaboratorId) && c.BlockedAt == null)
            .OrderBy(c => c.CollaboratorId)
            .Select(c => c.UserId)
            .ToListAsync(cancellationToken);

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
