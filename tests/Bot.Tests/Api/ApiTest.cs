using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EpicEvents.Bot.Tests.Infrastructure;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EpicEvents.Bot.Tests.Api;

/// <summary>
/// The CRM server's API through the real ASP.NET Core pipeline (the host of the bot), on a demo
/// company in its own database: a SQLite file, or a PostgreSQL database for the subclasses that say so.
/// </summary>
public abstract class ApiTest : IAsyncLifetime
{
    public const string SigningKey = "YXBpLXRlc3RzLXNpZ25pbmcta2V5LW9mLWF0LWxlYXN0LTMyLWJ5dGVzLTAxMjM0NTY3";
    private readonly List<IDisposable> _owned = [];

    protected BotWorld World { get; private set; } = null!;

    protected WebApplicationFactory<Program> Server { get; private set; } = null!;

    protected virtual bool OnPostgres => false;

    public virtual async Task InitializeAsync()
    {
        World = OnPostgres ? await BotWorld.CreateOnPostgresAsync() : await BotWorld.CreateAsync();
        Server = StartServer();
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        await Server.DisposeAsync();
        await World.DisposeAsync();
    }

    /// <summary>A server on the world's database with its own signing key; extra settings as <c>key=value</c>.</summary>
    protected WebApplicationFactory<Program> StartServer(params string[] settings) => StartServer(null, settings);

    /// <summary>A server as above, with services replaced or added for the test (<c>ConfigureTestServices</c>).</summary>
    protected WebApplicationFactory<Program> StartServer(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services, params string[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            if (services is not null)
            {
                builder.ConfigureTestServices(services);
            }

            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Crm", World.ConnectionString);
            builder.UseSetting("Auth:SigningKey", SigningKey);
            builder.UseSetting("Auth:PasswordHashIterations", "100000");
            builder.WithoutDigests();
            foreach (var setting in settings)
            {
                var parts = setting.Split('=', 2);
                builder.UseSetting(parts[0], parts[1]);
            }
        });

    protected HttpClient Anonymous()
    {
        var client = Server.CreateClient();
        _owned.Add(client);
        return client;
    }

    /// <summary>A client logged in as the demo collaborator of <paramref name="department"/>.</summary>
    protected async Task<HttpClient> SignedInAsAsync(Department department)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = World.Emails[department], password = DemoDataSeeder.DefaultPassword });
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Asserts an RFC 9457 problem with this status and code, and no trace of the server's insides.</summary>
    protected static async Task<JsonElement> ProblemOf(HttpResponseMessage response, int status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(status, body);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        body.Should().NotContainAny("   at ", "Exception", "EpicEvents.");
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        problem.GetProperty("status").GetInt32().Should().Be(status);
        problem.GetProperty("code").GetString().Should().Be(code);
        problem.GetProperty("detail").GetString().Should().NotBeNullOrWhiteSpace();
        return problem;
    }
}
