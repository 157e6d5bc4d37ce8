using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Signatures;

namespace EpicEvents.Crm.Contracts;

/// <summary>
/// Amounts left null keep their value. <paramref name="Signed"/> = true signs the contract when
/// Management asks, and asks Management to sign it when Sales asks (SPEC §2).
/// <paramref name="ExpectedVersion"/> guards a form filled from an older read.
/// </summary>
public sealed record UpdateContractRequest(
    int ContractId,
    decimal? TotalAmount = null,
    decimal? AmountDue = null,
    bool? Signed = null,
    int? ExpectedVersion = null);

/// <param name="SignatureRequested">
/// True when "signed" became a signature request for Management rather than a signature; the
/// request is <see cref="ContractView.PendingSignatureRequestId"/>.
/// </param>
/// <summary>The contract after the change; when the change asked Management to sign, the managers asked and how they can be reached.</summary>
public sealed record ContractUpdateOutcome(ContractView Contract, bool SignatureRequested, IReadOnlyList<Signatures.ApproverReach> Approvers);

/// <summary>
/// The general "update contract" of both front ends. Nothing is saved unless every requested change
/// is allowed, so a refused signature never leaves new amounts behind.
/// </summary>
public sealed class UpdateContract(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<ContractUpdateOutcome>> ExecuteAsync(Actor actor, UpdateContractRequest request, CancellationToken cancellationToken = default)
    {
        var changesAmounts = request.TotalAmount is not null || request.AmountDue is not null;
        var wantsSigned = request.Signed == true;

        // Whoever may sign signs; anyone else asking for "signed" asks those who may.
        var signAction = PermissionMatrix.For(actor, CrmAction.SignContract) == Reach.All ? CrmAction.SignContract : CrmAction.RequestSignature;
        var actions = new List<CrmAction>(2);
        if (changesAmounts || !wantsSigned)
        {
            actions.Add(CrmAction.UpdateContractAmounts);
        }

        if (wantsSigned)
        {
            actions.Add(signAction);
        }

        var ownOnly = false;
        foreach (var action in actions)
        {
            if (PermissionMatrix.Check(actor, action, out var access) is { } refusal)
            {
                return refusal;
            }

            ownOnly |= access == Reach.Own;
        }

        var contract = await db.FindContractAsync(request.ContractId, cancellationToken);
        if (contract is null)
        {
            return Failure.NotFound(new Text("contract.notFound", request.ContractId));
        }

        if (ownOnly && contract.Client.SalesContactId != actor.Id)
        {
            return PermissionMatrix.NotOwn(actor, actions[0]);
        }

        if (request.ExpectedVersion is { } expected && expected != contract.Version)
        {
            return UnitOfWork.ConcurrentEdit;
        }

        ContractAmounts? amounts = null;
        if (changesAmounts)
        {
            if (contract.Status == ContractStatus.Cancelled)
            {
                return CancelledAmounts(contract);
            }

            var validated = ContractAmounts.Validate(
                request.TotalAmount ?? contract.TotalAmount,
                request.AmountDue ?? contract.AmountDue,
                dueWasGiven: request.AmountDue is not null);
            if (!validated.IsOk)
            {
                return validated.AsFailure();
            }

            amounts = validated.Value;
            if (contract.Status == ContractStatus.PendingSignature && amounts.Total != contract.TotalAmount)
            {
                // Managers approve the total they were shown; it cannot move under their decision.
                return Failure.Conflict(new Text("contract.update.totalWhilePending", contract.Id));
            }
        }

        if (request.Signed == false && contract.Status == ContractStatus.Signed)
        {
            return Failure.Conflict(new Text("contract.update.unsign", contract.Id));
        }

        if (wantsSigned && (signAction == CrmAction.SignContract ? ContractSigning.CannotSign(contract) : ContractSigning.CannotRequest(contract)) is { } stateConflict)
        {
            return stateConflict;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changed = amounts is not null && ChangeAmounts(actor, contract, amounts, now);
        Failure? failure;
        if (wantsSigned && signAction == CrmAction.SignContract)
        {
            var pending = await db.FindPendingRequestAsync(contract.Id, cancellationToken);
            await ContractSigning.SignAsync(db, actor, contract, await db.CollaboratorAsync(actor, cancellationToken), pending, null, now, cancellationToken);
            failure = await db.TrySaveAsync(cancellationToken);
        }
        else if (wantsSigned)
        {
            var managers = await db.ActiveManagerIdsAsync(cancellationToken);
            var signatureRequest = ContractSigning.Request(db, contract, await db.CollaboratorAsync(actor, cancellationToken), now);
            failure = await db.TrySaveInsertAsync(() => ContractSigning.Announce(db, actor, signatureRequest, managers, now), cancellationToken);
        }
        else if (changed)
        {
            failure = await db.TrySaveAsync(cancellationToken);
        }
        else
        {
            failure = null;
        }

        if (failure is not null)
        {
            return failure;
        }

        var view = await db.ContractViewAsync(contract.Id, cancellationToken);
        var requested = wantsSigned && signAction == CrmAction.RequestSignature;
        return new ContractUpdateOutcome(view, requested, requested ? await Signatures.Approvers.ReachAsync(db, cancellationToken) : []);
    }

    internal static Failure CancelledAmounts(Contract contract) =>
        Failure.Conflict(new Text("contract.update.cancelled", contract.Id));

    private bool ChangeAmounts(Actor actor, Contract contract, ContractAmounts amounts, DateTime now)
    {
        var changes = new FieldChanges()
            .Add(FieldNames.TotalAmount, contract.TotalAmount, amounts.Total)
            .Add(FieldNames.AmountDue, contract.AmountDue, amounts.Due);
        if (!changes.Any)
        {
            return false;
        }

        contract.ChangeAmounts(amounts.Total, amounts.Due, now);
        db.Record(actor, now, "contract.amounts_updated", AuditEntity.Contract, contract.Id, changes);
        return true;
    }
}
