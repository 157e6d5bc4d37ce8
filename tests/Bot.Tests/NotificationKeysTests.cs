using System.Text.Json;
using EpicEvents.Bot.Notifications;
using EpicEvents.Bot.Protocol.Schema;

namespace EpicEvents.Bot.Tests;

/// <summary>Where a reader finds a notification's idempotency key: <c>channelData.notificationKey</c>.</summary>
public sealed class NotificationKeysTests
{
    [Fact]
    public void The_key_joins_the_channel_data_a_message_already_has()
    {
        var message = Activity.CreateMessage("Signature requested");
        message.ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = "tenant-1" }, notification = new { alert = true } });
        var key = Guid.NewGuid();

        NotificationKeys.Stamp(message, key);

        var data = message.ChannelData!.Value;
        data.GetProperty("notificationKey").GetString().Should().Be(key.ToString());
        data.GetProperty("tenant").GetProperty("id").GetString().Should().Be("tenant-1");
        data.GetProperty("notification").GetProperty("alert").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void A_message_without_channel_data_gets_some_with_the_key_only()
    {
        var message = Activity.CreateMessage("Signature requested");
        var key = Guid.NewGuid();

        NotificationKeys.Stamp(message, key);

        message.ChannelData!.Value.EnumerateObject().Select(p => (p.Name, p.Value.GetString())).Should().Equal(("notificationKey", key.ToString()));
    }
}
