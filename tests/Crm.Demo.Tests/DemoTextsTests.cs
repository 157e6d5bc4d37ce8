using EpicEvents.Tests.Texts;

namespace EpicEvents.Crm.Demo.Tests;

/// <summary>The seeder's sentences live in <c>Resources/DemoTexts.resx</c> and its French twin, complete, and nowhere else.</summary>
public sealed class DemoTextsTests
{
    private static readonly ResourceTextsCheck Check = new(
        Path.Combine(ResourceTextsCheck.RepositoryRoot, "src", "Crm.Demo"),
        Path.Combine("Resources", "DemoTexts"))
    {
        OtherResourceBases = [Path.Combine("..", "Crm.Core", "Resources", "CoreTexts")],
        // Audit actions (demo.seeded) are shaped like keys: only the keys given to Text(…) are checked.
        KeyShapedLiteralsAreKeys = false,
    };

    [Fact]
    public void Every_text_is_in_English_and_French_with_the_same_holes_and_translated()
    {
        Check.IncompleteTranslations().Should().BeEmpty();
        Check.UntranslatedSentences().Should().BeEmpty();
    }

    [Fact]
    public void Every_text_is_used_and_every_key_named_exists()
    {
        Check.UnusedKeys().Should().BeEmpty();
        Check.UnknownKeys().Should().BeEmpty();
    }

    [Fact]
    public void No_text_for_people_is_written_in_the_code() =>
        Check.InlineTexts(Path.Combine(ResourceTextsCheck.RepositoryRoot, "tests", "Crm.Demo.Tests", "inline-texts.allow")).Should().BeEmpty();
}
