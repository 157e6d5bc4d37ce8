using EpicEvents.Crm.Access;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Bot.Commands.Chat;

/// <summary>A message read: the command it is and the one that runs it (null when nothing reads it).</summary>
public sealed record ReadCommand(BotCommand Command, ChatCommand? Handler);

/// <summary>
/// Every chat command of the bot, found once at start-up, in help-card order: the parser tries their
/// phrases (English and French, for everyone), the dispatcher runs the one that read the message, the
/// help card and the suggestions list their usages.
/// </summary>
public sealed class CommandTable
{
    private readonly IReadOnlyList<(Phrase Phrase, PhraseReading Reading, ChatCommand Command)> _phrases;

    public CommandTable(IEnumerable<ChatCommand> commands)
    {
        Commands = commands.OrderBy(c => c.Order).ToList();
        _phrases =
        [
            .. from command in Commands
               from reading in command.Readings
               from words in new[] { Wording.English, Wording.French }
               from phrase in Phrase.ParseAll(BotTexts.Catalog.Sentence(reading.Key, words.Culture))
               select (phrase, reading, command),
        ];
        Usages = Commands.SelectMany(c => c.Usages).ToList();
    }

    /// <summary>The bot's commands: every concrete <see cref="ChatCommand"/> of this assembly.</summary>
    public static CommandTable Default { get; } = new(
        typeof(ChatCommand).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ChatCommand)) && !t.IsAbstract)
            .Select(t => (ChatCommand)Activator.CreateInstance(t)!));

    public IReadOnlyList<ChatCommand> Commands { get; }

    /// <summary>Every line of the help card, in order.</summary>
    public IReadOnlyList<CommandUsage> Usages { get; }

    /// <summary>The lines offered to <paramref name="department"/>.</summary>
    public IEnumerable<CommandUsage> For(Department department) => Usages.Where(u => u.OfferedTo(department));

    /// <summary>The command a message is; <see cref="BotCommand.Unknown"/> with no handler when none reads it.</summary>
    public ReadCommand Read(string? text)
    {
        var original = (text ?? string.Empty).Trim();
        if (original.Length > CommandParser.MaxLength)
        {
            return new ReadCommand(new BotCommand.Unknown(original[..CommandParser.MaxLength]), null);
        }

        var words = new ChatWords(original);
        foreach (var (phrase, reading, command) in _phrases)
        {
            if (phrase.Match(words) is { } match && reading.Read(match) is { } read)
            {
                return new ReadCommand(read, command);
            }
        }

        return new ReadCommand(new BotCommand.Unknown(original), null);
    }
}
