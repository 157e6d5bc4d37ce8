using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Dialogs;
using EpicEvents.Crm.Access;

namespace EpicEvents.Bot.Commands;

public abstract partial record BotCommand
{
    /// <summary>"notifications [failed]": Management sees the delivery state of notifications.</summary>
    public sealed record Notifications(bool FailedOnly) : BotCommand;
}

/// <summary><c>notifications [failed]</c>: where each notification is, or those that did not arrive.</summary>
public sealed class NotificationsCommand : ChatCommand<BotCommand.Notifications>
{
    public override int Order => 160;

    public override IReadOnlyList<PhraseReading> Readings { get; } =
    [
        new("command.notifications.phrases", _ => new BotCommand.Notifications(FailedOnly: false)),
        new("command.notificationsFailed.phrases", _ => new BotCommand.Notifications(FailedOnly: true)),
    ];

    public override IReadOnlyList<CommandUsage> Usages { get; } =
    [
        new("command.notifications.example", "command.notifications.help", May(CrmAction.ManageNotifications)),
        new("command.notificationsFailed.example", "command.notificationsFailed.help", May(CrmAction.ManageNotifications)),
    ];

    protected override Task RunAsync(CrmTurn turn, BotCommand.Notifications command, string? after, CancellationToken cancellationToken) =>
        NotificationReplies.ListAsync(turn, command.FailedOnly, after, cancellationToken);
}
