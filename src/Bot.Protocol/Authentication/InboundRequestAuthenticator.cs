using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EpicEvents.Bot.Protocol.Authentication;

/// <summary>
/// Checks the bearer token the Bot Connector puts on each request to the bot: an RS256 JWT from a
/// trusted issuer (<see cref="TrustedIssuers"/>) for our app id, within its lifetime, signed by a key
/// that issuer publishes — which, where the key carries endorsements (the Bot Framework's do), endorses
/// the activity's channel — and issued for the activity's service URL when the token names one.
/// </summary>
public sealed class InboundRequestAuthenticator(TrustedIssuers issuers, IOptions<BotProtocolOptions> options)
{
    public const string ServiceUrlClaim = "serviceurl";

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <param name="authorizationHeader">The raw <c>Authorization</c> header, or null when absent.</param>
    /// <param name="channelId">The activity's <c>channelId</c>, which the signing key must endorse.</param>
    /// <param name="serviceUrl">The activity's <c>serviceUrl</c>, which the token's <c>serviceurl</c> claim must equal.</param>
    public async Task<AuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return settings.IsLocalMode
                ? AuthenticationResult.Anonymous
                : AuthenticationResult.Refused(AuthenticationFailure.MissingHeader, "No Authorization header.");
        }

        const string scheme = "Bearer ";
        if (!authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationResult.Refused(AuthenticationFailure.NotBearer, "The Authorization header is not a bearer token.");
        }

        var rawToken = authorizationHeader[scheme.Length..].Trim();
        JsonWebToken token;
        try
        {
            token = new JsonWebToken(rawToken);
        }
        catch (ArgumentException)
        {
            return AuthenticationResult.Refused(AuthenticationFailure.MalformedToken, "The bearer token is not a JWT.");
        }

        if (token.Alg != SecurityAlgorithms.RsaSha256)
        {
            return AuthenticationResult.Refused(AuthenticationFailure.DisallowedAlgorithm, $"Algorithm '{token.Alg}' is not accepted.");
        }

        if (string.IsNullOrEmpty(token.Kid))
        {
            return AuthenticationResult.Refused(AuthenticationFailure.MissingKeyId, "The token names no signing key.");
        }

        // The issuer chooses where the keys come from; the validation below checks it again.
        if (issuers.Find(token.Issuer) is not var (issuer, signingKeys))
        {
            return AuthenticationResult.Refused(AuthenticationFailure.WrongIssuer, "The token has an issuer that is not trusted.");
        }

        SigningKey? key;
        try
        {
            key = await signingKeys.FindAsync(token.Kid, cancellationToken);
        }
        catch (SigningKeysUnavailableException exception)
        {
            return AuthenticationResult.Refused(AuthenticationFailure.SigningKeysUnavailable, exception.Message);
        }

        if (key is null)
        {
            return AuthenticationResult.Refused(AuthenticationFailure.UnknownSigningKey, $"No published key has id '{token.Kid}'.");
        }

        var validation = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer.Issuer,
            // Without an app id nothing can match; local mode only ever accepts header-less requests.
            ValidAudience = settings.MicrosoftAppId ?? string.Empty,
            IssuerSigningKey = key.Key,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = settings.ClockSkew,
        });
        if (!validation.IsValid)
        {
            return Refusal(validation.Exception);
        }

        var botFramework = issuer.Issuer == TrustedIssuers.BotFrameworkIssuer;
        if ((botFramework || key.Endorsements.Count > 0)
            && (string.IsNullOrEmpty(channelId) || !key.Endorsements.Contains(channelId, StringComparer.Ordinal)))
        {
            return AuthenticationResult.Refused(AuthenticationFailure.ChannelNotEndorsed, $"The signing key does not endorse channel '{channelId}'.");
        }

        // The Bot Framework's tokens always name the service URL; Entra's name it when they can.
        var claimedServiceUrl = validation.ClaimsIdentity.FindFirst(ServiceUrlClaim)?.Value;
        if ((botFramework || claimedServiceUrl is not null) && !SameServiceUrl(claimedServiceUrl, serviceUrl))
        {
            return AuthenticationResult.Refused(AuthenticationFailure.ServiceUrlMismatch, "The token was issued for another service URL.");
        }

        return AuthenticationResult.Authenticated(validation.ClaimsIdentity);
    }

    // A trailing slash is not a different service; scheme and host are case-insensitive.
    private static bool SameServiceUrl(string? claimed, string? actual) =>
        !string.IsNullOrEmpty(claimed) && !string.IsNullOrEmpty(actual)
        && string.Equals(claimed.TrimEnd('/'), actual.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static AuthenticationResult Refusal(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => AuthenticationResult.Refused(AuthenticationFailure.Expired, "The token has expired."),
        SecurityTokenNotYetValidException => AuthenticationResult.Refused(AuthenticationFailure.NotYetValid, "The token is not valid yet."),
        SecurityTokenInvalidIssuerException => AuthenticationResult.Refused(AuthenticationFailure.WrongIssuer, "The token has another issuer."),
        SecurityTokenInvalidAudienceException => AuthenticationResult.Refused(AuthenticationFailure.WrongAudience, "The token is for another audience."),
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException =>
            AuthenticationResult.Refused(AuthenticationFailure.InvalidSignature, "The token signature is not valid."),
        SecurityTokenInvalidAlgorithmException =>
            AuthenticationResult.Refused(AuthenticationFailure.DisallowedAlgorithm, "The token algorithm is not accepted."),
        _ => AuthenticationResult.Refused(AuthenticationFailure.InvalidToken, exception?.Message ?? "The token is not valid."),
    };
}
