using Microsoft.Extensions.Options;
using Microsoft.Identity.Abstractions;

namespace EpicEvents.Bot.Protocol.Authentication;

/// <summary>Supplies the bearer token for calls to the Bot Connector; null means no Authorization header.</summary>
public interface IConnectorTokenProvider
{
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>Local mode: the emulators' connectors take no token.</summary>
public sealed class NoConnectorTokenProvider : IConnectorTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}

/// <summary>
/// Tokens for <c>https://api.botframework.com/.default</c> through Microsoft.Identity.Web's token
/// acquisition (MSAL underneath, which caches them until shortly before they expire), with the bot's
/// credential as configured: a client secret, a certificate, a managed identity as federated
/// credential, or — for a <c>UserAssignedMSI</c> bot — the managed identity itself (ADR 21).
/// </summary>
public sealed class IdentityWebConnectorTokenProvider : IConnectorTokenProvider
{
    public const string Scope = "https://api.botframework.com/.default";

    // Multi-tenant bots obtain their token from the Bot Framework's own tenant.
    private const string MultiTenantAuthorityTenant = "botframework.com";

    private readonly ITokenAcquirer _acquirer;
    private readonly AcquireTokenOptions? _options;

    public IdentityWebConnectorTokenProvider(ITokenAcquirerFactory factory, IOptions<BotProtocolOptions> options)
    {
        var settings = options.Value;
        var managedIdentity = settings.MicrosoftAppType == BotProtocolOptions.AppTypes.UserAssignedMsi;
        _acquirer = factory.GetTokenAcquirer(new MicrosoftIdentityApplicationOptions
        {
            Instance = settings.AuthorityInstance,
            TenantId = settings.MicrosoftAppType == BotProtocolOptions.AppTypes.MultiTenant ? MultiTenantAuthorityTenant : settings.MicrosoftAppTenantId,
            ClientId = settings.MicrosoftAppId,
            ClientCredentials = managedIdentity ? [] : [Describe(settings)],
        });
        _options = managedIdentity
            ? new AcquireTokenOptions { ManagedIdentity = new ManagedIdentityOptions { UserAssignedClientId = settings.MicrosoftAppId } }
            : null;
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await _acquirer.GetTokenForAppAsync(Scope, _options, cancellationToken);
        return result.AccessToken;
    }

    private static CredentialDescription Describe(BotProtocolOptions settings)
    {
        var credential = settings.Credential;
        return credential.Kind switch
        {
            BotCredentialKind.Certificate when credential.CertificatePath is { Length: > 0 } path =>
                new CredentialDescription { SourceType = CredentialSource.Path, CertificateDiskPath = path, CertificatePassword = credential.CertificatePassword },
            BotCredentialKind.Certificate =>
                new CredentialDescription
                {
                    SourceType = CredentialSource.StoreWithThumbprint,
                    CertificateStorePath = credential.CertificateStore,
                    CertificateThumbprint = credential.CertificateThumbprint,
                },
            BotCredentialKind.FederatedManagedIdentity =>
                new CredentialDescription
                {
                    SourceType = CredentialSource.SignedAssertionFromManagedIdentity,
                    ManagedIdentityClientId = credential.ManagedIdentityClientId,
                    TokenExchangeUrl = credential.TokenExchangeAudience,
                },
            _ => new CredentialDescription { SourceType = CredentialSource.ClientSecret, ClientSecret = settings.MicrosoftAppPassword },
        };
    }
}
