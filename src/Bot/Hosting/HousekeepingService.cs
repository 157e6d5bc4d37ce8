using EpicEvents.Crm.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EpicEvents.Bot.Hosting;

/// <summary>
/// Hourly: deletes forms left for more than 24 hours and forgets activity ids older than a day
/// (Teams redelivers within minutes). Harmless when several instances run it at once.
/// </summary>
public sealed partial class HousekeepingService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<HousekeepingService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan ActivityMemory = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var dialogs = await scope.ServiceProvider.GetRequiredService<DialogStore>().DeleteExpiredAsync(stoppingToken);
                var activities = await scope.ServiceProvider.GetRequiredService<ActivityLedger>().ForgetOlderThanAsync(ActivityMemory, stoppingToken);
                CleanedUp(logger, dialogs, activities);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                CleanupFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Debug, Message = "Housekeeping: {Dialogs} expired forms deleted, {Activities} old activity ids forgotten")]
    private static partial void CleanedUp(ILogger logger, int dialogs, int activities);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Housekeeping failed; it runs again within the hour")]
    private static partial void CleanupFailed(ILogger logger, Exception exception);
}
