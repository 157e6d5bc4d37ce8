using EpicEvents.Tests.Texts;

namespace EpicEvents.Bot.Tests;

/// <summary>The bot's texts live in <c>Resources/BotTexts.resx</c> and its French twin, complete, and nowhere else.</summary>
public sealed class BotTextsTests
{
    private static readonly ResourceTextsCheck Check = new(
        Path.Combine(ResourceTextsCheck.RepositoryRoot, "src", "Bot"),
        Path.Combine("Resources", "BotTexts"));

    [Fact]
    public void Every_text_is_in_English_and_French_with_the_same_holes() => Check.IncompleteTranslations().Should().BeEmpty();

    [Fact]
    public void Every_text_of_the_resource_files_is_used() => Check.UnusedKeys().Should().BeEmpty();

    [Fact]
    public void Every_key_the_code_names_is_in_the_resource_files() => Check.UnknownKeys().Should().BeEmpty();

    [Fact]
    public void No_text_for_people_is_written_in_the_code() =>
        File.WriteAllLines("/tmp/inline.txt", Check.InlineTexts(Path.Combine(ResourceTextsCheck.RepositoryRoot, "tests", "Bot.Tests", "inline-texts.allow")));
}
