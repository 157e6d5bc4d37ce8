using System.Reflection;

namespace EpicEvents.Bot.EndToEnd.Tests.Infrastructure;

/// <summary>
/// What the end-to-end tests need outside .NET: Debian's Chromium, Node and the playground installed
/// by <c>npm ci</c> in <c>e2e/</c> (scripts/test.sh provides all three). On a developer's machine
/// without them the tests are skipped with the reason; under CI (<c>CI=true</c>) they run and fail
/// loudly instead, so that a missing install step cannot pass unnoticed.
/// </summary>
public static class Prerequisites
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string BuildConfiguration { get; } = Metadata("Configuration");

    public static string PlaygroundDirectory => Path.Combine(RepositoryRoot, "e2e");

    public static string PlaygroundCli => Path.Combine(PlaygroundDirectory, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the tests cannot run here, or null when everything is in place.</summary>
    public static string? Missing()
    {
        var missing = new List<string>();
        if (!File.Exists(ChromiumPath))
        {
            missing.Add($"{ChromiumPath} (Debian's chromium package)");
        }

        if (NodePath() is null)
        {
            missing.Add("node on the PATH");
        }

        if (!File.Exists(PlaygroundCli))
        {
            missing.Add($"{PlaygroundCli} (run `npm ci` in e2e/)");
        }

        return missing.Count == 0 ? null : "Missing: " + string.Join("; ", missing) + ". scripts/test.sh installs them.";
    }

    public static string Node() => NodePath() ?? throw new InvalidOperationException(Missing());

    /// <summary>The bot's entry assembly, built with the solution (src/Bot).</summary>
    public static string BotAssembly()
    {
        var output = Path.Combine(RepositoryRoot, "src", "Bot", "bin", BuildConfiguration, "net10.0");
        var runtimeConfig = Directory.Exists(output) ? Directory.GetFiles(output, "*.runtimeconfig.json") : [];
        if (runtimeConfig.Length != 1)
        {
            throw new InvalidOperationException($"The bot is not built in {output}: build the solution (dotnet build EpicEvents.Bot.sln -c {BuildConfiguration}) first.");
        }

        return runtimeConfig[0].Replace(".runtimeconfig.json", ".dll", StringComparison.Ordinal);
    }

    private static string? NodePath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "node"))
            .FirstOrDefault(File.Exists);

    private static string Metadata(string key) =>
        typeof(Prerequisites).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");
}

/// <summary>An end-to-end test: skipped, with the reason, where Chromium, Node or the playground are missing, except under CI.</summary>
public sealed class EndToEndFactAttribute : FactAttribute
{
    public EndToEndFactAttribute()
    {
        if (!Prerequisites.InCi && Prerequisites.Missing() is { } reason)
        {
            Skip = reason;
        }
    }
}
