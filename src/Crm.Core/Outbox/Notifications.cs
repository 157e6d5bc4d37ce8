using EpicEvents.Crm.Persistence;

namespace EpicEvents.Crm.Outbox;

/// <summary>Queues notifications in the unit of work: they commit, or not, with the change.</summary>
internal static class Notifications
{
    public static void Notify(this CrmDbContext db, NotificationKind kind, int recipientId, int subjectId, DateTime now) =>
        db.OutboxMessages.Add(new OutboxMessage(kind, recipientId, subjectId, now));
}
