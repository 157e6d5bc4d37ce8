using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Dialogs;
using EpicEvents.Crm.Access;

namespace EpicEvents.Bot.Commands;

public abstract partial record BotCommand
{
    public sealed record Events(EventList Which, int? Days) : BotCommand;
}

/// <summary><c>events upcoming 30</c>, <c>events unassigned</c>, <c>events mine</c>: lists of events.</summary>
public sealed class EventListsCommand : ChatCommand<BotCommand.Events>
{
    public override int Order => 110;

    public override IReadOnlyList<PhraseReading> Readings { get; } =
    [
        new("command.eventsUpcoming.phrases", m => new BotCommand.Events(EventList.Upcoming, m.Number)),
        new("command.eventsUnassigned.phrases", m => new BotCommand.Events(EventList.Unassigned, m.Number)),
        new("command.eventsMine.phrases", m => new BotCommand.Events(EventList.Mine, m.Number)),
    ];

    public override IReadOnlyList<CommandUsage> Usages { get; } =
    [
        new("command.eventsUpcoming.example", "command.eventsUpcoming.help", Everyone),
        new("command.eventsUnassigned.example", "command.eventsUnassigned.help", Everyone),
        new("command.eventsMine.example", "command.eventsMine.help", d => d == Department.Support),
    ];

    protected override Task RunAsync(CrmTurn turn, BotCommand.Events command, string? after, CancellationToken cancellationToken) =>
        EventReplies.ListAsync(turn, command, after, cancellationToken);
}
