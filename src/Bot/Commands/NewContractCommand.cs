using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Dialogs;
using EpicEvents.Crm.Access;

namespace EpicEvents.Bot.Commands;

public abstract partial record BotCommand
{
    public sealed record NewContract(int? ClientId = null) : BotCommand;
}

/// <summary><c>new contract [12]</c>: the form that creates a contract, for a client if one is named.</summary>
public sealed class NewContractCommand : ChatCommand<BotCommand.NewContract>
{
    public override int Order => 70;

    public override IReadOnlyList<PhraseReading> Readings { get; } =
    [
        new("command.newContract.phrases", m => new BotCommand.NewContract(m.Id)),
    ];

    public override IReadOnlyList<CommandUsage> Usages { get; } =
    [
        new("command.newContract.example", "command.newContract.help", May(CrmAction.CreateContract)),
    ];

    protected override Task RunAsync(CrmTurn turn, BotCommand.NewContract command, string? after, CancellationToken cancellationToken) =>
        turn.Get<DialogRunner>().OpenAsync<NewContractDialog>(turn, command.ClientId, cancellationToken);
}
