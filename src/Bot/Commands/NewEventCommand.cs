using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Dialogs;
using EpicEvents.Crm.Access;

namespace EpicEvents.Bot.Commands;

public abstract partial record BotCommand
{
    public sealed record NewEvent(int? ContractId = null) : BotCommand;
}

/// <summary><c>new event [7]</c>: the form that plans an event of a signed contract.</summary>
public sealed class NewEventCommand : ChatCommand<BotCommand.NewEvent>
{
    public override int Order => 130;

    public override IReadOnlyList<PhraseReading> Readings { get; } =
    [
        new("command.newEvent.phrases", m => new BotCommand.NewEvent(m.Id)),
    ];

    public override IReadOnlyList<CommandUsage> Usages { get; } =
    [
        new("command.newEvent.example", "command.newEvent.help", May(CrmAction.CreateEvent)),
    ];

    protected override Task RunAsync(CrmTurn turn, BotCommand.NewEvent command, string? after, CancellationToken cancellationToken) =>
        turn.Get<DialogRunner>().OpenAsync<NewEventDialog>(turn, command.ContractId, cancellationToken);
}
