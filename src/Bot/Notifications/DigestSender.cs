using EpicEvents.Bot.Hosting;
using EpicEvents.Crm.Digests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;

namespace EpicEvents.Bot.Notifications;

/// <summary>The <c>Bot:Digests</c> section: whether this instance queues digests, and how often it looks.</summary>
public sealed record DigestSenderOptions(bool Enabled, TimeSpan Interval)
{
    public const string Section = "Bot:Digests";

    public static DigestSenderOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        return new DigestSenderOptions(
            SettingValues.Flag(section, nameof(Enabled), fallback: true),
            SettingValues.Duration(section, nameof(Interval), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)));
    }
}

/// <summary>
/// Looks at the digests' schedule every <see cref="DigestSenderOptions.Interval"/> (a minute) and
/// queues those that are due (<see cref="DigestDispatch"/>); the outbox sender delivers them with the
/// other notifications, under the same rate limits and retries. Any number of instances may run it:
/// each digest is queued once.
/// </summary>
public sealed class DigestSender(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    DigestSenderOptions options,
    TimeProvider clock,
    ILogger<DigestSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Interval, clock);
        do
        {
            await LookAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One look at the schedule; what is due is queued and the outbox sender woken.</summary>
    public async Task<DigestRound> LookAsync(CancellationToken cancellationToken)
    {
        try
        {
            // A look every minute is not worth a trace; the deliveries are traced.
            using var quiet = SuppressInstrumentationScope.Begin();
            await using var scope = scopes.CreateAsyncScope();
            var round = await scope.ServiceProvider.GetRequiredService<DigestDispatch>().RunAsync(cancellationToken);
            if (round != DigestRound.None)
            {
                BotLog.DigestsQueued(logger, round.Queued, round.Empty, round.TakenElsewhere);
            }

            if (round.Queued > 0)
            {
                signal.Pulse();
            }

            return round;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            BotLog.DigestsFailed(logger, exception, exception.GetType().Name);
            return DigestRound.None;
        }
    }
}
