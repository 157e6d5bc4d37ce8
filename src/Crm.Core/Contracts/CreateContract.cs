using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Contracts;

/// <param name="AmountDue">Defaults to the total: nothing is paid yet.</param>
public sealed record CreateContractRequest(int ClientId, decimal? TotalAmount, decimal? AmountDue = null);

/// <summary>Creates a draft contract: Management for any client, Sales for the clients they follow.</summary>
public sealed class CreateContract(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<ContractView>> ExecuteAsync(Actor actor, CreateContractRequest request, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.CreateContract, out var access) is { } refusal)
        {
            return refusal;
        }

        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == request.ClientId, cancellationToken);
        if (client is null)
        {
            return Failure.Invalid(FieldNames.ClientId, new Text("client.notFound", request.ClientId));
        }

        if (access == Reach.Own && client.SalesContactId != actor.Id)
        {
            return PermissionMatrix.NotOwn(actor, CrmAction.CreateContract);
        }

        var amounts = ContractAmounts.Validate(request.TotalAmount, request.AmountDue);
        if (!amounts.IsOk)
        {
            return amounts.AsFailure();
        }

        var (total, due) = amounts.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var contract = new Contract(client, total, due, now);
        db.Contracts.Add(contract);
        var failure = await db.TrySaveInsertAsync(
            () => db.Record(actor, now, "contract.created", AuditEntity.Contract, contract.Id, new FieldChanges()
                .Add<int?>(FieldNames.ClientId, null, client.Id)
                .Add<decimal?>(FieldNames.TotalAmount, null, total)
                .Add<decimal?>(FieldNames.AmountDue, null, due)
                .Add<ContractStatus?>(FieldNames.Status, null, contract.Status)),
            cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        return await db.ContractViewAsync(contract.Id, cancellationToken);
    }
}
