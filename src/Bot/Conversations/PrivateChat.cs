using EpicEvents.Bot.Protocol;
using EpicEvents.Bot.Protocol.Connector;
using EpicEvents.Bot.Protocol.Schema;

namespace EpicEvents.Bot.Conversations;

/// <summary>The person's 1:1 chat with the bot, where answers that hold CRM data go.</summary>
public static class PrivateChat
{
    /// <summary>A team channel or a group chat: everything posted there is read by all its members.</summary>
    public static bool IsShared(Activity activity) =>
        activity.Conversation?.ConversationType is ConversationTypes.Channel or ConversationTypes.GroupChat
        || activity.Conversation?.IsGroup == true;

    /// <summary>
    /// A turn of the same message in the sender's 1:1 chat: what the bot sends in it goes there. Teams
    /// answers the chat that already exists, or opens it; null when it cannot (the app is not installed
    /// for the person, or the connector refuses).
    /// </summary>
    public static async Task<ITurnContext?> OpenAsync(ITurnContext shared, CancellationToken cancellationToken)
    {
        var activity = shared.Activity;
        if (activity.ServiceUrl is not { Length: > 0 } serviceUrl || activity.GetTenantId() is not { Length: > 0 } tenant
            || activity.Recipient is not { } bot || activity.From is not { } user)
        {
            return null;
        }

        ConversationReference chat;
        try
        {
            chat = await shared.Adapter.CreatePersonalConversationAsync(serviceUrl, tenant, bot, user, cancellationToken);
        }
        catch (ConnectorException)
        {
            return null;
        }

        var copy = ProtocolJson.Read<Activity>(ProtocolJson.ToElement(activity))!;
        copy.Id = null;
        copy.ReplyToId = null;
        copy.Conversation = chat.Conversation;
        var privately = new TurnContext(shared.Adapter, copy);

        // Who is talking was read with the activity (ADR 15): the private turn does not read it again.
        if (shared.TurnState.Get<Crm.Teams.TeamsIntake>() is { } intake)
        {
            privately.TurnState.Set(intake);
        }

        return privately;
    }
}
