using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Events;

public sealed class GetEvent(CrmDbContext db) : IUseCase
{
    public async Task<Result<EventView>> ExecuteAsync(Actor actor, int eventId, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.ReadRecords, out _) is { } refusal)
        {
            return refusal;
        }

        var view = await db.Events.AsNoTracking().Where(e => e.Id == eventId).Select(EventView.Projection).SingleOrDefaultAsync(cancellationToken);
        return view is null ? Failure.NotFound(new Text("event.notFound", eventId)) : view;
    }
}
