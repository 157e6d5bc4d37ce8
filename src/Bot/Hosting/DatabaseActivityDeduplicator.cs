using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Protocol;
using EpicEvents.Crm.Teams;

namespace EpicEvents.Bot.Hosting;

/// <summary>
/// Remembers handled activities in the database, so that a redelivery (Teams retries after ~15 s)
/// is dropped even when it reaches another instance of the bot. The same round trip reads who the
/// sender is, which the turn then finds in its state (<see cref="TeamsCaller"/>).
/// </summary>
public sealed class DatabaseActivityDeduplicator(TeamsActivityIntake intake) : IActivityDeduplicator
{
    public async ValueTask<bool> TryMarkAsSeenAsync(string activityKey, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var admitted = await intake.AdmitAsync(KeyOf(activityKey), TeamsCaller.SenderOf(turnContext.Activity), cancellationToken);
        turnContext.TurnState.Set(admitted);
        return admitted.FirstDelivery;
    }

    // Channel conversation ids are long; the ledger keeps a fixed-size digest of those.
    private static string KeyOf(string activityKey) => activityKey.Length <= 200
        ? activityKey
        : "sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(activityKey)));
}
