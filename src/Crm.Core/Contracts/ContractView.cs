using System.Linq.Expressions;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Signatures;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Contracts;

/// <summary>
/// A contract as front ends show it, with the client, its current sales contact, the signer and the
/// pending signature request loaded in the same query.
/// </summary>
public sealed record ContractView(
    int Id,
    int ClientId,
    string ClientName,
    string ClientCompany,
    int? SalesContactId,
    string? SalesContactName,
    decimal TotalAmount,
    decimal AmountDue,
    ContractStatus Status,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? SignedAt,
    int? SignedById,
    string? SignedByName,
    int? PendingSignatureRequestId,
    int Version)
{
    public bool IsSigned => Status == ContractStatus.Signed;

    public bool IsPaid => AmountDue == 0;

    /// <summary>The projection for a query; <paramref name="requests"/> supplies the pending request as a subquery.</summary>
    internal static Expression<Func<Contract, ContractView>> Projection(IQueryable<SignatureRequest> requests) => c => new ContractView(
        c.Id,
        c.ClientId,
        c.Client.FullName,
        c.Client.CompanyName,
        c.Client.SalesContactId,
        c.Client.SalesContact != null ? c.Client.SalesContact.FullName : null,
        c.TotalAmount,
        c.AmountDue,
        c.Status,
        c.CreatedAt,
        c.UpdatedAt,
        c.SignedAt,
        c.SignedById,
        c.SignedBy != null ? c.SignedBy.FullName : null,
        requests.Where(s => s.ContractId == c.Id && s.Status == SignatureRequestStatus.Pending).Select(s => (int?)s.Id).FirstOrDefault(),
        c.Version);
}

internal static class ContractQueries
{
    /// <summary>Contracts projected to their view, without tracking.</summary>
    public static IQueryable<ContractView> ContractViews(this CrmDbContext db, IQueryable<Contract> contracts) =>
        contracts.AsNoTracking().Select(ContractView.Projection(db.SignatureRequests.AsNoTracking()));

    /// <summary>The saved state of one contract, read back after a change.</summary>
    public static Task<ContractView> ContractViewAsync(this CrmDbContext db, int contractId, CancellationToken cancellationToken) =>
        db.ContractViews(db.Contracts.Where(c => c.Id == contractId)).SingleAsync(cancellationToken);

    /// <summary>A contract, tracked, with what its rules and messages need: the client and the signer.</summary>
    public static Task<Contract?> FindContractAsync(this CrmDbContext db, int contractId, CancellationToken cancellationToken) =>
        db.Contracts.Include(c => c.Client).Include(c => c.SignedBy)
            .SingleOrDefaultAsync(c => c.Id == contractId, cancellationToken);

    /// <summary>The pending signature request of a contract, tracked, if there is one.</summary>
    public static Task<SignatureRequest?> FindPendingRequestAsync(this CrmDbContext db, int contractId, CancellationToken cancellationToken) =>
        db.SignatureRequests.Include(s => s.RequestedBy)
            .SingleOrDefaultAsync(s => s.ContractId == contractId && s.Status == SignatureRequestStatus.Pending, cancellationToken);
}
