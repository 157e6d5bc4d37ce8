using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Dialogs;
using EpicEvents.Crm.Access;

namespace EpicEvents.Bot.Commands;

public abstract partial record BotCommand
{
    public sealed record History(RecordKind Kind, int Id) : BotCommand;
}

/// <summary><c>history contract 7</c>: who changed what on a record.</summary>
public sealed class HistoryCommand : ChatCommand<BotCommand.History>
{
    public override int Order => 170;

    public override IReadOnlyList<PhraseReading> Readings { get; } =
    [
        new("command.historyClient.phrases", m => new BotCommand.History(RecordKind.Client, m.Id!.Value)),
        new("command.historyContract.phrases", m => new BotCommand.History(RecordKind.Contract, m.Id!.Value)),
        new("command.historyEvent.phrases", m => new BotCommand.History(RecordKind.Event, m.Id!.Value)),
    ];

    public override IReadOnlyList<CommandUsage> Usages { get; } =
    [
        new("command.history.example", "command.history.help", May(CrmAction.ReadAuditTrail)),
    ];

    protected override Task RunAsync(CrmTurn turn, BotCommand.History command, string? after, CancellationToken cancellationToken) =>
        HistoryReply.SendAsync(turn, command.Kind, command.Id, cancellationToken);
}
