using System.Globalization;

namespace EpicEvents.Bench.Outbox;

/// <summary>What one run measures, and with what.</summary>
public sealed record BenchOptions(
    string AdminConnectionString,
    string BotAssembly,
    int Notifications,
    int LimitPerSecond,
    double FaultRate,
    int Seed,
    string Label,
    IReadOnlyList<string> BotArguments)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var bot = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--")
            {
                bot.AddRange(args[(i + 1)..]);
                break;
            }

            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Unexpected argument \"{args[i]}\": options are --name value, then -- and the bot's arguments.");
            }

            values[args[i][2..]] = args[++i];
        }

        string Required(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");
        int Int(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
        var rate = values.TryGetValue("faults", out var faults) ? double.Parse(faults, CultureInfo.InvariantCulture) : 0.2;
        return new BenchOptions(
            Required("admin"),
            Required("bot"),
            Int("notifications", 1000),
            Int("limit", 30),
            rate,
            Int("seed", 1),
            values.GetValueOrDefault("label", string.Join(' ', bot)),
            bot);
    }
}
