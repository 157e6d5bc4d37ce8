namespace EpicEvents.Bot.Protocol;

/// <summary>
/// Settings of the protocol layer. The first four keep the names the Bot Framework ecosystem uses in
/// configuration. With no <see cref="MicrosoftAppId"/> the layer runs in local mode: requests without an
/// Authorization header are accepted as anonymous and outgoing calls carry no token.
/// </summary>
public sealed class BotProtocolOptions
{
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary><c>SingleTenant</c> (the default), <c>MultiTenant</c> or <c>UserAssignedMSI</c>.</summary>
    public string MicrosoftAppType { get; set; } = AppTypes.SingleTenant;

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    /// <summary>
    /// How the bot proves who it is when it calls the Bot Connector (ignored for
    /// <see cref="AppTypes.UserAssignedMsi"/>, which uses the managed identity itself).
    /// </summary>
    public Authentication.BotCredential Credential { get; set; } = new();

    /// <summary>The Entra instance tokens are asked from (another cloud, a test's loopback endpoint).</summary>
    public string AuthorityInstance { get; set; } = "https://login.microsoftonline.com/";

    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>
    /// The channels whose activities are served (<c>msteams</c> for a Teams bot); an activity of any
    /// other channel of the same Azure Bot (Web Chat is on by default) is refused with 403. Null: any.
    /// </summary>
    public IReadOnlyCollection<string>? AllowedChannels { get; set; }

    /// <summary>
    /// The issuers whose tokens are accepted, each with its metadata; null: the public cloud's list
    /// (<see cref="Authentication.TrustedIssuers.PublicCloud"/>), which takes the Bot Framework's
    /// metadata from <see cref="OpenIdMetadataUrl"/>.
    /// </summary>
    public IReadOnlyList<Authentication.TrustedIssuer>? TrustedIssuers { get; set; }

    /// <summary>Where the Bot Framework issuer's signing keys are published.</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>How long fetched signing keys are trusted before being fetched again.</summary>
    public TimeSpan SigningKeysLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The shortest interval between two fetches of the signing keys asked for by unknown key ids.</summary>
    public TimeSpan SigningKeysMinimumRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The longest a fetch of the signing keys may take (metadata and key set together): a request
    /// waits no longer than this for keys, whatever the endpoint does.
    /// </summary>
    public TimeSpan SigningKeysFetchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After a failed fetch, the next is tried after 1 s, then twice as long each time, at most this.</summary>
    public TimeSpan SigningKeysMaximumRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Tolerance on token lifetimes for clock differences.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The text sent to the user when handling their activity failed.</summary>
    public string TurnErrorMessage { get; set; } = "Sorry, something went wrong on our side. Please try again in a moment.";

    /// <summary>How long an activity id is remembered to drop the same activity delivered again.</summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How many activity ids the in-memory deduplicator remembers at most.</summary>
    public int DeduplicationCapacity { get; set; } = 10_000;

    /// <summary>Time-out of one HTTP attempt to the connector.</summary>
    public TimeSpan ConnectorAttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per connector call, the first included.</summary>
    public int ConnectorMaxAttempts { get; set; } = 5;

    /// <summary>The first back-off delay; it doubles on each further attempt, with jitter.</summary>
    public TimeSpan ConnectorBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts. A <c>Retry-After</c> beyond it ends the retries.</summary>
    public TimeSpan ConnectorMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True in local mode: no app id is configured.</summary>
    /// <summary>
    /// Keep sends within Teams' per-conversation and per-tenant limits. Only a load test against a
    /// connector that is not Teams turns this off.
    /// </summary>
    public bool EnforceSendRateLimits { get; set; } = true;

    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The values of <see cref="MicrosoftAppType"/>.</summary>
    public static class AppTypes
    {
        public const string SingleTenant = "SingleTenant";
        public const string MultiTenant = "MultiTenant";

        /// <summary>The bot's identity is a user-assigned managed identity, whose client id is the app id.</summary>
        public const string UserAssignedMsi = "UserAssignedMSI";
    }
}
