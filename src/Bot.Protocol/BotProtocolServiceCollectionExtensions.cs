using EpicEvents.Bot.Protocol.Authentication;
using EpicEvents.Bot.Protocol.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Microsoft.Identity.Web.TokenCacheProviders.InMemory;

namespace EpicEvents.Bot.Protocol;

public static class BotProtocolServiceCollectionExtensions
{
    /// <summary>
    /// Registers the protocol layer: <see cref="CloudAdapter"/>, inbound authentication, the connector
    /// client factory with its token provider (Microsoft.Identity.Web, or none in local mode), rate limiter and in-memory
    /// deduplicator. A host may register its own <see cref="IActivityDeduplicator"/>,
    /// <see cref="TimeProvider"/> or <see cref="CloudAdapter"/> subclass before or after this call.
    /// </summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services, Action<BotProtocolOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<BotProtocolOptions>()
            .Configure(configure)
            .Validate(options => options.IsLocalMode || options.MicrosoftAppType == BotProtocolOptions.AppTypes.UserAssignedMsi
                                 || options.Credential.Kind != BotCredentialKind.ClientSecret || !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword),
                "MicrosoftAppPassword is required when MicrosoftAppId is set with a client secret (Bot:Credential:Kind).")
            .Validate(options => options.Credential.Kind != BotCredentialKind.Certificate
                                 || !string.IsNullOrWhiteSpace(options.Credential.CertificatePath) || !string.IsNullOrWhiteSpace(options.Credential.CertificateThumbprint),
                "A certificate credential needs Bot:Credential:CertificatePath or Bot:Credential:CertificateThumbprint.")
            .Validate(options => options.IsLocalMode || options.MicrosoftAppType == BotProtocolOptions.AppTypes.MultiTenant
                                 || !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId),
                "MicrosoftAppTenantId is required for a SingleTenant or UserAssignedMSI bot.")
            .Validate(options => options.MicrosoftAppType is BotProtocolOptions.AppTypes.SingleTenant or BotProtocolOptions.AppTypes.MultiTenant or BotProtocolOptions.AppTypes.UserAssignedMsi,
                "MicrosoftAppType must be SingleTenant, MultiTenant or UserAssignedMSI.")
            .Validate(options => Uri.TryCreate(options.OpenIdMetadataUrl, UriKind.Absolute, out _), "OpenIdMetadataUrl must be an absolute URL.")
            .ValidateOnStart();

        services.AddHttpClient(SigningKeyCache.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        // The connector client logs its own retries and failures; the factory's per-request logging
        // handlers would only add work to every reply.
        services.AddHttpClient(ConnectorClientFactory.HttpClientName)
            .ConfigureHttpClient((provider, client) =>
                client.Timeout = provider.GetRequiredService<IOptions<BotProtocolOptions>>().Value.ConnectorAttemptTimeout)
            .RemoveAllLoggers();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TrustedIssuers>();
        services.TryAddSingleton<InboundRequestAuthenticator>();
        services.AddTokenAcquisition(isTokenAcquisitionSingleton: true);
        services.AddInMemoryTokenCaches();
        services.TryAddSingleton<IConnectorTokenProvider>(provider =>
            provider.GetRequiredService<IOptions<BotProtocolOptions>>().Value.IsLocalMode
                ? new NoConnectorTokenProvider()
                : ActivatorUtilities.CreateInstance<IdentityWebConnectorTokenProvider>(provider));
        services.TryAddSingleton<SendRateLimiter>();
        services.TryAddSingleton<ConnectorClientFactory>();
        services.TryAddSingleton<IActivityDeduplicator, InMemoryActivityDeduplicator>();
        services.TryAddSingleton<CloudAdapter>();
        return services;
    }
}
