using System.Text.Json;
using EpicEvents.Bot.Protocol.Schema;

namespace EpicEvents.Bot.Search;

/// <summary>
/// What a compose-box search asks for: the command (which list), the text typed (empty when the
/// box opens), and the slice of results Teams wants as it scrolls (<c>queryOptions</c>).
/// </summary>
public sealed record SearchQuery(string CommandId, string Text, int Skip, int Count)
{
    /// <summary>The name of the text parameter in the app manifest's search commands.</summary>
    public const string TextParameter = "query";

    public const int DefaultCount = 25;

    public const int MaxCount = 25;

    /// <summary>Results further down are not offered: a more precise text finds them sooner.</summary>
    public const int MaxSkip = 1_000;

    private const string InitialRunParameter = "initialRun";

    /// <summary>
    /// Reads the invoke's value. The text is the <c>query</c> parameter, or else the first text
    /// parameter whatever its name; a missing or negative skip is 0 and the count is 1 to 25 (25 when
    /// missing or out of range), since these come from the Teams client, not from the person.
    /// </summary>
    public static SearchQuery Read(MessagingExtensionQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = query.GetParameter(TextParameter) ?? FirstText(query.Parameters) ?? string.Empty;
        var skip = Math.Max(query.QueryOptions?.Skip ?? 0, 0);
        var count = query.QueryOptions?.Count is { } asked and >= 1 ? Math.Min(asked, MaxCount) : DefaultCount;
        return new SearchQuery(query.CommandId ?? string.Empty, text, skip, count);
    }

    private static string? FirstText(IReadOnlyList<MessagingExtensionParameter>? parameters) =>
        parameters?
            .Where(p => p.Name != InitialRunParameter && p.Value is { ValueKind: JsonValueKind.String })
            .Select(p => p.Value!.Value.GetString())
            .FirstOrDefault();
}
