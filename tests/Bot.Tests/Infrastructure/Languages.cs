using System.Globalization;
using System.Text.RegularExpressions;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Bot.Tests.Infrastructure;

/// <summary>
/// Whether a text shown to someone is in their language: it holds no piece of a sentence that exists
/// only in the other language, in the bot's sentences or Crm.Core's (the pieces between the holes,
/// of at least two words, that the other language words differently).
/// </summary>
public static partial class Languages
{
    private static readonly Lazy<IReadOnlyList<string>> EnglishOnly = new(() => Pieces(CultureInfo.GetCultureInfo("en-GB"), CultureInfo.GetCultureInfo("fr-FR")));
    private static readonly Lazy<IReadOnlyList<string>> FrenchOnly = new(() => Pieces(CultureInfo.GetCultureInfo("fr-FR"), CultureInfo.GetCultureInfo("en-GB")));

    /// <summary>The English pieces <paramref name="text"/> holds (none for a French reader).</summary>
    public static IReadOnlyList<string> EnglishIn(string text) => EnglishOnly.Value.Where(p => text.Contains(p, StringComparison.Ordinal)).ToList();

    /// <summary>The French pieces <paramref name="text"/> holds (none for an English reader).</summary>
    public static IReadOnlyList<string> FrenchIn(string text) => FrenchOnly.Value.Where(p => text.Contains(p, StringComparison.Ordinal)).ToList();

    private static IReadOnlyList<string> Pieces(CultureInfo language, CultureInfo other)
    {
        var pieces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var catalog in new[] { BotTexts.Catalog, CoreTexts.Catalog })
        {
            var mine = catalog.Sentences(language);
            var theirs = catalog.Sentences(other);
            var theirText = string.Join('\n', theirs.Values);
            foreach (var (key, sentence) in mine)
            {
                if (key.StartsWith("command.", StringComparison.Ordinal) || theirs.GetValueOrDefault(key) == sentence)
                {
                    continue;
                }

                foreach (var piece in Hole().Split(sentence).Select(p => p.Trim(' ', ',', '.', ':', ';', '(', ')', '—', '·')))
                {
                    if (piece.Count(c => c == ' ') >= 1 && piece.Length >= 8 && !theirText.Contains(piece, StringComparison.Ordinal))
                    {
                        pieces.Add(piece);
                    }
                }
            }
        }

        return [.. pieces];
    }

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}|[\n\r]")]
    private static partial Regex Hole();
}
