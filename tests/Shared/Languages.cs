using System.Globalization;
using System.Text.RegularExpressions;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Tests.Texts;

/// <summary>
/// Whether a text shown to someone is in their language: it holds no piece of a sentence that exists
/// only in the other language, in the given resource files (the pieces between the holes, of at least
/// two words, that the other language words differently).
/// </summary>
public sealed partial class Languages(params TextCatalog[] catalogs)
{
    private readonly TextCatalog[] _catalogs = catalogs;
    private IReadOnlyList<string>? _englishOnly;
    private IReadOnlyList<string>? _frenchOnly;

    /// <summary>The English pieces <paramref name="text"/> holds (none for a French reader).</summary>
    public IReadOnlyList<string> EnglishIn(string text) =>
        (_englishOnly ??= Pieces(CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("fr"))).Where(p => text.Contains(p, StringComparison.Ordinal)).ToList();

    /// <summary>The French pieces <paramref name="text"/> holds (none for an English reader).</summary>
    public IReadOnlyList<string> FrenchIn(string text) =>
        (_frenchOnly ??= Pieces(CultureInfo.GetCultureInfo("fr"), CultureInfo.GetCultureInfo("en"))).Where(p => text.Contains(p, StringComparison.Ordinal)).ToList();

    /// <summary>The other language's pieces <paramref name="text"/> holds, for a reader of <paramref name="locale"/>.</summary>
    public IReadOnlyList<string> ForeignIn(string text, string locale) =>
        locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? EnglishIn(text) : FrenchIn(text);

    private IReadOnlyList<string> Pieces(CultureInfo language, CultureInfo other)
    {
        var pieces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var catalog in _catalogs)
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
