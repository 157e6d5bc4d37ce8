using System.Net;
using System.Text;
using System.Text.Json;
using EpicEvents.Bot.Hosting;
using EpicEvents.Bot.Tests.Infrastructure;
using EpicEvents.Tests.Connector;
using EpicEvents.Crm;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EpicEvents.Bot.Tests;

/// <summary><c>/api/messages</c>, <c>/healthz</c> and <c>/readyz</c> through the real ASP.NET Core pipeline.</summary>
public sealed class HostTests : WorldAndConnectorTest
{
    [Fact]
    public async Task Readiness_says_ready_when_the_database_answers_with_the_schema_of_this_build()
    {
        using var factory = Factory();

        var response = await factory.CreateClient().GetAsync("/readyz");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        report.GetProperty("status").GetString().Should().Be("ready");
        report.GetProperty("schemaVersion").GetInt32().Should().Be(SchemaMigrator.LatestVersion);
    }

    [Fact]
    public async Task An_unreachable_database_is_not_ready_but_the_process_is_alive()
    {
        using var factory = Factory(database: "Host=127.0.0.1;Port=1;Username=x;Password=x;Database=x;Timeout=2");
        var client = factory.CreateClient();

        (await client.GetAsync("/readyz")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task On_a_database_without_the_current_schema_turns_and_api_calls_get_503_and_the_log_says_to_migrate(int olderVersion)
    {
        var path = Path.Combine(World.Directory, $"schema-{olderVersion}.db");
        if (olderVersion > 0)
        {
            await using var provider = new ServiceCollection()
                .AddCrmCore(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["ConnectionStrings:Crm"] = $"Data Source={path}",
                    ["Auth:SigningKey"] = Api.ApiTest.SigningKey,
                }).Build())
                .BuildServiceProvider();
            await using var scope = provider.CreateAsyncScope();
            await SchemaMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<CrmDbContext>(), toVersion: olderVersion);
        }

        var logs = new CapturedLogger();
        using var factory = Factory(database: $"Data Source={path}").WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs)));
        var client = factory.CreateClient();

        (await client.PostAsync("/api/messages", Message("m-early", "help"))).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var api = await client.PostAsync("/api/v1/auth/login", new StringContent("""{"email":"a@b.fr","password":"x"}""", Encoding.UTF8, "application/json"));
        api.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await api.Content.ReadAsStringAsync()).Should().Contain("epicevents db migrate");
        var ready = await client.GetAsync("/readyz");
        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("schemaVersion").GetInt32().Should().Be(olderVersion);
        logs.Messages.Should().Contain(m => m.Contains("Run `epicevents db migrate`", StringComparison.Ordinal));
        Connector.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Test")]
    [InlineData("Staging")]
    public void Outside_Development_the_bot_refuses_to_start_without_an_app_id(string environment)
    {
        var build = () => BotHost.Build([$"--environment={environment}", $"--ConnectionStrings:Crm=Data Source={World.DatabasePath}", "--Auth:SigningKey=" + Api.ApiTest.SigningKey]);

        build.Should().Throw<InvalidOperationException>().WithMessage("*MicrosoftAppId is not configured*");
    }

    [Fact]
    public async Task A_managed_identity_bot_starts_with_no_secret_and_a_certificate_credential_needs_its_certificate()
    {
        string[] common =
        [
            "--environment=Production", $"--ConnectionStrings:Crm=Data Source={World.DatabasePath}", "--Auth:SigningKey=" + Api.ApiTest.SigningKey,
            "--MicrosoftAppId=00000000-0000-0000-0000-00000000b0b1", $"--MicrosoftAppTenantId={BotWorld.Tenant}",
        ];

        await using var managed = BotHost.Build([.. common, "--MicrosoftAppType=UserAssignedMSI"]);
        managed.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Protocol.BotProtocolOptions>>().Value.MicrosoftAppType.Should().Be("UserAssignedMSI");

        await using var certificate = BotHost.Build([.. common, "--Bot:Credential:Kind=Certificate"]);
        var options = () => certificate.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Protocol.BotProtocolOptions>>().Value;
        options.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().WithMessage("*CertificatePath*CertificateThumbprint*");
    }

    [Fact]
    public void Outside_Development_the_server_refuses_to_start_without_the_key_that_signs_api_sessions()
    {
        var build = () => BotHost.Build(
        [
            "--environment=Production", $"--ConnectionStrings:Crm=Data Source={World.DatabasePath}",
            "--MicrosoftAppId=00000000-0000-0000-0000-00000000b0b1", "--MicrosoftAppPassword=x", $"--MicrosoftAppTenantId={BotWorld.Tenant}",
        ]);

        build.Should().Throw<InvalidOperationException>().WithMessage("*Auth:SigningKey is not configured*same on every instance*");
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
        Connector.Requests.Should().BeEmpty();
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
        Connector.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData("groupChat", "19:meeting_group@thread.v2")]
    [InlineData("channel", "19:general@thread.tacv2;messageid=1763803211021")]
    public async Task In_a_shared_conversation_the_answer_goes_to_the_persons_private_chat_and_the_others_see_no_crm_data(string type, string conversationId)
    {
        using var factory = Factory();
        var client = await World.QueryAsync(db => db.Clients.Where(c => c.SalesContactId == World.Sales.CollaboratorId).OrderByDescending(c => c.Id).Select(c => new { c.Id, c.Email }).FirstAsync());

        var response = await factory.CreateClient().PostAsync("/api/messages", Activity(
            "m-shared",
            "message",
            "\"text\":\"<at>Epic Events</at> my clients\",\"entities\":[{\"type\":\"mention\",\"text\":\"<at>Epic Events</at>\",\"mentioned\":{\"id\":\"28:bot\",\"name\":\"Epic Events\"}}]",
            conversation: $"{{\"id\":{JsonSerializer.Serialize(conversationId)},\"conversationType\":\"{type}\",\"isGroup\":true,\"tenantId\":\"{BotWorld.Tenant}\"}}"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var opened = Connector.OpenedChats.Should().ContainSingle().Subject;
        var toShared = Connector.Requests.Where(r => r.Method == "POST" && Uri.UnescapeDataString(r.Path).Contains(conversationId, StringComparison.Ordinal)).ToList();
        var toPrivate = Connector.Messages.Where(m => m.ConversationId == opened.ConversationId).ToList();
        toShared.Should().ContainSingle().Which.Body.Should().Contain("replied in our private chat").And.NotContain(client.Email).And.NotContain("\"attachments\"");
        toPrivate.Select(m => m.Activity.GetRawText()).Should().Contain(text => text.Contains(client.Email, StringComparison.Ordinal) && text.Contains($"\"command\":\"client {client.Id}\"", StringComparison.Ordinal));
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
        Connector.Requests.Where(r => r.Method == "POST").Should().ContainSingle()
            .Which.Body.Should().Contain("What I can do");
    }

    [Fact]
    public async Task The_same_activity_delivered_to_two_bot_instances_is_answered_once()
    {
        using var one = Factory();
        using var other = Factory();

        var answers = await Task.WhenAll(
            one.CreateClient().PostAsync("/api/messages", Message("m-two-instances", "help")),
            other.CreateClient().PostAsync("/api/messages", Message("m-two-instances", "help")));

        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.OK);
        Connector.Requests.Where(r => r.Method == "POST").Should().ContainSingle();
    }

    [Fact]
    public async Task A_collaborator_deactivated_between_two_messages_is_refused_at_the_second()
    {
        using var factory = Factory();
        var client = factory.CreateClient();
        await client.PostAsync("/api/messages", Message("m-active", "help"));

        await DeactivateSalesAsync();
        await client.PostAsync("/api/messages", Message("m-deactivated", "help"));

        var replies = Connector.Requests.Where(r => r.Method == "POST").Select(r => r.Body).ToList();
        replies.Should().HaveCount(2);
        replies[0].Should().Contain("What I can do");
        replies[1].Should().Contain("deactivated").And.NotContain("What I can do");
    }

    [Fact]
    public async Task A_conversation_reference_that_changed_is_stored_and_an_unchanged_one_is_kept()
    {
        await using var moved = new LoopbackConnector();
        using var factory = Factory();
        var client = factory.CreateClient();

        await client.PostAsync("/api/messages", Message("m-here", "help"));
        var first = await StoredReferenceAsync();
        await client.PostAsync("/api/messages", Message("m-here-again", "help"));
        var unchanged = await StoredReferenceAsync();
        await client.PostAsync("/api/messages", Message("m-moved", "help", moved.Url));
        var changed = await StoredReferenceAsync();

        first.ServiceUrl.Should().Be(Connector.Url);
        unchanged.Should().Be(first);
        changed.ServiceUrl.Should().Be(moved.Url);
        changed.UpdatedAt.Should().BeOnOrAfter(first.UpdatedAt);
        moved.Requests.Should().ContainSingle(r => r.Method == "POST");
    }

    [Fact]
    public async Task A_card_action_is_answered_in_the_response_body()
    {
        using var factory = Factory();
        var client = factory.CreateClient();
        await client.PostAsync("/api/messages", Message("m-open", "new client"));
        var dialogId = JsonDocument.Parse(Connector.Requests.Last().Body).RootElement.GetRawText();
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
        Connector.Requests.Should().BeEmpty(because: "nothing is posted in the chat: the person picks a card to share");
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
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Crm", database ?? $"Data Source={World.DatabasePath}");
            builder.UseSetting("Teams:AllowedTenants:0", BotWorld.Tenant.ToString());
            builder.WithoutDigests();
            if (appId is not null)
            {
                builder.UseSetting("MicrosoftAppId", appId);
                builder.UseSetting("MicrosoftAppPassword", "not-used-before-authentication");
                builder.UseSetting("MicrosoftAppTenantId", BotWorld.Tenant.ToString());
                builder.UseSetting("Bot:OpenIdMetadataUrl", $"{Connector.Url}openid");
            }
        });

    private StringContent Message(string id, string text, string? serviceUrl = null) =>
        Activity(id, "message", $"\"text\":{JsonSerializer.Serialize(text)}", serviceUrl);

    private async Task DeactivateSalesAsync()
    {
        await using var scope = World.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var manager = (await services.GetRequiredService<ActorLoader>().LoadAsync(World.Manager.CollaboratorId, ChangeSource.Cli))!;
        var db = services.GetRequiredService<CrmDbContext>();
        var colleague = await db.Collaborators
            .Where(c => c.IsActive && c.Role.Department == Department.Sales && c.Id != World.Sales.CollaboratorId)
            .Select(c => c.Id).FirstAsync();
        var deactivated = await services.GetRequiredService<DeactivateCollaborator>()
            .ExecuteAsync(manager, new DeactivateCollaboratorRequest(World.Sales.CollaboratorId, colleague));
        deactivated.IsOk.Should().BeTrue(deactivated.ToString());
    }

    private Task<(string ServiceUrl, DateTime UpdatedAt)> StoredReferenceAsync() =>
        World.QueryAsync(db => db.TeamsConversations.AsNoTracking()
            .Where(c => c.CollaboratorId == World.Sales.CollaboratorId)
            .Select(c => ValueTuple.Create(c.ServiceUrl, c.UpdatedAt))
            .SingleAsync());

    private StringContent Invoke(string id, string dialogId) => Activity(id, "invoke",
        $"\"name\":\"adaptiveCard/action\",\"value\":{{\"action\":{{\"type\":\"Action.Execute\",\"verb\":\"dialog.submit\",\"data\":{{\"dialogId\":\"{dialogId}\"}}}},\"trigger\":\"manual\"}}");

    private StringContent Search(string id, string commandId, string textJson) => Activity(id, "invoke",
        $"\"name\":\"composeExtension/query\",\"value\":{{\"commandId\":\"{commandId}\",\"parameters\":[{{\"name\":\"query\",\"value\":{textJson}}}],\"queryOptions\":{{\"skip\":0,\"count\":25}}}}");

    private StringContent Activity(string id, string type, string extra, string? serviceUrl = null, string? conversation = null) => new(
        "{" + $"\"type\":\"{type}\",\"id\":\"{id}\",\"channelId\":\"msteams\",\"serviceUrl\":\"{serviceUrl ?? Connector.Url}\","
        + $"\"from\":{{\"id\":\"{World.Sales.UserId}\",\"name\":\"{World.Sales.Name}\",\"aadObjectId\":\"{World.Sales.AadObjectId}\"}},"
        + "\"recipient\":{\"id\":\"28:bot\",\"name\":\"Epic Events\"},"
        + $"\"conversation\":{conversation ?? $"{{\"id\":\"a:host-tests\",\"conversationType\":\"personal\",\"tenantId\":\"{BotWorld.Tenant}\"}}"},"
        + $"\"channelData\":{{\"tenant\":{{\"id\":\"{BotWorld.Tenant}\"}}}},\"locale\":\"en-US\",{extra}" + "}",
        Encoding.UTF8,
        "application/json");
}

/// <summary>Keeps the formatted messages the host logs, from every category.</summary>
internal sealed class CapturedLogger : Microsoft.Extensions.Logging.ILoggerProvider, Microsoft.Extensions.Logging.ILogger
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

    public IReadOnlyList<string> Messages => [.. _messages];

    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

    public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _messages.Enqueue(formatter(state, exception));

    public void Dispose()
    {
    }
}
