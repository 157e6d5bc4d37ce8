using EpicEvents.Tests.Texts;

namespace EpicEvents.Bot.Tests;

/// <summary>The bot's texts live in <c>Resources/BotTexts.resx</c> and its French twin, complete, and nowhere else.</summary>
public sealed class BotTextsTests : ResourceTextsTests
{
    protected override ResourceTextsCheck Check { get; } = For("Bot", "BotTexts");

    protected override string Allowlist => AllowlistOf("Bot.Tests");
}
