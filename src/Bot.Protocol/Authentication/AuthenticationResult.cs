using System.Security.Claims;

namespace EpicEvents.Bot.Protocol.Authentication;

/// <summary>Why an inbound request was refused.</summary>
public enum AuthenticationFailure
{
    None,
    MissingHeader,
    NotBearer,
    MalformedToken,
    DisallowedAlgorithm,
    MissingKeyId,
    UnknownSigningKey,
    SigningKeysUnavailable,
    InvalidSignature,
    Expired,
    NotYetValid,
    WrongIssuer,
    WrongAudience,
    InvalidToken,
    ServiceUrlMismatch,
    ChannelNotEndorsed,
}

/// <summary>The outcome of authenticating one inbound request; bad tokens are results, not exceptions.</summary>
public sealed record AuthenticationResult
{
    private AuthenticationResult(AuthenticationFailure failure, string? reason, ClaimsIdentity? identity, bool isAnonymous)
    {
        Failure = failure;
        Reason = reason;
        Identity = identity;
        IsAnonymous = isAnonymous;
    }

    public bool Succeeded => Failure == AuthenticationFailure.None;

    /// <summary>True in local mode, for a request that came without an Authorization header.</summary>
    public bool IsAnonymous { get; }

    public AuthenticationFailure Failure { get; }

    /// <summary>A short explanation for the logs; never sent back to the caller.</summary>
    public string? Reason { get; }

    /// <summary>The validated token's claims; null when anonymous or refused.</summary>
    public ClaimsIdentity? Identity { get; }

    public static AuthenticationResult Anonymous { get; } = new(AuthenticationFailure.None, null, null, isAnonymous: true);

    public static AuthenticationResult Authenticated(ClaimsIdentity identity) =>
        new(AuthenticationFailure.None, null, identity, isAnonymous: false);

    public static AuthenticationResult Refused(AuthenticationFailure failure, string reason) =>
        new(failure, reason, null, isAnonymous: false);
}
