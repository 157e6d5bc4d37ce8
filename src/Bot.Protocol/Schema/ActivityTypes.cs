namespace EpicEvents.Bot.Protocol.Schema;

/// <summary>The values of an activity's <c>type</c> field.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string Event = "event";
    public const string MessageReaction = "messageReaction";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string Typing = "typing";
    public const string EndOfConversation = "endOfConversation";
}

/// <summary>The values of an <c>installationUpdate</c> activity's <c>action</c> field.</summary>
public static class InstallationUpdateActions
{
    public const string Add = "add";
    public const string AddUpgrade = "add-upgrade";
    public const string Remove = "remove";
    public const string RemoveUpgrade = "remove-upgrade";
}

/// <summary>The values of a conversation's <c>conversationType</c> in Teams.</summary>
public static class ConversationTypes
{
    public const string Personal = "personal";
    public const string GroupChat = "groupChat";
    public const string Channel = "channel";
}

/// <summary>Channel ids this product talks to.</summary>
public static class Channels
{
    public const string MsTeams = "msteams";
}
