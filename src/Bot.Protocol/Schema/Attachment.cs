using System.Text.Json;
using System.Text.Json.Serialization;

namespace EpicEvents.Bot.Protocol.Schema;

/// <summary>A file or card carried by an activity.</summary>
public class Attachment
{
    public string? ContentType { get; set; }

    public string? ContentUrl { get; set; }

    /// <summary>The card or other structured content, kept as JSON.</summary>
    public JsonElement? Content { get; set; }

    public string? Name { get; set; }

    public string? ThumbnailUrl { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
