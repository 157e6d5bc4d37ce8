using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Clients;

public sealed record ReassignClientRequest(int ClientId, int SalesContactId);

/// <summary>Gives a client another sales contact; its contracts follow, as they read the contact through the client.</summary>
public sealed class ReassignClient(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<ClientView>> ExecuteAsync(Actor actor, ReassignClientRequest request, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.ReassignClient, out _) is { } refusal)
        {
            return refusal;
        }

        var client = await db.Clients.Include(c => c.SalesContact).SingleOrDefaultAsync(c => c.Id == request.ClientId, cancellationToken);
        if (client is null)
        {
            return Failure.NotFound(new Text("client.notFound", request.ClientId));
        }

        var contact = await db.FindActiveInAsync(request.SalesContactId, Department.Sales, cancellationToken);
        if (contact is null)
        {
            return Failure.Invalid(FieldNames.SalesContactId, new Text("collaborator.notActiveIn", request.SalesContactId, CoreTexts.Department(Department.Sales)));
        }

        if (client.SalesContactId == contact.Id)
        {
            return ClientView.From(client);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changes = new FieldChanges().Add(FieldNames.SalesContactId, client.SalesContactId, contact.Id);
        client.Reassign(contact, now);
        db.Record(actor, now, "client.reassigned", AuditEntity.Client, client.Id, changes);
        return await db.TrySaveAsync(cancellationToken) is { } failed ? failed : ClientView.From(client);
    }
}
