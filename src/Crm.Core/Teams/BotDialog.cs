using EpicEvents.Crm.Common;

namespace EpicEvents.Crm.Teams;

/// <summary>
/// A card dialog in progress in one conversation ("new client", "reject with a reason"…), kept in
/// the database so that it survives a restart and continues on any bot instance.
/// </summary>
public sealed class BotDialog : IVersioned
{
    private BotDialog()
    {
        ConversationKey = Kind = State = string.Empty;
    }

    internal BotDialog(string conversationKey, int collaboratorId, string kind, string state, DateTime now)
    {
        ConversationKey = conversationKey;
        CollaboratorId = collaboratorId;
        Kind = kind;
        State = state;
        CreatedAt = UpdatedAt = now;
        ExpiresAt = now + DialogStore.Lifetime;
    }

    public long Id { get; private set; }

    /// <summary>Built by the bot from the conversation id and the user id: one dialog per person and conversation.</summary>
    public string ConversationKey { get; private set; }

    public int CollaboratorId { get; private set; }

    public string Kind { get; private set; }

    /// <summary>The dialog's values so far, as JSON the bot writes and reads.</summary>
    public string State { get; private set; }

    /// <summary>The message id of the card being filled in, so that the bot can update it in place.</summary>
    public string? CardActivityId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public int Version { get; private set; }

    void IVersioned.NextVersion() => Version++;

    internal bool IsExpired(DateTime now) => ExpiresAt <= now;

    /// <summary>Each answer keeps the dialog alive for another lifetime: it expires when left alone.</summary>
    internal void Change(string kind, string state, string? cardActivityId, DateTime now)
    {
        Kind = kind;
        State = state;
        CardActivityId = cardActivityId;
        UpdatedAt = now;
        ExpiresAt = now + DialogStore.Lifetime;
    }
}
