using System.Diagnostics.Metrics;
using EpicEvents.Bot.Notifications;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Telemetry;

namespace EpicEvents.Bot.Hosting;

/// <summary>
/// The bot's own measurements, exported over OTLP when an endpoint is configured: turns by command
/// and outcome, deliveries by kind and outcome, the Bot Connector's 429 answers, and the outbox's
/// backlog with the age of its oldest due notification. Attributes name commands, kinds and
/// outcomes, never people. One meter for the process, as for the spans: with nothing listening a
/// measurement costs a check.
/// </summary>
public static class BotMetrics
{
    public const string MeterName = "EpicEvents.Bot";

    private static readonly Meter Meter = new(MeterName, CrmTelemetry.Version);

    private static readonly Counter<long> Turns = Meter.CreateCounter<long>(
        "epicevents.bot.turns", "{turn}", "Turns handled, by command and outcome");

    private static readonly Counter<long> Deliveries = Meter.CreateCounter<long>(
        "epicevents.outbox.deliveries", "{delivery}", "Notification delivery attempts, by kind and outcome");

    private static readonly Counter<long> ConnectorThrottled = Meter.CreateCounter<long>(
        "epicevents.connector.throttled", "{response}", "Bot Connector answers 429 Too Many Requests");

    private static readonly ObservableGauge<long> Backlog = Meter.CreateObservableGauge(
        "epicevents.outbox.backlog", () => Observed(b => (long)b.Pending), "{notification}", "Notifications waiting to be delivered");

    private static readonly ObservableGauge<double> OldestDueAge = Meter.CreateObservableGauge(
        "epicevents.outbox.oldest_due.age", () => Observed(b => b.OldestDueAge.TotalSeconds), "s", "How long the oldest due notification had been waiting when the backlog was counted");

    private static BacklogReading? _backlog;

    /// <summary>Whether anyone reads the backlog: the sender counts it only then.</summary>
    public static bool ObservesBacklog => Backlog.Enabled || OldestDueAge.Enabled;

    public static void TurnEnded(string command, string outcome) =>
        Turns.Add(1, new("crm.command", command), new("crm.outcome", outcome));

    public static void DeliveryEnded(string kind, DeliveryOutcome outcome) =>
        Deliveries.Add(1, new("crm.notification.kind", kind), new("crm.notification.outcome", outcome.ToString()));

    public static void Throttled(string? host) => ConnectorThrottled.Add(1, new KeyValuePair<string, object?>("server.address", host));

    /// <summary>The backlog as the sender counted it at <paramref name="now"/>, on its clock.</summary>
    public static void BacklogCounted(OutboxBacklog backlog, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(backlog);
        var age = backlog.OldestDue is { } due && due < now ? now - due : TimeSpan.Zero;
        _backlog = new BacklogReading(backlog.Pending, age);
    }

    private static IEnumerable<Measurement<T>> Observed<T>(Func<BacklogReading, T> value)
        where T : struct =>
        Volatile.Read(ref _backlog) is { } backlog ? [new(value(backlog))] : [];

    private sealed record BacklogReading(int Pending, TimeSpan OldestDueAge);
}
