using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Dialogs;
using EpicEvents.Crm.Access;

namespace EpicEvents.Bot.Commands;

/// <summary><c>update client 12</c>: the form that changes a client.</summary>
public sealed class UpdateClientCommand : ChatCommand<BotCommand.Update>
{
    public override int Order => 40;

    public override IReadOnlyList<PhraseReading> Readings { get; } =
    [
        new("command.updateClient.phrases", m => new BotCommand.Update(RecordKind.Client, m.Id!.Value)),
    ];

    public override IReadOnlyList<CommandUsage> Usages { get; } =
    [
        new("command.updateClient.example", "command.updateClient.help", May(CrmAction.UpdateClient)),
    ];

    protected override Task RunAsync(CrmTurn turn, BotCommand.Update command, string? after, CancellationToken cancellationToken) =>
        turn.Get<DialogRunner>().OpenAsync<UpdateClientDialog>(turn, command.Id, cancellationToken);
}
