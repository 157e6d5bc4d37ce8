namespace EpicEvents.Tests.Texts;

/// <summary>
/// The checks every project with resource files runs on its texts: every key in English and French
/// with the same holes and translated, every key used, every key the code names written down, and no
/// sentence for people written in the code but those of the project's allowlist.
/// </summary>
public abstract class ResourceTextsTests
{
    /// <summary>The project's checker: its folder, its resource files and how its code names keys.</summary>
    protected abstract ResourceTextsCheck Check { get; }

    /// <summary>The allowlist of the literals that read as words but are not texts (<c>tests/PROJECT/inline-texts.allow</c>).</summary>
    protected abstract string Allowlist { get; }

    /// <summary>The keys nobody says; a project whose keys are said elsewhere too says where.</summary>
    protected virtual IReadOnlyList<string> UnusedKeys() => Check.UnusedKeys();

    /// <summary>A checker of <c>src/<paramref name="project"/></c> and its <c>Resources/<paramref name="resources"/></c>, which may name Crm.Core's keys too.</summary>
    protected static ResourceTextsCheck For(string project, string resources, bool keyShapedLiteralsAreKeys = true) =>
        new(Path.Combine(ResourceTextsCheck.RepositoryRoot, "src", project), Path.Combine("Resources", resources))
        {
            OtherResourceBases = project == "Crm.Core" ? [] : [Path.Combine("..", "Crm.Core", "Resources", "CoreTexts")],
            KeyShapedLiteralsAreKeys = keyShapedLiteralsAreKeys,
        };

    protected static string AllowlistOf(string testProject) => Path.Combine(ResourceTextsCheck.RepositoryRoot, "tests", testProject, "inline-texts.allow");

    [Fact]
    public void Every_text_is_in_English_and_French_with_the_same_holes() => Check.IncompleteTranslations().Should().BeEmpty();

    [Fact]
    public void Every_text_is_a_format_the_program_can_fill() => Check.UnreadableFormats().Should().BeEmpty();

    [Fact]
    public void No_french_sentence_is_left_in_english() => Check.UntranslatedSentences().Should().BeEmpty();

    [Fact]
    public void Every_text_of_the_resource_files_is_used() => UnusedKeys().Should().BeEmpty("a sentence nobody says is dead text");

    [Fact]
    public void Every_key_the_code_names_is_in_the_resource_files() => Check.UnknownKeys().Should().BeEmpty();

    [Fact]
    public void No_text_for_people_is_written_in_the_code() => Check.InlineTexts(Allowlist).Should().BeEmpty();
}
