using System.Reflection;

namespace EpicEvents.Manifest.Tests.Infrastructure;

/// <summary>
/// The files under test and what validating them needs outside .NET: Node and the validator
/// installed by <c>npm ci</c> in <c>manifest/</c> (scripts/test.sh does both). Without them the
/// validation tests are skipped with the reason, except under CI (<c>CI=true</c>), where they run
/// and fail, so that a missing install step cannot pass unnoticed.
/// </summary>
public static class Repository
{
    public static string Root { get; } =
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value
            ?? throw new InvalidOperationException("Assembly metadata RepositoryRoot is missing.");

    public static string ManifestDirectory => Path.Combine(Root, "manifest");

    public static string BuildScript => Path.Combine(Root, "scripts", "build-app-package.sh");

    public static string Validator => Path.Combine(ManifestDirectory, "validate.cjs");

    public static string ValidatorPackage => Path.Combine(ManifestDirectory, "node_modules", "@microsoft", "app-manifest", "package.json");

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the manifest cannot be validated here, or null when it can.</summary>
    public static string? ValidatorMissing()
    {
        var missing = new List<string>();
        if (NodePath() is null)
        {
            missing.Add("node on the PATH");
        }

        if (!File.Exists(ValidatorPackage))
        {
            missing.Add($"{ValidatorPackage} (run `npm ci` in manifest/)");
        }

        return missing.Count == 0 ? null : "Missing: " + string.Join("; ", missing) + ". scripts/test.sh installs them.";
    }

    public static string Node() => NodePath() ?? throw new InvalidOperationException(ValidatorMissing());

    private static string? NodePath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "node"))
            .FirstOrDefault(File.Exists);
}

/// <summary>A test that runs the manifest validator: skipped, with the reason, where Node or the validator is missing, except under CI.</summary>
public sealed class ValidatorFactAttribute : FactAttribute
{
    public ValidatorFactAttribute()
    {
        if (!Repository.InCi && Repository.ValidatorMissing() is { } reason)
        {
            Skip = reason;
        }
    }
}
