using System.Linq.Expressions;
using System.Text.Json.Serialization;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Outbox;

/// <summary>A notification and how its delivery went, as Management sees it.</summary>
/// <param name="SubjectId">The signature request or the event the notification is about (see <see cref="Kind"/>).</param>
/// <param name="LastError">
/// Why the last attempt did not deliver it: as read from the outbox, the stored form of
/// <see cref="DeliveryReason"/>; as JSON (the API, the CLI's <c>--json</c>), the sentence worded in
/// the reader's language by <see cref="WordedIn"/>, with its key in <see cref="LastErrorKey"/>.
/// </param>
public sealed record NotificationView(
    long Id,
    NotificationKind Kind,
    int RecipientId,
    string RecipientName,
    int SubjectId,
    DateTime CreatedAt,
    DeliveryState State,
    int Attempts,
    DateTime NextAttemptAt,
    DateTime? SentAt,
    string? LastError)
{
    /// <summary>The key of <see cref="Reason"/>, the same in every language, for programs; null for a sentence stored as it is.</summary>
    public string? LastErrorKey { get; init; }

    /// <summary>Why the last attempt did not deliver it, for a front end to word; null when nothing went wrong.</summary>
    [JsonIgnore]
    public Text? Reason => DeliveryReason.Read(LastError);

    internal static Expression<Func<OutboxMessage, NotificationView>> Projection { get; } = m => new NotificationView(
        m.Id,
        m.Kind,
        m.RecipientId,
        m.Recipient.FullName,
        m.SubjectId,
        m.CreatedAt,
        m.State,
        m.Attempts,
        m.NextAttemptAt,
        m.SentAt,
        m.LastError);

    /// <summary>The view as JSON shows it to a reader of <paramref name="words"/>: the reason worded in their language, its key beside it.</summary>
    public NotificationView WordedIn(Wording words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return Reason is not { } reason
            ? this
            : this with { LastError = words.Render(reason), LastErrorKey = reason.Key == Text.WordedKey ? LastErrorKey : reason.Key };
    }
}
