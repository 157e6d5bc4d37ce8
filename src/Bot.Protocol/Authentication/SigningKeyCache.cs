using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace EpicEvents.Bot.Protocol.Authentication;

/// <summary>A key that signs Bot Framework tokens, with the channels it may speak for.</summary>
public sealed record SigningKey(string KeyId, SecurityKey Key, IReadOnlyList<string> Endorsements);

/// <summary>
/// The Bot Framework signing keys: OpenID metadata, then its <c>jwks_uri</c>, fetched over HTTP and kept
/// for <see cref="BotProtocolOptions.SigningKeysLifetime"/>. An unknown key id triggers a refresh, at most
/// once per <see cref="BotProtocolOptions.SigningKeysMinimumRefreshInterval"/> so forged key ids cannot
/// make us hammer the metadata endpoint. A fetch takes at most
/// <see cref="BotProtocolOptions.SigningKeysFetchTimeout"/>; a failed one is retried after 1 s, 2 s, 4 s…
/// up to <see cref="BotProtocolOptions.SigningKeysMaximumRetryDelay"/>, and the last good keys stay in
/// use meanwhile. The JWKS is read here rather than through a generic configuration manager because
/// the <c>endorsements</c> of each key are part of the validation.
/// </summary>
public sealed partial class SigningKeyCache(
    string metadataUrl,
    IHttpClientFactory httpClientFactory,
    IOptions<BotProtocolOptions> options,
    TimeProvider timeProvider,
    ILogger<SigningKeyCache> logger)
{
    public const string HttpClientName = "EpicEvents.Bot.Protocol.OpenIdMetadata";

    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private Dictionary<string, SigningKey>? _keys;
    private long _fetchedAt;
    private long? _lastAttemptAt;
    private int _consecutiveFailures;

    /// <summary>Whether a key set has been fetched (tokens can be checked).</summary>
    public bool HasKeys => _keys is not null;

    /// <summary>Fetches the keys if none are held yet (readiness); false when they cannot be fetched now.</summary>
    public async Task<bool> EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (_keys is not null)
        {
            return true;
        }

        try
        {
            await RefreshAsync(force: false, cancellationToken);
            return true;
        }
        catch (SigningKeysUnavailableException)
        {
            return false;
        }
    }

    /// <summary>The key with <paramref name="keyId"/>, refreshing the set when needed; null when unknown.</summary>
    /// <exception cref="SigningKeysUnavailableException">No key set could ever be fetched.</exception>
    public async ValueTask<SigningKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var keys = _keys;
        if (keys is null || IsStale())
        {
            keys = await RefreshAsync(force: false, cancellationToken);
        }

        if (keys.TryGetValue(keyId, out var key))
        {
            return key;
        }

        keys = await RefreshAsync(force: true, cancellationToken);
        return keys.GetValueOrDefault(keyId);
    }

    private bool IsStale() => timeProvider.GetElapsedTime(_fetchedAt) >= options.Value.SigningKeysLifetime;

    private bool MayRetryNow(bool force)
    {
        if (_lastAttemptAt is not { } last)
        {
            return true;
        }

        var waited = timeProvider.GetElapsedTime(last);
        if (_consecutiveFailures > 0)
        {
            var backOff = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(_consecutiveFailures - 1, 16)));
            return waited >= (backOff < options.Value.SigningKeysMaximumRetryDelay ? backOff : options.Value.SigningKeysMaximumRetryDelay);
        }

        return !force || waited >= options.Value.SigningKeysMinimumRefreshInterval;
    }

    private async Task<Dictionary<string, SigningKey>> RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have refreshed while this one waited.
            var current = _keys;
            if (current is not null && !IsStale() && !force)
            {
                return current;
            }

            if (!MayRetryNow(force))
            {
                return current ?? throw new SigningKeysUnavailableException("The signing keys could not be fetched recently; not retrying yet.");
            }

            _lastAttemptAt = timeProvider.GetTimestamp();
            try
            {
                var fetched = await FetchAsync(cancellationToken);
                _keys = fetched;
                _fetchedAt = timeProvider.GetTimestamp();
                _consecutiveFailures = 0;
                LogKeysRefreshed(logger, fetched.Count, metadataUrl);
                return fetched;
            }
            catch (Exception exception) when (IsFetchFailure(exception, cancellationToken))
            {
                _consecutiveFailures++;
                LogKeysRefreshFailed(logger, exception, metadataUrl);
                return current ?? throw new SigningKeysUnavailableException("The signing keys could not be fetched.", exception);
            }
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private static bool IsFetchFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or JsonException or FormatException or InvalidOperationException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private async Task<Dictionary<string, SigningKey>> FetchAsync(CancellationToken requestAborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        timeout.CancelAfter(options.Value.SigningKeysFetchTimeout);
        var cancellationToken = timeout.Token;
        var http = httpClientFactory.CreateClient(HttpClientName);
        var metadataUri = new Uri(metadataUrl, UriKind.Absolute);

        using var metadata = JsonDocument.Parse(await http.GetStringAsync(metadataUri, cancellationToken));
        var jwksUri = metadata.RootElement.TryGetProperty("jwks_uri", out var uri) && uri.ValueKind == JsonValueKind.String
            ? new Uri(metadataUri, uri.GetString())
            : throw new InvalidOperationException("The OpenID metadata has no jwks_uri.");

        using var jwks = JsonDocument.Parse(await http.GetStringAsync(jwksUri, cancellationToken));
        if (!jwks.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException("The JWKS document has no keys array.");
        }

        var result = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        foreach (var key in keys.EnumerateArray())
        {
            if (ReadRsaKey(key) is { } signingKey)
            {
                result[signingKey.KeyId] = signingKey;
            }
        }

        return result;
    }

    // Only RSA keys with a key id can verify the RS256 tokens we accept; anything else is skipped.
    private static SigningKey? ReadRsaKey(JsonElement key)
    {
        if (key.ValueKind != JsonValueKind.Object
            || GetString(key, "kty") != "RSA"
            || GetString(key, "kid") is not { Length: > 0 } keyId
            || GetString(key, "n") is not { Length: > 0 } modulus
            || GetString(key, "e") is not { Length: > 0 } exponent)
        {
            return null;
        }

        var parameters = new RSAParameters
        {
            Modulus = Base64UrlEncoder.DecodeBytes(modulus),
            Exponent = Base64UrlEncoder.DecodeBytes(exponent),
        };
        var endorsements = key.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!).ToArray()
            : [];
        return new SigningKey(keyId, new RsaSecurityKey(parameters) { KeyId = keyId }, endorsements);
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Token signing keys refreshed: {KeyCount} keys from {MetadataUrl}")]
    private static partial void LogKeysRefreshed(ILogger logger, int keyCount, string metadataUrl);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Token signing keys could not be refreshed from {MetadataUrl}")]
    private static partial void LogKeysRefreshFailed(ILogger logger, Exception exception, string metadataUrl);
}

/// <summary>No signing key set is available to validate tokens with.</summary>
public sealed class SigningKeysUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
