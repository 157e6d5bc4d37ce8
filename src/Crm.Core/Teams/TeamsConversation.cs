namespace EpicEvents.Crm.Teams;

/// <summary>
/// A collaborator's 1:1 (personal) conversation with the bot: where a proactive message to them goes.
/// Rows are written by <see cref="TeamsConversations"/> in one upsert statement, so there is no
/// constructor beyond the one EF Core reads with.
/// </summary>
public sealed class TeamsConversation
{
    private TeamsConversation()
    {
        ServiceUrl = ChannelId = ConversationId = ConversationType = TenantId = BotId = UserId = string.Empty;
    }

    public int CollaboratorId { get; private set; }

    public string ServiceUrl { get; private set; }

    public string ChannelId { get; private set; }

    public string ConversationId { get; private set; }

    public string ConversationType { get; private set; }

    public string TenantId { get; private set; }

    public string BotId { get; private set; }

    public string? BotName { get; private set; }

    public string UserId { get; private set; }

    public string? AadObjectId { get; private set; }

    public string? Locale { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>When Teams refused a write because the person blocked or removed the bot.</summary>
    public DateTime? BlockedAt { get; private set; }

    internal bool IsBlocked => BlockedAt is not null;

    internal TeamsConversationReference ToReference() =>
        new(ServiceUrl, ChannelId, ConversationId, ConversationType, TenantId, BotId, BotName, UserId, AadObjectId, Locale);
}
