namespace EpicEvents.Bot.Protocol;

/// <summary>The bot's logic: handles one turn, i.e. one inbound activity.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}

/// <summary>The work to do within a turn, e.g. in a proactive <c>ContinueConversationAsync</c>.</summary>
public delegate Task BotCallback(ITurnContext turnContext, CancellationToken cancellationToken);
