using EpicEvents.Bot.Protocol.Authentication;
using EpicEvents.Bot.Protocol.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EpicEvents.Bot.Protocol.Tests.Authentication;

/// <summary>
/// The bot's outbound token with each kind of credential, through Microsoft.Identity.Web against a
/// loopback Entra token endpoint and a loopback App Service managed-identity endpoint, which check what
/// each kind must send. One class, so that the managed-identity environment variables it sets are
/// never seen by a test running beside it.
/// </summary>
[Collection(nameof(ConnectorCredentialTests))]
public sealed class ConnectorCredentialTests : IAsyncLifetime
{
    private const string AppId = "5b3c1f9e-0000-4000-8000-00000000c0de";
    private const string Tenant = "3a1b5c7d-0000-4000-8000-00000000beef";
    private readonly FakeEntra _entra = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("epicevents-credentials-").FullName;
    private readonly List<ServiceProvider> _providers = [];

    public Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", _entra.ManagedIdentityEndpoint);
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", FakeEntra.ManagedIdentityHeader);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", null);
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", null);
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await _entra.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData(BotProtocolOptions.AppTypes.SingleTenant, Tenant)]
    [InlineData(BotProtocolOptions.AppTypes.MultiTenant, "botframework.com")]
    public async Task A_client_secret_is_sent_to_the_tenant_of_the_app_type(string appType, string tenant)
    {
        var token = await TokenAsync(options =>
        {
            options.MicrosoftAppType = appType;
            options.MicrosoftAppPassword = "the-client-secret";
        });

        token.Should().StartWith("entra-token-");
        var request = _entra.Requests.Should().ContainSingle().Subject;
        request.Path.Should().Be($"/{tenant}/oauth2/v2.0/token");
        request.Fields.Should().Contain("client_id", AppId).And.Contain("client_secret", "the-client-secret")
            .And.Contain("grant_type", "client_credentials").And.Contain("scope", "https://api.botframework.com/.default");
    }

    [Fact]
    public async Task A_certificate_file_sends_a_client_assertion_signed_by_its_key_and_no_secret()
    {
        var certificate = FakeEntra.SelfSigned("CN=epicevents-bot");
        var path = WriteCertificate(certificate, "bot.pfx");

        var token = await TokenAsync(options =>
        {
            options.Credential.Kind = BotCredentialKind.Certificate;
            options.Credential.CertificatePath = path;
        });

        token.Should().StartWith("entra-token-");
        var fields = _entra.Requests.Should().ContainSingle().Subject.Fields;
        fields.Should().NotContainKey("client_secret");
        fields.Should().Contain("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(fields["client_assertion"], new TokenValidationParameters
        {
            IssuerSigningKey = new X509SecurityKey(certificate),
            ValidIssuer = AppId,
            ValidateAudience = false,
            ValidateLifetime = true,
        });
        validation.IsValid.Should().BeTrue(validation.Exception?.Message);
        validation.ClaimsIdentity.FindFirst("sub")!.Value.Should().Be(AppId);
    }

    [Fact]
    public async Task A_rotated_certificate_file_is_taken_when_entra_refuses_the_old_one_without_a_restart()
    {
        _entra.TokenLifetime = 60;
        var old = FakeEntra.SelfSigned("CN=epicevents-bot-2025");
        var path = WriteCertificate(old, "rotating.pfx");
        var provider = Provider(options =>
        {
            options.Credential.Kind = BotCredentialKind.Certificate;
            options.Credential.CertificatePath = path;
        });
        (await provider.GetTokenAsync(CancellationToken.None)).Should().StartWith("entra-token-");

        var renewed = FakeEntra.SelfSigned("CN=epicevents-bot-2026");
        WriteCertificate(renewed, "rotating.pfx");
        _entra.RetiredCertificates[FakeEntra.ThumbprintOf(old)] = true;

        (await provider.GetTokenAsync(CancellationToken.None)).Should().StartWith("entra-token-", "the same running provider reads the new file");
        var assertions = _entra.Requests.Select(r => FakeEntra.ThumbprintOf(r.Fields["client_assertion"])).ToList();
        assertions.Should().Equal([FakeEntra.ThumbprintOf(old), FakeEntra.ThumbprintOf(old), FakeEntra.ThumbprintOf(renewed)], "the old certificate is refused once, then the renewed one is read and used");
    }

    [Fact]
    public async Task A_user_assigned_managed_identity_bot_asks_the_managed_identity_endpoint_for_the_bot_framework_with_its_client_id()
    {
        var token = await TokenAsync(options => options.MicrosoftAppType = BotProtocolOptions.AppTypes.UserAssignedMsi);

        token.Should().StartWith("managed-identity-token-");
        var request = _entra.Requests.Should().ContainSingle().Subject;
        request.Path.Should().Be("/msi/token");
        request.IdentityHeader.Should().Be(FakeEntra.ManagedIdentityHeader);
        request.Fields.Should().Contain("resource", "https://api.botframework.com").And.Contain("client_id", AppId);
    }

    [Fact]
    public async Task A_managed_identity_as_federated_credential_exchanges_its_token_for_the_bots_without_any_secret()
    {
        const string managedIdentity = "9d8c7b6a-0000-4000-8000-0000000000f1";

        var token = await TokenAsync(options =>
        {
            options.Credential.Kind = BotCredentialKind.FederatedManagedIdentity;
            options.Credential.ManagedIdentityClientId = managedIdentity;
        });

        token.Should().StartWith("entra-token-");
        var requests = _entra.Requests;
        requests[0].Path.Should().Be("/msi/token");
        requests[0].Fields.Should().Contain("resource", FakeEntra.ExchangeAudience).And.Contain("client_id", managedIdentity);
        requests[^1].Path.Should().Be($"/{Tenant}/oauth2/v2.0/token");
        requests[^1].Fields.Should().Contain("client_assertion", "managed-identity-assertion").And.NotContainKey("client_secret");
    }

    private async Task<string?> TokenAsync(Action<BotProtocolOptions> configure) =>
        await Provider(configure).GetTokenAsync(CancellationToken.None);

    private IConnectorTokenProvider Provider(Action<BotProtocolOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotProtocol(options =>
        {
            options.MicrosoftAppId = AppId;
            options.MicrosoftAppTenantId = Tenant;
            options.MicrosoftAppPassword = null;
            options.AuthorityInstance = _entra.Instance;
            configure(options);
        });
        services.AddSingleton(_entra.HttpClientFactory());
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<IConnectorTokenProvider>();
    }

    private string WriteCertificate(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, string name)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx));
        return path;
    }
}

[CollectionDefinition(nameof(ConnectorCredentialTests), DisableParallelization = true)]
public sealed class ConnectorCredentialCollection;
