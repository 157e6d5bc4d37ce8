using EpicEvents.Bot.Tests.Infrastructure;
using EpicEvents.Crm.Outbox;
using EpicEvents.Tests.Connector;
using static EpicEvents.Bot.Tests.Infrastructure.OutboxScenarios;

namespace EpicEvents.Bot.Tests;

/// <summary>Several bot instances delivering one PostgreSQL outbox (claims taken with <c>FOR UPDATE SKIP LOCKED</c>).</summary>
public sealed class OutboxSenderOnPostgresTests : IAsyncLifetime
{
    private BotWorld _world = null!;
    private LoopbackConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _world = await BotWorld.CreateOnPostgresAsync();
        _connector = new LoopbackConnector();
    }

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Two_bot_instances_on_one_database_deliver_200_notifications_each_exactly_once_and_in_order()
    {
        await _world.ConnectEveryoneAsync(_connector);
        var queued = await _world.QueueSupportNotificationsAsync(atLeast: 200);

        // Small batches, so that both instances keep claiming from the same queue.
        var first = await _world.StartSenderAsync(null, "--Bot:Outbox:BatchSize=2", "--Bot:Outbox:Parallelism=4");
        var second = await _world.StartSenderAsync(null, "--Bot:Outbox:BatchSize=2", "--Bot:Outbox:Parallelism=4");
        (await _world.WaitUntilDeliveredAsync(TimeSpan.FromMinutes(4))).Should().BeTrue();
        await Task.WhenAll(first.StopAsync(), second.StopAsync());

        var rows = await _world.OutboxAsync();
        rows.Should().HaveCount(queued).And.OnlyContain(r => r.State == DeliveryState.Sent && r.Attempts == 1);
        _connector.Messages.Should().HaveCount(queued, "no notification was sent twice").And.OnlyContain(m => !m.Duplicate);
        _connector.Messages.Select(m => m.NotificationKey).Should().BeEquivalentTo(rows.Select(r => r.Key.ToString()), "none was lost");
        foreach (var recipient in rows.GroupBy(r => r.RecipientId))
        {
            _connector.Messages.Where(m => m.ConversationId == ChatOf(recipient.Key)).Select(m => m.NotificationKey)
                .Should().Equal(recipient.OrderBy(r => r.Id).Select(r => r.Key.ToString()), $"collaborator {recipient.Key} reads their notifications in order");
        }
    }
}
