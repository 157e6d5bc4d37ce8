using System.Text.Json;
using System.Text.Json.Serialization;

namespace EpicEvents.Bot.Protocol.Schema;

/// <summary>
/// Metadata attached to an activity (<c>mention</c>, <c>clientInfo</c>, …). Only the type is typed;
/// the rest stays as JSON so unknown entity types pass through untouched.
/// </summary>
public sealed class Entity
{
    public string? Type { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Reads this entity as a mention, or null when it is of another type.</summary>
    public Mention? AsMention()
    {
        if (!string.Equals(Type, Mention.EntityType, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return ProtocolJson.Read<Mention>(ProtocolJson.ToElement(this));
    }

    /// <summary>Builds the entity that accompanies an <c>&lt;at&gt;name&lt;/at&gt;</c> in an outgoing text.</summary>
    public static Entity FromMention(Mention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var entity = ProtocolJson.Read<Entity>(ProtocolJson.ToElement(mention with { Type = Mention.EntityType }));
        return entity ?? throw new InvalidOperationException("A mention always serialises to an object.");
    }
}

/// <summary>A <c>mention</c> entity: who is mentioned and the exact text (<c>&lt;at&gt;Name&lt;/at&gt;</c>) standing for them.</summary>
public sealed record Mention
{
    public const string EntityType = "mention";

    public string? Type { get; init; } = EntityType;

    public ChannelAccount? Mentioned { get; init; }

    public string? Text { get; init; }
}
