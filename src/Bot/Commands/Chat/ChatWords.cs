using System.Globalization;
using System.Text;

namespace EpicEvents.Bot.Commands.Chat;

/// <summary>
/// A chat message as words: each as typed, and as compared (lower case, no accents, no trailing full
/// stop, exclamation or question mark). Words that are only punctuation are left out.
/// </summary>
public sealed class ChatWords
{
    private readonly string[] _typed;

    public ChatWords(string text)
    {
        var typed = new List<string>();
        var normalized = new List<string>();
        foreach (var word in (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (Normalize(word) is { Length: > 0 } compared)
            {
                typed.Add(word);
                normalized.Add(compared);
            }
        }

        _typed = [.. typed];
        Normalized = normalized;
    }

    public IReadOnlyList<string> Normalized { get; }

    public int Count => _typed.Length;

    /// <summary>The words from <paramref name="index"/> on, as typed, the last one without its full stop.</summary>
    public string TypedFrom(int index) => string.Join(' ', _typed[index..]).TrimEnd('.', '!', '?').Trim();

    /// <summary>Lower case, no accents, single spaces, no trailing punctuation.</summary>
    public static string Normalize(string text)
    {
        var decomposed = (text ?? string.Empty).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var character in decomposed)
        {
            if (char.IsWhiteSpace(character))
            {
                space = builder.Length > 0;
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(character));
        }

        return builder.ToString().TrimEnd('.', '!', '?').Trim();
    }
}
