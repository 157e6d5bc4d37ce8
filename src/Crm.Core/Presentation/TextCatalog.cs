using System.Collections;
using System.Globalization;
using System.Resources;

namespace EpicEvents.Crm.Presentation;

/// <summary>
/// The sentences of one assembly, read from its resource files (<c>Resources/*.resx</c>, English as
/// the neutral language, <c>*.fr.resx</c> for French) and formatted in the reader's culture. A key that
/// has no sentence is a bug, not something to show: the tests over the resource files keep every key
/// in every language.
/// </summary>
public sealed class TextCatalog
{
    private readonly ResourceManager _resources;

    public TextCatalog(ResourceManager resources) => _resources = resources;

    /// <summary>The sentence of <paramref name="key"/> in <paramref name="culture"/>, its holes filled with <paramref name="args"/>.</summary>
    public string Format(string key, CultureInfo culture, params object?[] args) => string.Format(culture, Sentence(key, culture), args);

    /// <summary>The text of <paramref name="key"/> as written, not a format (the phrases of a chat command).</summary>
    public string Sentence(string key, CultureInfo culture) =>
        _resources.GetString(key, culture)
            ?? throw new MissingManifestResourceException($"No sentence has the key '{key}' in {_resources.BaseName}.");

    /// <summary>Whether <paramref name="key"/> has a sentence: a key read back from storage may come from another version of the program.</summary>
    public bool Has(string key) => _resources.GetString(key, CultureInfo.InvariantCulture) is not null;

    /// <summary>Every key and sentence of one language's own file (not its fallback), for the tests and the translators' checks.</summary>
    public IReadOnlyDictionary<string, string> Sentences(CultureInfo culture)
    {
        // The files are per language (English neutral, French "fr"), not per country; the invariant
        // culture reads the neutral file, which the assemblies declare English.
        ArgumentNullException.ThrowIfNull(culture);
        var language = CultureInfo.GetCultureInfo(culture.Equals(CultureInfo.InvariantCulture) ? "en" : culture.TwoLetterISOLanguageName);
        var set = _resources.GetResourceSet(language, createIfNotExists: true, tryParents: false)
            ?? throw new MissingManifestResourceException($"{_resources.BaseName} has no {culture.Name} sentences.");
        var sentences = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in set)
        {
            sentences[(string)entry.Key] = entry.Value as string ?? string.Empty;
        }

        return sentences;
    }
}
