namespace EpicEvents.Bot.Cards;

/// <summary>The colours of the Adaptive Card schema that badges and warnings use (names of the schema, not texts).</summary>
public static class CardColors
{
    public const string Default = "Default";
    public const string Accent = "Accent";
    public const string Good = "Good";
    public const string Warning = "Warning";
    public const string Attention = "Attention";
}
