using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Dialogs;
using EpicEvents.Crm.Access;

namespace EpicEvents.Bot.Commands;

public abstract partial record BotCommand
{
    /// <summary>"language fr|en|auto": the language the bot speaks to the person in; null follows their Teams client.</summary>
    public sealed record ChooseLanguage(string? Language) : BotCommand;
}

/// <summary><c>language fr|en|auto</c>: the language the bot answers the person in.</summary>
public sealed class LanguageCommand : ChatCommand<BotCommand.ChooseLanguage>
{
    public override int Order => 190;

    public override IReadOnlyList<PhraseReading> Readings { get; } =
    [
        new("command.languageFrench.phrases", _ => new BotCommand.ChooseLanguage("fr")),
        new("command.languageEnglish.phrases", _ => new BotCommand.ChooseLanguage("en")),
        new("command.languageAuto.phrases", _ => new BotCommand.ChooseLanguage(null)),
    ];

    public override IReadOnlyList<CommandUsage> Usages { get; } =
    [
        new("command.language.example", "command.language.help", Everyone, Changes: true),
    ];

    protected override Task RunAsync(CrmTurn turn, BotCommand.ChooseLanguage command, string? after, CancellationToken cancellationToken) =>
        LanguageReply.ChooseAsync(turn, command.Language, cancellationToken);
}
