using System.Text.Json;
using System.Text.Json.Serialization;

namespace EpicEvents.Bot.Protocol.Schema;

/// <summary>
/// Writes UTC timestamps with a <c>Z</c> suffix, as the channels send them, so that activities
/// round-trip unchanged; other offsets are written as they are.
/// </summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        if (value.Offset == TimeSpan.Zero)
        {
            writer.WriteStringValue(value.UtcDateTime);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
