using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Dialogs;
using EpicEvents.Crm.Access;

namespace EpicEvents.Bot.Commands;

public abstract partial record BotCommand
{
    public sealed record Contracts(ContractList Which) : BotCommand;
}

/// <summary><c>contracts unsigned|unpaid|pending</c>: contracts to sign, to be paid, or awaiting Management's signature.</summary>
public sealed class ContractListsCommand : ChatCommand<BotCommand.Contracts>
{
    public override int Order => 50;

    public override IReadOnlyList<PhraseReading> Readings { get; } =
    [
        new("command.contractsUnsigned.phrases", _ => new BotCommand.Contracts(ContractList.Unsigned)),
        new("command.contractsUnpaid.phrases", _ => new BotCommand.Contracts(ContractList.Unpaid)),
        new("command.contractsPending.phrases", _ => new BotCommand.Contracts(ContractList.Pending)),
    ];

    public override IReadOnlyList<CommandUsage> Usages { get; } =
    [
        new("command.contractsUnsigned.example", "command.contractsUnsigned.help", Everyone),
        new("command.contractsUnpaid.example", "command.contractsUnpaid.help", Everyone),
        new("command.contractsPendingToDecide.example", "command.contractsPendingToDecide.help", May(CrmAction.SignContract)),
        new("command.contractsPendingMine.example", "command.contractsPendingMine.help", d => !May(CrmAction.SignContract)(d) && May(CrmAction.RequestSignature)(d)),
    ];

    protected override Task RunAsync(CrmTurn turn, BotCommand.Contracts command, string? after, CancellationToken cancellationToken) =>
        ContractReplies.ListAsync(turn, command.Which, after, cancellationToken);
}
