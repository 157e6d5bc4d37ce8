using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Dialogs;
using EpicEvents.Crm.Access;

namespace EpicEvents.Bot.Commands;

public abstract partial record BotCommand
{
    public sealed record NewClient : BotCommand;
}

/// <summary><c>new client</c>: the form that creates a client.</summary>
public sealed class NewClientCommand : ChatCommand<BotCommand.NewClient>
{
    public override int Order => 30;

    public override IReadOnlyList<PhraseReading> Readings { get; } =
    [
        new("command.newClient.phrases", _ => new BotCommand.NewClient()),
    ];

    public override IReadOnlyList<CommandUsage> Usages { get; } =
    [
        new("command.newClient.example", "command.newClient.help", May(CrmAction.CreateClient)),
    ];

    protected override Task RunAsync(CrmTurn turn, BotCommand.NewClient command, string? after, CancellationToken cancellationToken) =>
        turn.Get<DialogRunner>().OpenAsync<NewClientDialog>(turn, null, cancellationToken);
}
