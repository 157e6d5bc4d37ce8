using EpicEvents.Crm.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;

namespace EpicEvents.Bot.Notifications;

/// <summary>
/// Delivers the outbox from inside the bot. It keeps up to <see cref="OutboxSenderOptions.Parallelism"/>
/// deliveries in flight, claiming more as each one ends, so that one slow recipient never holds the
/// others back; each claim is a lease on one notification, so any number of bot instances can share
/// the database and never deliver one notification twice. With nothing due it sleeps until the next
/// notification falls due, the poll interval, or a <see cref="OutboxSignal"/> pulse after a turn.
/// Teams' rate limits are kept by the connector client every delivery goes through (per
/// conversation and per tenant, for this instance).
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    OutboxSenderOptions options,
    TimeProvider clock,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private static readonly TimeSpan LongestOutage = TimeSpan.FromMinutes(1);

    /// <summary>How often the backlog is counted for the metrics, when they are exported.</summary>
    private static readonly TimeSpan BacklogInterval = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _abandon = new();
    private DateTimeOffset _nextBacklogCount;

    /// <summary>
    /// Stops claiming; deliveries not yet sending give their notification back, the others finish.
    /// When the host stops waiting (<paramref name="cancellationToken"/>), the rest are abandoned to
    /// their lease, as after a crash: another sender takes them over and sends them with the same key.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        using var giveUp = cancellationToken.Register(_abandon.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        var inFlight = new List<Task<DeliveryOutcome>>();
        var outages = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var woken = signal.Next;
            var wanted = Math.Min(options.Parallelism - inFlight.Count, options.BatchSize);
            var sleep = options.PollInterval;
            if (wanted > 0)
            {
                IReadOnlyList<OutboxClaim> claims = [];
                try
                {
                    claims = await ClaimAsync(wanted, stoppingToken);
                    outages = 0;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception exception)
                {
                    // The database is unreachable: look again later, a little later each time.
                    outages++;
                    sleep = TimeSpan.FromTicks(Math.Min(options.PollInterval.Ticks << Math.Min(outages, 10), LongestOutage.Ticks));
                    BotLog.OutboxUnavailable(logger, exception, exception.GetType().Name, sleep.TotalMilliseconds);
                }

                foreach (var claim in claims)
                {
                    inFlight.Add(Task.Run(() => DeliverAsync(claim, stoppingToken), CancellationToken.None));
                }

                if (claims.Count == wanted && inFlight.Count < options.Parallelism)
                {
                    // A full batch and room for more: more may be due right now.
                    continue;
                }

                if (claims.Count == 0 && inFlight.Count == 0 && outages == 0)
                {
                    sleep = await IdleTimeAsync(stoppingToken);
                }
            }

            if (outages == 0)
            {
                await CountBacklogAsync(stoppingToken);
            }

            await WaitAsync(inFlight, woken, sleep, stoppingToken);
            inFlight.RemoveAll(delivery => delivery.IsCompleted);
        }

        var outcomes = await Task.WhenAll(inFlight);
        BotLog.OutboxSenderStopped(logger, outcomes.Count(o => o == DeliveryOutcome.Released), outcomes.Count(o => o == DeliveryOutcome.Abandoned));
    }

    private async Task<IReadOnlyList<OutboxClaim>> ClaimAsync(int max, CancellationToken cancellationToken)
    {
        // Polling is not worth a trace every second; the deliveries are traced.
        using var quiet = SuppressInstrumentationScope.Begin();
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().ClaimAsync(max, options.Lease, cancellationToken);
    }

    /// <summary>Counts what waits, every few seconds, only when the backlog's metrics are exported.</summary>
    private async Task CountBacklogAsync(CancellationToken cancellationToken)
    {
        if (!Hosting.BotMetrics.ObservesBacklog || clock.GetUtcNow() < _nextBacklogCount)
        {
            return;
        }

        _nextBacklogCount = clock.GetUtcNow() + BacklogInterval;
        try
        {
            using var quiet = SuppressInstrumentationScope.Begin();
            await using var scope = scopes.CreateAsyncScope();
            Hosting.BotMetrics.BacklogCounted(await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().BacklogAsync(cancellationToken), clock.GetUtcNow().UtcDateTime);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The next claim finds the database's trouble and says so; the gauge keeps its last value.
        }
    }

    /// <summary>Until the next notification falls due, at most the poll interval.</summary>
    private async Task<TimeSpan> IdleTimeAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var quiet = SuppressInstrumentationScope.Begin();
            await using var scope = scopes.CreateAsyncScope();
            var due = await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().NextDueAsync(cancellationToken);
            var until = due - clock.GetUtcNow().UtcDateTime;
            return until is { } wait && wait > TimeSpan.Zero && wait < options.PollInterval ? wait : options.PollInterval;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return options.PollInterval;
        }
    }

    private async Task<DeliveryOutcome> DeliverAsync(OutboxClaim claim, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<NotificationDelivery>().DeliverAsync(claim, stoppingToken, _abandon.Token);
        }
        catch (Exception exception)
        {
            // Even recording the failure failed (the database went away): the lease runs out and
            // the notification is tried again, by this sender or another.
            if (!_abandon.IsCancellationRequested)
            {
                BotLog.NotificationDeliveryError(logger, exception, claim.Id, claim.Kind, claim.RecipientId, exception.GetType().Name);
            }

            return DeliveryOutcome.Abandoned;
        }
    }

    /// <summary>Until a delivery ends, the bot pulses, or <paramref name="timeout"/>; with every slot busy, only a delivery's end counts.</summary>
    private async Task WaitAsync(List<Task<DeliveryOutcome>> inFlight, Task woken, TimeSpan timeout, CancellationToken stoppingToken)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var waits = new List<Task> { Task.Delay(Timeout.InfiniteTimeSpan, done.Token) };
        if (inFlight.Count > 0)
        {
            waits.Add(Task.WhenAny(inFlight));
        }

        if (inFlight.Count < options.Parallelism)
        {
            waits.Add(woken);
            waits.Add(Task.Delay(timeout, clock, done.Token));
        }

        await Task.WhenAny(waits);
        await done.CancelAsync();
    }
}
