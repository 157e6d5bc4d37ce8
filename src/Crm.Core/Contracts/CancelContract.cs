using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Signatures;

namespace EpicEvents.Crm.Contracts;

public sealed record CancelContractRequest(int ContractId);

/// <summary>Management cancels a contract that is not signed yet; a pending signature request is withdrawn.</summary>
public sealed class CancelContract(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<ContractView>> ExecuteAsync(Actor actor, CancelContractRequest request, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.CancelContract, out _) is { } refusal)
        {
            return refusal;
        }

        var contract = await db.FindContractAsync(request.ContractId, cancellationToken);
        if (contract is null)
        {
            return Failure.NotFound(new Text("contract.notFound", request.ContractId));
        }

        switch (contract.Status)
        {
            case ContractStatus.Signed:
                return Failure.Conflict(new Text("contract.cancel.signed", contract.Id));
            case ContractStatus.Cancelled:
                return Failure.Conflict(new Text("contract.cancel.alreadyCancelled", contract.Id));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var pending = await db.FindPendingRequestAsync(contract.Id, cancellationToken);
        await ContractSigning.CancelAsync(db, actor, contract, await db.CollaboratorAsync(actor, cancellationToken), pending, now, cancellationToken);
        if (await db.TrySaveAsync(cancellationToken) is { } failure)
        {
            return failure;
        }

        return await db.ContractViewAsync(contract.Id, cancellationToken);
    }
}
