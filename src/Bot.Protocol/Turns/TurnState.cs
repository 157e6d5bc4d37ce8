namespace EpicEvents.Bot.Protocol;

/// <summary>
/// Values that the parts of one turn hand to each other, one per type (the SDK's turn state): the
/// host's deduplicator, for instance, leaves what it read about the sender for the bot.
/// </summary>
public sealed class TurnState
{
    private Dictionary<Type, object>? _values;

    public void Set<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        (_values ??= [])[typeof(T)] = value;
    }

    /// <summary>The value of type <typeparamref name="T"/> set in this turn, or null.</summary>
    public T? Get<T>()
        where T : class =>
        _values is not null && _values.TryGetValue(typeof(T), out var value) ? (T)value : null;
}
