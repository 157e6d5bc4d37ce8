using System.Collections.Concurrent;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Outbox;

public sealed class OutboxDeliveryTestsOnSqlite : OutboxDeliveryTests<Sqlite>;

public sealed class OutboxDeliveryTestsOnPostgres : OutboxDeliveryTests<Postgres>;

public abstract class OutboxDeliveryTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private static readonly DeliveredMessage Somewhere = new("https://smba.example/emea/", "a:conversation", "1:activity");

    private static readonly Text BadGateway = DeliveryReason.TeamsAnswered(502, "BadGateway");

    private OutboxDelivery Delivery => World.Get<OutboxDelivery>();

    /// <summary>A new assignment's message to the support contact, claimed; the one to the sales contact is sent out of the way.</summary>
    private async Task<OutboxClaim> ClaimedSupportMessageAsync()
    {
        await World.NewEventSupportedByAsync(World.Support);
        var claims = await Delivery.ClaimAsync(10, Lease);
        foreach (var other in claims.Where(c => c.RecipientId != World.Support.Id))
        {
            (await Delivery.RecordSentAsync(other, Somewhere)).Should().BeTrue();
        }

        return claims.Single(c => c.RecipientId == World.Support.Id);
    }

    [Fact]
    public async Task A_claim_takes_the_oldest_message_of_each_recipient_and_the_next_follows_once_it_is_sent()
    {
        // Assigning support queues: the support contact, then the client's sales contact.
        var first = await World.NewEventSupportedByAsync(World.Support);
        var second = await World.NewEventSupportedByAsync(World.Support);

        var claims = await Delivery.ClaimAsync(10, Lease);

        claims.Select(c => (c.Kind, c.RecipientId, c.SubjectId)).Should().Equal(
            (NotificationKind.SupportAssigned, World.Support.Id, first.Id),
            (NotificationKind.SupportAssignedToYourClient, World.Sales.Id, first.Id));
        claims.Should().OnlyContain(c => c.Attempt == 1);
        (await Delivery.ClaimAsync(10, Lease)).Should().BeEmpty("each recipient's next message waits for the one in flight");

        (await Delivery.RecordSentAsync(claims[0], Somewhere)).Should().BeTrue();
        var next = await Delivery.ClaimAsync(10, Lease);
        next.Select(c => (c.Kind, c.RecipientId, c.SubjectId)).Should().Equal((NotificationKind.SupportAssigned, World.Support.Id, second.Id));
    }

    [Fact]
    public async Task Senders_claiming_at_the_same_moment_never_hold_the_same_message()
    {
        var events = new List<EventView>();
        for (var i = 0; i < 6; i++)
        {
            events.Add(await World.NewEventSupportedByAsync(i % 2 == 0 ? World.Support : World.Support2));
        }

        var expected = await CountAsync(m => m.State == DeliveryState.Pending);
        var claimedIds = new ConcurrentBag<long>();
        var senders = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var idle = 0; idle < 30;)
            {
                var delivery = World.Get<OutboxDelivery>();
                var claims = await delivery.ClaimAsync(2, Lease);
                if (claims.Count == 0)
                {
                    idle++;
                    await Task.Delay(10);
                    continue;
                }

                foreach (var claim in claims)
                {
                    claimedIds.Add(claim.Id);
                    (await delivery.RecordSentAsync(claim, Somewhere)).Should().BeTrue();
                }
            }
        }));
        await Task.WhenAll(senders);

        claimedIds.Should().HaveCount(expected).And.OnlyHaveUniqueItems();
        (await CountAsync(m => m.State == DeliveryState.Sent && m.Attempts == 1)).Should().Be(expected);
    }

    [Fact]
    public async Task A_message_whose_sender_vanished_is_claimed_again_after_the_lease_and_the_old_claim_is_void()
    {
        var crashed = await ClaimedSupportMessageAsync();

        World.Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        (await Delivery.ClaimAsync(10, Lease)).Should().BeEmpty();
        World.Clock.Advance(TimeSpan.FromSeconds(2));
        var retaken = (await Delivery.ClaimAsync(10, Lease)).Single();

        retaken.Id.Should().Be(crashed.Id);
        retaken.Attempt.Should().Be(2, "the sender learns that an earlier attempt's outcome is unknown");
        retaken.IdempotencyKey.Should().Be(crashed.IdempotencyKey, "the receiver can drop the copy");
        (await Delivery.RecordSentAsync(crashed, Somewhere)).Should().BeFalse();
        (await Delivery.RecordSentAsync(retaken, Somewhere)).Should().BeTrue();
    }

    [Fact]
    public async Task A_throttled_message_waits_at_least_the_servers_retry_after_and_fails_after_the_last_attempt()
    {
        var claim = await ClaimedSupportMessageAsync();

        (await Delivery.RecordFailureAsync(claim, DeliveryReason.TeamsAnswered(429, "TooManyRequests"), transient: true, retryAfter: TimeSpan.FromSeconds(30)))
            .Should().Be(DeliveryState.Pending);
        World.Clock.Advance(TimeSpan.FromSeconds(29));
        (await Delivery.ClaimAsync(10, Lease)).Should().BeEmpty();
        World.Clock.Advance(TimeSpan.FromSeconds(2));
        claim = (await Delivery.ClaimAsync(10, Lease)).Single();

        for (var attempt = claim.Attempt; attempt < OutboxDelivery.MaxAttempts; attempt++)
        {
            (await Delivery.RecordFailureAsync(claim, BadGateway, transient: true)).Should().Be(DeliveryState.Pending);
            World.Clock.Advance(TimeSpan.FromMinutes(15));
            claim = (await Delivery.ClaimAsync(10, Lease)).Single();
        }

        claim.Attempt.Should().Be(OutboxDelivery.MaxAttempts);
        (await Delivery.RecordFailureAsync(claim, BadGateway, transient: true)).Should().Be(DeliveryState.Failed);
        var failed = await SingleAsync(claim.Id);
        DeliveryReason.Read(failed.LastError).Should().Be(BadGateway);
        World.Clock.Advance(TimeSpan.FromHours(1));
        (await Delivery.ClaimAsync(10, Lease)).Should().NotContain(c => c.Id == claim.Id);
    }

    [Fact]
    public async Task A_permanent_failure_and_an_undeliverable_message_are_not_tried_again_and_free_the_recipients_queue()
    {
        await World.NewEventSupportedByAsync(World.Support);
        await World.NewEventSupportedByAsync(World.Support);
        var first = (await Delivery.ClaimAsync(10, Lease)).First(c => c.RecipientId == World.Support.Id);

        (await Delivery.RecordFailureAsync(first, DeliveryReason.TeamsAnswered(400, "BadRequest"), transient: false)).Should().Be(DeliveryState.Failed);
        var second = (await Delivery.ClaimAsync(10, Lease)).Single(c => c.RecipientId == World.Support.Id);
        second.Id.Should().BeGreaterThan(first.Id);
        await Delivery.RecordUndeliverableAsync(second, DeliveryReason.Blocked);

        World.Clock.Advance(TimeSpan.FromHours(1));
        (await Delivery.ClaimAsync(10, Lease)).Should().NotContain(c => c.RecipientId == World.Support.Id);
        (await SingleAsync(second.Id)).State.Should().Be(DeliveryState.Undeliverable);
    }

    [Fact]
    public async Task A_released_message_keeps_its_attempts_and_comes_back_when_asked()
    {
        var claim = await ClaimedSupportMessageAsync();

        await Delivery.ReleaseAsync(claim, World.Clock.UtcNow.AddSeconds(5));

        (await Delivery.ClaimAsync(10, Lease)).Should().BeEmpty();
        World.Clock.Advance(TimeSpan.FromSeconds(5));
        (await Delivery.ClaimAsync(10, Lease)).Single().Attempt.Should().Be(1);
    }

    [Fact]
    public async Task Where_a_card_was_delivered_is_found_again_to_update_it()
    {
        var (_, request) = await World.NewPendingContractAsync();
        var claims = await Delivery.ClaimAsync(10, Lease);
        var managerCard = claims.Single(c => c.RecipientId == World.Manager.Id);
        managerCard.Kind.Should().Be(NotificationKind.SignatureRequested);

        await Delivery.RecordSentAsync(managerCard, Somewhere);

        (await Delivery.FindDeliveredAsync(NotificationKind.SignatureRequested, World.Manager.Id, request.Id)).Should().Be(Somewhere);
        (await Delivery.FindDeliveredAsync(NotificationKind.SignatureRequested, World.Manager2.Id, request.Id)).Should().BeNull("that card is not sent yet");
    }

    [Fact]
    public async Task The_next_due_time_is_the_earliest_pending_message()
    {
        (await Delivery.NextDueAsync()).Should().BeNull();
        await World.NewEventSupportedByAsync(World.Support);
        var claims = await Delivery.ClaimAsync(10, Lease);

        foreach (var claim in claims)
        {
            await Delivery.RecordFailureAsync(claim, DeliveryReason.TeamsAnswered(429, "TooManyRequests"), transient: true, retryAfter: TimeSpan.FromMinutes(3));
        }

        (await Delivery.NextDueAsync()).Should().BeOnOrAfter(World.Clock.UtcNow.AddMinutes(3)).And.BeBefore(World.Clock.UtcNow.AddMinutes(4));
    }

    [Theory]
    [InlineData(1, null, 1.6, 2.4)]
    [InlineData(3, null, 6.4, 9.6)]
    [InlineData(3, 60, 60, 60)]
    [InlineData(30, null, 480, 720)]
    public void The_back_off_doubles_with_jitter_up_to_ten_minutes_and_honours_retry_after(int attempt, int? retryAfterSeconds, double min, double max)
    {
        for (var i = 0; i < 50; i++)
        {
            var delay = OutboxDelivery.RetryDelay(attempt, retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null);
            delay.TotalSeconds.Should().BeInRange(min, max);
        }
    }

    private async Task<int> CountAsync(System.Linq.Expressions.Expression<Func<OutboxMessage, bool>> where)
    {
        await using var db = World.NewContext();
        return await db.OutboxMessages.CountAsync(where);
    }

    [Fact]
    public async Task Adding_the_app_requeues_what_waited_for_a_chat_whether_its_reason_is_a_key_or_an_older_english_sentence()
    {
        var reasons = new[]
        {
            DeliveryReason.NotInstalled,
            DeliveryReason.ChatGoneRefused(DeliveryReason.TeamsAnswered(404, "ConversationNotFound"), DeliveryReason.TeamsAnswered(403, "Forbidden")),
            Text.Worded("Teams no longer reaches the recipient's chat with the bot (Teams answered 404 NotFound.). The recipient has no Teams account linked."),
            DeliveryReason.Blocked,
            Text.Worded("The recipient blocked the bot in Teams; nothing is sent to them until they write to it again."),
        };
        var ids = new List<long>();
        foreach (var reason in reasons)
        {
            await World.NewEventSupportedByAsync(World.Support);
            var claim = (await Delivery.ClaimAsync(10, Lease)).Single(c => c.RecipientId == World.Support.Id);
            await Delivery.RecordUndeliverableAsync(claim, reason);
            ids.Add(claim.Id);
        }

        await using (var db = World.NewContext())
        {
            // Rows written before the reasons were keys hold the English sentence itself.
            foreach (var (id, reason) in ids.Zip(reasons).Where(r => r.Second.Key == Text.WordedKey))
            {
                await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(set => set.SetProperty(m => m.LastError, reason.ToString()));
            }
        }

        (await Delivery.RequeueWaitingForChatAsync(World.Support.Id)).Should().Be(3);

        var states = new List<DeliveryState>();
        foreach (var id in ids)
        {
            states.Add((await SingleAsync(id)).State);
        }

        states.Should().Equal(DeliveryState.Pending, DeliveryState.Pending, DeliveryState.Pending, DeliveryState.Undeliverable, DeliveryState.Undeliverable);
    }

    private async Task<OutboxMessage> SingleAsync(long id)
    {
        await using var db = World.NewContext();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
