using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace EpicEvents.Bot.Hosting;

/// <summary>
/// Reads a value of a configuration section, or its default when it is absent; a value that cannot be
/// read stops the bot at start, naming the key and what it must be — never a silent default.
/// </summary>
internal static class SettingValues
{
    public static bool Flag(IConfigurationSection section, string key, bool fallback) =>
        Read(section, key, fallback, bool.TryParse, "true or false");

    public static int WholeNumber(IConfigurationSection section, string key, int fallback, int min, int max)
    {
        var value = Read(section, key, fallback, (string text, out int parsed) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out parsed), $"a whole number from {min} to {max}");
        return value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{section.Path}:{key} must be a whole number from {min} to {max} (it is {value}).");
    }

    public static TimeSpan Duration(IConfigurationSection section, string key, TimeSpan fallback, TimeSpan min, TimeSpan max)
    {
        var expected = $"a duration (hh:mm:ss) from {min:c} to {max:c}";
        var value = Read(section, key, fallback, (string text, out TimeSpan parsed) => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out parsed), expected);
        return value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{section.Path}:{key} must be {expected} (it is {value:c}).");
    }

    private delegate bool Parser<T>(string text, out T value);

    private static T Read<T>(IConfigurationSection section, string key, T fallback, Parser<T> parse, string expected)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return parse(text.Trim(), out var value)
            ? value
            : throw new InvalidOperationException($"{section.Path}:{key} must be {expected} (it is \"{text}\").");
    }
}
