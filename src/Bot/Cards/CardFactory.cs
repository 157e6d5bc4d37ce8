using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using EpicEvents.Bot.Protocol.Schema;

namespace EpicEvents.Bot.Cards;

/// <summary>
/// The one place cards are made: a JSON template (embedded in <c>Cards/Templates</c>) expanded with
/// the data of the moment. Templates are parsed once.
/// </summary>
public static class CardFactory
{
    // Teams refuses cards above about 28 KB; lists are paged well below that.
    public const int MaxCardBytes = 28 * 1024;

    private static readonly ConcurrentDictionary<string, JsonElement> Templates = new();

    /// <param name="refresh">
    /// A card's <c>refresh</c>: the <c>Action.Execute</c> Teams invokes when one of its users opens the
    /// card, so that they see its current state (see <see cref="CardActions.Refresh"/>).
    /// </param>
    public static JsonElement Message(string title, string? text = null, IEnumerable<(string Label, string? Value)>? facts = null, string? note = null, IReadOnlyList<JsonNode>? actions = null, JsonNode? refresh = null, Badge? badge = null) =>
        Build("message", new Dictionary<string, object?>
        {
            ["title"] = title,
            ["badge"] = badge?.Text,
            ["badgeColor"] = badge?.Color,
            ["text"] = text,
            ["facts"] = Facts(facts),
            ["note"] = note,
            ["actions"] = actions,
            ["refresh"] = refresh,
        });

    public static JsonElement List(string title, string? subtitle, string? empty, IReadOnlyList<ListRow> rows, IReadOnlyList<JsonNode>? actions = null) =>
        Build("list", new Dictionary<string, object?>
        {
            ["title"] = title,
            ["subtitle"] = subtitle,
            ["empty"] = rows.Count == 0 ? empty : null,
            ["rows"] = rows.Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["heading"] = r.Heading,
                ["detail"] = r.Detail,
                ["badge"] = r.Badge,
                ["badgeColor"] = r.BadgeColor,
                ["open"] = r.Open,
            }).ToList(),
            ["actions"] = actions,
        });

    public static JsonElement Form(string title, string? intro, string? problem, IReadOnlyList<FormField> fields, IReadOnlyList<JsonNode> actions, Crm.Presentation.Wording words) =>
        Build("form", new Dictionary<string, object?>
        {
            ["title"] = title,
            ["intro"] = intro,
            ["problem"] = problem,
            ["fields"] = fields.Select(f => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["input"] = f.ToInput(words),
                ["error"] = f.Error,
            }).ToList(),
            ["actions"] = actions,
        });

    public static JsonElement Welcome(string title, string text, string commandsTitle, IEnumerable<(string Label, string? Value)> commands, string? note, IReadOnlyList<JsonNode> actions) =>
        Build("welcome", new Dictionary<string, object?>
        {
            ["title"] = title,
            ["text"] = text,
            ["commandsTitle"] = commandsTitle,
            ["commands"] = Facts(commands),
            ["note"] = note,
            ["actions"] = actions,
        });

    /// <summary>A digest: sections with a heading, rows each with one button, and a line for the rest.</summary>
    public static JsonElement Digest(string title, string? subtitle, IReadOnlyList<IReadOnlyDictionary<string, object?>> sections, IReadOnlyList<JsonNode> actions) =>
        Build("digest", new Dictionary<string, object?>
        {
            ["title"] = title,
            ["subtitle"] = subtitle,
            ["sections"] = sections,
            ["actions"] = actions,
        });

    /// <summary>A card as a message activity.</summary>
    public static Activity ToActivity(JsonElement card, string summary) => AdaptiveCards.ToMessage(card, summary);

    private static List<IReadOnlyDictionary<string, object?>>? Facts(IEnumerable<(string Label, string? Value)>? facts) =>
        facts?.Where(f => !string.IsNullOrEmpty(f.Value))
            .Select(f => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["label"] = f.Label, ["value"] = f.Value })
            .ToList();

    private static JsonElement Build(string template, IReadOnlyDictionary<string, object?> data) =>
        CardTemplate.Expand(Templates.GetOrAdd(template, Load), data);

    private static JsonElement Load(string name)
    {
        using var stream = typeof(CardFactory).Assembly.GetManifestResourceStream($"Cards/{name}.json")
            ?? throw new InvalidOperationException($"The card template {name} is not embedded.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    }
}

/// <summary>One row of a list card; <see cref="Open"/> is the action that shows the record.</summary>
/// <summary>A row of a list card: its heading (coloured as a link when it opens something), a line of detail, a badge on the right.</summary>
public sealed record ListRow(string Heading, string Detail, string? Badge, JsonNode? Open, string? BadgeColor = null);

/// <summary>A status shown as a coloured word: <c>Good</c>, <c>Warning</c>, <c>Attention</c>, <c>Accent</c> or <c>Default</c> (Adaptive Card colours).</summary>
public sealed record Badge(string Text, string Color);
