using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using EpicEvents.Bot.Tests.Infrastructure;
using EpicEvents.Crm.Access;
using EpicEvents.Tests.Entra;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Bot.Tests.Api;

public sealed class EntraApiTestsOnSqlite : EntraApiTests;

public sealed class EntraApiTestsOnPostgres : EntraApiTests
{
    protected override bool OnPostgres => true;
}

/// <summary>
/// Microsoft Entra ID access tokens on the API, validated by Microsoft.Identity.Web against a loopback
/// OpenID provider (its own keys, metadata and JWKS over TLS) named by configuration only; the token's
/// tenant and object id name the collaborator through their Teams link.
/// </summary>
public abstract class EntraApiTests : ApiTest
{
    private LoopbackEntra _entra = null!;

    private EntraPerson Manager => new(BotWorld.Tenant, World.Manager.AadObjectId, "maud@contoso.test");

    private EntraPerson Sales => new(BotWorld.Tenant, World.Sales.AadObjectId, "sam@contoso.test");

    private EntraPerson Support => new(BotWorld.Tenant, World.Support.AadObjectId, "sue@contoso.test");

    public override async Task InitializeAsync()
    {
        _entra = new LoopbackEntra(BotWorld.Tenant);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _entra.DisposeAsync();
    }

    [Fact]
    public async Task A_linked_persons_Entra_token_is_their_collaborator_and_the_matrix_applies()
    {
        await using var server = EntraServer();

        var sales = With(server, _entra.AccessToken(Sales));
        var whoami = await JsonOf(await sales.GetAsync("/api/v1/auth/whoami"));
        whoami.GetProperty("collaboratorId").GetInt32().Should().Be(World.Sales.CollaboratorId);
        whoami.GetProperty("department").GetString().Should().Be("Sales");
        var mine = await JsonOf(await sales.GetAsync("/api/v1/clients?mine=true"));
        mine.GetProperty("items").EnumerateArray().Should().NotBeEmpty()
            .And.OnlyContain(c => c.GetProperty("salesContactId").GetInt32() == World.Sales.CollaboratorId);

        var support = With(server, _entra.AccessToken(Support));
        var before = await World.QueryAsync(db => db.Clients.CountAsync());
        await ProblemOf(await support.PostAsJsonAsync("/api/v1/clients", new { fullName = "Ann Other", email = "ann@example.com", phone = "+33 6 12 34 56 78", companyName = "Other" }), 403, "forbidden");
        (await World.QueryAsync(db => db.Clients.CountAsync())).Should().Be(before);

        var created = await sales.PostAsJsonAsync("/api/v1/clients", new { fullName = "Ann Entra", email = "ann.entra@example.com", phone = "+33 6 12 34 56 79", companyName = "Entra SA" });
        created.StatusCode.Should().Be(System.Net.HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var audit = await World.QueryAsync(db => db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync());
        audit.ActorId.Should().Be(World.Sales.CollaboratorId);
        audit.Source.Should().Be(ChangeSource.Api);
    }

    [Fact]
    public async Task Tokens_with_the_wrong_issuer_tenant_audience_scope_signature_or_lifetime_are_401()
    {
        await using var server = EntraServer();
        var otherTenant = new EntraPerson(Guid.Parse("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"), World.Sales.AadObjectId, "sam@fabrikam.test");
        var refused = new Dictionary<string, string>
        {
            ["another issuer"] = _entra.AccessToken(Sales, issuer: $"https://login.example.com/{BotWorld.Tenant}/v2.0"),
            ["another tenant"] = _entra.AccessToken(otherTenant),
            ["another audience"] = _entra.AccessToken(Sales, audience: "api://someone-elses-api"),
            ["no CRM scope"] = _entra.AccessToken(Sales, scope: "User.Read"),
            ["a forged signature"] = _entra.AccessToken(Sales, signedWith: LoopbackEntra.ForeignKey()),
            ["an expired token"] = _entra.AccessToken(Sales, expires: DateTime.UtcNow.AddMinutes(-10)),
            ["not a token"] = "eyJhbGciOiJSUzI1NiJ9.bm90IGEgdG9rZW4.c2ln",
        };

        foreach (var (why, token) in refused)
        {
            var client = With(server, token);
            var before = await World.QueryAsync(db => db.Clients.CountAsync());
            var problem = await ProblemOf(await client.PostAsJsonAsync("/api/v1/clients", new { fullName = "Ann Forged", email = "ann.forged@example.com", phone = "+33 6 12 34 56 70", companyName = "Forged" }), 401, "not_logged_in");
            (await World.QueryAsync(db => db.Clients.CountAsync())).Should().Be(before, why);
            if (why == "an expired token")
            {
                problem.GetProperty("detail").GetString().Should().Contain("expired");
            }
        }
    }

    [Fact]
    public async Task A_genuine_token_of_someone_unlinked_deactivated_or_outside_the_allowed_tenants_is_403_saying_why()
    {
        await using var server = EntraServer();
        var stranger = new EntraPerson(BotWorld.Tenant, World.Stranger.AadObjectId, "stranger@contoso.test");
        var problem = await ProblemOf(await With(server, _entra.AccessToken(stranger)).GetAsync("/api/v1/auth/whoami"), 403, "forbidden");
        problem.GetProperty("detail").GetString().Should().Contain("not linked");

        var manager = With(server, _entra.AccessToken(Manager));
        var colleague = await World.QueryAsync(db => db.Collaborators
            .Where(c => c.Role.Department == Department.Support && c.IsActive && c.Id != World.Support.CollaboratorId)
            .Select(c => c.Id).FirstAsync());
        var deactivated = await manager.PostAsJsonAsync($"/api/v1/collaborators/{World.Support.CollaboratorId}/deactivate", new { reassignToId = colleague });
        deactivated.IsSuccessStatusCode.Should().BeTrue(await deactivated.Content.ReadAsStringAsync());
        problem = await ProblemOf(await With(server, _entra.AccessToken(Support)).GetAsync("/api/v1/auth/whoami"), 403, "forbidden");
        problem.GetProperty("detail").GetString().Should().Contain("deactivated");

        // A multi-tenant registration accepts any tenant's token; the bot's allowed tenants decide.
        var fabrikam = Guid.Parse("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
        await using var multiTenant = EntraServer(multiTenant: true, $"Teams:AllowedTenants={BotWorld.Tenant}");
        (await With(multiTenant, _entra.AccessToken(Sales)).GetAsync("/api/v1/auth/whoami")).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        problem = await ProblemOf(await With(multiTenant, _entra.AccessToken(new EntraPerson(fabrikam, World.Sales.AadObjectId, "sam@fabrikam.test"))).GetAsync("/api/v1/auth/whoami"), 403, "forbidden");
        problem.GetProperty("detail").GetString().Should().Contain("organisation");
    }

    [Fact]
    public async Task The_server_says_how_to_sign_in_with_Entra_and_password_sessions_still_work_beside_it()
    {
        await using var server = EntraServer();
        var how = await JsonOf(await server.CreateClient().GetAsync("/api/v1/auth/entra"));
        how.GetProperty("authority").GetString().Should().Be($"{_entra.Instance}{BotWorld.Tenant}/");
        how.GetProperty("clientId").GetString().Should().Be(LoopbackEntra.CliClientId);
        how.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).Should().Equal($"api://{LoopbackEntra.ApiClientId}/{LoopbackEntra.Scope}");

        var login = await JsonOf(await server.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = World.Emails[Department.Management], password = Crm.Demo.DemoDataSeeder.DefaultPassword }));
        var manager = With(server, login.GetProperty("token").GetString()!);
        (await JsonOf(await manager.GetAsync("/api/v1/auth/whoami"))).GetProperty("department").GetString().Should().Be("Management");

        // Without an AzureAd section there is no Entra sign-in, and an Entra token is just not a session.
        var plain = Anonymous();
        await ProblemOf(await plain.GetAsync("/api/v1/auth/entra"), 404, "not_found");
        plain.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _entra.AccessToken(Sales));
        await ProblemOf(await plain.GetAsync("/api/v1/auth/whoami"), 401, "not_logged_in");
    }

    private WebApplicationFactory<Program> EntraServer(bool multiTenant = false, params string[] settings) =>
        StartServer(services => TrustLoopbackEntra(services, _entra.TlsCertificate), [.. _entra.ServerSettings(multiTenant), .. settings]);

    /// <summary>The server trusts the loopback Entra's TLS certificate, as a company's machine trusts its CA: for metadata, keys and issuers.</summary>
    private static void TrustLoopbackEntra(IServiceCollection services, X509Certificate2 certificate)
    {
        HttpMessageHandler Trusting() => new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
        };
        services.Configure<JwtBearerOptions>("Entra", options => options.BackchannelHttpHandler = Trusting());
        services.AddHttpClient("loopback-entra").ConfigurePrimaryHttpMessageHandler(Trusting);
        services.Configure<Microsoft.Identity.Web.AadIssuerValidatorOptions>(options => options.HttpClientName = "loopback-entra");
    }

    private HttpClient With(WebApplicationFactory<Program> server, string token)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
