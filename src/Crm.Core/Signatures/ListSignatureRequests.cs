using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Signatures;

/// <summary>
/// The requests waiting for Management's decision, oldest first so that the longest wait is on top;
/// keyset-paged by id.
/// </summary>
public sealed class ListSignatureRequests(CrmDbContext db) : IUseCase
{
    public async Task<Result<Page<SignatureRequestView>>> ExecuteAsync(Actor actor, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.SignContract, out _) is { } refusal)
        {
            return refusal;
        }

        if (Paging.ReadIdCursor(page, out var limit, out var afterId) is { } invalidPage)
        {
            return invalidPage;
        }

        var query = db.SignatureRequests.AsNoTracking().Where(s => s.Status == SignatureRequestStatus.Pending);
        if (afterId is { } after)
        {
            query = query.Where(s => s.Id > after);
        }

        var rows = await query.OrderBy(s => s.Id).TakePage(limit).Select(SignatureRequestView.Projection).ToListAsync(cancellationToken);
        return Paging.ToPage(rows, limit, last => Cursor.ForId(last.Id));
    }
}
