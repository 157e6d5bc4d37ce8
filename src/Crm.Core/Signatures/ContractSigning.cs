using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Signatures;

/// <summary>
/// The signature workflow shared by the use cases that sign, request, decide or cancel: the state
/// rules, the changes with their audit entries and notifications, and the messages users see.
/// </summary>
internal static class ContractSigning
{
    /// <summary>Why the contract cannot be signed now, or null.</summary>
    public static Failure? CannotSign(Contract contract) => contract.Status switch
    {
        ContractStatus.Signed => Failure.Conflict(AlreadySigned(contract)),
        ContractStatus.Cancelled => Failure.Conflict(new Text("contract.sign.cancelled", contract.Id)),
        _ => null,
    };

    /// <summary>Why a signature cannot be requested for the contract now, or null.</summary>
    public static Failure? CannotRequest(Contract contract) => contract.Status switch
    {
        ContractStatus.PendingSignature => Failure.Conflict(new Text("contract.sign.alreadyPending", contract.Id)),
        ContractStatus.Signed => Failure.Conflict(AlreadySigned(contract)),
        ContractStatus.Cancelled => Failure.Conflict(new Text("contract.sign.requestCancelled", contract.Id)),
        _ => null,
    };

    /// <summary>Messages carry times in UTC, explicitly, since the core does not know the reader's time zone.</summary>
    public static Text AlreadySigned(Contract contract) =>
        contract is { SignedBy: { } by, SignedAt: { } at }
            ? new Text("contract.sign.alreadySignedBy", contract.Id, by.FullName, at)
            : new Text("contract.sign.alreadySigned", contract.Id);

    /// <summary>Tells a late decider who decided first, when and, for a rejection, why.</summary>
    public static Text AlreadyDecided(SignatureRequest request)
    {
        object who = request.DecidedBy?.FullName is { } name ? name : new Text("signature.anotherManager");
        var when = request.DecidedAt is { } at ? new Text("signature.decidedOn", at) : new Text("signature.decidedEarlier");
        return request.Status switch
        {
            SignatureRequestStatus.Approved => new Text("signature.alreadyApproved", request.Id, who, when),
            SignatureRequestStatus.Rejected => new Text("signature.alreadyRejected", request.Id, who, when, request.Reason),
            SignatureRequestStatus.Withdrawn => new Text("signature.withdrawn", request.Id, who, when, request.ContractId),
            _ => new Text("signature.stillPending", request.Id),
        };
    }

    public static Task<Collaborator> CollaboratorAsync(this CrmDbContext db, Actor actor, CancellationToken cancellationToken) =>
        db.Collaborators.SingleAsync(c => c.Id == actor.Id, cancellationToken);

    /// <summary>Everyone who must be asked to approve a new request.</summary>
    public static Task<List<int>> ActiveManagerIdsAsync(this CrmDbContext db, CancellationToken cancellationToken) =>
        db.Collaborators.Where(c => c.IsActive && c.Role.Department == Department.Management)
            .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);

    /// <summary>Signs the contract; its pending request, if any, becomes approved by the signer.</summary>
    public static async Task SignAsync(CrmDbContext db, Actor actor, Contract contract, Collaborator manager, SignatureRequest? pending, string? reason, DateTime now, CancellationToken cancellationToken)
    {
        var changes = new FieldChanges()
            .Add(FieldNames.Status, contract.Status, ContractStatus.Signed)
            .Add<DateTime?>(FieldNames.SignedAt, contract.SignedAt, now)
            .Add<int?>(FieldNames.SignedById, contract.SignedById, manager.Id)
            .Add<int?>(FieldNames.SignatureRequestId, null, pending?.Id);
        contract.Sign(manager, now);
        db.Record(actor, now, "contract.signed", AuditEntity.Contract, contract.Id, changes);
        if (pending is not null)
        {
            await DecideAsync(db, actor, pending, SignatureRequestStatus.Approved, manager, reason, now, cancellationToken);
        }
    }

    /// <summary>Rejects a pending request; the contract returns to draft so that it can be corrected and requested again.</summary>
    public static async Task RejectAsync(CrmDbContext db, Actor actor, SignatureRequest request, Collaborator manager, string reason, DateTime now, CancellationToken cancellationToken)
    {
        await DecideAsync(db, actor, request, SignatureRequestStatus.Rejected, manager, reason, now, cancellationToken);
        ReturnToDraft(db, actor, request.Contract, now);
    }

    /// <summary>Cancels an open contract; its pending request, if any, is withdrawn.</summary>
    public static async Task CancelAsync(CrmDbContext db, Actor actor, Contract contract, Collaborator manager, SignatureRequest? pending, DateTime now, CancellationToken cancellationToken)
    {
        db.Record(actor, now, "contract.cancelled", AuditEntity.Contract, contract.Id, new FieldChanges()
            .Add(FieldNames.Status, contract.Status, ContractStatus.Cancelled));
        contract.Cancel(now);
        if (pending is not null)
        {
            await DecideAsync(db, actor, pending, SignatureRequestStatus.Withdrawn, manager, null, now, cancellationToken);
        }
    }

    /// <summary>Opens a request and puts the contract in <see cref="ContractStatus.PendingSignature"/>; <see cref="Announce"/> follows once its id is known.</summary>
    public static SignatureRequest Request(CrmDbContext db, Contract contract, Collaborator requester, DateTime now)
    {
        var request = new SignatureRequest(contract, requester, now);
        contract.MarkPendingSignature(now);
        db.SignatureRequests.Add(request);
        return request;
    }

    /// <summary>Audits a new request and asks every active manager to decide it.</summary>
    public static void Announce(CrmDbContext db, Actor actor, SignatureRequest request, IEnumerable<int> managerIds, DateTime now)
    {
        db.Record(actor, now, "contract.signature_requested", AuditEntity.Contract, request.ContractId, new FieldChanges()
            .Add(FieldNames.Status, ContractStatus.Draft, ContractStatus.PendingSignature)
            .Add<int?>(FieldNames.SignatureRequestId, null, request.Id));
        foreach (var managerId in managerIds)
        {
            db.Notify(NotificationKind.SignatureRequested, managerId, request.Id, now);
        }
    }

    private static void ReturnToDraft(CrmDbContext db, Actor actor, Contract contract, DateTime now)
    {
        db.Record(actor, now, "contract.returned_to_draft", AuditEntity.Contract, contract.Id, new FieldChanges()
            .Add(FieldNames.Status, contract.Status, ContractStatus.Draft));
        contract.ReturnToDraft(now);
    }

    /// <summary>
    /// Closes a request, tells the requester (unless they closed it themself) and has every approval
    /// card sent for it updated in place to show the outcome.
    /// </summary>
    private static async Task DecideAsync(CrmDbContext db, Actor actor, SignatureRequest request, SignatureRequestStatus decision, Collaborator manager, string? reason, DateTime now, CancellationToken cancellationToken)
    {
        var changes = new FieldChanges()
            .Add(FieldNames.Status, request.Status, decision)
            .Add<int?>(FieldNames.DecidedById, null, manager.Id)
            .Add(FieldNames.Reason, null, reason);
        request.Decide(decision, manager, reason, now);
        db.Record(actor, now, "signature." + decision.ToString().ToLowerInvariant(), AuditEntity.SignatureRequest, request.Id, changes);
        if (request.RequestedById != manager.Id)
        {
            db.Notify(NotificationKind.SignatureDecided, request.RequestedById, request.Id, now);
        }

        var cardHolders = await db.OutboxMessages
            .Where(m => m.Kind == NotificationKind.SignatureRequested && m.SubjectId == request.Id)
            .Select(m => m.RecipientId).Distinct().OrderBy(id => id)
            .ToListAsync(cancellationToken);
        foreach (var holder in cardHolders)
        {
            db.Notify(NotificationKind.ApprovalCardUpdate, holder, request.Id, now);
        }
    }
}
