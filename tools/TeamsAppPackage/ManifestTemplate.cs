using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EpicEvents.TeamsAppPackage;

/// <summary>
/// manifest/manifest.json with <c>{{Key}}</c> placeholders inside its string values. Filling works on
/// the parsed JSON, so a value can never break the document's syntax.
/// </summary>
public static partial class ManifestTemplate
{
    private static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The manifest with every placeholder replaced; a placeholder without a value is a template error.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var document = JsonNode.Parse(template) ?? throw new InvalidDataException("The manifest template is empty.");
        FillWithin(document, values);
        return document.ToJsonString(Output) + "\n";
    }

    private static void FillWithin(JsonNode node, IReadOnlyDictionary<string, string> values)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj.ToList())
            {
                if (Filled(child, values) is { } replacement)
                {
                    obj[name] = replacement;
                }
                else if (child is not null)
                {
                    FillWithin(child, values);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (Filled(array[i], values) is { } replacement)
                {
                    array[i] = replacement;
                }
                else if (array[i] is { } child)
                {
                    FillWithin(child, values);
                }
            }
        }
    }

    /// <summary>A new value for a string that holds placeholders; null for anything else.</summary>
    private static JsonValue? Filled(JsonNode? node, IReadOnlyDictionary<string, string> values)
    {
        if (node is not JsonValue value || !value.TryGetValue<string>(out var text) || !text.Contains("{{", StringComparison.Ordinal))
        {
            return null;
        }

        var filled = Placeholder().Replace(text, match =>
            values.TryGetValue(match.Groups["key"].Value, out var replacement)
                ? replacement
                : throw new InvalidDataException($"The manifest template uses {match.Value}, which has no value."));
        return filled.Contains("{{", StringComparison.Ordinal)
            ? throw new InvalidDataException($"The manifest template has a malformed placeholder in \"{text}\".")
            : JsonValue.Create(filled);
    }

    [GeneratedRegex(@"\{\{(?<key>[A-Za-z0-9_:]+)\}\}")]
    private static partial Regex Placeholder();
}
