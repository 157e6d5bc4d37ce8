using EpicEvents.Bot.Hosting;
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
            Enabled = SettingValues.Flag(section, nameof(Enabled), defaults.Enabled),
            BatchSize = SettingValues.WholeNumber(section, nameof(BatchSize), defaults.BatchSize, 1, 1000),
            Parallelism = SettingValues.WholeNumber(section, nameof(Parallelism), defaults.Parallelism, 1, 500),
            Lease = SettingValues.Duration(section, nameof(Lease), defaults.Lease, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)),
            PollInterval = SettingValues.Duration(section, nameof(PollInterval), defaults.PollInterval, TimeSpan.FromMilliseconds(50), TimeSpan.FromHours(1)),
        };
    }
}
