using System.Resources;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Demo;

/// <summary>The demo seeder's own sentences (<c>Resources/DemoTexts.resx</c>, French in <c>DemoTexts.fr.resx</c>).</summary>
internal static class DemoTexts
{
    public static TextCatalog Catalog { get; } = new(new ResourceManager("EpicEvents.Crm.Demo.Resources.DemoTexts", typeof(DemoTexts).Assembly));

    /// <summary>The seeder's sentence <paramref name="key"/>, worded later in its reader's language.</summary>
    public static Text Text(string key, params object?[] args) => new(key, args) { Catalog = Catalog };
}
