using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EpicEvents.Bot.Protocol.Schema;
using EpicEvents.Bot.Protocol.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EpicEvents.Bot.Protocol.Tests.Turns;

/// <summary>The turn pipeline in local mode, with the bot's replies going to a loopback connector.</summary>
public sealed class CloudAdapterTests : IAsyncLifetime
{
    private readonly LoopbackServer _connector = new(_ => Task.FromResult(ScriptedResponse.Json(201, """{"id":"sent-1"}""")));
    private readonly CapturedLogs _logs = new();
    private readonly SampleBot _bot = new();
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        _services = ProtocolServices.Build(options => options.TurnErrorMessage = "Sorry, that did not work.", logs: _logs);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private CloudAdapter Adapter => _services.GetRequiredService<CloudAdapter>();

    /// <summary>A fixture payload re-addressed to the loopback connector, with some fields changed.</summary>
    private string Payload(string fixture, Action<JsonObject>? change = null)
    {
        var json = JsonNode.Parse(Fixtures.Text(fixture))!.AsObject();
        json["serviceUrl"] = _connector.BaseUrl + "emea/";
        change?.Invoke(json);
        return json.ToJsonString();
    }

    private Task<ProtocolResponse> PostAsync(string body, string? authorization = null) =>
        Adapter.ProcessAsync(authorization, new MemoryStream(Encoding.UTF8.GetBytes(body)), _bot, CancellationToken.None);

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    [InlineData("""{"type":"message","text":5}""")]
    public async Task Malformed_json_is_a_bad_request(string body)
    {
        var response = await PostAsync(body);

        response.StatusCode.Should().Be(400);
        _bot.Messages.Should().Be(0);
    }

    [Fact]
    public async Task Activity_without_type_or_service_url_is_a_bad_request()
    {
        (await PostAsync(Payload("message-personal", json => json.Remove("type")))).StatusCode.Should().Be(400);
        (await PostAsync(Payload("message-personal", json => json["serviceUrl"] = "not a url"))).StatusCode.Should().Be(400);
        _bot.Messages.Should().Be(0);
    }

    [Fact]
    public async Task Bad_token_is_unauthorized_and_the_bot_never_runs()
    {
        var response = await PostAsync(Payload("message-personal"), "Bearer forged.token.value");

        response.StatusCode.Should().Be(401);
        response.JsonBody.Should().BeNull();
        _bot.Messages.Should().Be(0);
        _logs.Entries.Should().Contain(entry => entry.EventId.Id == 1001);
    }

    [Fact]
    public async Task Message_reply_is_posted_to_the_connector_as_a_reply_to_the_activity()
    {
        var response = await PostAsync(Payload("message-channel-mention"));

        response.Should().Be(ProtocolResponse.Ok);
        var request = _connector.Requests.Should().ContainSingle().Subject;
        request.RawUrl.Should().Be("/emea/v3/conversations/19%3A9a8b7c6d5e4f3a2b1c0d%40thread.skype%3Bmessageid%3D1763803211021/activities/1763803211021");
        request.Authorization.Should().BeNull("local mode sends no token");
        var reply = JsonDocument.Parse(request.Body).RootElement;
        reply.GetProperty("text").GetString().Should().Be("echo: assign 3 to Grace Hopper");
        reply.GetProperty("from").GetProperty("id").GetString().Should().Be("28:5b3c1f9e-0000-4000-8000-00000000b0b0");
        reply.GetProperty("recipient").GetProperty("id").GetString().Should().Be("29:1Xk8mQ3vLz0b_RtYuWq9pN2sD4fGhJkL");
        reply.GetProperty("replyToId").GetString().Should().Be("1763803211021");
    }

    [Fact]
    public async Task Same_activity_delivered_twice_is_handled_once()
    {
        var payload = Payload("message-personal");

        var first = await PostAsync(payload);
        var second = await PostAsync(payload);

        first.StatusCode.Should().Be(200);
        second.StatusCode.Should().Be(200);
        _bot.Messages.Should().Be(1);
        _connector.Requests.Should().HaveCount(1);
        _logs.Entries.Should().Contain(entry => entry.EventId.Id == 1003);
    }

    [Fact]
    public async Task Different_activities_are_each_handled()
    {
        await PostAsync(Payload("message-personal"));
        await PostAsync(Payload("message-personal", json => json["id"] = "1763802999999"));

        _bot.Messages.Should().Be(2);
    }

    [Fact]
    public async Task Unknown_invoke_is_not_implemented()
    {
        var response = await PostAsync(Payload("invoke-card-action", json => json["name"] = "message/someFutureInvoke"));

        response.StatusCode.Should().Be(501);
    }

    [Fact]
    public async Task Card_action_answer_is_returned_in_the_response_body()
    {
        var response = await PostAsync(Payload("invoke-card-action"));

        response.StatusCode.Should().Be(200);
        var body = JsonDocument.Parse(response.JsonBody!).RootElement;
        body.GetProperty("statusCode").GetInt32().Should().Be(200);
        body.GetProperty("type").GetString().Should().Be("application/vnd.microsoft.card.adaptive");
        body.GetProperty("value").GetProperty("body")[0].GetProperty("text").GetString().Should().Be("done: signature.approve");
        _connector.Requests.Should().BeEmpty("an invoke is answered in the response, not through the connector");
    }

    [Fact]
    public async Task Compose_extension_query_answer_is_returned_in_the_response_body()
    {
        var response = await PostAsync(Payload("invoke-compose-extension-query"));

        response.StatusCode.Should().Be(200);
        var result = JsonDocument.Parse(response.JsonBody!).RootElement.GetProperty("composeExtension");
        result.GetProperty("type").GetString().Should().Be("result");
        result.GetProperty("attachments")[0].GetProperty("preview").GetProperty("content").GetProperty("title").GetString()
            .Should().Be("found: startup");
    }

    [Fact]
    public async Task Card_action_without_an_action_is_a_bad_request()
    {
        var response = await PostAsync(Payload("invoke-card-action", json => json["value"] = new JsonObject { ["trigger"] = "manual" }));

        response.StatusCode.Should().Be(400);
    }

    [Fact]
    public async Task Failing_message_turn_apologises_to_the_user_and_answers_200_without_details()
    {
        var response = await PostAsync(Payload("message-personal", json => json["text"] = "boom"));

        response.Should().Be(ProtocolResponse.Ok, "the user was told; a 500 would only make Teams deliver the activity again");
        var apology = JsonDocument.Parse(_connector.Requests.Single().Body).RootElement;
        apology.GetProperty("text").GetString().Should().Be("Sorry, that did not work.");
        var logged = _logs.Entries.Should().ContainSingle(entry => entry.EventId.Id == 1004).Subject;
        logged.Level.Should().Be(LogLevel.Error);
        logged.Exception!.Message.Should().Be(SampleBot.SecretFailure);
    }

    [Fact]
    public async Task Failing_card_action_answers_with_the_apology_and_never_the_exception()
    {
        var response = await PostAsync(Payload("invoke-card-action", json => json["value"]!["action"]!["verb"] = "fail"));

        response.StatusCode.Should().Be(200);
        response.JsonBody.Should().Contain("Sorry, that did not work.").And.NotContain("hunter2");
        JsonDocument.Parse(response.JsonBody!).RootElement.GetProperty("type").GetString()
            .Should().Be("application/vnd.microsoft.activity.message");
    }

    [Fact]
    public async Task Welcome_is_sent_when_the_bot_is_added()
    {
        var response = await PostAsync(Payload("conversation-update-members-added"));

        response.StatusCode.Should().Be(200);
        var welcome = _connector.Requests.Should().ContainSingle().Subject;
        welcome.RawUrl.Should().Be("/emea/v3/conversations/a%3A1pTq3ZxY7wVbN5mKcL8dR0sF2gH4jA6uE9iO/activities",
            "a conversation update is not replied to; the welcome starts the conversation");
        JsonDocument.Parse(welcome.Body).RootElement.GetProperty("text").GetString().Should().Be("Welcome");
    }

    [Fact]
    public async Task Installation_is_dispatched_to_the_bot()
    {
        (await PostAsync(Payload("installation-update-add"))).StatusCode.Should().Be(200);

        _bot.Events.Should().Equal("installed");
    }

    [Fact]
    public async Task Proactive_message_is_sent_into_the_stored_conversation()
    {
        var reference = JsonSerializer.Deserialize<Activity>(Payload("message-personal"), ProtocolJson.Options)!.GetConversationReference();
        var stored = JsonSerializer.Deserialize<ConversationReference>(JsonSerializer.Serialize(reference, ProtocolJson.Options), ProtocolJson.Options)!;

        await Adapter.ContinueConversationAsync(
            stored with { ActivityId = null },
            (turn, token) => turn.SendActivityAsync("Contract 7 was signed", token),
            CancellationToken.None);

        var request = _connector.Requests.Should().ContainSingle().Subject;
        request.RawUrl.Should().Be("/emea/v3/conversations/a%3A1pTq3ZxY7wVbN5mKcL8dR0sF2gH4jA6uE9iO/activities");
        JsonDocument.Parse(request.Body).RootElement.GetProperty("text").GetString().Should().Be("Contract 7 was signed");
    }

    [Fact]
    public async Task Proactive_send_to_a_user_who_blocked_the_bot_reaches_the_caller()
    {
        _connector.Respond(ScriptedResponse.Json(403, """{"error":{"code":"MessageWritesBlocked","message":"blocked"}}"""));
        var reference = JsonSerializer.Deserialize<Activity>(Payload("message-personal"), ProtocolJson.Options)!.GetConversationReference();

        var act = () => Adapter.ContinueConversationAsync(reference, (turn, token) => turn.SendActivityAsync("Hello", token), CancellationToken.None);

        (await act.Should().ThrowAsync<EpicEvents.Bot.Protocol.Connector.ConnectorException>()).Which.IsMessageWritesBlocked.Should().BeTrue();
    }

    [Fact]
    public async Task Personal_conversation_is_created_for_a_user_and_gives_a_reference()
    {
        _connector.Respond(ScriptedResponse.Json(201, """{"id":"a:new-chat-with-margaret"}"""));

        var reference = await Adapter.CreatePersonalConversationAsync(
            _connector.BaseUrl + "emea/", "tenant-1", new ChannelAccount { Id = "28:bot" }, new ChannelAccount { Id = "29:margaret" }, CancellationToken.None);

        reference.Conversation!.Id.Should().Be("a:new-chat-with-margaret");
        reference.Conversation.TenantId.Should().Be("tenant-1");
        reference.User!.Id.Should().Be("29:margaret");
        _connector.Requests.Single().RawUrl.Should().Be("/emea/v3/conversations");
    }
}
