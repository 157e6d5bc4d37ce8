namespace EpicEvents.Bot.Protocol.Schema;

/// <summary>
/// Everything needed to write into a conversation later (proactive messages). A plain record that
/// serialises with <see cref="ProtocolJson.Options"/> so the host can store it and reuse it after a restart.
/// </summary>
public sealed record ConversationReference
{
    /// <summary>The activity this reference was taken from; replies thread under it.</summary>
    public string? ActivityId { get; init; }

    public ChannelAccount? User { get; init; }

    public ChannelAccount? Bot { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? ChannelId { get; init; }

    public string? ServiceUrl { get; init; }

    public string? Locale { get; init; }
}
