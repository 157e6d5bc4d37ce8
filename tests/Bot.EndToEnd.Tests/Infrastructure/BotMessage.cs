using System.Text.Json;

namespace EpicEvents.Bot.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One message as the playground shows it in a chat (a frame of its conversation WebSocket, or the
/// card of an invoke response): the text and the Adaptive Cards it carries.
/// </summary>
public sealed record BotMessage(string Action, string? MessageId, string? FromId, string? Text, IReadOnlyList<JsonElement> Cards, string? ConversationId = null)
{
    public bool IsFromBot => FromId == MockTenant.BotId;

    public bool HasCard => Cards.Count > 0;

    public JsonElement Card => Cards.Count > 0 ? Cards[0] : throw new InvalidOperationException($"The message has no Adaptive Card: {this}");

    /// <summary>Every piece of text a person would read: the message text, and the cards' text, facts, labels, choices and button titles.</summary>
    public string AllText => string.Join("\n", new[] { Text }.Concat(Cards.SelectMany(CardJson.Texts)).Where(t => !string.IsNullOrEmpty(t)));

    /// <summary>The ids of the card's inputs, in order.</summary>
    public IReadOnlyList<string> InputIds => [.. Cards.SelectMany(CardJson.InputIds)];

    /// <summary>Parses a frame of <c>/_ws_conversation/v1/conversations/stream</c> (<c>{action, actionConversationId, message}</c>).</summary>
    public static BotMessage? FromFrame(string frame)
    {
        using var document = JsonDocument.Parse(frame);
        var root = document.RootElement;
        if (!root.TryGetProperty("message", out var message))
        {
            return null;
        }

        var cards = message.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array
            ? attachments.EnumerateArray()
                .Where(a => a.TryGetProperty("contentType", out var type) && type.GetString() == CardJson.ContentType)
                .Select(a => a.GetProperty("content").Clone())
                .ToList()
            : [];
        return new BotMessage(
            root.GetProperty("action").GetString() ?? string.Empty,
            message.TryGetProperty("messageId", out var id) ? id.ToString() : null,
            message.TryGetProperty("from", out var from) && from.TryGetProperty("id", out var fromId) ? fromId.GetString() : null,
            message.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null,
            cards,
            root.TryGetProperty("actionConversationId", out var conversation) && conversation.ValueKind == JsonValueKind.String ? conversation.GetString() : null);
    }

    public override string ToString() => $"{Action} {MessageId} from {FromId}: {AllText}";
}

/// <summary>Reading Adaptive Card JSON.</summary>
public static class CardJson
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static IEnumerable<string> Texts(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String && property.Name is "text" or "title" or "label" or "placeholder" or "errorMessage")
                    {
                        yield return property.Value.GetString()!;
                    }
                    else if (property.Name == "facts" && property.Value.ValueKind == JsonValueKind.Array)
                    {
                        // A fact set shows each fact's title and value side by side.
                        foreach (var fact in property.Value.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.Object))
                        {
                            yield return string.Join(" ", new[] { "title", "value" }.Select(name => fact.TryGetProperty(name, out var part) && part.ValueKind == JsonValueKind.String ? part.GetString() : null).OfType<string>());
                        }
                    }
                    else if (property.Name is not "data" and not "fallback")
                    {
                        foreach (var text in Texts(property.Value))
                        {
                            yield return text;
                        }
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var text in Texts(item))
                    {
                        yield return text;
                    }
                }

                break;
            default:
                break;
        }
    }

    public static IEnumerable<string> InputIds(JsonElement card) => Inputs(card).Select(i => i.GetProperty("id").GetString()!);

    /// <summary>The label a person sees next to the input with id <paramref name="id"/>, if the card gives one.</summary>
    public static string? LabelOf(JsonElement card, string id) =>
        Inputs(card).Where(i => i.GetProperty("id").GetString() == id)
            .Select(i => i.TryGetProperty("label", out var label) ? label.GetString() : null)
            .FirstOrDefault();

    private static IEnumerable<JsonElement> Inputs(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("type", out var type) && type.GetString()?.StartsWith("Input.", StringComparison.Ordinal) == true && element.TryGetProperty("id", out _))
                {
                    yield return element;
                }

                foreach (var property in element.EnumerateObject().Where(p => p.Name is not "fallback"))
                {
                    foreach (var input in Inputs(property.Value))
                    {
                        yield return input;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var input in Inputs(item))
                    {
                        yield return input;
                    }
                }

                break;
            default:
                break;
        }
    }
}
