using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Dialogs;
using EpicEvents.Crm.Access;

namespace EpicEvents.Bot.Commands;

public abstract partial record BotCommand
{
    public sealed record Help : BotCommand;
}

/// <summary><c>help</c>: what the person may do, as a card.</summary>
public sealed class HelpCommand : ChatCommand<BotCommand.Help>
{
    public override int Order => 210;

    public override IReadOnlyList<PhraseReading> Readings { get; } =
    [
        new("command.help.phrases", _ => new BotCommand.Help()),
    ];

    public override IReadOnlyList<CommandUsage> Usages { get; } =
    [
        new("command.help.example", "command.help.help", Everyone),
    ];

    protected override Task RunAsync(CrmTurn turn, BotCommand.Help command, string? after, CancellationToken cancellationToken) =>
        turn.SendAsync(HelpReply.Card(turn, welcome: false), turn.Words.Bot("helpCommand.help"), cancellationToken);
}
