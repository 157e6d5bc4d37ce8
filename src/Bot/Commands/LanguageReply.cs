using EpicEvents.Bot.Conversations;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Bot.Commands;

/// <summary><c>language fr|en|auto</c>: the person's language, kept in the CRM, answered in the language chosen.</summary>
public static class LanguageReply
{
    public static async Task ChooseAsync(CrmTurn turn, string? language, CancellationToken cancellationToken)
    {
        var result = await turn.Get<ChooseLanguage>().ExecuteAsync(turn.Actor, language, cancellationToken);
        if (!result.IsOk)
        {
            await turn.RefuseAsync(result.AsFailure(), cancellationToken);
            return;
        }

        var words = Wording.For(language ?? turn.Activity.Locale);
        var answer = language is null
            ? words.Bot("languageReply.followTeamsLanguageAgain")
            : words.Bot("languageReply.willAnswerEnglishFromNow");
        await turn.Context.SendActivityAsync(answer, cancellationToken);
    }
}
