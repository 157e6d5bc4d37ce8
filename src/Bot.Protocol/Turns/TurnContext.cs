using EpicEvents.Bot.Protocol.Schema;

namespace EpicEvents.Bot.Protocol;

/// <summary>The turn context every adapter hands to the bot; sending goes through the adapter.</summary>
public sealed class TurnContext(BotAdapter adapter, Activity activity) : ITurnContext
{
    public Activity Activity { get; } = activity ?? throw new ArgumentNullException(nameof(activity));

    public BotAdapter Adapter { get; } = adapter ?? throw new ArgumentNullException(nameof(adapter));

    public TurnState TurnState { get; } = new();

    public bool Responded { get; private set; }

    public InvokeResponse? InvokeResponse { get; set; }

    public Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken = default) =>
        SendActivityAsync(Activity.CreateMessage(text), cancellationToken);

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Type ??= ActivityTypes.Message;
        activity.ApplyConversationReference(Activity.GetConversationReference());
        var response = await Adapter.SendActivityAsync(this, activity, cancellationToken);
        Responded = true;
        return response;
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentException.ThrowIfNullOrEmpty(activity.Id, nameof(activity));
        activity.Type ??= ActivityTypes.Message;
        activity.ApplyConversationReference(Activity.GetConversationReference() with { ActivityId = null });
        return Adapter.UpdateActivityAsync(this, activity, cancellationToken);
    }

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        return Adapter.DeleteActivityAsync(this, activityId, cancellationToken);
    }

    public Task<TeamsChannelAccount> GetMemberAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return Adapter.GetMemberAsync(this, userId, cancellationToken);
    }
}
