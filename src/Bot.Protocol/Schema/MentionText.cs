using System.Text.RegularExpressions;

namespace EpicEvents.Bot.Protocol.Schema;

/// <summary>Handling of Teams' <c>&lt;at&gt;Name&lt;/at&gt;</c> mention markup in message text.</summary>
public static partial class MentionText
{
    /// <summary>Removes every <c>&lt;at&gt;…&lt;/at&gt;</c> block, names included, and trims.</summary>
    public static string RemoveAll(string? text) =>
        Collapse(AtTag().Replace(text ?? string.Empty, " "));

    /// <summary>Replaces every <c>&lt;at&gt;Name&lt;/at&gt;</c> with <c>Name</c>, and trims.</summary>
    public static string Unwrap(string? text) =>
        Collapse(AtTag().Replace(text ?? string.Empty, match => match.Groups["name"].Value));

    private static string Collapse(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex("<at(?:\\s[^>]*)?>(?<name>.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex AtTag();

    // Teams puts non-breaking spaces around mentions; commands only care about word boundaries.
    [GeneratedRegex("[\\s\\u00A0]+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
