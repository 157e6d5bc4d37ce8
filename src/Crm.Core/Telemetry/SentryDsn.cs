namespace EpicEvents.Crm.Telemetry;

/// <summary>
/// A Sentry DSN, <c>https://PUBLIC_KEY@HOST[:PORT][/PATH]/PROJECT_ID</c>, and the OTLP endpoints
/// and authentication header Sentry derives from it.
/// </summary>
public sealed record SentryDsn(string Scheme, string Host, int Port, string PathPrefix, string PublicKey, string ProjectId)
{
    /// <summary>The header Sentry's OTLP endpoints authenticate with.</summary>
    public const string AuthHeader = "x-sentry-auth";

    public string AuthValue => $"sentry sentry_key={PublicKey}";

    /// <summary>The DSN as configured, key included, for the Sentry SDK; never written anywhere.</summary>
    public string Text { get; private init; } = string.Empty;

    /// <summary>Where the Sentry SDK posts its envelopes, so that its own requests are not traced.</summary>
    public Uri EnvelopeEndpoint => new UriBuilder(Scheme, Host, Port, $"{PathPrefix}/api/{ProjectId}/envelope/").Uri;

    public Uri TracesEndpoint => Endpoint("traces");

    public Uri LogsEndpoint => Endpoint("logs");

    /// <summary>Parses a DSN, or says what is wrong with it (without repeating its key).</summary>
    public static bool TryParse(string? text, out SentryDsn dsn, out string problem)
    {
        dsn = null!;
        problem = string.Empty;
        if (string.IsNullOrWhiteSpace(text)
            || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problem = "The Sentry DSN is not an http(s) URL of the form https://PUBLIC_KEY@HOST/PROJECT_ID.";
            return false;
        }

        var key = Uri.UnescapeDataString(uri.UserInfo.Split(':', 2)[0]);
        if (key.Length == 0)
        {
            problem = "The Sentry DSN has no public key (the part before '@').";
            return false;
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        var slash = path.LastIndexOf('/');
        var projectId = path[(slash + 1)..];
        if (projectId.Length == 0 || !projectId.All(char.IsAsciiDigit))
        {
            problem = "The Sentry DSN has no numeric project id at the end of its path.";
            return false;
        }

        dsn = new SentryDsn(uri.Scheme, uri.Host, uri.Port, path[..slash], key, projectId) { Text = text.Trim() };
        return true;
    }

    /// <summary>Written without the key, so that it can appear in messages.</summary>
    public override string ToString() => $"{Scheme}://{Host}:{Port}{PathPrefix}/{ProjectId}";

    private Uri Endpoint(string signal) =>
        new UriBuilder(Scheme, Host, Port, $"{PathPrefix}/api/{ProjectId}/integration/otlp/v1/{signal}").Uri;
}
