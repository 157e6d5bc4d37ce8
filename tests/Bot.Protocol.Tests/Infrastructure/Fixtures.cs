using System.Text.Json;
using EpicEvents.Bot.Protocol.Schema;

namespace EpicEvents.Bot.Protocol.Tests.Infrastructure;

/// <summary>The Teams payloads embedded in this assembly (<c>Fixtures/*.json</c>).</summary>
public static class Fixtures
{
    public static string Text(string name)
    {
        using var stream = typeof(Fixtures).Assembly.GetManifestResourceStream($"Fixtures/{name}.json")
                           ?? throw new InvalidOperationException($"No fixture named {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static Activity Activity(string name) =>
        JsonSerializer.Deserialize<Activity>(Text(name), ProtocolJson.Options) ?? throw new InvalidOperationException($"{name} is null.");
}
