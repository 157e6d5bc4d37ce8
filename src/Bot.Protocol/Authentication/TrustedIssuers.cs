using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EpicEvents.Bot.Protocol.Authentication;

/// <summary>An issuer whose tokens the bot accepts, and where its signing keys are published.</summary>
public sealed record TrustedIssuer(string Issuer, string MetadataUrl);

/// <summary>
/// The issuers of the tokens Azure Bot Service sends, each with the signing keys of its own metadata
/// (ADR 20): the Bot Framework's (<c>https://api.botframework.com</c>), and Microsoft Entra ID's for the
/// Bot Framework's and Microsoft's service tenants and for the bot's own tenant, in their v1
/// (<c>https://sts.windows.net/{tenant}/</c>) and v2 (<c>https://login.microsoftonline.com/{tenant}/v2.0</c>)
/// forms. <see cref="BotProtocolOptions.TrustedIssuers"/> replaces the list (another cloud, a test).
/// </summary>
public sealed class TrustedIssuers(IHttpClientFactory httpClientFactory, IOptions<BotProtocolOptions> options, TimeProvider timeProvider, ILoggerFactory loggers)
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>Microsoft's tenants that issue Azure Bot Service's Entra tokens in the public cloud.</summary>
    public static readonly IReadOnlyList<string> ServiceTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        "69e9b82d-4842-4902-8d1e-abc5b98a55e8",
    ];

    private readonly ConcurrentDictionary<string, SigningKeyCache> _caches = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, TrustedIssuer>? _issuers;

    /// <summary>The keys of the Bot Framework issuer, the one every bot is sent tokens by.</summary>
    public SigningKeyCache BotFramework => KeysOf(Issuers.TryGetValue(BotFrameworkIssuer, out var issuer)
        ? issuer
        : new TrustedIssuer(BotFrameworkIssuer, options.Value.OpenIdMetadataUrl));

    private IReadOnlyDictionary<string, TrustedIssuer> Issuers =>
        _issuers ??= (options.Value.TrustedIssuers ?? PublicCloud(options.Value)).ToDictionary(i => i.Issuer, StringComparer.Ordinal);

    /// <summary>The issuer's entry and keys; null for an issuer that is not trusted.</summary>
    public (TrustedIssuer Issuer, SigningKeyCache Keys)? Find(string? issuer) =>
        issuer is not null && Issuers.TryGetValue(issuer, out var trusted) ? (trusted, KeysOf(trusted)) : null;

    /// <summary>The public cloud's list, as the Microsoft 365 Agents SDK has it, with the bot's own tenant.</summary>
    public static IReadOnlyList<TrustedIssuer> PublicCloud(BotProtocolOptions options)
    {
        var issuers = new List<TrustedIssuer> { new(BotFrameworkIssuer, options.OpenIdMetadataUrl) };
        var tenants = ServiceTenants.ToList();
        if (Guid.TryParse(options.MicrosoftAppTenantId, out var own))
        {
            tenants.Add(own.ToString("D"));
        }

        foreach (var tenant in tenants.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            issuers.Add(new(string.Create(CultureInfo.InvariantCulture, $"https://sts.windows.net/{tenant}/"), $"https://login.microsoftonline.com/{tenant}/.well-known/openid-configuration"));
            issuers.Add(new(string.Create(CultureInfo.InvariantCulture, $"https://login.microsoftonline.com/{tenant}/v2.0"), $"https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration"));
        }

        return issuers;
    }

    private SigningKeyCache KeysOf(TrustedIssuer issuer) => _caches.GetOrAdd(issuer.MetadataUrl, url =>
        new SigningKeyCache(url, httpClientFactory, options, timeProvider, loggers.CreateLogger<SigningKeyCache>()));
}
