using System.Text;
using System.Text.Json.Nodes;
using EpicEvents.Bot.Protocol.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Bot.Protocol.Tests.Turns;

/// <summary>The turn pipeline with an app id: tokens checked against the loopback authority, replies with the bot's token.</summary>
public sealed class AuthenticatedPipelineTests : IAsyncLifetime
{
    private readonly BotFrameworkAuthority _authority = new();
    private readonly LoopbackServer _connector = new(_ => Task.FromResult(ScriptedResponse.Json(201, """{"id":"sent-1"}""")));
    private readonly SampleBot _bot = new();
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        _services = ProtocolServices.Build(
            options =>
            {
                options.MicrosoftAppId = BotFrameworkAuthority.AppId;
                options.MicrosoftAppPassword = "secret";
                options.MicrosoftAppTenantId = "tenant-1";
                options.OpenIdMetadataUrl = _authority.MetadataUrl;
                options.AllowedChannels = [EpicEvents.Bot.Protocol.Schema.Channels.MsTeams];
            },
            tokens: new FixedConnectorTokenProvider("bot-token"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
        await _authority.DisposeAsync();
    }

    private string ServiceUrl => _connector.BaseUrl + "emea/";

    private Task<ProtocolResponse> PostAsync(string? authorization, Action<JsonObject>? change = null)
    {
        var json = JsonNode.Parse(Fixtures.Text("message-personal"))!.AsObject();
        json["serviceUrl"] = ServiceUrl;
        change?.Invoke(json);
        return _services.GetRequiredService<CloudAdapter>()
            .ProcessAsync(authorization, new MemoryStream(Encoding.UTF8.GetBytes(json.ToJsonString())), _bot, CancellationToken.None);
    }

    [Fact]
    public async Task Signed_request_is_handled_and_the_reply_carries_the_bot_token()
    {
        var token = BotFrameworkAuthority.Token(_authority.KeyOf("key-1"), serviceUrl: ServiceUrl);

        var response = await PostAsync("Bearer " + token);

        response.StatusCode.Should().Be(200);
        _bot.Messages.Should().Be(1);
        _connector.Requests.Single().Authorization.Should().Be("Bearer bot-token");
    }

    [Fact]
    public async Task Request_without_a_token_is_unauthorized_when_an_app_id_is_set()
    {
        (await PostAsync(null)).StatusCode.Should().Be(401);
        _bot.Messages.Should().Be(0);
    }

    [Fact]
    public async Task Token_issued_for_another_service_url_is_unauthorized()
    {
        var token = BotFrameworkAuthority.Token(_authority.KeyOf("key-1"), serviceUrl: "https://smba.trafficmanager.net/emea/");

        (await PostAsync("Bearer " + token)).StatusCode.Should().Be(401);
        _connector.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task An_activity_of_another_channel_with_a_valid_token_for_it_is_refused_and_nothing_runs()
    {
        // The Azure Bot's Web Chat channel is on by default; its key is endorsed for it.
        var token = BotFrameworkAuthority.Token(_authority.KeyOf("key-1"), serviceUrl: ServiceUrl);

        var response = await PostAsync("Bearer " + token, json => json["channelId"] = "webchat");

        response.StatusCode.Should().Be(403);
        _bot.Messages.Should().Be(0);
        _connector.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task An_activity_naming_two_different_tenants_is_refused()
    {
        var token = BotFrameworkAuthority.Token(_authority.KeyOf("key-1"), serviceUrl: ServiceUrl);

        var response = await PostAsync("Bearer " + token, json =>
        {
            json["conversation"]!["tenantId"] = "6b0cd0a4-2f5e-4c7b-9a3b-1f2e3d4c5b6a";
            json["channelData"] = JsonNode.Parse("""{"tenant":{"id":"0e9c3c1b-7d1e-4a5c-8f2a-3b4c5d6e7f80"}}""");
        });

        response.StatusCode.Should().Be(403);
        _bot.Messages.Should().Be(0);
    }
}
