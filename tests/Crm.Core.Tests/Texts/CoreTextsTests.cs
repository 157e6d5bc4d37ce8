using EpicEvents.Tests.Texts;

namespace EpicEvents.Crm.Tests.Texts;

/// <summary>
/// The resource files of Crm.Core's sentences: every key in both languages with the same holes and
/// translated, every key used by the code, every key the code names written down, and no sentence for
/// people written in the code.
/// </summary>
public sealed class CoreTextsTests
{
    // Audit actions (client.created, login.failed) are shaped like keys: only the keys given to new Text(…) are checked.
    private static readonly ResourceTextsCheck Check = new(
        Path.Combine(ResourceTextsCheck.RepositoryRoot, "src", "Crm.Core"),
        Path.Combine("Resources", "CoreTexts"))
    {
        KeyShapedLiteralsAreKeys = false,
    };

    [Fact]
    public void Every_text_is_in_English_and_French_with_the_same_holes() => Check.IncompleteTranslations().Should().BeEmpty();

    [Fact]
    public void No_french_sentence_is_left_in_english() => Check.UntranslatedSentences().Should().BeEmpty();

    /// <summary>The API checks a few of Crm.Core's fields itself before a use case sees a request (a missing date cannot be a date): those keys are used there.</summary>
    [Fact]
    public void Every_key_is_used_in_crm_core_or_by_the_api_about_crm_cores_fields()
    {
        var unused = Check.UnusedKeys();
        var api = new ResourceTextsCheck(Path.Combine(ResourceTextsCheck.RepositoryRoot, "src", "Bot", "Api"), Path.Combine("..", "..", "Crm.Core", "Resources", "CoreTexts"));
        var unusedByEither = api.UnusedKeys().Intersect(unused);

        unusedByEither.Should().BeEmpty("a sentence nobody says is dead text");
        unused.Should().HaveCountLessThan(8, "Crm.Core's sentences are said by Crm.Core");
    }

    [Fact]
    public void Every_key_the_code_names_is_in_the_resource_files() => Check.UnknownKeys().Should().BeEmpty();

    [Fact]
    public void No_text_for_people_is_written_in_the_code() =>
        Check.InlineTexts(Path.Combine(ResourceTextsCheck.RepositoryRoot, "tests", "Crm.Core.Tests", "inline-texts.allow")).Should().BeEmpty();
}
