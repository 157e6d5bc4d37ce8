using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Collaborators;

/// <param name="Department">Only this department's collaborators; null for all.</param>
/// <param name="IncludeInactive">Management only: deactivated collaborators too.</param>
public sealed record CollaboratorFilter(Department? Department = null, bool IncludeInactive = false);

/// <summary>The staff directory, by id, keyset-paged.</summary>
public sealed class ListCollaborators(CrmDbContext db) : IUseCase
{
    public async Task<Result<Page<CollaboratorView>>> ExecuteAsync(Actor actor, CollaboratorFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.ReadRecords, out _) is { } refusal)
        {
            return refusal;
        }

        if (filter.IncludeInactive && PermissionMatrix.Check(actor, CrmAction.ReadInactiveCollaborators, out _) is { } inactiveRefusal)
        {
            return inactiveRefusal;
        }

        if (filter.Department is { } wanted && (wanted == Department.Unknown || !Enum.IsDefined(wanted)))
        {
            return Failure.Invalid(FieldNames.Department, new Text("department.invalid"));
        }

        if (Paging.ReadIdCursor(page, out var limit, out var afterId) is { } invalidPage)
        {
            return invalidPage;
        }

        var query = db.Collaborators.AsNoTracking();
        if (!filter.IncludeInactive)
        {
            query = query.Where(c => c.IsActive);
        }

        if (filter.Department is { } department)
        {
            query = query.Where(c => c.Role.Department == department);
        }

        if (afterId is { } after)
        {
            query = query.Where(c => c.Id > after);
        }

        var rows = (await query.OrderBy(c => c.Id).TakePage(limit).Select(CollaboratorView.Projection).ToListAsync(cancellationToken))
            .ConvertAll(view => view.For(actor));
        return Paging.ToPage(rows, limit, last => Cursor.ForId(last.Id));
    }
}
