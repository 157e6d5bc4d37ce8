using EpicEvents.Bot.Protocol.Schema;

namespace EpicEvents.Bot.Protocol;

/// <summary>One turn: the inbound activity and the ways to answer in its conversation.</summary>
public interface ITurnContext
{
    /// <summary>The inbound activity (for proactive turns, a synthetic <c>event</c> built from the reference).</summary>
    Activity Activity { get; }

    BotAdapter Adapter { get; }

    /// <summary>Values the parts of this turn hand to each other.</summary>
    TurnState TurnState { get; }

    /// <summary>True once something was sent in this turn.</summary>
    bool Responded { get; }

    /// <summary>The answer to an <c>invoke</c> activity, returned in the HTTP response body.</summary>
    InvokeResponse? InvokeResponse { get; set; }

    /// <summary>Sends a text message into the conversation.</summary>
    Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>Sends an activity into the conversation; addressing fields are filled from the turn.</summary>
    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Replaces a sent activity (its <see cref="Activity.Id"/> says which) for everyone.</summary>
    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default);

    /// <summary>The profile of a member of this conversation: email, UPN, Entra object id, name.</summary>
    Task<TeamsChannelAccount> GetMemberAsync(string userId, CancellationToken cancellationToken = default);
}
