using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace EpicEvents.Bot.Notifications;

/// <summary>
/// The <c>Bot:Outbox</c> section: how this bot instance delivers the notifications of the outbox.
/// A value that cannot be read stops the bot at start with the key named, never a silent default.
/// </summary>
public sealed record OutboxSenderOptions
{
    public const string Section = "Bot:Outbox";

    /// <summary>False: this instance sends nothing (another instance, or none, delivers the outbox).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The most notifications claimed at once.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>The most deliveries in flight at once, each to a different recipient.</summary>
    public int Parallelism { get; init; } = 32;

    /// <summary>
    /// How long a claimed notification is reserved for this instance. Another instance takes it over
    /// only after it, so it bounds how late a notification is when an instance dies mid-delivery;
    /// a delivery still running at three quarters of it is given up and tried again later.
    /// </summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often the outbox is looked at when there is nothing to do: the CLI and other instances
    /// write notifications this instance is not told about (its own turns wake it at once).
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest a single delivery may take before it is given up and tried again later.</summary>
    public TimeSpan DeliveryTimeout => Lease * 3 / 4;

    public static OutboxSenderOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var defaults = new OutboxSenderOptions();
        return new OutboxSenderOptions
        {
            Enabled = Read(section, nameof(Enabled), defaults.Enabled, bool.TryParse, "true or false"),
            BatchSize = ReadInt(section, nameof(BatchSize), defaults.BatchSize, 1, 1000),
            Parallelism = ReadInt(section, nameof(Parallelism), defaults.Parallelism, 1, 500),
            Lease = ReadDuration(section, nameof(Lease), defaults.Lease, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)),
            PollInterval = ReadDuration(section, nameof(PollInterval), defaults.PollInterval, TimeSpan.FromMilliseconds(50), TimeSpan.FromHours(1)),
        };
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
            : throw new InvalidOperationException($"{Section}:{key} must be {expected} (it is \"{text}\").");
    }

    private static int ReadInt(IConfigurationSection section, string key, int fallback, int min, int max)
    {
        var value = Read(section, key, fallback, (string text, out int parsed) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out parsed), $"a whole number from {min} to {max}");
        return value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{Section}:{key} must be a whole number from {min} to {max} (it is {value}).");
    }

    private static TimeSpan ReadDuration(IConfigurationSection section, string key, TimeSpan fallback, TimeSpan min, TimeSpan max)
    {
        var expected = $"a duration (hh:mm:ss) from {min:c} to {max:c}";
        var value = Read(section, key, fallback, (string text, out TimeSpan parsed) => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out parsed), expected);
        return value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{Section}:{key} must be {expected} (it is {value:c}).");
    }
}
