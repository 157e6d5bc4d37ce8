using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Dialogs;
using EpicEvents.Crm.Access;

namespace EpicEvents.Bot.Commands;

public abstract partial record BotCommand
{
    /// <summary>"settings": one's digest on or off and its hour, and the bot's language, as a card.</summary>
    public sealed record Settings : BotCommand;
}

/// <summary><c>settings</c>: one's digest and language, as a card.</summary>
public sealed class SettingsCommand : ChatCommand<BotCommand.Settings>
{
    public override int Order => 180;

    public override IReadOnlyList<PhraseReading> Readings { get; } =
    [
        new("command.settings.phrases", _ => new BotCommand.Settings()),
    ];

    public override IReadOnlyList<CommandUsage> Usages { get; } =
    [
        new("command.settings.example", "command.settings.help", Everyone, Changes: true),
    ];

    protected override Task RunAsync(CrmTurn turn, BotCommand.Settings command, string? after, CancellationToken cancellationToken) =>
        SettingsReply.ShowAsync(turn, cancellationToken);
}
