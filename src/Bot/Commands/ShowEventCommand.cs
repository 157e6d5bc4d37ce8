using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Dialogs;
using EpicEvents.Crm.Access;

namespace EpicEvents.Bot.Commands;

public abstract partial record BotCommand
{
    public sealed record ShowEvent(int Id) : BotCommand;
}

/// <summary><c>event 3</c>: one event.</summary>
public sealed class ShowEventCommand : ChatCommand<BotCommand.ShowEvent>
{
    public override int Order => 120;

    public override IReadOnlyList<PhraseReading> Readings { get; } =
    [
        new("command.showEvent.phrases", m => new BotCommand.ShowEvent(m.Id!.Value)),
    ];

    public override IReadOnlyList<CommandUsage> Usages { get; } =
    [
        new("command.showEvent.example", "command.showEvent.help", Everyone),
    ];

    protected override Task RunAsync(CrmTurn turn, BotCommand.ShowEvent command, string? after, CancellationToken cancellationToken) =>
        EventReplies.ShowAsync(turn, command.Id, cancellationToken);
}
