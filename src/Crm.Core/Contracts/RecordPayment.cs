using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Contracts;

public sealed record RecordPaymentRequest(int ContractId, decimal? Amount);

/// <summary>Records a payment received: the amount due goes down by it. Same reach as updating the amounts.</summary>
public sealed class RecordPayment(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<ContractView>> ExecuteAsync(Actor actor, RecordPaymentRequest request, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.UpdateContractAmounts, out var access) is { } refusal)
        {
            return refusal;
        }

        var contract = await db.FindContractAsync(request.ContractId, cancellationToken);
        if (contract is null)
        {
            return Failure.NotFound(new Text("contract.notFound", request.ContractId));
        }

        if (access == Reach.Own && contract.Client.SalesContactId != actor.Id)
        {
            return PermissionMatrix.NotOwn(actor, CrmAction.UpdateContractAmounts);
        }

        if (contract.Status == ContractStatus.Cancelled)
        {
            return UpdateContract.CancelledAmounts(contract);
        }

        if (AmountError(request.Amount, contract) is { } error)
        {
            return Failure.Invalid(FieldNames.Amount, error);
        }

        var amount = request.Amount!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var due = contract.AmountDue - amount;
        db.Record(actor, now, "contract.payment_recorded", AuditEntity.Contract, contract.Id, new FieldChanges()
            .Add<decimal?>(FieldNames.Payment, null, amount)
            .Add(FieldNames.AmountDue, contract.AmountDue, due));
        contract.ChangeAmounts(contract.TotalAmount, due, now);
        if (await db.TrySaveAsync(cancellationToken) is { } failure)
        {
            return failure;
        }

        return await db.ContractViewAsync(contract.Id, cancellationToken);
    }

    private static Text? AmountError(decimal? amount, Contract contract)
    {
        if (amount is not { } value)
        {
            return new Text("contract.payment.required");
        }

        if (value == 0)
        {
            return new Text("contract.payment.zero");
        }

        if (FieldRules.AmountError(value, FieldNames.WordedName(FieldNames.Amount)) is { } error)
        {
            return error;
        }

        if (contract.AmountDue == 0)
        {
            return new Text("contract.payment.fullyPaid", contract.Id);
        }

        return value > contract.AmountDue
            ? new Text("contract.payment.aboveDue", contract.AmountDue)
            : null;
    }
}
