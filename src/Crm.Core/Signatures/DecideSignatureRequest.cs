using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Signatures;

public enum SignatureVerdict
{
    Approve,
    Reject,
}

/// <summary>A manager's decision on one request, as the bot's approval card sends it.</summary>
/// <param name="Reason">Required to reject; kept as a note when approving.</param>
public sealed record SignatureDecision(int RequestId, SignatureVerdict Verdict, string? Reason = null);

/// <summary>
/// Approves (the contract is signed) or rejects (it returns to draft) a pending request; the
/// requester is told. The first decision wins: a later one, even racing at the same moment, gets a
/// conflict naming who decided, when and why, and changes nothing.
/// </summary>
public sealed class DecideSignatureRequest(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<SignatureRequestView>> ExecuteAsync(Actor actor, SignatureDecision decision, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.SignContract, out _) is { } refusal)
        {
            return refusal;
        }

        var request = await db.FindRequestAsync(decision.RequestId, cancellationToken);
        if (request is null)
        {
            return Failure.NotFound(new Text("signatureRequest.notFound", decision.RequestId));
        }

        if (request.Status != SignatureRequestStatus.Pending)
        {
            return Failure.Conflict(ContractSigning.AlreadyDecided(request));
        }

        var reason = FieldRules.NormalizeText(decision.Reason);
        var validation = new Validation()
            .Check(FieldNames.Verdict, Enum.IsDefined(decision.Verdict) ? null : new Text("signature.verdict.invalid"))
            .Check(FieldNames.Reason, ReasonError(reason, decision.Verdict));
        if (validation.HasErrors)
        {
            return validation.Failure;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var manager = await db.CollaboratorAsync(actor, cancellationToken);
        var note = reason.Length == 0 ? null : reason;
        if (decision.Verdict == SignatureVerdict.Approve)
        {
            await ContractSigning.SignAsync(db, actor, request.Contract, manager, request, note, now, cancellationToken);
        }
        else
        {
            await ContractSigning.RejectAsync(db, actor, request, manager, reason, now, cancellationToken);
        }

        if (await db.TrySaveAsync(cancellationToken) is { } failure)
        {
            return await FirstDecisionAsync(request.Id, cancellationToken) ?? failure;
        }

        return await db.SignatureRequestViewAsync(request.Id, cancellationToken);
    }

    private static Text? ReasonError(string reason, SignatureVerdict verdict)
    {
        if (verdict == SignatureVerdict.Reject && reason.Length == 0)
        {
            return new Text("signature.reason.required");
        }

        if (reason.Length > Limits.Reason)
        {
            return new Text("signature.reason.tooLong", Limits.Reason);
        }

        return reason.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? new Text("signature.reason.controlCharacters")
            : null;
    }

    /// <summary>After losing a race, the conflict names the decision that won rather than a bare "changed meanwhile".</summary>
    private async Task<Failure?> FirstDecisionAsync(int requestId, CancellationToken cancellationToken)
    {
        var winner = await db.SignatureRequests.AsNoTracking().Include(s => s.DecidedBy)
            .SingleOrDefaultAsync(s => s.Id == requestId, cancellationToken);
        return winner is { Status: not SignatureRequestStatus.Pending } ? Failure.Conflict(ContractSigning.AlreadyDecided(winner)) : null;
    }
}
