using EpicEvents.Crm.Presentation;
using EpicEvents.Tests.Texts;

namespace EpicEvents.Bot.Tests.Infrastructure;

/// <summary>The sentences a Teams user can meet: the bot's and Crm.Core's.</summary>
public static class BotLanguages
{
    private static readonly Languages Texts = new(BotTexts.Catalog, CoreTexts.Catalog);

    public static IReadOnlyList<string> ForeignIn(string text, string locale) => Texts.ForeignIn(text, locale);
}
