namespace EpicEvents.Crm.Presentation;

/// <summary>
/// A sentence of Crm.Core as a key of its resource files and the values of its holes: a refusal, a
/// field error, a conflict. Crm.Core says what happened; each front end words it in its reader's
/// language with <see cref="Wording.Render(Text)"/>. An argument may itself be a <see cref="Text"/>
/// (the name of a field inside a field error) and is then worded in the same language.
/// </summary>
public sealed record Text(string Key, params object?[] Args)
{
    /// <summary>The English sentence: what logs, exceptions and tests read.</summary>
    public override string ToString() => Wording.English.Render(this);
}

/// <summary>Crm.Core's own sentences (<c>Resources/CoreTexts.resx</c>).</summary>
public static class CoreTexts
{
    public static TextCatalog Catalog { get; } =
        new(new System.Resources.ResourceManager("EpicEvents.Crm.Resources.CoreTexts", typeof(CoreTexts).Assembly));
}
