using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EpicEvents.Bot.Protocol.Tests.Infrastructure;

/// <summary>
/// Plays login.botframework.com on loopback: OpenID metadata and a JWKS with endorsements, served over
/// real HTTP, and tokens signed with keys generated for the test.
/// </summary>
public sealed class BotFrameworkAuthority : IAsyncDisposable
{
    public const string AppId = "5b3c1f9e-0000-4000-8000-00000000b0b0";
    public const string Issuer = "https://api.botframework.com";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private readonly Dictionary<string, (RSA Key, string[] Endorsements)> _published = [];
    private readonly Lock _gate = new();
    private readonly string _issuer;

    /// <param name="issuer">The issuer its metadata names: the Bot Framework's, or an Entra tenant's.</param>
    /// <param name="endorsements">Whether its keys carry channel endorsements (the Bot Framework's do, Entra's do not).</param>
    public BotFrameworkAuthority(string issuer = Issuer, bool endorsements = true)
    {
        _issuer = issuer;
        Server = new LoopbackServer(AnswerAsync);
        if (endorsements)
        {
            Publish("key-1", "msteams", "webchat");
        }
        else
        {
            Publish("key-1");
        }
    }

    public LoopbackServer Server { get; }

    /// <summary>What the metadata and key endpoints do: answer, fail with 500, or never answer.</summary>
    public AuthorityState State { get; set; } = AuthorityState.Up;

    /// <summary>Requests for the metadata document, answered or not.</summary>
    public int MetadataRequests => Server.Requests.Count(request => request.RawUrl.EndsWith("/openidconfiguration", StringComparison.Ordinal));

    public string MetadataUrl => Server.BaseUrl + "v1/.well-known/openidconfiguration";

    public int KeySetFetches => Server.Requests.Count(request => request.RawUrl.EndsWith("/keys", StringComparison.Ordinal));

    /// <summary>Adds a key to the published set (as a key rotation does).</summary>
    public RSA Publish(string keyId, params string[] endorsements)
    {
        var key = RSA.Create(2048);
        lock (_gate)
        {
            _published[keyId] = (key, endorsements);
        }

        return key;
    }

    public RSA KeyOf(string keyId)
    {
        lock (_gate)
        {
            return _published[keyId].Key;
        }
    }

    /// <summary>A token as the Bot Connector would send it, with any part changed for the test.</summary>
    public static string Token(
        RSA signingKey,
        string keyId = "key-1",
        string issuer = Issuer,
        string audience = AppId,
        string? serviceUrl = ServiceUrl,
        DateTime? expires = null,
        DateTime? notBefore = null,
        string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        var notBeforeTime = notBefore ?? now.AddMinutes(-5);
        var expiresTime = expires ?? now.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBeforeTime,
            IssuedAt = notBeforeTime,
            Expires = expiresTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signingKey) { KeyId = keyId }, algorithm),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) naming a published key.</summary>
    public static string UnsignedToken(string keyId = "key-1")
    {
        var header = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { alg = "none", typ = "JWT", kid = keyId }));
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var payload = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { iss = Issuer, aud = AppId, exp = expires, serviceurl = ServiceUrl }));
        return $"{header}.{payload}.";
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task<ScriptedResponse> AnswerAsync(RecordedRequest request)
    {
        switch (State)
        {
            case AuthorityState.Failing:
                return new ScriptedResponse(500, """{"error":"unavailable"}""");
            case AuthorityState.Hanging:
                await Task.Delay(Timeout.Infinite, Server.Stopping);
                break;
        }

        return Answer(request);
    }

    private ScriptedResponse Answer(RecordedRequest request)
    {
        if (request.RawUrl.EndsWith("/openidconfiguration", StringComparison.Ordinal))
        {
            var metadata = new JsonObject
            {
                ["issuer"] = _issuer,
                ["authorization_endpoint"] = "https://invalid.example/authorize",
                ["jwks_uri"] = Server.BaseUrl + "v1/.well-known/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            };
            return new ScriptedResponse(200, metadata.ToJsonString());
        }

        if (request.RawUrl.EndsWith("/keys", StringComparison.Ordinal))
        {
            var keys = new JsonArray();
            lock (_gate)
            {
                foreach (var (keyId, (key, endorsements)) in _published)
                {
                    var parameters = key.ExportParameters(includePrivateParameters: false);
                    keys.Add(new JsonObject
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["kid"] = keyId,
                        ["x5t"] = keyId,
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                        ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                        ["endorsements"] = new JsonArray([.. endorsements.Select(endorsement => (JsonNode)endorsement)]),
                    });
                }
            }

            return new ScriptedResponse(200, new JsonObject { ["keys"] = keys }.ToJsonString());
        }

        return new ScriptedResponse(404);
    }
}

public enum AuthorityState
{
    Up,
    Failing,
    Hanging,
}
