using EpicEvents.Bot.Protocol.Schema;
using Microsoft.Extensions.Logging;

namespace EpicEvents.Bot.Protocol;

/// <summary>
/// Runs turns and carries what the bot sends to the channel. <see cref="CloudAdapter"/> talks to the
/// Bot Connector; <see cref="Testing.TestAdapter"/> keeps everything in memory for tests.
/// </summary>
public abstract class BotAdapter(ILogger logger, string turnErrorMessage)
{
    protected ILogger Logger { get; } = logger;

    /// <summary>The text sent to the user when their turn failed.</summary>
    public string TurnErrorMessage { get; set; } = turnErrorMessage;

    public abstract Task<ResourceResponse> SendActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken);

    public abstract Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken);

    public abstract Task DeleteActivityAsync(ITurnContext turnContext, string activityId, CancellationToken cancellationToken);

    public abstract Task<TeamsChannelAccount> GetMemberAsync(ITurnContext turnContext, string userId, CancellationToken cancellationToken);

    /// <summary>Opens (or finds) the 1:1 chat between the bot and a user, e.g. to notify them first.</summary>
    /// <returns>A reference to store and pass to <see cref="ContinueConversationAsync"/>.</returns>
    public abstract Task<ConversationReference> CreatePersonalConversationAsync(
        string serviceUrl, string tenantId, ChannelAccount bot, ChannelAccount user, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="callback"/> in the conversation of a stored reference (proactive messages).
    /// Failures are not turned into apologies: they reach the caller, e.g. a
    /// <see cref="Connector.ConnectorException"/> whose <c>IsMessageWritesBlocked</c> says to stop writing.
    /// </summary>
    public virtual Task ContinueConversationAsync(ConversationReference reference, BotCallback callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        var continuation = new Activity
        {
            Type = ActivityTypes.Event,
            Name = "ContinueConversation",
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Conversation = reference.Conversation,
            From = reference.User,
            Recipient = reference.Bot,
            Locale = reference.Locale,
        };
        return callback(new TurnContext(this, continuation), cancellationToken);
    }

    /// <summary>
    /// Runs one inbound turn; a failure is logged and answered politely (<see cref="OnTurnErrorAsync"/>).
    /// </summary>
    /// <returns>For an invoke, its answer (501 when the bot gave none); otherwise null.</returns>
    protected async Task<InvokeResponse?> RunTurnAsync(TurnContext turnContext, BotCallback callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(callback);
        try
        {
            await callback(turnContext, cancellationToken);
        }
        catch (Exception exception) when (!(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            await OnTurnErrorAsync(turnContext, exception, cancellationToken);
        }

        return turnContext.Activity.Type == ActivityTypes.Invoke
            ? turnContext.InvokeResponse ?? InvokeResponse.NotImplemented()
            : null;
    }

    /// <summary>
    /// Logs the failure and tells the user in the way the activity allows: a message in the
    /// conversation, or for an invoke an answer of the shape Teams displays. Never the exception's text.
    /// </summary>
    protected virtual async Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        ProtocolLog.TurnFailed(Logger, exception, activity.Id, activity.Type, activity.Name);
        if (activity.Type == ActivityTypes.Invoke)
        {
            turnContext.InvokeResponse = activity.Name switch
            {
                InvokeNames.AdaptiveCardAction => InvokeResponse.Ok(AdaptiveCardInvokeResponse.Message(TurnErrorMessage)),
                InvokeNames.MessagingExtensionQuery => InvokeResponse.Ok(MessagingExtensionResponse.Message(TurnErrorMessage)),
                InvokeNames.TaskFetch or InvokeNames.TaskSubmit => InvokeResponse.Ok(TaskModuleResponse.Message(TurnErrorMessage)),
                _ => new InvokeResponse(500),
            };
            return;
        }

        try
        {
            await turnContext.SendActivityAsync(TurnErrorMessage, cancellationToken);
        }
        catch (Exception sendFailure) when (sendFailure is not OperationCanceledException)
        {
            ProtocolLog.ApologyFailed(Logger, sendFailure, activity.Id);
        }
    }
}
