using EpicEvents.Bot.Protocol.Schema;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Bot.Notifications;

/// <summary>What one notification becomes in the recipient's 1:1 chat with the bot.</summary>
public abstract record NotificationContent
{
    private NotificationContent()
    {
    }

    /// <summary>A new message (a card) in the recipient's chat.</summary>
    public sealed record NewMessage(Activity Activity) : NotificationContent;

    /// <summary>A card sent earlier, replaced in place for everyone (<c>PUT</c> on its activity).</summary>
    public sealed record CardUpdate(DeliveredMessage Card, Activity Activity) : NotificationContent;

    /// <summary>Nothing left to deliver (the card to update never went out, the record is gone): done.</summary>
    public sealed record NothingToSend(Text Why) : NotificationContent;

    /// <summary>It cannot be delivered and should not be tried again.</summary>
    public sealed record Undeliverable(Text Why) : NotificationContent;
}
