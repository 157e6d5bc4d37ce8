using System.Text.Json.Nodes;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Bot.Cards;

public enum FieldKind
{
    Text,
    MultiLine,
    Number,
    Date,
    Time,
    Choice,
}

/// <summary>
/// One input of a form card, with the value to show (what the user typed last time) and the error to
/// show under it. Inputs come back as strings; the server parses and validates them.
/// </summary>
public sealed record FormField(
    string Id,
    string Label,
    FieldKind Kind = FieldKind.Text,
    string? Value = null,
    string? Error = null,
    bool Required = false,
    int? MaxLength = null,
    string? Placeholder = null,
    IReadOnlyList<(string Title, string Value)>? Choices = null,
    string? Dataset = null,
    bool Filtered = false)
{
    /// <summary>The Adaptive Card input; a required one says what is missing when the person submits without it.</summary>
    public JsonObject ToInput(Wording words)
    {
        var input = new JsonObject
        {
            ["type"] = Kind switch
            {
                FieldKind.Number => "Input.Number",
                FieldKind.Date => "Input.Date",
                FieldKind.Time => "Input.Time",
                FieldKind.Choice => "Input.ChoiceSet",
                _ => "Input.Text",
            },
            ["id"] = Id,
            ["label"] = Label,
            ["isRequired"] = Required,
        };
        if (Required)
        {
            // Without it the renderer blocks the submit without a word.
            input["errorMessage"] = words.Bot("formField.fill", Label);
        }
        if (!string.IsNullOrEmpty(Value))
        {
            input["value"] = Kind == FieldKind.Number && decimal.TryParse(Value, System.Globalization.CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number)
                : JsonValue.Create(Value);
        }

        if (MaxLength is { } max && Kind is FieldKind.Text or FieldKind.MultiLine)
        {
            input["maxLength"] = max;
        }

        if (Placeholder is not null)
        {
            input["placeholder"] = Placeholder;
        }

        if (Kind == FieldKind.MultiLine)
        {
            input["isMultiline"] = true;
        }

        if (Kind == FieldKind.Choice)
        {
            input["choices"] = new JsonArray((Choices ?? []).Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value }).ToArray());
            input["style"] = Filtered || Dataset is not null ? "filtered" : "compact";
            if (Dataset is not null)
            {
                // Teams asks the bot for the records beyond those on the card as the person types.
                input["choices.data"] = new JsonObject { ["type"] = "Data.Query", ["dataset"] = Dataset, ["count"] = Dialogs.RecordPickers.Shown };
            }

            if (input["style"]!.GetValue<string>() == "filtered")
            {
                input["placeholder"] ??= words.Bot("formField.typeSearch");
            }
        }

        return input;
    }
}
