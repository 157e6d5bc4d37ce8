using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using EpicEvents.Tests.Loopback;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EpicEvents.Tests.Entra;

/// <summary>A person of a tenant of the loopback Entra.</summary>
public sealed record EntraPerson(Guid TenantId, Guid ObjectId, string Username);

/// <summary>
/// Microsoft Entra ID as an OpenID provider, on loopback over TLS (MSAL and Identity.Web require
/// https), with its own signing key: the OpenID metadata of each tenant and of <c>common</c> /
/// <c>organizations</c>, the JWKS, the device-code endpoint, the token endpoint (device code and refresh
/// token grants) and a "sign-in page" where the test, as the person at the browser, approves a code.
/// Access tokens are v2.0 JWTs with Entra's claims (<c>iss</c>, <c>aud</c>, <c>tid</c>, <c>oid</c>,
/// <c>scp</c>, <c>azp</c>…); MSAL also gets an ID token and <c>client_info</c>, as from Entra.
/// </summary>
public sealed class LoopbackEntra : IAsyncDisposable
{
    public const string ApiClientId = "5f0c6f1e-8d3b-4c59-9a51-6f6a3b2c1d01";
    public const string CliClientId = "6a1d7e2f-9e4c-4d6a-8b62-7a7b4c3d2e02";
    public const string Scope = "access_as_user";
    private readonly LoopbackHttpServer _server;
    private readonly RsaSecurityKey _key;
    private readonly JsonWebTokenHandler _tokens = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly ConcurrentDictionary<string, PendingSignIn> _deviceCodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EntraPerson> _refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();

    public LoopbackEntra(Guid tenantId)
    {
        TenantId = tenantId;
        _key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "loopback-entra-key" };
        TlsCertificate = TlsCertificateFor127();
        _server = LoopbackHttpServer.Start(AnswerAsync, TlsCertificate);
    }

    /// <summary>The CRM's own tenant, the one the server is configured with.</summary>
    public Guid TenantId { get; }

    public X509Certificate2 TlsCertificate { get; }

    /// <summary>The instance to configure (<c>https://127.0.0.1:port/</c>).</summary>
    public string Instance => _server.BaseUrl.ToString();

    /// <summary>Method and path of every request received, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>How many times a refresh token was redeemed for a new access token.</summary>
    public int Renewals => _renewals;

    private int _renewals;

    /// <summary>Seconds the access tokens it issues last (MSAL renews a token that ends within five minutes).</summary>
    public int TokenLifetime { get; set; } = 3600;

    public string IssuerOf(Guid tenant) => $"{Instance}{tenant}/v2.0";

    /// <summary>The settings that point the server's <c>AzureAd</c> section here, as <c>key=value</c>.</summary>
    public IReadOnlyList<string> ServerSettings(bool multiTenant = false) =>
    [
        $"AzureAd:Instance={Instance}",
        $"AzureAd:TenantId={(multiTenant ? "organizations" : TenantId.ToString())}",
        $"AzureAd:ClientId={ApiClientId}",
        $"AzureAd:CliClientId={CliClientId}",
    ];

    /// <summary>
    /// An access token as Entra issues it for the CRM's API; every part can be made wrong for a test:
    /// the tenant, the issuer, the audience, the scope, the lifetime, or the key that signs it.
    /// </summary>
    public string AccessToken(
        EntraPerson person,
        string? audience = null,
        string? issuer = null,
        string scope = Scope,
        DateTime? expires = null,
        SecurityKey? signedWith = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["tid"] = person.TenantId.ToString(),
            ["oid"] = person.ObjectId.ToString(),
            ["sub"] = Convert.ToHexString(SHA256.HashData(person.ObjectId.ToByteArray()))[..32],
            ["scp"] = scope,
            ["azp"] = CliClientId,
            ["ver"] = "2.0",
            ["name"] = person.Username,
            ["preferred_username"] = person.Username,
        };
        var until = expires ?? now.AddSeconds(TokenLifetime);
        return _tokens.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? IssuerOf(person.TenantId),
            Audience = audience ?? ApiClientId,
            IssuedAt = until.AddHours(-1) < now ? until.AddHours(-1) : now,
            NotBefore = until.AddHours(-1) < now ? until.AddHours(-1) : now.AddMinutes(-1),
            Expires = until,
            Claims = claims,
            SigningCredentials = new SigningCredentials(signedWith ?? _key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A signing key Entra never published: what a forger would sign with.</summary>
    public static SecurityKey ForeignKey() => new RsaSecurityKey(RSA.Create(2048)) { KeyId = "loopback-entra-key" };

    /// <summary>The person at the browser types <paramref name="userCode"/> on the sign-in page and signs in as <paramref name="person"/>.</summary>
    public bool Approve(string userCode, EntraPerson person)
    {
        foreach (var pending in _deviceCodes.Values)
        {
            if (pending.UserCode == userCode)
            {
                pending.SignedIn = person;
                return true;
            }
        }

        return false;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task AnswerAsync(HttpContext context, CancellationToken stopping)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        _requests.Enqueue($"{context.Request.Method} {path}");
        var segments = path.Trim('/').Split('/');
        var tenant = segments[0];
        var rest = string.Join('/', segments.Skip(1));
        switch (rest)
        {
            case "v2.0/.well-known/openid-configuration":
                await context.Response.WriteAsJsonAsync(Metadata(tenant), stopping);
                return;
            case "discovery/v2.0/keys":
                await context.Response.WriteAsJsonAsync(new { keys = new[] { JsonWebKeyConverter.ConvertFromRSASecurityKey(PublicPart()) } }, stopping);
                return;
            case "oauth2/v2.0/devicecode" when HttpMethods.IsPost(context.Request.Method):
                await StartDeviceCodeAsync(context, stopping);
                return;
            case "oauth2/v2.0/token" when HttpMethods.IsPost(context.Request.Method):
                await RedeemAsync(context, stopping);
                return;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
        }
    }

    private object Metadata(string tenant)
    {
        var issuerTenant = Guid.TryParse(tenant, out var id) ? id.ToString() : "{tenantid}";
        return new Dictionary<string, object>
        {
            ["issuer"] = $"{Instance}{issuerTenant}/v2.0",
            ["authorization_endpoint"] = $"{Instance}{tenant}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{Instance}{tenant}/oauth2/v2.0/token",
            ["device_authorization_endpoint"] = $"{Instance}{tenant}/oauth2/v2.0/devicecode",
            ["jwks_uri"] = $"{Instance}{tenant}/discovery/v2.0/keys",
            ["response_types_supported"] = new[] { "code", "id_token", "code id_token", "id_token token" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["scopes_supported"] = new[] { "openid", "profile", "email", "offline_access" },
            ["tenant_region_scope"] = "EU",
        };
    }

    private async Task StartDeviceCodeAsync(HttpContext context, CancellationToken stopping)
    {
        var form = await context.Request.ReadFormAsync(stopping);
        var pending = new PendingSignIn(
            DeviceCode: Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)),
            UserCode: $"{RandomNumberGenerator.GetInt32(10_000, 99_999)}{(char)('A' + RandomNumberGenerator.GetInt32(0, 26))}{(char)('A' + RandomNumberGenerator.GetInt32(0, 26))}",
            ClientId: form["client_id"].ToString(),
            Scopes: form["scope"].ToString());
        _deviceCodes[pending.DeviceCode] = pending;
        var page = $"{Instance}device";
        await context.Response.WriteAsJsonAsync(new
        {
            user_code = pending.UserCode,
            device_code = pending.DeviceCode,
            verification_uri = page,
            expires_in = 900,
            interval = 1,
            message = $"To sign in, use a web browser to open the page {page} and enter the code {pending.UserCode} to authenticate.",
        }, stopping);
    }

    private async Task RedeemAsync(HttpContext context, CancellationToken stopping)
    {
        var form = await context.Request.ReadFormAsync(stopping);
        EntraPerson? person;
        string clientId = form["client_id"].ToString();
        switch (form["grant_type"].ToString())
        {
            case "device_code" or "urn:ietf:params:oauth:grant-type:device_code":
                if (!_deviceCodes.TryGetValue(form["device_code"].ToString(), out var pending))
                {
                    await RefuseAsync(context, "expired_token", "AADSTS70020: The provided value for the input parameter 'device_code' is not valid.", stopping);
                    return;
                }

                if (pending.SignedIn is null)
                {
                    await RefuseAsync(context, "authorization_pending", "AADSTS70016: OAuth 2.0 device flow error. Authorization is pending. Continue polling.", stopping);
                    return;
                }

                _deviceCodes.TryRemove(pending.DeviceCode, out _);
                person = pending.SignedIn;
                break;
            case "refresh_token":
                if (!_refreshTokens.TryRemove(form["refresh_token"].ToString(), out person))
                {
                    await RefuseAsync(context, "invalid_grant", "AADSTS700082: The refresh token has expired due to inactivity.", stopping);
                    return;
                }

                Interlocked.Increment(ref _renewals);
                break;
            default:
                await RefuseAsync(context, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.", stopping);
                return;
        }

        var refresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        _refreshTokens[refresh] = person;
        var clientInfo = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { uid = person.ObjectId.ToString(), utid = person.TenantId.ToString() }));
        await context.Response.WriteAsJsonAsync(new
        {
            token_type = "Bearer",
            scope = $"api://{ApiClientId}/{Scope}",
            expires_in = TokenLifetime,
            ext_expires_in = TokenLifetime,
            access_token = AccessToken(person),
            refresh_token = refresh,
            id_token = IdToken(person, clientId),
            client_info = clientInfo,
        }, stopping);
    }

    private string IdToken(EntraPerson person, string clientId)
    {
        var now = DateTime.UtcNow;
        return _tokens.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = IssuerOf(person.TenantId),
            Audience = clientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object>
            {
                ["tid"] = person.TenantId.ToString(),
                ["oid"] = person.ObjectId.ToString(),
                ["sub"] = person.ObjectId.ToString("N"),
                ["preferred_username"] = person.Username,
                ["name"] = person.Username,
                ["ver"] = "2.0",
            },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static async Task RefuseAsync(HttpContext context, string error, string description, CancellationToken stopping)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await context.Response.WriteAsJsonAsync(new { error, error_description = description, error_codes = new[] { int.Parse(description[5..description.IndexOf(':', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture) } }, stopping);
    }

    private RsaSecurityKey PublicPart() => new(_key.Rsa.ExportParameters(includePrivateParameters: false)) { KeyId = _key.KeyId };

    private static X509Certificate2 TlsCertificateFor127()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    /// <summary>The TLS certificate in PEM, for a process told to trust it (<c>SSL_CERT_FILE</c>).</summary>
    public string TlsCertificatePem() => TlsCertificate.ExportCertificatePem();

    private sealed record PendingSignIn(string DeviceCode, string UserCode, string ClientId, string Scopes)
    {
        public EntraPerson? SignedIn { get; set; }
    }
}
