using EpicEvents.Bot.Commands.Chat;

namespace EpicEvents.Bot.Commands;

/// <summary>
/// Reads a chat message as a command, in English or French, ignoring case, accents, extra spaces and
/// a trailing full stop, from the phrases of the <see cref="CommandTable"/>. Mentions are stripped
/// before (in channels the text starts with <c>&lt;at&gt;Bot&lt;/at&gt;</c>).
/// </summary>
public static class CommandParser
{
    public const int MaxLength = 500;

    public static BotCommand Parse(string? text) => CommandTable.Default.Read(text).Command;

    /// <summary>Lower case, no accents, single spaces, no trailing punctuation.</summary>
    public static string Normalize(string text) => ChatWords.Normalize(text);
}
