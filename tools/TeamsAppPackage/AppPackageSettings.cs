using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace EpicEvents.TeamsAppPackage;

/// <summary>
/// What the app package takes from the product's configuration: the bot's Microsoft App ID
/// (<c>MicrosoftAppId</c>, the key the bot itself reads), the host name the bot is reached at
/// (<c>Teams:AppDomain</c> or <c>BOT_DOMAIN</c>) and the Teams app's own id
/// (<c>Teams:ManifestAppId</c>, the product's GUID in appsettings.json unless overridden).
/// </summary>
public sealed partial record AppPackageSettings(Guid BotAppId, string AppDomain, Guid ManifestAppId, string Version)
{
    public const string BotAppIdKey = "MicrosoftAppId";
    public const string AppDomainKey = "Teams:AppDomain";
    public const string AppDomainVariable = "BOT_DOMAIN";
    public const string ManifestAppIdKey = "Teams:ManifestAppId";
    public const string VersionKey = "Version";

    /// <summary>The product version: the <c>Version</c> of Directory.Build.props, stamped on every assembly.</summary>
    public static string ProductVersion { get; } =
        typeof(AppPackageSettings).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>The settings, or every reason they cannot make a package (nothing is written then).</summary>
    public static AppPackageSettingsResult Read(IConfiguration configuration, string version)
    {
        var problems = new List<string>();
        var botAppId = ReadGuid(configuration[BotAppIdKey], BotAppIdKey,
            "the bot's Microsoft App ID (a GUID, on its Azure Bot resource's Configuration page)", problems);
        var manifestAppId = ReadGuid(configuration[ManifestAppIdKey], ManifestAppIdKey,
            "the Teams app's own id (a GUID; appsettings.json carries the product's)", problems);
        var domain = ReadDomain(FirstNonBlank(configuration[AppDomainKey], configuration[AppDomainVariable]), problems);
        if (!SemanticVersion().IsMatch(version))
        {
            problems.Add($"The product version '{version}' is not MAJOR.MINOR.PATCH, which the Teams manifest requires.");
        }

        return problems.Count == 0
            ? new AppPackageSettingsResult(new AppPackageSettings(botAppId, domain!, manifestAppId, version), [])
            : new AppPackageSettingsResult(null, problems);
    }

    /// <summary>The values the manifest template's <c>{{Key}}</c> placeholders stand for.</summary>
    public IReadOnlyDictionary<string, string> Placeholders() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [BotAppIdKey] = BotAppId.ToString("D", CultureInfo.InvariantCulture),
        [AppDomainKey] = AppDomain,
        [ManifestAppIdKey] = ManifestAppId.ToString("D", CultureInfo.InvariantCulture),
        [VersionKey] = Version,
    };

    private static Guid ReadGuid(string? value, string key, string meaning, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{key} is not configured: set it to {meaning} in appsettings.json, .env or the environment.");
            return Guid.Empty;
        }

        if (!Guid.TryParseExact(value.Trim(), "D", out var id) || id == Guid.Empty)
        {
            problems.Add($"{key} '{value.Trim()}' is not a GUID such as 0b5e3a52-7c1d-4f6e-9a0b-2c3d4e5f6a7b: it must be {meaning}.");
            return Guid.Empty;
        }

        return id;
    }

    private static string? ReadDomain(string? value, List<string> problems)
    {
        if (value is null)
        {
            problems.Add($"{AppDomainKey} (or {AppDomainVariable}) is not configured: set it to the host name the bot is reached at, "
                         + "e.g. crm.example.com for https://crm.example.com/api/messages.");
            return null;
        }

        var domain = value.Trim().ToLowerInvariant();
        if (!HostName().IsMatch(domain))
        {
            problems.Add($"{AppDomainKey} (or {AppDomainVariable}) '{value.Trim()}' is not a host name: give it alone, "
                         + "e.g. crm.example.com, without https://, a port or a path.");
            return null;
        }

        return domain;
    }

    private static string? FirstNonBlank(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    // Labels of letters, digits and inner hyphens, at least two of them, the last one not all digits.
    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex HostName();

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")]
    private static partial Regex SemanticVersion();
}

/// <summary>The settings when the configuration is complete, otherwise the problems, each a sentence.</summary>
public sealed record AppPackageSettingsResult(AppPackageSettings? Settings, IReadOnlyList<string> Problems);
