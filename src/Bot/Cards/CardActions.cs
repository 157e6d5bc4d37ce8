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
