using System.Text.Json.Nodes;

namespace EpicEvents.Bot.Cards;

/// <summary>The buttons of our cards.</summary>
public static class CardActions
{
    /// <summary>Field of the action data naming what to do.</summary>
    public const string VerbField = "verb";

    /// <summary>Field of the action data carrying a chat command (buttons of help, lists and details).</summary>
    public const string CommandField = "command";

    /// <summary>Field of a "more" button's data: the cursor of the next page.</summary>
    public const string AfterField = "after";

    /// <summary>
    /// A Universal Action (<c>Action.Execute</c>: an <c>adaptiveCard/action</c> invoke whose answer
    /// replaces the card), falling back to <c>Action.Submit</c> on clients without it.
    /// </summary>
    public static JsonObject Execute(string title, string verb, IReadOnlyDictionary<string, string>? data = null, bool primary = false, bool validate = true)
    {
        var payload = Data(data);
        var fallback = Data(data);
        fallback[VerbField] = verb;
        var action = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = verb,
            ["data"] = payload,
            ["associatedInputs"] = validate ? "auto" : "none",
            ["fallback"] = new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = title,
                ["data"] = fallback,
                ["associatedInputs"] = validate ? "auto" : "none",
            },
        };
        if (primary)
        {
            action["style"] = "positive";
        }

        return action;
    }

    /// <summary>A button that types a chat command for the user (a new message, not a card change).</summary>
    public static JsonObject Command(string title, string command, string? after = null)
    {
        var data = new JsonObject { [CommandField] = command };
        if (after is not null)
        {
            data[AfterField] = after;
        }

        return new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };
    }

    /// <summary>
    /// A card's automatic refresh: Teams invokes <paramref name="verb"/> when one of
    /// <paramref name="userIds"/> (at most 60 Teams user ids) opens the card, and shows that user the
    /// card the bot answers — its current state.
    /// </summary>
    public static JsonObject Refresh(string verb, IReadOnlyDictionary<string, string> data, IEnumerable<string> userIds)
    {
        var users = new JsonArray();
        foreach (var id in userIds.Distinct(StringComparer.Ordinal).Take(MaxRefreshUsers))
        {
            users.Add(id);
        }

        return new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = Data(data) },
            ["userIds"] = users,
        };
    }

    /// <summary>A button that opens a small card under the card (for a reason to type), with its own buttons.</summary>
    public static JsonObject ShowCard(string title, IReadOnlyList<JsonNode> body, IReadOnlyList<JsonNode> actions) => new()
    {
        ["type"] = "Action.ShowCard",
        ["title"] = title,
        ["card"] = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = new JsonArray(body.Select(n => n.DeepClone()).ToArray()),
            ["actions"] = new JsonArray(actions.Select(n => n.DeepClone()).ToArray()),
        },
    };

    /// <summary>Teams refreshes a card automatically for at most 60 users.</summary>
    public const int MaxRefreshUsers = 60;

    private static JsonObject Data(IReadOnlyDictionary<string, string>? data)
    {
        var payload = new JsonObject();
        foreach (var (key, value) in data ?? new Dictionary<string, string>())
        {
            payload[key] = value;
        }

        return payload;
    }
}
