using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Clients;

public sealed class GetClient(CrmDbContext db) : IUseCase
{
    public async Task<Result<ClientView>> ExecuteAsync(Actor actor, int clientId, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.ReadRecords, out _) is { } refusal)
        {
            return refusal;
        }

        var view = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(ClientView.Projection).SingleOrDefaultAsync(cancellationToken);
        return view is null ? Failure.NotFound(new Text("client.notFound", clientId)) : view;
    }
}
