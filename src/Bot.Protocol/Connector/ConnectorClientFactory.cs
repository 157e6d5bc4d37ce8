using EpicEvents.Bot.Protocol.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EpicEvents.Bot.Protocol.Connector;

/// <summary>Gives the <see cref="ConnectorClient"/> for a service URL, sharing the token provider and rate limiter.</summary>
public sealed class ConnectorClientFactory(
    IHttpClientFactory httpClientFactory,
    IConnectorTokenProvider tokens,
    SendRateLimiter rateLimiter,
    IOptions<BotProtocolOptions> options,
    TimeProvider timeProvider,
    ILogger<ConnectorClient> logger)
{
    public const string HttpClientName = "EpicEvents.Bot.Protocol.Connector";

    /// <param name="serviceUrl">The activity's or stored reference's <c>serviceUrl</c>, with or without a trailing slash.</param>
    /// <param name="tenantId">The tenant whose rate limit the calls count against.</param>
    /// <exception cref="ArgumentException">The service URL is not an absolute http(s) URL.</exception>
    public ConnectorClient Create(string serviceUrl, string? tenantId)
    {
        if (!TryParseServiceUrl(serviceUrl, out var baseUrl))
        {
            throw new ArgumentException($"'{serviceUrl}' is not an absolute http(s) URL.", nameof(serviceUrl));
        }

        return new ConnectorClient(
            baseUrl, tenantId, httpClientFactory.CreateClient(HttpClientName), tokens, rateLimiter, options.Value, timeProvider, logger);
    }

    /// <summary>Parses a service URL into a base that relative REST paths can be appended to.</summary>
    public static bool TryParseServiceUrl(string? serviceUrl, out Uri baseUrl)
    {
        baseUrl = null!;
        if (string.IsNullOrWhiteSpace(serviceUrl)
            || !Uri.TryCreate(serviceUrl.TrimEnd('/') + "/", UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            return false;
        }

        baseUrl = parsed;
        return true;
    }
}
