using System.Text.Json;
using EpicEvents.Bot.Protocol.Testing;

namespace EpicEvents.Bot.Tests.Infrastructure;

/// <summary>Reading the cards the bot sent, the way a person reads them.</summary>
public static class Cards
{
    /// <summary>The Adaptive Card of the turn's last reply, or the card an invoke answered with.</summary>
    public static JsonElement Card(this TestTurnResult turn)
    {
        if (turn.InvokeBody is { } body && body.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object)
        {
            return value;
        }

        var withCard = turn.Replies.LastOrDefault(r => r.Attachments is { Count: > 0 })
            ?? throw new InvalidOperationException($"No card in this turn; texts: {string.Join(" | ", turn.ReplyTexts)}");
        return JsonSerializer.SerializeToElement(withCard.Attachments![0].Content);
    }

    /// <summary>The Adaptive Card an activity carries (a proactive message or an update).</summary>
    public static JsonElement Card(this EpicEvents.Bot.Protocol.Schema.Activity activity) =>
        activity.Attachments is { Count: > 0 } attachments
            ? JsonSerializer.SerializeToElement(attachments[0].Content)
            : throw new InvalidOperationException($"No card in this activity: {activity.Text}");

    /// <summary>All the text a person sees on the card (text blocks, facts, labels, choices, buttons).</summary>
    public static string Text(this JsonElement card)
    {
        var parts = new List<string>();
        Walk(card, parts);
        return string.Join("\n", parts);
    }

    public static JsonElement Input(this JsonElement card, string id) =>
        Find(card, e => e.TryGetProperty("id", out var i) && i.GetString() == id && e.GetProperty("type").GetString()!.StartsWith("Input.", StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"No input {id} on the card.");

    /// <summary>The error text shown right under an input, if any.</summary>
    public static string? ErrorUnder(this JsonElement card, string id)
    {
        var container = Find(card, e => e.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            && items.EnumerateArray().Any(i => i.TryGetProperty("id", out var x) && x.GetString() == id));
        return container?.GetProperty("items").EnumerateArray()
            .Where(i => i.TryGetProperty("color", out var color) && color.GetString() == "Attention")
            .Select(i => i.GetProperty("text").GetString())
            .FirstOrDefault();
    }

    public static JsonElement Action(JsonElement card, string title) =>
        Find(card, e => e.TryGetProperty("type", out var t) && t.GetString()!.StartsWith("Action.", StringComparison.Ordinal)
                        && e.TryGetProperty("title", out var x) && x.GetString() == title)
        ?? throw new InvalidOperationException($"No button \"{title}\" on the card: {card.Text()}");

    /// <summary>The titles of the card's buttons, in order.</summary>
    public static IReadOnlyList<string> Buttons(this JsonElement card) =>
        [.. card.Elements().Where(e => TypeOf(e).StartsWith("Action.", StringComparison.Ordinal) && e.TryGetProperty("title", out _)).Select(e => e.GetProperty("title").GetString()!)];

    /// <summary>The card's text blocks, in order.</summary>
    public static IReadOnlyList<JsonElement> TextBlocks(this JsonElement card) => [.. card.Elements().Where(e => TypeOf(e) == "TextBlock")];

    /// <summary>Every element of the card that has a type, depth first, in order.</summary>
    public static IEnumerable<JsonElement> Elements(this JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (TypeOf(element).Length > 0)
            {
                yield return element;
            }

            foreach (var property in element.EnumerateObject())
            {
                foreach (var inner in property.Value.Elements())
                {
                    yield return inner;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var inner in item.Elements())
                {
                    yield return inner;
                }
            }
        }
    }

    private static string TypeOf(JsonElement element) =>
        element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString()! : string.Empty;

    private static JsonElement? Find(JsonElement element, Func<JsonElement, bool> match)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (match(element))
            {
                return element;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (property.Name != "fallback" && Find(property.Value, match) is { } found)
                {
                    return found;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (Find(item, match) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private static void Walk(JsonElement element, List<string> parts)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name is "text" or "title" or "value" or "label" && property.Value.ValueKind == JsonValueKind.String)
                {
                    parts.Add(property.Value.GetString()!);
                }
                else if (property.Name != "fallback")
                {
                    Walk(property.Value, parts);
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, parts);
            }
        }
    }
}
