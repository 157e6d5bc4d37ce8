using Microsoft.Identity.Client;
using Microsoft.Identity.Client.Extensions.Msal;

namespace EpicEvents.Cli.Remote;

/// <summary>
/// How this machine signs in with Microsoft Entra ID, kept in the session file in place of a CRM
/// session token: where to ask (as the server published it), and which cached account is the
/// person's. No secret: the tokens themselves are in MSAL's cache.
/// </summary>
internal sealed record EntraSession(string Authority, string ClientId, IReadOnlyList<string> Scopes, string Account, string Username, bool InKeyring);

/// <summary>The server's <c>GET /api/v1/auth/entra</c>: what to sign in with.</summary>
internal sealed record EntraSignInDocument(string Authority, string ClientId, IReadOnlyList<string> Scopes);

/// <summary>
/// Microsoft Entra ID sign-in with MSAL: the device-code flow at login (the person opens a page on any
/// device and types a code), then silent renewal from MSAL's token cache at every command. The cache is
/// kept in the system's keyring (Secret Service on Linux, Keychain on macOS, DPAPI on Windows) through
/// Microsoft.Identity.Client.Extensions.Msal; where no keyring works, in a file only its owner can read.
/// </summary>
internal sealed class EntraLogin
{
    public const string CacheFileName = "msal-cache";
    private readonly IPublicClientApplication _app;
    private readonly IReadOnlyList<string> _scopes;

    private EntraLogin(IPublicClientApplication app, IReadOnlyList<string> scopes, bool inKeyring, string cachePath)
    {
        _app = app;
        _scopes = scopes;
        InKeyring = inKeyring;
        CachePath = cachePath;
    }

    /// <summary>Whether the cache is in the system's keyring (else in <see cref="CachePath"/>, mode 0600).</summary>
    public bool InKeyring { get; }

    public string CachePath { get; }

    /// <summary>
    /// The public client of <paramref name="authority"/> with its persistent cache. The keyring is
    /// tried when <paramref name="keyring"/> is null (at login) and then remembered, so later commands
    /// do not probe it again.
    /// </summary>
    public static async Task<EntraLogin> OpenAsync(string authority, string clientId, IReadOnlyList<string> scopes, string configDirectory, bool? keyring)
    {
        // The authority is the one the company's server published: no instance discovery with
        // Microsoft's global endpoint is needed to trust it, and none is made.
        var app = PublicClientApplicationBuilder.Create(clientId)
            .WithAuthority(authority, validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithClientName("epicevents")
            .WithClientVersion(typeof(EntraLogin).Assembly.GetName().Version?.ToString(3) ?? "1.0.0")
            .Build();
        Directory.CreateDirectory(configDirectory);
        var cachePath = Path.Combine(configDirectory, CacheFileName);
        var (helper, inKeyring) = keyring == false ? (await InFileAsync(configDirectory, cachePath), false) : await InKeyringOrFileAsync(configDirectory, cachePath);
        helper.RegisterCache(app.UserTokenCache);
        return new EntraLogin(app, scopes, inKeyring, cachePath);
    }

    /// <summary>Device code: <paramref name="show"/> tells the person where to go and which code to type; returns once they have signed in.</summary>
    public async Task<AuthenticationResult> SignInAsync(Action<Uri, string, DateTimeOffset> show, CancellationToken cancellationToken)
    {
        var result = await _app.AcquireTokenWithDeviceCode(_scopes, code =>
        {
            show(new Uri(code.VerificationUrl), code.UserCode, code.ExpiresOn);
            return Task.CompletedTask;
        }).ExecuteAsync(cancellationToken);
        KeepPrivate();
        return result;
    }

    /// <summary>An access token for the person's account from the cache, renewed with the refresh token when due; null once the sign-in is over.</summary>
    public async Task<AuthenticationResult?> RenewAsync(string account, CancellationToken cancellationToken)
    {
        if (await _app.GetAccountAsync(account) is not { } cached)
        {
            return null;
        }

        try
        {
            var result = await _app.AcquireTokenSilent(_scopes, cached).ExecuteAsync(cancellationToken);
            KeepPrivate();
            return result;
        }
        catch (MsalUiRequiredException)
        {
            return null;
        }
    }

    /// <summary>Forgets the account's tokens on this machine.</summary>
    public async Task SignOutAsync(string account)
    {
        if (await _app.GetAccountAsync(account) is { } cached)
        {
            await _app.RemoveAsync(cached);
        }
    }

    private static async Task<(MsalCacheHelper Helper, bool InKeyring)> InKeyringOrFileAsync(string configDirectory, string cachePath)
    {
        var keyring = new StorageCreationPropertiesBuilder(CacheFileName, configDirectory)
            .WithLinuxKeyring(
                "com.epicevents.crm.tokencache",
                MsalCacheHelper.LinuxKeyRingDefaultCollection,
                "Epic Events CRM: Microsoft sign-in",
                new KeyValuePair<string, string>("Version", "1"),
                new KeyValuePair<string, string>("Product", "epicevents"))
            .WithMacKeyChain("Epic Events CRM", "Microsoft sign-in")
            .Build();
        try
        {
            var helper = await MsalCacheHelper.CreateAsync(keyring);
            helper.VerifyPersistence();
            return (helper, true);
        }
        catch (Exception exception) when (exception is MsalCachePersistenceException or DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or InvalidOperationException)
        {
            return (await InFileAsync(configDirectory, cachePath), false);
        }
    }

    private static async Task<MsalCacheHelper> InFileAsync(string configDirectory, string cachePath)
    {
        if (!File.Exists(cachePath))
        {
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (new FileStream(cachePath, create))
            {
            }
        }

        KeepPrivate(cachePath);
        return await MsalCacheHelper.CreateAsync(new StorageCreationPropertiesBuilder(CacheFileName, configDirectory).WithUnprotectedFile().Build());
    }

    private void KeepPrivate()
    {
        if (!InKeyring)
        {
            KeepPrivate(CachePath);
        }
    }

    private static void KeepPrivate(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
