using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EpicEvents.Bot.Cards;

/// <summary>
/// Expands a card template: the subset of the Adaptive Card Templating language our cards use.
/// <c>"${name}"</c> alone is replaced by the value (any JSON); <c>${name}</c> inside text is
/// interpolated; an object with <c>"$when": "${name}"</c> is kept only when the value is set; an array
/// item with <c>"$data": "${name}"</c> is repeated for each element of that list, each element's
/// fields in scope.
/// </summary>
public static partial class CardTemplate
{
    public static JsonNode Expand(JsonNode template, IReadOnlyDictionary<string, object?> data) =>
        ExpandNode(template, new Scope(data, null)) ?? new JsonObject();

    private static JsonNode? ExpandNode(JsonNode? node, Scope scope) => node switch
    {
        JsonObject obj => ExpandObject(obj, scope),
        JsonArray array => ExpandArray(array, scope),
        JsonValue value when value.TryGetValue<string>(out var text) => ExpandString(text, scope),
        null => null,
        _ => node.DeepClone(),
    };

    private static JsonObject? ExpandObject(JsonObject obj, Scope scope)
    {
        if (obj["$when"] is JsonValue when && when.TryGetValue<string>(out var condition) && !IsSet(Resolve(condition, scope)))
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (key is "$when" or "$data")
            {
                continue;
            }

            if (ExpandNode(value, scope) is { } expanded)
            {
                result[key] = expanded;
            }
        }

        return result;
    }

    private static JsonArray ExpandArray(JsonArray array, Scope scope)
    {
        var result = new JsonArray();
        foreach (var item in array)
        {
            if (item is JsonObject obj && obj["$data"] is JsonValue data && data.TryGetValue<string>(out var source))
            {
                if (Resolve(source, scope) is IEnumerable elements and not string)
                {
                    foreach (var element in elements)
                    {
                        var itemScope = element is IReadOnlyDictionary<string, object?> fields ? new Scope(fields, scope) : scope;
                        if (ExpandObject(obj, itemScope) is { } expanded)
                        {
                            result.Add(expanded);
                        }
                    }
                }

                continue;
            }

            if (ExpandNode(item, scope) is { } node)
            {
                result.Add(node);
            }
        }

        return result;
    }

    private static JsonNode? ExpandString(string text, Scope scope)
    {
        var whole = Placeholder().Match(text);
        if (whole.Success && whole.Length == text.Length)
        {
            return ToNode(Resolve(text, scope));
        }

        return JsonValue.Create(Placeholder().Replace(text, match => Format(scope.Find(match.Groups["name"].Value))));
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

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        decimal number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        IEnumerable<JsonNode> nodes => new JsonArray(nodes.Select(n => n.DeepClone()).ToArray()),
        _ => JsonValue.Create(Format(value)),
    };

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();

    private sealed record Scope(IReadOnlyDictionary<string, object?> Fields, Scope? Parent)
    {
        public object? Find(string name) =>
            Fields.TryGetValue(name, out var value) ? value : Parent?.Find(name);
    }
}
