using System.Diagnostics.Metrics;
using EpicEvents.Bot.Notifications;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Telemetry;

namespace EpicEvents.Bot.Hosting;

/// <summary>
/// The bot's own measurements, exported over OTLP when an endpoint is configured: turns by command
/// and outcome, deliveries by kind and outcome, the Bot Connector's 429 answers, and the outbox's
/// backlog with the age of its oldest due notification. Attributes name commands, kinds and
/// outcomes, never people.
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "EpicEvents.Bot";

    private readonly Counter<long> _turns;
    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _throttled;
    private readonly ObservableGauge<long> _backlogGauge;
    private readonly TimeProvider _clock;
    private OutboxBacklog? _backlog;

    public BotMetrics(IMeterFactory meters, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _clock = clock;
        var meter = meters.Create(MeterName, CrmTelemetry.Version);
        _turns = meter.CreateCounter<long>("epicevents.bot.turns", "{turn}", "Turns handled, by command and outcome");
        _deliveries = meter.CreateCounter<long>("epicevents.outbox.deliveries", "{delivery}", "Notification delivery attempts, by kind and outcome");
        _throttled = meter.CreateCounter<long>("epicevents.connector.throttled", "{response}", "Bot Connector answers 429 Too Many Requests");
        _backlogGauge = meter.CreateObservableGauge("epicevents.outbox.backlog", ObserveBacklog, "{notification}", "Notifications waiting to be delivered");
        meter.CreateObservableGauge("epicevents.outbox.oldest_due.age", ObserveOldestDueAge, "s", "How long the oldest due notification has been waiting");
    }

    /// <summary>Whether anyone reads the backlog: the sender counts it only then.</summary>
    public bool ObservesBacklog => _backlogGauge.Enabled;

    public void TurnEnded(string command, string outcome) =>
        _turns.Add(1, new("crm.command", command), new("crm.outcome", outcome));

    public void DeliveryEnded(string kind, DeliveryOutcome outcome) =>
        _deliveries.Add(1, new("crm.notification.kind", kind), new("crm.notification.outcome", outcome.ToString()));

    public void Throttled(string? host) => _throttled.Add(1, new KeyValuePair<string, object?>("server.address", host));

    public void BacklogCounted(OutboxBacklog backlog) => _backlog = backlog;

    private IEnumerable<Measurement<long>> ObserveBacklog() =>
        _backlog is { } backlog ? [new(backlog.Pending)] : [];

    private IEnumerable<Measurement<double>> ObserveOldestDueAge()
    {
        if (_backlog is not { } backlog)
        {
            return [];
        }

        var age = backlog.OldestDue is { } due ? _clock.GetUtcNow().UtcDateTime - due : TimeSpan.Zero;
        return [new(Math.Max(0, age.TotalSeconds))];
    }
}
