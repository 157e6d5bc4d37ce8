using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using EpicEvents.Tests.Loopback;
using Microsoft.AspNetCore.Http;
using Microsoft.Identity.Client;

namespace EpicEvents.Bot.Protocol.Tests.Infrastructure;

/// <summary>A request for a token, as the fake received it.</summary>
public sealed record TokenRequest(string Path, IReadOnlyDictionary<string, string> Fields, string? IdentityHeader);

/// <summary>
/// Microsoft Entra ID's token endpoint (<c>POST /{tenant}/oauth2/v2.0/token</c>, over TLS with a test
/// certificate, as MSAL requires https) and an App Service managed-identity endpoint
/// (<c>GET /msi/token</c>, plain http on loopback as in Azure), on one loopback server each. It records
/// every request and answers with a token, or refuses a certificate it was told is retired
/// (<c>AADSTS700027</c>), as Entra does.
/// </summary>
public sealed class FakeEntra : IAsyncDisposable
{
    public const string ManagedIdentityHeader = "loopback-identity-header";
    public const string ExchangeAudience = "api://AzureADTokenExchange";
    private readonly ConcurrentQueue<TokenRequest> _requests = new();
    private readonly LoopbackHttpServer _entra;
    private readonly LoopbackHttpServer _managedIdentity;
    private int _issued;

    public FakeEntra()
    {
        TlsCertificate = SelfSigned("CN=127.0.0.1", loopbackName: true);
        _entra = LoopbackHttpServer.Start(AnswerEntraAsync, TlsCertificate);
        _managedIdentity = LoopbackHttpServer.Start(AnswerManagedIdentityAsync);
    }

    /// <summary>What MSAL's client must trust to reach the token endpoint.</summary>
    public X509Certificate2 TlsCertificate { get; }

    /// <summary>The instance to configure (<c>https://127.0.0.1:port/</c>).</summary>
    public string Instance => _entra.BaseUrl.ToString();

    /// <summary>Where the App Service managed-identity source is reached (<c>IDENTITY_ENDPOINT</c>).</summary>
    public string ManagedIdentityEndpoint => new Uri(_managedIdentity.BaseUrl, "msi/token").ToString();

    public IReadOnlyList<TokenRequest> Requests => [.. _requests];

    /// <summary>Seconds the tokens it issues last; under five minutes MSAL asks again at every use.</summary>
    public int TokenLifetime { get; set; } = 3599;

    /// <summary>Thumbprints of certificates whose assertions are refused (AADSTS700027).</summary>
    public ConcurrentDictionary<string, bool> RetiredCertificates { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A client certificate with its key, as an app registration's credential.</summary>
    public static X509Certificate2 SelfSigned(string subject, bool loopbackName = false)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (loopbackName)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    /// <summary>The HTTP client MSAL uses, trusting the fake's TLS certificate only.</summary>
    public IMsalHttpClientFactory HttpClientFactory() => new TrustingFactory(TlsCertificate);

    public async ValueTask DisposeAsync()
    {
        await _entra.DisposeAsync();
        await _managedIdentity.DisposeAsync();
    }

    private async Task AnswerEntraAsync(HttpContext context, CancellationToken stopping)
    {
        var fields = context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync(stopping)).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>();
        _requests.Enqueue(new TokenRequest(context.Request.Path.Value ?? string.Empty, fields, null));
        if (fields.TryGetValue("client_assertion", out var assertion) && ThumbprintOf(assertion) is { } thumbprint && RetiredCertificates.ContainsKey(thumbprint))
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsJsonAsync(new
            {
                error = "invalid_client",
                error_description = "AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application.",
                error_codes = new[] { 700027 },
            }, stopping);
            return;
        }

        await context.Response.WriteAsJsonAsync(new { token_type = "Bearer", expires_in = TokenLifetime, access_token = $"entra-token-{Interlocked.Increment(ref _issued)}" }, stopping);
    }

    private async Task AnswerManagedIdentityAsync(HttpContext context, CancellationToken stopping)
    {
        var fields = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var header = context.Request.Headers["X-IDENTITY-HEADER"].ToString();
        _requests.Enqueue(new TokenRequest(context.Request.Path.Value ?? string.Empty, fields, header));
        if (header != ManagedIdentityHeader)
        {
            context.Response.StatusCode = 401;
            return;
        }

        var resource = fields.GetValueOrDefault("resource") ?? string.Empty;
        await context.Response.WriteAsJsonAsync(new
        {
            access_token = resource == ExchangeAudience ? "managed-identity-assertion" : $"managed-identity-token-{Interlocked.Increment(ref _issued)}",
            expires_on = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            resource,
            token_type = "Bearer",
            client_id = fields.GetValueOrDefault("client_id"),
        }, stopping);
    }

    /// <summary>The certificate thumbprint a client assertion's header names (<c>x5t#S256</c>, else <c>x5t</c>), hex; null for anything else.</summary>
    public static string? ThumbprintOf(string assertion)
    {
        try
        {
            using var json = JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(assertion.Split('.')[0]));
            var header = json.RootElement;
            var value = header.TryGetProperty("x5t#S256", out var sha256) ? sha256 : header.TryGetProperty("x5t", out var sha1) ? sha1 : default;
            return value.ValueKind == JsonValueKind.String ? Convert.ToHexString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(value.GetString()!)) : null;
        }
        catch (Exception exception) when (exception is JsonException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>How a client assertion names <paramref name="certificate"/>: its SHA-256 thumbprint, hex.</summary>
    public static string ThumbprintOf(X509Certificate2 certificate) => Convert.ToHexString(SHA256.HashData(certificate.RawData));

    private sealed class TrustingFactory(X509Certificate2 trusted) : IMsalHttpClientFactory
    {
        private readonly HttpClient _client = new(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == trusted.Thumbprint,
        });

        public HttpClient GetHttpClient() => _client;
    }
}
