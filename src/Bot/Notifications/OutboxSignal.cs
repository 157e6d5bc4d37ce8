namespace EpicEvents.Bot.Notifications;

/// <summary>
/// Wakes this instance's <see cref="OutboxSender"/> when the bot itself has just written
/// notifications (after a turn), instead of letting them wait for the next poll.
/// </summary>
public sealed class OutboxSignal
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>
    /// Completes at the next <see cref="Pulse"/>. Take it before looking at the outbox, so that a
    /// pulse arriving while looking is not missed.
    /// </summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
