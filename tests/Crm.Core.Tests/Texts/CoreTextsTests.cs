using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Tests.Texts;

/// <summary>
/// The resource files of Crm.Core's sentences: every key in both languages with the same holes, every
/// key used by the code, and every key the code names written down.
/// </summary>
public sealed partial class CoreTextsTests
{
    private static readonly string RepositoryRoot =
        typeof(CoreTextsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    private static readonly IReadOnlyDictionary<string, string> English = CoreTexts.Catalog.Sentences(CultureInfo.InvariantCulture);

    private static readonly IReadOnlyDictionary<string, string> French = CoreTexts.Catalog.Sentences(CultureInfo.GetCultureInfo("fr"));

    [Fact]
    public void English_and_french_have_the_same_keys()
    {
        English.Should().NotBeEmpty();
        French.Keys.Should().BeEquivalentTo(English.Keys);
    }

    [Fact]
    public void Each_french_sentence_has_the_holes_of_its_english_one()
    {
        var different = English.Keys.Intersect(French.Keys)
            .Where(key => !Holes(English[key]).SetEquals(Holes(French[key])))
            .Select(key => $"{key}: \"{English[key]}\" / \"{French[key]}\"");

        different.Should().BeEmpty();
    }

    [Fact]
    public void No_french_sentence_is_left_in_english()
    {
        // A few words are the same in both languages ("Support", "{0} min"); a whole English sentence is not.
        var untranslated = English
            .Where(e => Hole().Replace(e.Value, string.Empty).Count(c => c == ' ') >= 3 && French.GetValueOrDefault(e.Key) == e.Value)
            .Select(e => e.Key);

        untranslated.Should().BeEmpty();
    }

    [Fact]
    public void Every_key_is_used_in_crm_core_or_by_the_api_about_crm_cores_fields()
    {
        var core = string.Join('\n', SourceFiles("src/Crm.Core").Select(File.ReadAllText));
        var api = string.Join('\n', SourceFiles("src/Bot/Api").Select(File.ReadAllText));

        var unused = English.Keys.Where(key => !core.Contains($"\"{key}\"", StringComparison.Ordinal));

        // The API checks a few required fields itself before Crm.Core sees a request (a missing date cannot be a DateTime).
        unused.Where(key => !api.Contains($"\"{key}\"", StringComparison.Ordinal)).Should().BeEmpty("a sentence nobody says is dead text");
        unused.Should().HaveCountLessThan(5, "Crm.Core's sentences are said by Crm.Core");
    }

    [Fact]
    public void Every_key_the_code_names_exists()
    {
        var named = SourceFiles("src")
            .SelectMany(file => TextKey().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Key: m.Groups["key"].Value)))
            .ToList();

        named.Should().NotBeEmpty();
        named.Where(n => !English.ContainsKey(n.Key)).Select(n => $"{n.File}: {n.Key}").Should().BeEmpty();
    }

    private static HashSet<string> Holes(string sentence) =>
        Hole().Matches(sentence).Select(m => m.Groups["index"].Value).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"\{(?<index>\d+)(?:[:,][^}]*)?\}")]
    private static partial Regex Hole();

    // The keys the code names directly; those a switch hands to new(…) are covered by Every_key_is_used_in_crm_core.
    [GeneratedRegex(@"new Text\(""(?<key>[a-zA-Z.]+)""")]
    private static partial Regex TextKey();
}
