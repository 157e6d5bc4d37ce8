using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EpicEvents.Crm.Auth;

/// <summary>What a presented token says, before the collaborator is reloaded.</summary>
public enum TokenState
{
    Valid,
    Expired,
    Invalid,
}

public sealed record TokenCheck(TokenState State, int CollaboratorId = 0, string? Stamp = null, DateTime ExpiresAt = default);

/// <summary>An issued session token and when it stops working.</summary>
public sealed record SessionToken(string Token, DateTime ExpiresAt);

/// <summary>
/// Signed session tokens (JWT, HMAC-SHA256): subject = collaborator id, the security stamp,
/// issued-at and expiry. A token is only as good as its stamp: <see cref="Sessions"/> compares it
/// with the collaborator's current one at every use.
/// </summary>
public sealed class SessionTokens(AuthOptions options, TimeProvider clock)
{
    internal const string StampClaim = "stamp";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false, MapInboundClaims = false };

    public SessionToken Issue(int collaboratorId, string stamp)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + options.TokenLifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, collaboratorId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(StampClaim, stamp),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
            SigningCredentials = new SigningCredentials(Key(), SecurityAlgorithms.HmacSha256),
        };
        return new SessionToken(_handler.CreateToken(descriptor), expires);
    }

    public async Task<TokenCheck> CheckAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 4096)
        {
            return new TokenCheck(TokenState.Invalid);
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            IssuerSigningKey = Key(),
            CryptoProviderFactory = options.CheckSignaturesInProcess ? TokenSignatureCheck.Factory : CryptoProviderFactory.Default,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return expires is { } e && e > now - TimeSpan.FromSeconds(30) && (notBefore is not { } nb || nb <= now + TimeSpan.FromSeconds(30));
            },
        };
        var result = await _handler.ValidateTokenAsync(token.Trim(), parameters);
        if (!result.IsValid)
        {
            return new TokenCheck(result.Exception is SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException ? TokenState.Expired : TokenState.Invalid);
        }

        var subject = result.ClaimsIdentity.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
        var stamp = result.ClaimsIdentity.FindFirst(StampClaim)?.Value;
        var expiresAt = result.SecurityToken.ValidTo;
        return int.TryParse(subject, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && stamp is not null
            ? new TokenCheck(TokenState.Valid, id, stamp, DateTime.SpecifyKind(expiresAt, DateTimeKind.Utc))
            : new TokenCheck(TokenState.Invalid);
    }

    private SymmetricSecurityKey Key() => new(options.SigningKeyBytes());
}
