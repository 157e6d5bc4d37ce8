using System.Text.Json;
using System.Text.Json.Serialization;

namespace EpicEvents.Bot.Protocol.Schema;

/// <summary>
/// One Bot Framework activity. Known fields are typed; every other field lands in
/// <see cref="AdditionalProperties"/> and is written back unchanged.
/// </summary>
public sealed class Activity
{
    /// <summary>See <see cref="ActivityTypes"/>.</summary>
    public string? Type { get; set; }

    public string? Id { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public DateTimeOffset? LocalTimestamp { get; set; }

    public string? LocalTimezone { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public string? TextFormat { get; set; }

    public string? AttachmentLayout { get; set; }

    public IList<ChannelAccount>? MembersAdded { get; set; }

    public IList<ChannelAccount>? MembersRemoved { get; set; }

    public string? Locale { get; set; }

    public string? Text { get; set; }

    public string? Summary { get; set; }

    public IList<Attachment>? Attachments { get; set; }

    public IList<Entity>? Entities { get; set; }

    /// <summary>Channel-specific data; in Teams see <see cref="GetTeamsChannelData"/>.</summary>
    public JsonElement? ChannelData { get; set; }

    /// <summary>The <c>action</c> of an <c>installationUpdate</c> (see <see cref="InstallationUpdateActions"/>).</summary>
    public string? Action { get; set; }

    public string? ReplyToId { get; set; }

    /// <summary>The payload of an <c>Action.Submit</c> message or of an invoke, as sent.</summary>
    public JsonElement? Value { get; set; }

    /// <summary>The name of an invoke or event activity (e.g. <c>adaptiveCard/action</c>).</summary>
    public string? Name { get; set; }

    public ConversationReference? RelatesTo { get; set; }

    public string? InputHint { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A new outgoing message activity with the given text.</summary>
    public static Activity CreateMessage(string? text = null) => new() { Type = ActivityTypes.Message, Text = text };

    /// <summary>
    /// The reference to store for writing into this conversation later. Membership and installation
    /// events are not messages one can reply under, so their references carry no activity id.
    /// </summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Type is ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate ? null : Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Locale = Locale,
    };

    /// <summary>A message from the recipient back to the sender, in the same conversation, replying to this activity.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        From = CopyAccount(Recipient),
        Recipient = CopyAccount(From),
        Conversation = Conversation,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        ReplyToId = Id,
        Locale = Locale,
        Text = text,
    };

    /// <summary>
    /// Addresses this (outgoing) activity to the conversation of <paramref name="reference"/>:
    /// from the bot, to the user, replying to the reference's activity when it has one.
    /// </summary>
    public Activity ApplyConversationReference(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ChannelId = reference.ChannelId;
        ServiceUrl = reference.ServiceUrl;
        Conversation = reference.Conversation;
        From = reference.Bot;
        Recipient = reference.User;
        Locale ??= reference.Locale;
        ReplyToId ??= reference.ActivityId;
        return this;
    }

    /// <summary>The tenant of the conversation: <c>conversation.tenantId</c>, else <c>channelData.tenant.id</c>.</summary>
    public string? GetTenantId() => Conversation?.TenantId ?? GetTeamsChannelData()?.Tenant?.Id;

    /// <summary>The Teams <c>channelData</c>, or null when absent or not an object.</summary>
    public TeamsChannelData? GetTeamsChannelData() =>
        ChannelData is { ValueKind: JsonValueKind.Object } data ? ProtocolJson.Read<TeamsChannelData>(data) : null;

    /// <summary>
    /// Reads <see cref="Value"/> as <typeparamref name="T"/>; null when there is no value.
    /// Throws <see cref="JsonException"/> when the value does not have the expected shape.
    /// </summary>
    public T? GetValue<T>() => Value is { } value && value.ValueKind != JsonValueKind.Null ? ProtocolJson.Read<T>(value) : default;

    /// <summary>The <c>mention</c> entities of this activity.</summary>
    public IReadOnlyList<Mention> GetMentions() =>
        Entities?.Select(entity => entity.AsMention()).OfType<Mention>().ToList() ?? [];

    /// <summary>True when <c>membersAdded</c> contains the recipient, i.e. the bot itself was added.</summary>
    public bool IsRecipientAdded() =>
        MembersAdded?.Any(member => member.Id is not null && member.Id == Recipient?.Id) == true;

    /// <summary>
    /// The text with every mention of <paramref name="accountId"/> removed, the remaining
    /// <c>&lt;at&gt;Name&lt;/at&gt;</c> tags reduced to their names, trimmed. Does not change <see cref="Text"/>.
    /// </summary>
    public string RemoveMentionText(string? accountId)
    {
        var text = Text ?? string.Empty;
        if (accountId is not null)
        {
            foreach (var mention in GetMentions())
            {
                if (mention.Mentioned?.Id == accountId && !string.IsNullOrEmpty(mention.Text))
                {
                    text = text.Replace(mention.Text, " ", StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        return MentionText.Unwrap(text);
    }

    /// <summary>The text without the bot's own mention (how a command is addressed in channels), ready to parse.</summary>
    public string RemoveRecipientMention() => RemoveMentionText(Recipient?.Id);

    private static ChannelAccount? CopyAccount(ChannelAccount? account) => account is null
        ? null
        : new ChannelAccount { Id = account.Id, Name = account.Name, AadObjectId = account.AadObjectId, Role = account.Role };
}
