using EpicEvents.Crm.Configuration;
using EpicEvents.TeamsAppPackage;
using EpicEvents.TeamsAppPackage.Icons;
using Microsoft.Extensions.Configuration;

// build: manifest/ + configuration → the app package. draw-icons: redraws manifest/color.png and outline.png.
// Exit codes: 0 done, 1 refused (configuration or files), 2 usage.
const string Usage = """
    Usage: EpicEvents.TeamsAppPackage build --manifest DIR --settings DIR --output FILE
           EpicEvents.TeamsAppPackage draw-icons --manifest DIR
    --settings is the directory of appsettings.json; .env is read from the working directory.
    """;

if (args.Length == 0 || ParseOptions(args[1..]) is not { } options || !options.TryGetValue("--manifest", out var manifestDirectory))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

switch (args[0])
{
    case "draw-icons" when options.Count == 1:
        TeamsIcons.Draw(manifestDirectory);
        Console.WriteLine($"Drew {Path.Combine(manifestDirectory, AppPackage.ColorIconFile)} and {Path.Combine(manifestDirectory, AppPackage.OutlineIconFile)}.");
        return 0;
    case "build" when options.Count == 3 && options.TryGetValue("--settings", out var settingsDirectory) && options.TryGetValue("--output", out var output):
        var configuration = new ConfigurationBuilder().AddCrmSources(settingsDirectory, Directory.GetCurrentDirectory()).Build();
        var read = AppPackageSettings.Read(configuration, AppPackageSettings.ProductVersion);
        if (read.Settings is not { } settings)
        {
            Console.Error.WriteLine("The Teams app package was not built:");
            foreach (var problem in read.Problems)
            {
                Console.Error.WriteLine($"  - {problem}");
            }

            return 1;
        }

        try
        {
            AppPackage.Write(manifestDirectory, settings, output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine($"The Teams app package was not built: {e.Message}");
            return 1;
        }

        Console.WriteLine($"Wrote {Path.GetFullPath(output)}: Teams app {settings.ManifestAppId} version {settings.Version}, "
                          + $"bot {settings.BotAppId} at https://{settings.AppDomain}/api/messages.");
        return 0;
    default:
        Console.Error.WriteLine(Usage);
        return 2;
}

static Dictionary<string, string>? ParseOptions(string[] words)
{
    if (words.Length % 2 != 0)
    {
        return null;
    }

    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i < words.Length; i += 2)
    {
        if (words[i] is not ("--manifest" or "--settings" or "--output") || !options.TryAdd(words[i], words[i + 1]))
        {
            return null;
        }
    }

    return options;
}
