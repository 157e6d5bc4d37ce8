using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Signatures;

public sealed record RequestSignatureRequest(int ContractId);

/// <summary>
/// Asks Management to sign a draft contract: the contract waits for a signature and every active
/// manager is sent an approval card, in the same transaction. The answer names the managers and
/// whether Teams can bring each of them the card.
/// </summary>
public sealed class RequestSignature(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<SignatureRequestSent>> ExecuteAsync(Actor actor, RequestSignatureRequest request, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.RequestSignature, out var access) is { } refusal)
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
            return PermissionMatrix.NotOwn(actor, CrmAction.RequestSignature);
        }

        if (ContractSigning.CannotRequest(contract) is { } conflict)
        {
            return conflict;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var managers = await db.ActiveManagerIdsAsync(cancellationToken);
        var signatureRequest = ContractSigning.Request(db, contract, await db.CollaboratorAsync(actor, cancellationToken), now);
        var failure = await db.TrySaveInsertAsync(() => ContractSigning.Announce(db, actor, signatureRequest, managers, now), cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        return new SignatureRequestSent(await db.SignatureRequestViewAsync(signatureRequest.Id, cancellationToken), await Approvers.ReachAsync(db, cancellationToken));
    }
}
