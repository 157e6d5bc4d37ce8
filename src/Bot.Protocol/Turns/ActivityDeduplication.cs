using Microsoft.Extensions.Options;

namespace EpicEvents.Bot.Protocol;

/// <summary>
/// Remembers which activities were already handled: Teams delivers an activity again when the bot
/// answered slowly. A host running several instances supplies a shared (database) implementation.
/// </summary>
public interface IActivityDeduplicator
{
    /// <summary>
    /// Records <paramref name="activityKey"/>; false when it was already recorded (a redelivery). The
    /// turn that would run is given so that a store answering more than the question (who the sender
    /// is, in the same round trip) can leave it in <see cref="ITurnContext.TurnState"/>.
    /// </summary>
    ValueTask<bool> TryMarkAsSeenAsync(string activityKey, ITurnContext turnContext, CancellationToken cancellationToken);
}

/// <summary>
/// Bounded in-process memory of recent activity keys: each is kept for
/// <see cref="BotProtocolOptions.DeduplicationWindow"/>, the oldest dropped beyond
/// <see cref="BotProtocolOptions.DeduplicationCapacity"/>.
/// </summary>
public sealed class InMemoryActivityDeduplicator(IOptions<BotProtocolOptions> options, TimeProvider timeProvider) : IActivityDeduplicator
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _seenAt = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, long SeenAt)> _order = new();

    public ValueTask<bool> TryMarkAsSeenAsync(string activityKey, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var window = options.Value.DeduplicationWindow;
        var capacity = Math.Max(1, options.Value.DeduplicationCapacity);
        lock (_gate)
        {
            var now = timeProvider.GetTimestamp();
            while (_order.TryPeek(out var oldest) && timeProvider.GetElapsedTime(oldest.SeenAt, now) >= window)
            {
                Forget();
            }

            if (_seenAt.ContainsKey(activityKey))
            {
                return ValueTask.FromResult(false);
            }

            while (_order.Count >= capacity)
            {
                Forget();
            }

            _seenAt[activityKey] = now;
            _order.Enqueue((activityKey, now));
            return ValueTask.FromResult(true);
        }
    }

    private void Forget() => _seenAt.Remove(_order.Dequeue().Key);
}
