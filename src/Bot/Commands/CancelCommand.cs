using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Dialogs;
using EpicEvents.Crm.Access;

namespace EpicEvents.Bot.Commands;

public abstract partial record BotCommand
{
    public sealed record Cancel : BotCommand;
}

/// <summary><c>cancel</c>: closes the open form, saving nothing.</summary>
public sealed class CancelCommand : ChatCommand<BotCommand.Cancel>
{
    public override int Order => 200;

    public override IReadOnlyList<PhraseReading> Readings { get; } =
    [
        new("command.cancel.phrases", _ => new BotCommand.Cancel()),
    ];

    public override IReadOnlyList<CommandUsage> Usages { get; } =
    [
        new("command.cancel.example", "command.cancel.help", Everyone),
    ];

    protected override async Task RunAsync(CrmTurn turn, BotCommand.Cancel command, string? after, CancellationToken cancellationToken)
    {
        var cancelled = await turn.Get<DialogRunner>().CancelAsync(turn, cancellationToken);
        await turn.Context.SendActivityAsync(cancelled
            ? turn.Words.Bot("cancelCommand.cancelledOpenFormWasClosed")
            : turn.Words.Bot("cancelCommand.thereNothingCancel"), cancellationToken);
    }
}
