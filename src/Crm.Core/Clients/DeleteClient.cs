using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Clients;

public sealed record DeleteClientRequest(int ClientId);

/// <summary>Deletes a client that has no contracts; the audit trail keeps what it was.</summary>
public sealed class DeleteClient(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<Done>> ExecuteAsync(Actor actor, DeleteClientRequest request, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.DeleteClient, out _) is { } refusal)
        {
            return refusal;
        }

        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == request.ClientId, cancellationToken);
        if (client is null)
        {
            return Failure.NotFound(new Text("client.notFound", request.ClientId));
        }

        var contracts = await db.Contracts.CountAsync(c => c.ClientId == client.Id, cancellationToken);
        if (contracts > 0)
        {
            return Failure.Conflict(new Text("client.delete.hasContracts", client.Id, contracts));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Clients.Remove(client);
        db.Record(actor, now, "client.deleted", AuditEntity.Client, client.Id, new FieldChanges()
            .Add(FieldNames.FullName, client.FullName, null)
            .Add(FieldNames.Email, client.Email, null)
            .Add(FieldNames.CompanyName, client.CompanyName, null));
        return await db.TrySaveAsync(cancellationToken) is { } failed ? failed : new Done();
    }
}
