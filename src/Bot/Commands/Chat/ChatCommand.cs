using EpicEvents.Bot.Conversations;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Bot.Commands.Chat;

/// <summary>
/// One chat command, declared once: the phrases that read as it (in <c>Resources/BotTexts*.resx</c>,
/// both languages read for everyone), what it reads them to, its lines on the help card and who they
/// are offered to, and what it does. The parser, the dispatcher, the help card and the suggestions
/// are built from every <see cref="ChatCommand"/> of the bot (<see cref="CommandTable"/>); adding a
/// command is one file here plus its texts.
/// </summary>
public abstract class ChatCommand
{
    /// <summary>Where the command's lines come on the help card (and which phrases are tried first).</summary>
    public abstract int Order { get; }

    /// <summary>Each key of BotTexts holding phrases (one or more, separated by <c>|</c>), and what a match reads to.</summary>
    public abstract IReadOnlyList<PhraseReading> Readings { get; }

    /// <summary>The command's lines on the help card, in order; none for a command that is not offered.</summary>
    public virtual IReadOnlyList<CommandUsage> Usages => [];

    /// <summary>Does what <paramref name="command"/> (read by this command's phrases) asks.</summary>
    public abstract Task RunAsync(CrmTurn turn, BotCommand command, string? after, CancellationToken cancellationToken);

    /// <summary>True when the department may use an action of the permission matrix at all.</summary>
    protected static Func<Department, bool> May(CrmAction action) => department => PermissionMatrix.For(department, action) != Reach.None;

    protected static readonly Func<Department, bool> Everyone = _ => true;
}

/// <summary>A chat command that reads its phrases to a <typeparamref name="T"/>.</summary>
public abstract class ChatCommand<T> : ChatCommand
    where T : BotCommand
{
    public sealed override Task RunAsync(CrmTurn turn, BotCommand command, string? after, CancellationToken cancellationToken) =>
        RunAsync(turn, (T)command, after, cancellationToken);

    protected abstract Task RunAsync(CrmTurn turn, T command, string? after, CancellationToken cancellationToken);
}

/// <summary>The phrases under <see cref="Key"/> and what a match of them reads to (null: not this command after all).</summary>
public sealed record PhraseReading(string Key, Func<PhraseMatch, BotCommand?> Read);

/// <summary>
/// A line of the help card: an example as people type it (the text of <see cref="ExampleKey"/>,
/// which the parser reads back to the command) and what it does (<see cref="HelpKey"/>), offered to
/// the departments <see cref="OfferedTo"/> accepts.
/// </summary>
/// <param name="Changes">The command changes data at once (no form first): never suggested with an example's number or name.</param>
public sealed record CommandUsage(string ExampleKey, string HelpKey, Func<Department, bool> OfferedTo, bool Changes = false)
{
    public string Example(Wording words) => words.Bot(ExampleKey);

    public string What(Wording words) => words.Bot(HelpKey);

    public string English => Example(Wording.English);

    public string French => Example(Wording.French);
}
