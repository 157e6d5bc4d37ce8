using EpicEvents.Bot.Protocol;
using EpicEvents.Crm.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Bot.Hosting;

/// <summary>
/// Remembers handled activities in the database, so that a redelivery (Teams retries after ~15 s)
/// is dropped even when it reaches another instance of the bot.
/// </summary>
public sealed class DatabaseActivityDeduplicator(IServiceScopeFactory scopes) : IActivityDeduplicator
{
    public async ValueTask<bool> TryMarkAsSeenAsync(string activityKey, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ActivityLedger>().TryRecordAsync(KeyOf(activityKey), cancellationToken);
    }

    // Channel conversation ids are long; the ledger keeps a fixed-size digest of those.
    private static string KeyOf(string activityKey) => activityKey.Length <= 200
        ? activityKey
        : "sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(activityKey)));
}
