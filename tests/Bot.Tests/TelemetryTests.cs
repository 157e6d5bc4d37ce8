using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EpicEvents.Bot.Tests.Infrastructure;
using EpicEvents.Crm.Contracts;
using EpicEvents.Tests.Connector;
using EpicEvents.Tests.Telemetry;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Bot.Tests;

/// <summary>
/// The bot's traces and logs, through the real host, exported to a loopback OTLP/HTTP receiver
/// standing in for Sentry and read back as raw request bytes. Alone, like every test that reads what
/// is exported: span listeners and samplers see the whole process, and the cap on traces a second
/// would be spent by tests running beside them.
/// </summary>
[Collection(ExportsEverything.Name)]
public sealed class TelemetryTests : IAsyncLifetime
{
    private const string PublicKey = "botpublickey7";
    private readonly OtlpReceiver _receiver = new();
    private BotWorld _world = null!;
    private LoopbackConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _world = await BotWorld.CreateAsync();
        _connector = new LoopbackConnector();
    }

    public async Task DisposeAsync()
    {
        _receiver.Dispose();
        await _connector.DisposeAsync();
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task A_contract_signed_in_teams_reaches_the_sentry_endpoints_once_with_the_key_header()
    {
        var contract = await DraftContractAsync();
        using (var factory = Factory(sentry: true))
        {
            var response = await factory.CreateClient().PostAsync("/api/messages", Message("t-sign", _world.Manager, $"sign {contract}"));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // Stopping the host flushed the queues.
        var signed = $"Contract {contract} signed by {_world.Manager.CollaboratorId}";
        (await _receiver.WaitUntilAsync(r => r.CountIn("/v1/logs", signed) > 0)).Should().BeTrue("the signature is logged");
        (await _receiver.WaitUntilAsync(r => r.To("/v1/traces").Any())).Should().BeTrue("the turn is traced");
        _receiver.To("/v1/traces").Should().NotBeEmpty().And.OnlyContain(r => r.Path == "/api/99/integration/otlp/v1/traces");
        _receiver.To("/v1/logs").Should().NotBeEmpty().And.OnlyContain(r => r.Path == "/api/99/integration/otlp/v1/logs");
        _receiver.Requests.Should().OnlyContain(r => r.Headers["x-sentry-auth"] == $"sentry sentry_key={PublicKey}");
        _receiver.CountIn("/v1/logs", signed).Should().Be(1);
        _receiver.AnyContains("ContractSigned").Should().BeTrue();
        var traces = _receiver.To("/v1/traces").ToList();
        traces.Should().Contain(r => r.Contains("epicevents-bot") && r.Contains("bot-test-environment"));
        traces.Should().Contain(r => r.Contains("POST /api/messages"));
        traces.Should().Contain(r => r.Contains("bot message") && r.Contains("crm.command") && r.Contains("Sign"));
        traces.Should().Contain(r => r.Contains("db.system.name") && r.Contains("UPDATE"));
        // The Bot Connector call, as the HTTP client instrumentation writes it, without the conversation's id.
        traces.Should().Contain(r => r.Contains("url.full") && r.Contains("/v3/conversations/{id}/activities"));
        _receiver.AnyContains("a:telemetry-tests").Should().BeFalse("a conversation id identifies the people in it");
    }

    [Fact]
    public async Task A_signature_approved_from_the_managers_card_is_exported_once()
    {
        var contract = await _world.NewDraftContractAsync(_world.Sales);
        using (var factory = Factory(sentry: true))
        {
            var client = factory.CreateClient();
            (await client.PostAsync("/api/messages", Message("t-request", _world.Sales, $"request signature {contract}"))).StatusCode.Should().Be(HttpStatusCode.OK);
            var request = await _world.QueryAsync(db => db.SignatureRequests.Where(r => r.ContractId == contract).Select(r => r.Id).SingleAsync());
            (await client.PostAsync("/api/messages", Approve("t-approve", _world.Manager, request))).StatusCode.Should().Be(HttpStatusCode.OK);
            (await client.PostAsync("/api/messages", Approve("t-approve-again", _world.Manager, request))).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var signed = $"Contract {contract} signed by {_world.Manager.CollaboratorId}";
        (await _receiver.WaitUntilAsync(r => r.CountIn("/v1/logs", signed) > 0)).Should().BeTrue("the approval signs the contract");
        _receiver.CountIn("/v1/logs", signed).Should().Be(1, "a second click on the decided card signs nothing");
        _receiver.To("/v1/traces").Should().Contain(r => r.Contains("crm.command") && r.Contains("signature.approve"));
    }

    [Fact]
    public async Task A_planted_email_password_and_token_never_leave_the_process()
    {
        const string email = "planted.bot.person@example.org";
        const string password = "Planted-Bot-Password-5";
        const string token = "planted.bot.bearer.token";
        using (var factory = Factory(sentry: true, appId: "00000000-0000-0000-0000-00000000b0b1"))
        {
            var client = factory.CreateClient();
            var forged = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Message("t-forged", _world.Sales, $"new client {email} password={password}") };
            forged.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            (await client.SendAsync(forged)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        using (var factory = Factory(sentry: true))
        {
            var client = factory.CreateClient();
            (await client.PostAsync("/api/messages", Message("t-text", _world.Sales, $"clients {email} {password}"))).StatusCode.Should().Be(HttpStatusCode.OK);
            (await client.PostAsync("/api/messages", Message("t-refused", _world.Support, $"sign {await DraftContractAsync()}"))).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await _receiver.WaitUntilAsync(r => r.AnyContains("PermissionRefused"))).Should().BeTrue();
        foreach (var secret in new[] { email, "planted.bot.person", password, token, _world.Sales.Name, _world.Support.Name })
        {
            _receiver.AnyContains(secret).Should().BeFalse($"\"{secret}\" must not be exported");
        }
    }

    [Fact]
    public async Task Without_a_dsn_or_an_endpoint_the_bot_sends_nothing_and_answers_as_before()
    {
        using (var factory = Factory(sentry: false))
        {
            var response = await factory.CreateClient().PostAsync("/api/messages", Message("t-quiet", _world.Manager, "help"));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await Task.Delay(1500);
        _receiver.Requests.Should().BeEmpty();
        _connector.Requests.Should().ContainSingle(r => r.Method == "POST");
    }

    [Fact]
    public async Task A_fault_in_a_turn_reaches_sentry_once_with_its_stack_release_collaborator_and_the_turns_trace()
    {
        const string planted = "Zorglub Planted";
        await _world.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE clients RENAME TO clients_moved"));
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using (var factory = Factory(sentry: true))
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Message("t-fault", _world.Manager, $"clients {planted}") };
            request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            (await factory.CreateClient().SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK, "the turn's failure is answered politely");
        }

        // Stopping the host flushes the SDK's queue, on its own thread.
        (await _receiver.WaitUntilAsync(r => r.Sentry.Events.Count > 0)).Should().BeTrue("the fault is reported");
        await Task.Delay(500);
        var fault = _receiver.Sentry.Events.Should().ContainSingle("one fault, one event: " + string.Join(" | ", _receiver.Sentry.Items.Select(i => i.Type + " " + i.Value("logger")))).Subject;
        var exception = fault.Json.GetProperty("exception").GetProperty("values").EnumerateArray().Last();
        exception.GetProperty("type").GetString().Should().Contain("SqliteException");
        exception.GetProperty("stacktrace").GetProperty("frames").GetArrayLength().Should().BePositive();
        fault.Value("release").Should().Be(Crm.Telemetry.SentryReporting.Release);
        fault.Value("environment").Should().Be("bot-test-environment");
        fault.Value("user.id").Should().Be(_world.Manager.CollaboratorId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        fault.Value("contexts.trace.trace_id").Should().Be(traceId, "the event belongs to the trace of the request that carried the turn");
        fault.Value("transaction").Should().Be("bot Clients");
        fault.Json.GetProperty("tags").GetProperty("crm.command").GetString().Should().Be("bot Clients");
        fault.Json.TryGetProperty("request", out var request2).Should().BeTrue();
        request2.TryGetProperty("headers", out _).Should().BeFalse("headers carry the Bot Framework's bearer token");
        request2.TryGetProperty("data", out _).Should().BeFalse("the body is what the person wrote");
        foreach (var secret in new[] { planted, _world.Manager.Name, _world.Emails[Crm.Access.Department.Management], "eyJ", "a:telemetry-tests" })
        {
            var at = fault.Payload.IndexOf(secret, StringComparison.Ordinal);
            at.Should().Be(-1, $"\"{secret}\" must not leave the process: …{(at < 0 ? string.Empty : fault.Payload.Substring(Math.Max(0, at - 300), Math.Min(400, fault.Payload.Length - Math.Max(0, at - 300))))}…");
        }

        _receiver.To("/v1/logs").Should().NotContain(r => r.Contains("Handling activity t-fault"), "the error reached Sentry as an event; not a second time as a log record");
    }

    [Fact]
    public async Task A_fault_in_an_api_request_reaches_sentry_once_with_its_method_and_scrubbed_address_and_a_malformed_body_sends_nothing()
    {
        string token;
        using (var factory = Factory(sentry: true))
        {
            var client = factory.CreateClient();
            var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = _world.Emails[Crm.Access.Department.Management], password = Crm.Demo.DemoDataSeeder.DefaultPassword });
            login.StatusCode.Should().Be(HttpStatusCode.OK);
            token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            (await client.PostAsync("/api/v1/clients", new StringContent("{\"fullName\":", Encoding.UTF8, "application/json"))).StatusCode.Should().Be(HttpStatusCode.BadRequest, "malformed JSON is the caller's input");
            await _world.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE clients RENAME TO clients_moved"));
            (await client.GetAsync("/api/v1/clients?search=jane.planted%40example.com")).StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        }

        (await _receiver.WaitUntilAsync(r => r.Sentry.Events.Count > 0)).Should().BeTrue("the fault is reported");
        await Task.Delay(500);
        var fault = _receiver.Sentry.Events.Should().ContainSingle("one fault, one event; the malformed body none: " + string.Join(" | ", _receiver.Sentry.Events.Select(e => e.Value("exception.values")))).Subject;
        fault.Json.GetProperty("exception").GetProperty("values").EnumerateArray().Last().GetProperty("type").GetString().Should().Contain("SqliteException");
        fault.Value("request.method").Should().Be("GET");
        fault.Value("transaction").Should().Be("GET /api/v1/clients", "an API request's command is its route");
        fault.Json.GetProperty("tags").GetProperty("crm.command").GetString().Should().Be("GET /api/v1/clients");
        fault.Value("request.url").Should().Contain("/api/v1/clients").And.NotContain("jane.planted");
        fault.Value("user.id").Should().Be(_world.Manager.CollaboratorId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The token itself, not the word: the event lists the process's assemblies, JwtBearer's among them once loaded.
        fault.Payload.Should().NotContain("jane.planted").And.NotContain(token).And.NotContain("Bearer ey").And.NotContain(_world.Emails[Crm.Access.Department.Management]);
    }

    [Fact]
    public async Task What_one_turn_left_behind_stays_out_of_another_turns_sentry_event()
    {
        using (var factory = Factory(sentry: true))
        {
            var client = factory.CreateClient();
            (await client.PostAsync("/api/messages", Message("t-refused-first", _world.Support, $"sign {await DraftContractAsync()}"))).StatusCode.Should().Be(HttpStatusCode.OK);
            await _world.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE clients RENAME TO clients_moved"));
            (await client.PostAsync("/api/messages", Message("t-fault-after", _world.Manager, "clients"))).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await _receiver.WaitUntilAsync(r => r.Sentry.Events.Count > 0)).Should().BeTrue("the fault is reported");
        await Task.Delay(500);
        var fault = _receiver.Sentry.Events.Should().ContainSingle().Subject;
        fault.Value("user.id").Should().Be(_world.Manager.CollaboratorId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        fault.Payload.Should().NotContain("Permission refused", "the Support user's refusal was another person's turn, and its breadcrumb stays with it");
        fault.Payload.Should().NotContain($"collaborator {_world.Support.CollaboratorId} ");
    }

    [Fact]
    public async Task A_refusal_an_unknown_person_and_a_malformed_activity_send_nothing_to_sentry()
    {
        using (var factory = Factory(sentry: true))
        {
            var client = factory.CreateClient();
            (await client.PostAsync("/api/messages", Message("t-refused", _world.Support, $"sign {await DraftContractAsync()}"))).StatusCode.Should().Be(HttpStatusCode.OK);
            (await client.PostAsync("/api/messages", Message("t-stranger", _world.Stranger, "clients"))).StatusCode.Should().Be(HttpStatusCode.OK);
            (await client.PostAsync("/api/messages", new StringContent("{\"type\":\"message\",\"text\":", Encoding.UTF8, "application/json"))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "not-an-email", password = "x" })).IsSuccessStatusCode.Should().BeFalse();
        }

        (await _receiver.WaitUntilAsync(r => r.AnyContains("PermissionRefused"))).Should().BeTrue("the refusal is logged, as a warning");
        _receiver.Sentry.Events.Should().BeEmpty();
    }

    [Fact]
    public async Task Metrics_reach_the_otlp_collector_with_their_units_and_attributes()
    {
        var contract = await _world.NewDraftContractAsync(_world.Sales);
        var throttled = 0;
        _connector.Faults = request => request.Method == "POST" && Interlocked.Exchange(ref throttled, 1) == 0 ? new ConnectorFault.Throttle(TimeSpan.FromMilliseconds(200)) : null;
        using (var factory = Factory(sentry: false, otlp: true))
        {
            var client = factory.CreateClient();
            (await client.PostAsync("/api/messages", Message("m-help", _world.Manager, "help"))).StatusCode.Should().Be(HttpStatusCode.OK);
            (await client.PostAsync("/api/messages", Message("m-refused", _world.Support, $"sign {contract}"))).StatusCode.Should().Be(HttpStatusCode.OK);
            (await client.PostAsync("/api/messages", Message("m-request", _world.Sales, $"request signature {contract}"))).StatusCode.Should().Be(HttpStatusCode.OK);
            (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = _world.Emails[Crm.Access.Department.Sales], password = "Not-The-Password-1" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

            // The 429 may fall on the approval card rather than on a reply: it is then delivered at its retry.
            // ASP.NET Core records a request's duration once the response has gone: on a loaded machine the
            // first exports can come before it, so the wait lasts until an export holds it too.
            (await _receiver.WaitUntilAsync(
                    r => r.To("/v1/metrics").Any(m => m.Contains("epicevents.outbox.deliveries") && m.Contains("Sent"))
                        && r.CountIn("/v1/metrics", "epicevents.outbox.backlog") > 0
                        && r.To("/v1/metrics").Any(m => m.Contains("http.server.request.duration") && m.Contains("/api/messages")),
                    TimeSpan.FromSeconds(30)))
                .Should().BeTrue("the approval card is delivered, the backlog counted and the requests' duration exported");
        }

        var metrics = _receiver.To("/v1/metrics").ToList();
        metrics.Should().NotBeEmpty();
        bool Exported(params string[] texts) => metrics.Any(r => texts.All(r.Contains))
            ? true
            : throw new Xunit.Sdk.XunitException($"No export holds all of {string.Join(", ", texts)}: "
                + string.Join(" | ", metrics.Select(r => string.Join(",", texts.Where(r.Contains)))));
        Exported("http.server.request.duration", "http.route", "/api/messages").Should().BeTrue("ASP.NET Core's request duration");
        Exported("epicevents.bot.turns", "{turn}", "crm.command", "bot Help", "crm.outcome", "ok").Should().BeTrue();
        Exported("epicevents.bot.turns", "bot Sign", "forbidden").Should().BeTrue("a refused turn is counted by its outcome");
        Exported("epicevents.outbox.deliveries", "{delivery}", "crm.notification.kind", "SignatureRequested", "crm.notification.outcome", "Sent").Should().BeTrue();
        Exported("epicevents.outbox.backlog", "{notification}").Should().BeTrue();
        Exported("epicevents.outbox.oldest_due.age").Should().BeTrue();
        Exported("epicevents.connector.throttled", "{response}", "server.address").Should().BeTrue("Teams answered 429 once");
        Exported("epicevents.auth.failed_logins", "{attempt}", "crm.change.source", "Api", "crm.login.failure", "wrong_password").Should().BeTrue();
        Exported("dotnet.gc.collections").Should().BeTrue("the runtime's metrics");
        metrics.Should().NotContain(r => r.Contains(_world.Sales.Name) || r.Contains(_world.Emails[Crm.Access.Department.Sales]), "metrics name commands and outcomes, never people");
    }

    [Fact]
    public async Task Beyond_the_traces_a_second_every_turn_is_answered_and_counted_and_only_the_rate_is_traced()
    {
        const int turns = 20;
        TimeSpan elapsed;
        using (var factory = Factory(sentry: false, otlp: true, maxTracesPerSecond: 2))
        {
            var client = factory.CreateClient();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < turns; i++)
            {
                (await client.PostAsync("/api/messages", Message($"r-{i}", _world.Manager, "help"))).StatusCode.Should().Be(HttpStatusCode.OK);
            }

            elapsed = clock.Elapsed;
            (await _receiver.WaitUntilAsync(r => r.To("/v1/metrics").Any(m => m.Contains("epicevents.bot.turns") && m.Contains("bot Help")), TimeSpan.FromSeconds(30)))
                .Should().BeTrue("every turn is counted, traced or not");
        }

        (await _receiver.WaitUntilAsync(r => r.CountIn("/v1/traces", "bot message") > 0)).Should().BeTrue("the first turn of a second is traced");
        _connector.Requests.Count(r => r.Method == "POST").Should().Be(turns, "every turn is answered");
        // Two traces a second: no more turn spans than twice the seconds the turns were sent in.
        var seconds = (int)Math.Floor(elapsed.TotalSeconds) + 2;
        _receiver.CountIn("/v1/traces", "bot message").Should().BeLessThanOrEqualTo(Math.Min(2 * seconds, turns), $"{turns} turns in {elapsed.TotalSeconds:0.0} s at two traces a second");
    }

    private async Task<int> DraftContractAsync() =>
        await _world.QueryAsync(db => db.Contracts.Where(c => c.Status == ContractStatus.Draft).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());

    private WebApplicationFactory<Program> Factory(bool sentry, string? appId = null, bool otlp = false, int? maxTracesPerSecond = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Crm", $"Data Source={_world.DatabasePath}");
            builder.UseSetting("Teams:AllowedTenants:0", BotWorld.Tenant.ToString());
            builder.UseSetting("SENTRY_DSN", null);
            builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", null);
            builder.WithoutDigests();
            if (sentry)
            {
                builder.UseSetting("Sentry:Dsn", $"http://{PublicKey}@127.0.0.1:{_receiver.Port}/99");
                builder.UseSetting("Sentry:Environment", "bot-test-environment");
                // A loaded test machine can need more than the 5 s a stopping bot waits at most.
                builder.UseSetting("Telemetry:FlushTimeout", "00:00:20");
            }

            if (otlp)
            {
                builder.UseSetting("Otlp:Endpoint", _receiver.BaseUrl);
                builder.UseSetting("OTEL_METRIC_EXPORT_INTERVAL", "300");
                builder.UseSetting("Telemetry:FlushTimeout", "00:00:20");
            }

            if (maxTracesPerSecond is { } rate)
            {
                builder.UseSetting("Telemetry:MaxTracesPerSecond", rate.ToString(System.Globalization.CultureInfo.InvariantCulture));
                // The outbox's polls start traces of their own: only turns here.
                builder.UseSetting("Bot:Outbox:Enabled", "false");
            }

            if (appId is not null)
            {
                builder.UseSetting("MicrosoftAppId", appId);
                builder.UseSetting("MicrosoftAppPassword", "not-used-before-authentication");
                builder.UseSetting("MicrosoftAppTenantId", BotWorld.Tenant.ToString());
                builder.UseSetting("Bot:OpenIdMetadataUrl", $"{_connector.Url}openid");
            }
        });

    /// <summary>A click on the approval card's Approve button (<c>adaptiveCard/action</c>, verb <c>signature.approve</c>).</summary>
    private StringContent Approve(string id, TeamsUser from, int request) => new(
        "{" + $"\"type\":\"invoke\",\"name\":\"adaptiveCard/action\",\"id\":\"{id}\",\"channelId\":\"msteams\",\"serviceUrl\":\"{_connector.Url}\","
        + $"\"from\":{{\"id\":\"{from.UserId}\",\"name\":\"{from.Name}\",\"aadObjectId\":\"{from.AadObjectId}\"}},"
        + "\"recipient\":{\"id\":\"28:bot\",\"name\":\"Epic Events\"},"
        + $"\"conversation\":{{\"id\":\"a:telemetry-tests\",\"conversationType\":\"personal\",\"tenantId\":\"{BotWorld.Tenant}\"}},"
        + $"\"channelData\":{{\"tenant\":{{\"id\":\"{BotWorld.Tenant}\"}}}},\"locale\":\"en-US\","
        + $"\"value\":{{\"action\":{{\"type\":\"Action.Execute\",\"verb\":\"signature.approve\",\"data\":{{\"requestId\":\"{request}\"}}}}}}" + "}",
        Encoding.UTF8,
        "application/json");

    private StringContent Message(string id, TeamsUser from, string text) => new(
        "{" + $"\"type\":\"message\",\"id\":\"{id}\",\"channelId\":\"msteams\",\"serviceUrl\":\"{_connector.Url}\","
        + $"\"from\":{{\"id\":\"{from.UserId}\",\"name\":\"{from.Name}\",\"aadObjectId\":\"{from.AadObjectId}\"}},"
        + "\"recipient\":{\"id\":\"28:bot\",\"name\":\"Epic Events\"},"
        + $"\"conversation\":{{\"id\":\"a:telemetry-tests\",\"conversationType\":\"personal\",\"tenantId\":\"{BotWorld.Tenant}\"}},"
        + $"\"channelData\":{{\"tenant\":{{\"id\":\"{BotWorld.Tenant}\"}}}},\"locale\":\"en-US\",\"text\":{JsonSerializer.Serialize(text)}" + "}",
        Encoding.UTF8,
        "application/json");
}
