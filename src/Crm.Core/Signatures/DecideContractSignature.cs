using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Signatures;

/// <summary>A decision named by the contract, as the CLI's <c>contract approve 7</c> and <c>contract reject 7 --reason …</c> give it.</summary>
public sealed record ContractSignatureDecision(int ContractId, SignatureVerdict Verdict, string? Reason = null);

/// <summary>
/// Decides the pending signature request of a contract, with the same rules as
/// <see cref="DecideSignatureRequest"/>. Without a pending request, the conflict says what became of
/// the contract's signature.
/// </summary>
public sealed class DecideContractSignature(CrmDbContext db, DecideSignatureRequest decide) : IUseCase
{
    public async Task<Result<SignatureRequestView>> ExecuteAsync(Actor actor, ContractSignatureDecision decision, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.SignContract, out _) is { } refusal)
        {
            return refusal;
        }

        var contract = await db.FindContractAsync(decision.ContractId, cancellationToken);
        if (contract is null)
        {
            return Failure.NotFound(new Text("contract.notFound", decision.ContractId));
        }

        var latest = await db.SignatureRequests.AsNoTracking().Include(s => s.DecidedBy)
            .Where(s => s.ContractId == contract.Id)
            .OrderByDescending(s => s.Status == SignatureRequestStatus.Pending).ThenByDescending(s => s.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is { Status: SignatureRequestStatus.Pending })
        {
            return await decide.ExecuteAsync(actor, new SignatureDecision(latest.Id, decision.Verdict, decision.Reason), cancellationToken);
        }

        if (contract.Status == ContractStatus.Signed)
        {
            return Failure.Conflict(ContractSigning.AlreadySigned(contract));
        }

        return latest is null
            ? Failure.Conflict(new Text("contract.sign.notPending", contract.Id))
            : Failure.Conflict(ContractSigning.AlreadyDecided(latest));
    }
}
