using System.Linq.Expressions;

namespace EpicEvents.Crm.Outbox;

/// <summary>A notification and how its delivery went, as Management sees it.</summary>
/// <param name="SubjectId">The signature request or the event the notification is about (see <see cref="Kind"/>).</param>
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
}
