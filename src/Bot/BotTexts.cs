using System.Resources;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Bot;

/// <summary>The bot's own sentences (<c>Resources/BotTexts.resx</c>, French in <c>BotTexts.fr.resx</c>).</summary>
public static class BotTexts
{
    public static TextCatalog Catalog { get; } = new(new ResourceManager("EpicEvents.Bot.Resources.BotTexts", typeof(BotTexts).Assembly));

    /// <summary>The bot's sentence <paramref name="key"/> as a text, worded later in its reader's language (an answer of the API).</summary>
    public static Text Sentence(string key, params object?[] args) => new(key, args) { Catalog = Catalog };

    /// <summary>The bot's sentence <paramref name="key"/> in this language.</summary>
    public static string Bot(this Wording words, string key, params object?[] args) => words.Phrase(Catalog, key, args);
}
