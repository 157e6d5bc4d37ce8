using EpicEvents.Crm.Access;
using EpicEvents.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Collaborators;

internal static class StaffLookup
{
    /// <summary>The collaborator, tracked with their role, if they are active and in the department.</summary>
    public static Task<Collaborator?> FindActiveInAsync(this CrmDbContext db, int id, Department department, CancellationToken cancellationToken) =>
        db.Collaborators.Include(c => c.Role)
            .SingleOrDefaultAsync(c => c.Id == id && c.IsActive && c.Role.Department == department, cancellationToken);
}
