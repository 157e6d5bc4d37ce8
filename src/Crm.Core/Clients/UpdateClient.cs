using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Clients;

/// <summary>Fields left null keep their value. <paramref name="ExpectedVersion"/> guards a form filled from an older read.</summary>
public sealed record UpdateClientRequest(
    int ClientId,
    string? FullName = null,
    string? Email = null,
    string? Phone = null,
    string? CompanyName = null,
    int? ExpectedVersion = null);

public sealed class UpdateClient(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<ClientView>> ExecuteAsync(Actor actor, UpdateClientRequest request, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.UpdateClient, out var access) is { } refusal)
        {
            return refusal;
        }

        var client = await db.Clients.Include(c => c.SalesContact).SingleOrDefaultAsync(c => c.Id == request.ClientId, cancellationToken);
        if (client is null)
        {
            return Failure.NotFound(new Text("client.notFound", request.ClientId));
        }

        if (access == Reach.Own && client.SalesContactId != actor.Id)
        {
            return PermissionMatrix.NotOwn(actor, CrmAction.UpdateClient);
        }

        if (request.ExpectedVersion is { } expected && expected != client.Version)
        {
            return UnitOfWork.ConcurrentEdit;
        }

        var fields = ClientFields.Normalize(
            request.FullName ?? client.FullName,
            request.Email ?? client.Email,
            request.Phone ?? client.Phone,
            request.CompanyName ?? client.CompanyName).Validate();
        if (!fields.IsOk)
        {
            return fields.AsFailure();
        }

        var (fullName, email, phone, company) = fields.Value;
        if (email != client.Email && await db.Clients.AnyAsync(c => c.Email == email && c.Id != client.Id, cancellationToken))
        {
            return Failure.Invalid(FieldNames.Email, new Text("client.email.taken"));
        }

        var changes = new FieldChanges()
            .Add(FieldNames.FullName, client.FullName, fullName)
            .Add(FieldNames.Email, client.Email, email)
            .Add(FieldNames.Phone, client.Phone, phone)
            .Add(FieldNames.CompanyName, client.CompanyName, company);
        if (!changes.Any)
        {
            return ClientView.From(client);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        client.Update(fullName, email, phone, company, now);
        db.Record(actor, now, "client.updated", AuditEntity.Client, client.Id, changes);
        return await db.TrySaveAsync(cancellationToken) is { } failed ? failed : ClientView.From(client);
    }
}
