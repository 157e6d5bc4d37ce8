using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Roles;

/// <summary>The roles, by id, keyset-paged; every collaborator may read them.</summary>
public sealed class ListRoles(CrmDbContext db) : IUseCase
{
    public async Task<Result<Page<RoleView>>> ExecuteAsync(Actor actor, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.ReadRecords, out _) is { } refusal)
        {
            return refusal;
        }

        if (Paging.ReadIdCursor(page, out var limit, out var afterId) is { } invalidPage)
        {
            return invalidPage;
        }

        var query = db.Roles.AsNoTracking();
        if (afterId is { } after)
        {
            query = query.Where(r => r.Id > after);
        }

        var rows = await query.OrderBy(r => r.Id).TakePage(limit).Select(RoleView.Projection).ToListAsync(cancellationToken);
        return Paging.ToPage(rows, limit, last => Cursor.ForId(last.Id));
    }
}
