using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Dialogs;
using EpicEvents.Crm.Access;

namespace EpicEvents.Bot.Commands;

public abstract partial record BotCommand
{
    /// <summary>"sign 7": Management signs; Sales asks Management to sign.</summary>
    public sealed record Sign(int ContractId) : BotCommand;
}

/// <summary><c>sign 7</c>: Management signs a contract (Sales asks Management to).</summary>
public sealed class SignCommand : ChatCommand<BotCommand.Sign>
{
    public override int Order => 90;

    public override IReadOnlyList<PhraseReading> Readings { get; } =
    [
        new("command.sign.phrases", m => new BotCommand.Sign(m.Id!.Value)),
    ];

    public override IReadOnlyList<CommandUsage> Usages { get; } =
    [
        new("command.sign.example", "command.sign.help", May(CrmAction.SignContract), Changes: true),
    ];

    protected override Task RunAsync(CrmTurn turn, BotCommand.Sign command, string? after, CancellationToken cancellationToken) =>
        ContractReplies.SignAsync(turn, command.ContractId, cancellationToken);
}
