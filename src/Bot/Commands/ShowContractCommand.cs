using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Dialogs;
using EpicEvents.Crm.Access;

namespace EpicEvents.Bot.Commands;

public abstract partial record BotCommand
{
    public sealed record ShowContract(int Id) : BotCommand;
}

/// <summary><c>contract 7</c>: one contract.</summary>
public sealed class ShowContractCommand : ChatCommand<BotCommand.ShowContract>
{
    public override int Order => 60;

    public override IReadOnlyList<PhraseReading> Readings { get; } =
    [
        new("command.showContract.phrases", m => new BotCommand.ShowContract(m.Id!.Value)),
    ];

    public override IReadOnlyList<CommandUsage> Usages { get; } =
    [
        new("command.showContract.example", "command.showContract.help", Everyone),
    ];

    protected override Task RunAsync(CrmTurn turn, BotCommand.ShowContract command, string? after, CancellationToken cancellationToken) =>
        ContractReplies.ShowAsync(turn, command.Id, cancellationToken);
}
