using System.Text.Json;
using System.Text.Json.Serialization;

namespace EpicEvents.Bot.Protocol.Schema;

/// <summary>The JSON conventions of the Bot Framework wire format.</summary>
public static class ProtocolJson
{
    /// <summary>camelCase names, case-insensitive reading, nulls left out when writing.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Reads a JSON element (an activity's <c>value</c>, a card) into a typed shape.</summary>
    public static T? Read<T>(JsonElement element) => element.Deserialize<T>(Options);

    /// <summary>Turns any serialisable value (a card built as a <c>JsonNode</c>, a record) into a JSON element.</summary>
    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new UtcTimestampConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
