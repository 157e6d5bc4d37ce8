using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Clients;

/// <param name="SalesContactId">Required from Management; ignored from Sales, who becomes the contact.</param>
public sealed record CreateClientRequest(string? FullName, string? Email, string? Phone, string? CompanyName, int? SalesContactId = null);

public sealed class CreateClient(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<ClientView>> ExecuteAsync(Actor actor, CreateClientRequest request, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.CreateClient, out var access) is { } refusal)
        {
            return refusal;
        }

        var fields = ClientFields.Normalize(request.FullName, request.Email, request.Phone, request.CompanyName).Validate();
        var contactId = access == Reach.Own ? actor.Id : request.SalesContactId;
        if (contactId is null)
        {
            return fields.IsOk
                ? Failure.Invalid(FieldNames.SalesContactId, new Text("client.salesContact.required"))
                : Failure.Invalid([.. fields.Errors, new FieldError(FieldNames.SalesContactId, new Text("client.salesContact.required"))]);
        }

        if (!fields.IsOk)
        {
            return fields.AsFailure();
        }

        var contact = await db.FindActiveInAsync(contactId.Value, Department.Sales, cancellationToken);
        if (contact is null)
        {
            return Failure.Invalid(FieldNames.SalesContactId, new Text("collaborator.notActiveIn", contactId, CoreTexts.Department(Department.Sales)));
        }

        var (fullName, email, phone, company) = fields.Value;
        if (await db.Clients.AnyAsync(c => c.Email == email, cancellationToken))
        {
            return Failure.Invalid(FieldNames.Email, new Text("client.email.taken"));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var client = new Client(fullName, email, phone, company, contact, now);
        db.Clients.Add(client);
        var failure = await db.TrySaveInsertAsync(
            () => db.Record(actor, now, "client.created", AuditEntity.Client, client.Id, new FieldChanges()
                .Add(FieldNames.FullName, null, fullName)
                .Add(FieldNames.Email, null, email)
                .Add(FieldNames.Phone, null, phone)
                .Add(FieldNames.CompanyName, null, company)
                .Add<int?>(FieldNames.SalesContactId, null, contact.Id)),
            cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        return ClientView.From(client);
    }
}
