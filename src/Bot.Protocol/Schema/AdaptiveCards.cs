using System.Text.Json;
using System.Text.Json.Nodes;

namespace EpicEvents.Bot.Protocol.Schema;

/// <summary>Content types and attachment building for cards.</summary>
public static class AdaptiveCards
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string ThumbnailContentType = "application/vnd.microsoft.card.thumbnail";
    public const string Version = "1.5";

    /// <summary>Wraps an Adaptive Card's JSON into an attachment.</summary>
    public static Attachment ToAttachment(JsonElement card) => new() { ContentType = ContentType, Content = card };

    /// <summary>Wraps an Adaptive Card built as a <see cref="JsonNode"/> into an attachment.</summary>
    public static Attachment ToAttachment(JsonNode card) => ToAttachment(ProtocolJson.ToElement(card));

    /// <summary>A message activity carrying one Adaptive Card.</summary>
    public static Activity ToMessage(JsonElement card, string? summary = null) => new()
    {
        Type = ActivityTypes.Message,
        Summary = summary,
        Attachments = [ToAttachment(card)],
    };

    /// <summary>A message-extension result: the card to share and a thumbnail preview for the result list.</summary>
    public static MessagingExtensionAttachment ToSearchResult(JsonElement card, string title, string? subtitle = null, string? text = null) => new()
    {
        ContentType = ContentType,
        Content = card,
        Preview = new Attachment
        {
            ContentType = ThumbnailContentType,
            Content = ProtocolJson.ToElement(new ThumbnailCard(title, subtitle, text)),
        },
    };

    private sealed record ThumbnailCard(string Title, string? Subtitle, string? Text);
}
