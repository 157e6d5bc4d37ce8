using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

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
/// Client-credentials tokens for <c>https://api.botframework.com/.default</c> through MSAL, which caches
/// them until shortly before they expire.
/// </summary>
public sealed class MsalConnectorTokenProvider : IConnectorTokenProvider
{
    public const string Scope = "https://api.botframework.com/.default";

    // Multi-tenant bots obtain their token from the Bot Framework's own tenant.
    private const string MultiTenantAuthorityTenant = "botframework.com";

    private readonly IConfidentialClientApplication _application;

    public MsalConnectorTokenProvider(IOptions<BotProtocolOptions> options)
    {
        var settings = options.Value;
        var tenant = settings.MicrosoftAppType == BotProtocolOptions.AppTypes.MultiTenant
            ? MultiTenantAuthorityTenant
            : settings.MicrosoftAppTenantId;
        _application = ConfidentialClientApplicationBuilder
            .Create(settings.MicrosoftAppId)
            .WithClientSecret(settings.MicrosoftAppPassword)
            .WithAuthority($"https://login.microsoftonline.com/{tenant}")
            .Build();
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await _application.AcquireTokenForClient([Scope]).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }
}
