using System.Net;
using System.Text;
using System.Text.Json;
using EpicEvents.Bot.Tests.Infrastructure;
using EpicEvents.Tests.Connector;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EpicEvents.Bot.Tests;

/// <summary><c>/api/messages</c> and <c>/healthz</c> through the real ASP.NET Core pipeline.</summary>
public sealed class HostTests : IAsyncLifetime
{
    private BotWorld _world = null!;
    private LoopbackConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _world = await BotWorld.CreateAsync();
        _connector = new LoopbackConnector();
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task Health_says_the_database_is_reachable()
    {
        using var factory = Factory();

        var response = await factory.CreateClient().GetAsync("/healthz");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("ok");
    }

    [Fact]
    public async Task Health_reports_an_unreachable_database_as_503()
    {
        using var factory = Factory(database: "Host=127.0.0.1;Port=1;Username=x;Password=x;Database=x;Timeout=2");

        var response = await factory.CreateClient().GetAsync("/healthz");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("{\"type\":\"message\"}")]
    public async Task Malformed_activities_get_400_and_no_reply(string body)
    {
        using var factory = Factory();

        var response = await factory.CreateClient().PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        _connector.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_forged_token_gets_401_when_an_app_id_is_configured()
    {
        using var factory = Factory(appId: "00000000-0000-0000-0000-00000000b0b1");
        var client = factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Message("m-forged", "help") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.");

        var forged = await client.SendAsync(request);
        var missing = await client.PostAsync("/api/messages", Message("m-missing", "help"));

        forged.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        missing.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        _connector.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task The_same_activity_delivered_twice_is_answered_once()
    {
        using var factory = Factory();
        var client = factory.CreateClient();

        var first = await client.PostAsync("/api/messages", Message("m-twice", "help"));
        var second = await client.PostAsync("/api/messages", Message("m-twice", "help"));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        _connector.Requests.Where(r => r.Method == "POST").Should().ContainSingle()
            .Which.Body.Should().Contain("What I can do");
    }

    [Fact]
    public async Task A_card_action_is_answered_in_the_response_body()
    {
        using var factory = Factory();
        var client = factory.CreateClient();
        await client.PostAsync("/api/messages", Message("m-open", "new client"));
        var dialogId = JsonDocument.Parse(_connector.Requests.Last().Body).RootElement.GetRawText();
        var id = System.Text.RegularExpressions.Regex.Match(dialogId, "\"dialogId\":\"(\\d+)\"").Groups[1].Value;

        var response = await client.PostAsync("/api/messages", Invoke("m-submit", id));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("statusCode").GetInt32().Should().Be(200);
        body.GetProperty("type").GetString().Should().Be("application/vnd.microsoft.card.adaptive");
        body.GetProperty("value").GetRawText().Should().Contain("is required");
    }

    [Fact]
    public async Task A_compose_box_search_is_answered_in_the_response_body_with_cards_and_thumbnails()
    {
        using var factory = Factory();

        var response = await factory.CreateClient().PostAsync("/api/messages", Search("m-search", "searchClients", "\"kevin\""));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("composeExtension");
        answer.GetProperty("type").GetString().Should().Be("result");
        answer.GetProperty("attachmentLayout").GetString().Should().Be("list");
        var result = answer.GetProperty("attachments").EnumerateArray().Should().ContainSingle().Subject;
        result.GetProperty("contentType").GetString().Should().Be("application/vnd.microsoft.card.adaptive");
        result.GetProperty("content").GetProperty("type").GetString().Should().Be("AdaptiveCard");
        result.GetProperty("content").GetProperty("version").GetString().Should().Be("1.5");
        result.GetProperty("preview").GetProperty("contentType").GetString().Should().Be("application/vnd.microsoft.card.thumbnail");
        result.GetProperty("preview").GetProperty("content").GetProperty("title").GetString().Should().Be("Kevin Casey");
        result.GetProperty("preview").GetProperty("content").GetProperty("subtitle").GetString().Should().Be("Cool Startup LLC");
        _connector.Requests.Should().BeEmpty(because: "nothing is posted in the chat: the person picks a card to share");
    }

    [Fact]
    public async Task A_compose_box_search_the_bot_cannot_answer_gets_a_message_not_an_error_status()
    {
        using var factory = Factory();
        var client = factory.CreateClient();

        var unknown = await client.PostAsync("/api/messages", Search("m-unknown", "searchInvoices", "\"kevin\""));
        var invalid = await client.PostAsync("/api/messages", Search("m-invalid", "searchEvents", "\"a\\u0000b\""));

        foreach (var (response, says) in new[] { (unknown, "not known"), (invalid, "control characters") })
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("composeExtension");
            answer.GetProperty("type").GetString().Should().Be("message");
            answer.GetProperty("text").GetString().Should().Contain(says);
        }
    }

    private WebApplicationFactory<Program> Factory(string? appId = null, string? database = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Test");
            builder.UseSetting("ConnectionStrings:Crm", database ?? $"Data Source={_world.DatabasePath}");
            builder.UseSetting("Teams:AllowedTenants:0", BotWorld.Tenant.ToString());
            if (appId is not null)
            {
                builder.UseSetting("MicrosoftAppId", appId);
                builder.UseSetting("MicrosoftAppPassword", "not-used-before-authentication");
                builder.UseSetting("MicrosoftAppTenantId", BotWorld.Tenant.ToString());
                builder.UseSetting("Bot:OpenIdMetadataUrl", $"{_connector.Url}openid");
            }
        });

    private StringContent Message(string id, string text) => Activity(id, "message", $"\"text\":{JsonSerializer.Serialize(text)}");

    private StringContent Invoke(string id, string dialogId) => Activity(id, "invoke",
        $"\"name\":\"adaptiveCard/action\",\"value\":{{\"action\":{{\"type\":\"Action.Execute\",\"verb\":\"dialog.submit\",\"data\":{{\"dialogId\":\"{dialogId}\"}}}},\"trigger\":\"manual\"}}");

    private StringContent Search(string id, string commandId, string textJson) => Activity(id, "invoke",
        $"\"name\":\"composeExtension/query\",\"value\":{{\"commandId\":\"{commandId}\",\"parameters\":[{{\"name\":\"query\",\"value\":{textJson}}}],\"queryOptions\":{{\"skip\":0,\"count\":25}}}}");

    private StringContent Activity(string id, string type, string extra) => new(
        "{" + $"\"type\":\"{type}\",\"id\":\"{id}\",\"channelId\":\"msteams\",\"serviceUrl\":\"{_connector.Url}\","
        + $"\"from\":{{\"id\":\"{_world.Sales.UserId}\",\"name\":\"{_world.Sales.Name}\",\"aadObjectId\":\"{_world.Sales.AadObjectId}\"}},"
        + "\"recipient\":{\"id\":\"28:bot\",\"name\":\"Epic Events\"},"
        + $"\"conversation\":{{\"id\":\"a:host-tests\",\"conversationType\":\"personal\",\"tenantId\":\"{BotWorld.Tenant}\"}},"
        + $"\"channelData\":{{\"tenant\":{{\"id\":\"{BotWorld.Tenant}\"}}}},\"locale\":\"en-US\",{extra}" + "}",
        Encoding.UTF8,
        "application/json");
}
