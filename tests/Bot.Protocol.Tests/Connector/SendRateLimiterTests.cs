using EpicEvents.Bot.Protocol.Connector;
using EpicEvents.Bot.Protocol.Tests.Infrastructure;

namespace EpicEvents.Bot.Protocol.Tests.Connector;

public sealed class SendRateLimiterTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly SendRateLimiter _limiter;

    public SendRateLimiterTests() => _limiter = new SendRateLimiter(_clock);

    private async Task SendNowAsync(int count, string conversation = "a:chat", string tenant = "tenant-1")
    {
        for (var i = 0; i < count; i++)
        {
            var slot = _limiter.WaitAsync(tenant, conversation, CancellationToken.None);
            slot.IsCompleted.Should().BeTrue($"send {i + 1} is within the limits");
            (await slot).Dispose();
        }
    }

    [Fact]
    public async Task Seven_sends_a_second_to_one_conversation_pass_at_once()
    {
        await SendNowAsync(7);
    }

    [Fact]
    public async Task Eighth_send_within_a_second_waits_for_the_second_to_end()
    {
        await SendNowAsync(7);

        var eighth = _limiter.WaitAsync("tenant-1", "a:chat", CancellationToken.None).AsTask();
        eighth.IsCompleted.Should().BeFalse();

        _clock.Advance(TimeSpan.FromMilliseconds(999));
        eighth.IsCompleted.Should().BeFalse();

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await eighth;
    }

    [Fact]
    public async Task Ninth_send_within_two_seconds_waits_for_the_first_to_leave_the_window()
    {
        await SendNowAsync(7);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await SendNowAsync(1);

        var ninth = _limiter.WaitAsync("tenant-1", "a:chat", CancellationToken.None).AsTask();
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        ninth.IsCompleted.Should().BeFalse("eight sends already happened in the last two seconds");

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await ninth;
    }

    [Fact]
    public async Task Sixty_one_sends_within_thirty_seconds_wait_for_the_window()
    {
        for (var second = 0; second < 15; second++)
        {
            await SendNowAsync(4);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var sixtyFirst = _limiter.WaitAsync("tenant-1", "a:chat", CancellationToken.None).AsTask();
        sixtyFirst.IsCompleted.Should().BeFalse();

        _clock.Advance(TimeSpan.FromSeconds(15));
        await sixtyFirst;
    }

    [Fact]
    public async Task Other_conversations_have_their_own_limits()
    {
        await SendNowAsync(7, "a:first");

        await SendNowAsync(7, "a:second");
    }

    [Fact]
    public async Task Tenant_limit_applies_across_conversations()
    {
        for (var conversation = 0; conversation < 6; conversation++)
        {
            await SendNowAsync(5, $"a:chat-{conversation}");
        }

        var thirtyFirst = _limiter.WaitAsync("tenant-1", "a:another", CancellationToken.None).AsTask();
        thirtyFirst.IsCompleted.Should().BeFalse();
        var otherTenant = _limiter.WaitAsync("tenant-2", "a:another", CancellationToken.None);
        otherTenant.IsCompleted.Should().BeTrue();

        _clock.Advance(TimeSpan.FromSeconds(1));
        await thirtyFirst;
    }

    [Fact]
    public async Task Calls_outside_a_conversation_count_only_against_the_tenant()
    {
        for (var i = 0; i < 10; i++)
        {
            var lookup = _limiter.WaitAsync("tenant-1", null, CancellationToken.None);
            lookup.IsCompleted.Should().BeTrue();
            (await lookup).Dispose();
        }

        await SendNowAsync(7);
    }

    [Fact]
    public async Task A_call_still_waiting_for_its_answer_holds_its_place_and_counts_for_a_second_from_its_answer()
    {
        // Teams counts a request when it arrives: somewhere before its answer, never before it was sent.
        var underWay = new List<SendSlot>();
        for (var i = 0; i < 30; i++)
        {
            underWay.Add(await _limiter.WaitAsync("tenant-1", $"a:chat-{i}", CancellationToken.None));
        }

        var next = _limiter.WaitAsync("tenant-1", "a:another", CancellationToken.None).AsTask();
        _clock.Advance(TimeSpan.FromSeconds(5));
        next.IsCompleted.Should().BeFalse("thirty calls are still waiting for their answer");

        underWay[0].Dispose();
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        next.IsCompleted.Should().BeFalse("the first answer came back less than a second ago");

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        (await next).Dispose();
        underWay.ForEach(slot => slot.Dispose());
    }

    [Fact]
    public async Task Waiting_send_can_be_cancelled()
    {
        await SendNowAsync(7);
        using var cancellation = new CancellationTokenSource();

        var eighth = _limiter.WaitAsync("tenant-1", "a:chat", cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        await eighth.Invoking(task => task).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Hourly_limit_holds_a_steady_sender_back()
    {
        // Three sends every two seconds stays within the short windows and reaches 1800 in 20 minutes.
        for (var i = 0; i < 600; i++)
        {
            await SendNowAsync(3);
            _clock.Advance(TimeSpan.FromSeconds(2));
        }

        var next = _limiter.WaitAsync("tenant-1", "a:chat", CancellationToken.None).AsTask();
        next.IsCompleted.Should().BeFalse("1800 sends already happened in the last hour");

        _clock.Advance(TimeSpan.FromHours(1));
        await next;
    }
}
