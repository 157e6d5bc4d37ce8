using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Outbox;

/// <param name="FailedOnly">Only what did not reach its recipient: failed after every attempt, or undeliverable.</param>
/// <param name="RecipientId">Only the notifications of one collaborator.</param>
public sealed record NotificationFilter(bool FailedOnly = false, int? RecipientId = null);

/// <summary>The notifications and their delivery state, newest first, for Management; keyset-paged by id.</summary>
public sealed class ListNotifications(CrmDbContext db) : IUseCase
{
    public async Task<Result<Page<NotificationView>>> ExecuteAsync(Actor actor, NotificationFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.ManageNotifications, out _) is { } refusal)
        {
            return refusal;
        }

        if (Paging.ReadIdCursor(page, out var limit, out var beforeId) is { } invalidPage)
        {
            return invalidPage;
        }

        var query = db.OutboxMessages.AsNoTracking();
        if (filter.FailedOnly)
        {
            query = query.Where(m => m.State == DeliveryState.Failed || m.State == DeliveryState.Undeliverable);
        }

        if (filter.RecipientId is { } recipient)
        {
            query = query.Where(m => m.RecipientId == recipient);
        }

        if (beforeId is { } before)
        {
            query = query.Where(m => m.Id < before);
        }

        var rows = await query.OrderByDescending(m => m.Id).TakePage(limit).Select(NotificationView.Projection).ToListAsync(cancellationToken);
        return Paging.ToPage(rows, limit, last => Cursor.ForId(last.Id));
    }
}
