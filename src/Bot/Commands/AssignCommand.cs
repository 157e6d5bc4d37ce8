using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Dialogs;
using EpicEvents.Crm.Access;

namespace EpicEvents.Bot.Commands;

public abstract partial record BotCommand
{
    /// <summary>"assign 3 to Sue" — <see cref="Who"/> is a name or an email; empty asks with a card.</summary>
    public sealed record Assign(int EventId, string? Who) : BotCommand;
}

/// <summary><c>assign 3 to Sue</c>: an event's support; without a name the bot asks who.</summary>
public sealed class AssignCommand : ChatCommand<BotCommand.Assign>
{
    public override int Order => 150;

    public override IReadOnlyList<PhraseReading> Readings { get; } =
    [
        new("command.assign.phrases", m => new BotCommand.Assign(m.Id!.Value, m.Text)),
    ];

    public override IReadOnlyList<CommandUsage> Usages { get; } =
    [
        new("command.assign.example", "command.assign.help", May(CrmAction.AssignSupport), Changes: true),
    ];

    protected override Task RunAsync(CrmTurn turn, BotCommand.Assign command, string? after, CancellationToken cancellationToken) =>
        EventReplies.AssignAsync(turn, command.EventId, command.Who, cancellationToken);
}
