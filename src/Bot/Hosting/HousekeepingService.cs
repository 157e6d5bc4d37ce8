using EpicEvents.Crm.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EpicEvents.Bot.Hosting;

/// <summary>
/// Hourly: deletes forms left for more than 24 hours, forgets activity ids older than a day
/// (Teams redelivers within minutes) and the rows of digests sent more than a week ago. Harmless
/// when several instances run it at once.
/// </summary>
public sealed class HousekeepingService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<HousekeepingService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan ActivityMemory = TimeSpan.FromDays(1);
    private const int DigestMemoryDays = 7;

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
                var digests = await scope.ServiceProvider.GetRequiredService<Crm.Digests.DigestDispatch>().ForgetOlderThanAsync(DigestMemoryDays, stoppingToken);
                BotLog.HousekeepingDone(logger, dialogs, activities, digests);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                BotLog.HousekeepingFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
