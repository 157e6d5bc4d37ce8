using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using EpicEvents.Bot.Protocol.Connector;
using EpicEvents.Bot.Protocol.Schema;
using EpicEvents.Bot.Protocol.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Bot.Protocol.Tests.Connector;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1);

    private const string ChannelThread = "19:abc123def@thread.skype;messageid=1700000000000";

    private readonly LoopbackServer _connector = new();
    private readonly FakeTimeProvider _clock = new(autoAdvance: true);
    private readonly List<ServiceProvider> _services = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var services in _services)
        {
            await services.DisposeAsync();
        }

        await _connector.DisposeAsync();
    }

    /// <param name="attemptTimeout">Real time: short only in the tests about time-outs, whose connector never answers.</param>
    private ConnectorClient Client(string? serviceUrl = null, TimeSpan? attemptTimeout = null)
    {
        var services = ProtocolServices.Build(
            options =>
            {
                options.ConnectorAttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(30);
                options.ConnectorMaxAttempts = 4;
                options.ConnectorMaxDelay = TimeSpan.FromSeconds(30);
            },
            _clock,
            new FixedConnectorTokenProvider("outbound-token"));
        _services.Add(services);
        return services.GetRequiredService<ConnectorClientFactory>().Create(serviceUrl ?? _connector.BaseUrl + "teams/", "tenant-1");
    }

    private static ScriptedResponse Sent(string id = "1700000000001") => ScriptedResponse.Json(201, $$"""{"id":"{{id}}"}""");

    private static ScriptedResponse Throttled(string retryAfter) =>
        new(429, """{"error":{"code":"TooManyRequests","message":"Slow down"}}""", new Dictionary<string, string> { ["Retry-After"] = retryAfter });

    [Fact]
    public async Task Reply_is_posted_to_the_activity_under_the_service_url_with_the_bot_token()
    {
        _connector.Respond(Sent("reply-1"));

        var response = await Client().ReplyToActivityAsync("a:personal-chat", "1699999999999", Activity.CreateMessage("Hello"));

        response.Id.Should().Be("reply-1");
        var request = _connector.Requests.Should().ContainSingle().Subject;
        request.Method.Should().Be("POST");
        request.RawUrl.Should().Be("/teams/v3/conversations/a%3Apersonal-chat/activities/1699999999999");
        request.Authorization.Should().Be("Bearer outbound-token");
        JsonDocument.Parse(request.Body).RootElement.GetProperty("text").GetString().Should().Be("Hello");
    }

    [Fact]
    public async Task Channel_thread_conversation_id_is_one_encoded_path_segment_on_the_wire()
    {
        _connector.Respond(Sent());

        await Client().SendToConversationAsync(ChannelThread, Activity.CreateMessage("Hi team"));

        _connector.Requests.Single().RawUrl.Should()
            .Be("/teams/v3/conversations/19%3Aabc123def%40thread.skype%3Bmessageid%3D1700000000000/activities");
    }

    [Theory]
    [InlineData("teams")]
    [InlineData("teams/")]
    public async Task Service_url_with_or_without_trailing_slash_gives_the_same_path(string suffix)
    {
        _connector.Respond(Sent());

        await Client(_connector.BaseUrl + suffix).SendToConversationAsync("a:chat", Activity.CreateMessage("Hi"));

        _connector.Requests.Single().RawUrl.Should().Be("/teams/v3/conversations/a%3Achat/activities");
    }

    [Fact]
    public async Task Update_puts_the_activity_and_delete_deletes_it()
    {
        _connector.Respond(ScriptedResponse.Json(200, """{"id":"card-1"}"""));
        var client = Client();

        await client.UpdateActivityAsync("a:chat", "card-1", Activity.CreateMessage("Approved by Ada"));
        await client.DeleteActivityAsync("a:chat", "card-1");

        _connector.Requests.Select(request => $"{request.Method} {request.RawUrl}").Should().Equal(
            "PUT /teams/v3/conversations/a%3Achat/activities/card-1",
            "DELETE /teams/v3/conversations/a%3Achat/activities/card-1");
    }

    [Fact]
    public async Task Member_profile_is_read_with_email_and_upn()
    {
        _connector.Respond(ScriptedResponse.Json(200, """
            {"id":"29:1abc","name":"Ada Lovelace","aadObjectId":"6f1f0c2a-1111-2222-3333-444455556666",
             "email":"ada@epicevents.example","userPrincipalName":"ada@epicevents.example","givenName":"Ada",
             "surname":"Lovelace","tenantId":"tenant-1","userRole":"user"}
            """));

        var member = await Client().GetConversationMemberAsync("a:chat", "29:1abc");

        member.Email.Should().Be("ada@epicevents.example");
        member.UserPrincipalName.Should().Be("ada@epicevents.example");
        member.AadObjectId.Should().Be("6f1f0c2a-1111-2222-3333-444455556666");
        _connector.Requests.Single().RawUrl.Should().Be("/teams/v3/conversations/a%3Achat/members/29%3A1abc");
    }

    [Fact]
    public async Task Personal_conversation_is_created_with_bot_member_and_tenant()
    {
        _connector.Respond(ScriptedResponse.Json(201, """{"id":"a:new-personal-chat"}"""));

        var created = await Client().CreateConversationAsync(new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:user" }],
            TenantId = "tenant-1",
            ChannelData = ProtocolJson.ToElement(new TeamsChannelData { Tenant = new TenantInfo("tenant-1") }),
        });

        created.Id.Should().Be("a:new-personal-chat");
        var request = _connector.Requests.Single();
        request.RawUrl.Should().Be("/teams/v3/conversations");
        var body = JsonDocument.Parse(request.Body).RootElement;
        body.GetProperty("isGroup").GetBoolean().Should().BeFalse();
        body.GetProperty("bot").GetProperty("id").GetString().Should().Be("28:bot");
        body.GetProperty("members")[0].GetProperty("id").GetString().Should().Be("29:user");
        body.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString().Should().Be("tenant-1");
        body.GetProperty("tenantId").GetString().Should().Be("tenant-1");
    }

    [Fact]
    public async Task Throttled_send_waits_as_long_as_retry_after_says_then_succeeds()
    {
        _connector.Respond(Throttled("3"), Sent("after-wait"));

        var response = await Client().SendToConversationAsync("a:chat", Activity.CreateMessage("Hi"));

        response.Id.Should().Be("after-wait");
        _connector.Requests.Should().HaveCount(2);
        _clock.RequestedDelays.Should().Contain(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Retry_after_given_as_a_date_is_honoured()
    {
        var at = _clock.GetUtcNow().AddSeconds(10).ToString("R");
        _connector.Respond(Throttled(at), Sent());

        await Client().SendToConversationAsync("a:chat", Activity.CreateMessage("Hi"));

        _connector.Requests.Should().HaveCount(2);
        _clock.RequestedDelays.Should().Contain(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Retry_after_beyond_the_longest_wait_is_handed_to_the_caller()
    {
        _connector.Respond(Throttled("120"));

        var act = () => Client().SendToConversationAsync("a:chat", Activity.CreateMessage("Hi"));

        var failure = (await act.Should().ThrowAsync<ConnectorException>()).Which;
        failure.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        failure.RetryAfter.Should().Be(TimeSpan.FromSeconds(120));
        failure.IsTransient.Should().BeTrue();
        _connector.Requests.Should().HaveCount(1);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(412)]
    public async Task Gateway_and_precondition_failures_are_retried_with_backoff(int status)
    {
        _connector.Respond(new ScriptedResponse(status), Sent("second-try"));

        var response = await Client().SendToConversationAsync("a:chat", Activity.CreateMessage("Hi"));

        response.Id.Should().Be("second-try");
        _connector.Requests.Should().HaveCount(2);
        _clock.RequestedDelays.Should().ContainSingle().Which.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(500))
            .And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Backoff_grows_exponentially_and_attempts_are_bounded()
    {
        _connector.Respond(new ScriptedResponse(502));

        var act = () => Client().SendToConversationAsync("a:chat", Activity.CreateMessage("Hi"));

        (await act.Should().ThrowAsync<ConnectorException>()).Which.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        _connector.Requests.Should().HaveCount(4);
        var delays = _clock.RequestedDelays;
        delays.Should().HaveCount(3);
        delays[0].Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(1));
        delays[1].Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(2));
        delays[2].Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task Blocked_bot_surfaces_as_message_writes_blocked_and_is_not_retried()
    {
        _connector.Respond(ScriptedResponse.Json(403, """{"error":{"code":"MessageWritesBlocked","message":"Thread is blocked for messages from this bot."}}"""));

        var act = () => Client().SendToConversationAsync("a:chat", Activity.CreateMessage("Hi"));

        var failure = (await act.Should().ThrowAsync<ConnectorException>()).Which;
        failure.IsMessageWritesBlocked.Should().BeTrue();
        failure.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        failure.Error!.Message.Should().Contain("blocked");
        failure.IsTransient.Should().BeFalse();
        failure.OutcomeUnknown.Should().BeFalse();
        _connector.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task Blocked_bot_is_recognised_in_the_body_teams_documents_and_a_plain_403_is_not_taken_for_it()
    {
        // The shape of msteams-docs' "Understand who blocked, muted, or uninstalled a bot".
        _connector.Respond(
            ScriptedResponse.Json(403, """{"errorCode":209,"message":"{\r\n  \"subCode\": \"MessageWritesBlocked\",\r\n  \"details\": \"Thread is blocked from message writes.\"\r\n}"}"""),
            ScriptedResponse.Json(403, """{"error":{"code":"Forbidden","message":"The bot is not part of the conversation roster."}}"""));

        var blocked = (await ((Func<Task>)(() => Client().SendToConversationAsync("a:chat", Activity.CreateMessage("Hi")))).Should().ThrowAsync<ConnectorException>()).Which;
        var forbidden = (await ((Func<Task>)(() => Client().SendToConversationAsync("a:chat", Activity.CreateMessage("Hi")))).Should().ThrowAsync<ConnectorException>()).Which;

        blocked.IsMessageWritesBlocked.Should().BeTrue();
        forbidden.IsMessageWritesBlocked.Should().BeFalse();
        forbidden.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        _connector.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Error_body_that_is_not_json_is_kept_as_the_message()
    {
        _connector.Respond(new ScriptedResponse(400, "<html>Bad Request</html>"));

        var act = () => Client().SendToConversationAsync("a:chat", Activity.CreateMessage("Hi"));

        var failure = (await act.Should().ThrowAsync<ConnectorException>()).Which;
        failure.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        failure.Error!.Message.Should().Contain("Bad Request");
    }

    [Fact]
    public async Task Send_that_times_out_is_not_sent_again()
    {
        _connector.Handle(async _ =>
        {
            await Task.Delay(Timeout.Infinite, _connector.Stopping);
            return Sent();
        });

        var act = () => Client(attemptTimeout: AttemptTimeout).SendToConversationAsync("a:chat", Activity.CreateMessage("Hi"));

        var failure = (await act.Should().ThrowAsync<ConnectorException>()).Which;
        failure.OutcomeUnknown.Should().BeTrue();
        failure.StatusCode.Should().BeNull();
        _connector.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task Send_that_times_out_is_sent_again_when_the_caller_can_recognise_a_duplicate()
    {
        var calls = 0;
        _connector.Handle(async _ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(Timeout.Infinite, _connector.Stopping);
            }

            return Sent("second");
        });

        var response = await Client(attemptTimeout: AttemptTimeout)
            .SendToConversationAsync("a:chat", Activity.CreateMessage("Hi"), retryWhenOutcomeUnknown: true);

        response.Id.Should().Be("second");
        _connector.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Update_that_times_out_is_tried_again()
    {
        var calls = 0;
        _connector.Handle(async _ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(Timeout.Infinite, _connector.Stopping);
            }

            return ScriptedResponse.Json(200, """{"id":"card-1"}""");
        });

        await Client(attemptTimeout: AttemptTimeout).UpdateActivityAsync("a:chat", "card-1", Activity.CreateMessage("Updated"));

        _connector.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Send_to_a_closed_port_is_retried_since_it_was_never_sent()
    {
        // Bound but not listening: connections are refused, and no other test's server can take the port.
        using var closed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var closedUrl = $"http://127.0.0.1:{((IPEndPoint)closed.LocalEndPoint!).Port}/";

        var act = () => Client(closedUrl).SendToConversationAsync("a:chat", Activity.CreateMessage("Hi"));

        var failure = (await act.Should().ThrowAsync<ConnectorException>()).Which;
        failure.OutcomeUnknown.Should().BeFalse();
        _clock.RequestedDelays.Should().HaveCount(3);
    }

    [Fact]
    public void Service_url_must_be_absolute_http()
    {
        using var services = ProtocolServices.Build(_ => { });
        var factory = services.GetRequiredService<ConnectorClientFactory>();

        factory.Invoking(f => f.Create("file:///etc/passwd", null)).Should().Throw<ArgumentException>();
        factory.Invoking(f => f.Create("/relative", null)).Should().Throw<ArgumentException>();
    }
}
