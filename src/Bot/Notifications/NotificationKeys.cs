using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EpicEvents.Bot.Protocol.Schema;

namespace EpicEvents.Bot.Notifications;

/// <summary>
/// The idempotency key of a notification as its reader sees it: <c>channelData.notificationKey</c>
/// of the message, the same on every copy of one notification.
/// </summary>
public static class NotificationKeys
{
    public const string Property = "notificationKey";

    /// <summary>Adds the key to the activity's <c>channelData</c>, keeping what is already there.</summary>
    public static void Stamp(Activity activity, Guid key)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var data = activity.ChannelData is { ValueKind: JsonValueKind.Object } existing
            ? JsonObject.Create(existing)!
            : [];
        data[Property] = key.ToString("D", CultureInfo.InvariantCulture);
        activity.ChannelData = JsonSerializer.SerializeToElement(data);
    }
}
