using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EpicEvents.Bot.Cards;

/// <summary>
/// Expands a card template: the subset of the Adaptive Card Templating language our cards use.
/// <c>"${name}"</c> alone is replaced by the value (any JSON); <c>${name}</c> inside text is
/// interpolated; an object with <c>"$when": "${name}"</c> is kept only when the value is set; an array
/// item with <c>"$data": "${name}"</c> is repeated for each element of that list, each element's
/// fields in scope. The template is read, never copied: the card is written straight to JSON.
/// </summary>
public static partial class CardTemplate
{
    public static JsonElement Expand(JsonElement template, IReadOnlyDictionary<string, object?> data)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var scope = new Scope(data, null);
            if (template.ValueKind == JsonValueKind.Object)
            {
                WriteObject(writer, template, scope);
            }
            else
            {
                WriteValue(writer, template, scope);
            }
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>False when the value expands to nothing and must be left out (with its property name).</summary>
    private static bool Expands(JsonElement value, Scope scope) => value.ValueKind switch
    {
        JsonValueKind.Object => !value.TryGetProperty("$when", out var when) || when.ValueKind != JsonValueKind.String || IsSet(Resolve(when.GetString()!, scope)),
        JsonValueKind.String when WholePlaceholder(value.GetString()!) is { } name => scope.Find(name) is not null,
        _ => true,
    };

    private static void WriteValue(Utf8JsonWriter writer, JsonElement value, Scope scope)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(writer, value, scope);
                break;
            case JsonValueKind.Array:
                WriteArray(writer, value, scope);
                break;
            case JsonValueKind.String:
                WriteString(writer, value.GetString()!, scope);
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, JsonElement obj, Scope scope)
    {
        writer.WriteStartObject();
        foreach (var property in obj.EnumerateObject())
        {
            if (property.NameEquals("$when") || property.NameEquals("$data") || !Expands(property.Value, scope))
            {
                continue;
            }

            writer.WritePropertyName(property.Name);
            WriteValue(writer, property.Value, scope);
        }

        writer.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, JsonElement array, Scope scope)
    {
        writer.WriteStartArray();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("$data", out var data) && data.ValueKind == JsonValueKind.String)
            {
                if (Resolve(data.GetString()!, scope) is IEnumerable elements and not string)
                {
                    foreach (var element in elements)
                    {
                        var itemScope = element is IReadOnlyDictionary<string, object?> fields ? new Scope(fields, scope) : scope;
                        if (Expands(item, itemScope))
                        {
                            WriteObject(writer, item, itemScope);
                        }
                    }
                }

                continue;
            }

            if (Expands(item, scope))
            {
                WriteValue(writer, item, scope);
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteString(Utf8JsonWriter writer, string text, Scope scope)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            writer.WriteStringValue(text);
        }
        else if (WholePlaceholder(text) is { } name)
        {
            WriteData(writer, scope.Find(name));
        }
        else
        {
            writer.WriteStringValue(Placeholder().Replace(text, match => Format(scope.Find(match.Groups["name"].Value))));
        }
    }

    private static void WriteData(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonNode node:
                node.WriteTo(writer);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case IEnumerable<JsonNode> nodes:
                writer.WriteStartArray();
                foreach (var node in nodes)
                {
                    node.WriteTo(writer);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Format(value));
                break;
        }
    }

    /// <summary>The name when <paramref name="text"/> is exactly one placeholder, else null.</summary>
    private static string? WholePlaceholder(string text)
    {
        if (!text.StartsWith("${", StringComparison.Ordinal))
        {
            return null;
        }

        var whole = Placeholder().Match(text);
        return whole.Success && whole.Length == text.Length ? whole.Groups["name"].Value : null;
    }

    private static object? Resolve(string expression, Scope scope)
    {
        var match = Placeholder().Match(expression);
        return match.Success ? scope.Find(match.Groups["name"].Value) : expression;
    }

    private static bool IsSet(object? value) => value switch
    {
        null => false,
        bool flag => flag,
        string text => text.Length > 0,
        ICollection collection => collection.Count > 0,
        _ => true,
    };

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();

    private sealed record Scope(IReadOnlyDictionary<string, object?> Fields, Scope? Parent)
    {
        public object? Find(string name) =>
            Fields.TryGetValue(name, out var value) ? value : Parent?.Find(name);
    }
}
