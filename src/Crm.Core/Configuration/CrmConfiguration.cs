using Microsoft.Extensions.Configuration;

namespace EpicEvents.Crm.Configuration;

/// <summary>
/// The configuration both front ends read, in rising order of precedence: the shared
/// <c>appsettings.json</c> (and <c>appsettings.{Environment}.json</c>), a <c>.env</c> file in the
/// working directory, then environment variables.
/// </summary>
public static class CrmConfiguration
{
    public static IConfigurationBuilder AddCrmSources(this IConfigurationBuilder builder, string appSettingsDirectory, string? workingDirectory = null)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");
        builder.AddJsonFile(Path.Combine(appSettingsDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        if (!string.IsNullOrWhiteSpace(environment))
        {
            builder.AddJsonFile(Path.Combine(appSettingsDirectory, $"appsettings.{environment}.json"), optional: true, reloadOnChange: false);
        }

        builder.Add(new DotEnvFile(Path.Combine(workingDirectory ?? Directory.GetCurrentDirectory(), ".env")));
        return builder.AddEnvironmentVariables();
    }

    /// <summary>The <c>KEY=value</c> pairs of the <c>.env</c> file in <paramref name="directory"/> (none without one), read without building a configuration.</summary>
    public static IReadOnlyDictionary<string, string?> DotEnv(string directory)
    {
        var path = Path.Combine(directory, ".env");
        var pairs = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (File.Exists(path))
        {
            foreach (var raw in File.ReadLines(path))
            {
                if (DotEnvFile.Parse(raw) is { } pair)
                {
                    pairs[pair.Key] = pair.Value;
                }
            }
        }

        return pairs;
    }

    /// <summary>The configuration of a front end whose <c>appsettings.json</c> is copied next to its binary.</summary>
    public static IConfiguration Build(string? workingDirectory = null) =>
        new ConfigurationBuilder().AddCrmSources(AppContext.BaseDirectory, workingDirectory).Build();
}
