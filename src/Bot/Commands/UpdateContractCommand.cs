using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Dialogs;
using EpicEvents.Crm.Access;

namespace EpicEvents.Bot.Commands;

/// <summary><c>update contract 7</c>: the form that changes a contract's amounts.</summary>
public sealed class UpdateContractCommand : ChatCommand<BotCommand.Update>
{
    public override int Order => 80;

    public override IReadOnlyList<PhraseReading> Readings { get; } =
    [
        new("command.updateContract.phrases", m => new BotCommand.Update(RecordKind.Contract, m.Id!.Value)),
    ];

    public override IReadOnlyList<CommandUsage> Usages { get; } =
    [
        new("command.updateContract.example", "command.updateContract.help", May(CrmAction.UpdateContractAmounts)),
    ];

    protected override Task RunAsync(CrmTurn turn, BotCommand.Update command, string? after, CancellationToken cancellationToken) =>
        turn.Get<DialogRunner>().OpenAsync<UpdateContractDialog>(turn, command.Id, cancellationToken);
}
