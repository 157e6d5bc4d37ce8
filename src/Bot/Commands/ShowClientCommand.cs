using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Dialogs;
using EpicEvents.Crm.Access;

namespace EpicEvents.Bot.Commands;

public abstract partial record BotCommand
{
    public sealed record ShowClient(int Id) : BotCommand;
}

/// <summary><c>client 12</c>: one client.</summary>
public sealed class ShowClientCommand : ChatCommand<BotCommand.ShowClient>
{
    public override int Order => 20;

    public override IReadOnlyList<PhraseReading> Readings { get; } =
    [
        new("command.showClient.phrases", m => new BotCommand.ShowClient(m.Id!.Value)),
    ];

    public override IReadOnlyList<CommandUsage> Usages { get; } =
    [
        new("command.showClient.example", "command.showClient.help", Everyone),
    ];

    protected override Task RunAsync(CrmTurn turn, BotCommand.ShowClient command, string? after, CancellationToken cancellationToken) =>
        ClientReplies.ShowAsync(turn, command.Id, cancellationToken);
}
