using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Signatures;

namespace EpicEvents.Crm.Contracts;

public sealed record SignContractRequest(int ContractId);

/// <summary>Management signs a draft or pending contract; a pending request becomes approved by the signer.</summary>
public sealed class SignContract(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<ContractView>> ExecuteAsync(Actor actor, SignContractRequest request, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.SignContract, out _) is { } refusal)
        {
            return refusal;
        }

        var contract = await db.FindContractAsync(request.ContractId, cancellationToken);
        if (contract is null)
        {
            return Failure.NotFound(new Text("contract.notFound", request.ContractId));
        }

        if (ContractSigning.CannotSign(contract) is { } conflict)
        {
            return conflict;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var pending = await db.FindPendingRequestAsync(contract.Id, cancellationToken);
        await ContractSigning.SignAsync(db, actor, contract, await db.CollaboratorAsync(actor, cancellationToken), pending, null, now, cancellationToken);
        if (await db.TrySaveAsync(cancellationToken) is { } failure)
        {
            return failure;
        }

        return await db.ContractViewAsync(contract.Id, cancellationToken);
    }
}
