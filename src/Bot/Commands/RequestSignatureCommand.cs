using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Dialogs;
using EpicEvents.Crm.Access;

namespace EpicEvents.Bot.Commands;

public abstract partial record BotCommand
{
    public sealed record RequestSignature(int ContractId) : BotCommand;
}

/// <summary><c>request signature 7</c>: Sales asks Management to sign a contract.</summary>
public sealed class RequestSignatureCommand : ChatCommand<BotCommand.RequestSignature>
{
    public override int Order => 100;

    public override IReadOnlyList<PhraseReading> Readings { get; } =
    [
        new("command.requestSignature.phrases", m => new BotCommand.RequestSignature(m.Id!.Value)),
    ];

    public override IReadOnlyList<CommandUsage> Usages { get; } =
    [
        new("command.requestSignature.example", "command.requestSignature.help", d => !May(CrmAction.SignContract)(d) && May(CrmAction.RequestSignature)(d), Changes: true),
    ];

    protected override Task RunAsync(CrmTurn turn, BotCommand.RequestSignature command, string? after, CancellationToken cancellationToken) =>
        ContractReplies.RequestSignatureAsync(turn, command.ContractId, cancellationToken);
}
