using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Bot.Conversations;
using EpicEvents.Crm.Access;

namespace EpicEvents.Bot.Commands;

public abstract partial record BotCommand
{
    public sealed record Clients(string? Search, bool Mine) : BotCommand;
}

/// <summary><c>clients dupont</c>, <c>my clients</c>: clients found by name, company or email, or those a Sales collaborator follows.</summary>
public sealed class ClientsCommand : ChatCommand<BotCommand.Clients>
{
    public override int Order => 10;

    public override IReadOnlyList<PhraseReading> Readings { get; } =
    [
        new("command.myClients.phrases", _ => new BotCommand.Clients(null, Mine: true)),
        new("command.clients.phrases", m => new BotCommand.Clients(m.Text, Mine: false)),
    ];

    public override IReadOnlyList<CommandUsage> Usages { get; } =
    [
        new("command.myClients.example", "command.myClients.help", d => d == Department.Sales),
        new("command.clients.example", "command.clients.help", Everyone),
    ];

    protected override Task RunAsync(CrmTurn turn, BotCommand.Clients command, string? after, CancellationToken cancellationToken) =>
        ClientReplies.ListAsync(turn, command, after, cancellationToken);
}
