using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Dialogs;
using EpicEvents.Crm.Access;

namespace EpicEvents.Bot.Commands;

public abstract partial record BotCommand
{
    public sealed record Update(RecordKind Kind, int Id) : BotCommand;
}

/// <summary><c>update event 3</c>: the form that changes an event.</summary>
public sealed class UpdateEventCommand : ChatCommand<BotCommand.Update>
{
    public override int Order => 140;

    public override IReadOnlyList<PhraseReading> Readings { get; } =
    [
        new("command.updateEvent.phrases", m => new BotCommand.Update(RecordKind.Event, m.Id!.Value)),
    ];

    public override IReadOnlyList<CommandUsage> Usages { get; } =
    [
        new("command.updateEvent.example", "command.updateEvent.help", May(CrmAction.UpdateEvent)),
    ];

    protected override Task RunAsync(CrmTurn turn, BotCommand.Update command, string? after, CancellationToken cancellationToken) =>
        turn.Get<DialogRunner>().OpenAsync<UpdateEventDialog>(turn, command.Id, cancellationToken);
}
