using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Dialogs;
using EpicEvents.Crm.Access;

namespace EpicEvents.Bot.Commands;

public abstract partial record BotCommand
{
    public sealed record Cancel : BotCommand;
}

/// <summary><c>cancel</c>: closes the open form, saving nothing.</summary>
public sealed class CancelCommand : ChatCommand<BotCommand.Cancel>
{
    public override int Order => 200;

    public override IReadOnlyList<PhraseReading> Readings { get; } =
    [
        new("command.cancel.phrases", _ => new BotCommand.Cancel()),
    ];

    public override IReadOnlyList<CommandUsage> Usages { get; } =
    [
        new("cancel", Everyone),
    ];

    protected override async Task RunAsync(CrmTurn turn, BotCommand.Cancel command, string? after, CancellationToken cancellationToken)
    {
        var cancelled = await turn.Get<DialogRunner>().CancelAsync(turn, cancellationToken);
        await turn.Context.SendActivityAsync(cancelled
            ? turn.Words.Say("Cancelled: the open form was closed, nothing was saved.", "Annulé : le formulaire ouvert est fermé, rien n'a été enregistré.")
            : turn.Words.Say("There is nothing to cancel.", "Il n'y a rien à annuler."), cancellationToken);
    }
}
