using System.Linq.Expressions;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Signatures;

/// <summary>A signature request as an approval card or a list shows it, with the names loaded in the same query.</summary>
public sealed record SignatureRequestView(
    int Id,
    int ContractId,
    int ClientId,
    string ClientName,
    string ClientCompany,
    decimal TotalAmount,
    decimal AmountDue,
    ContractStatus ContractStatus,
    int RequestedById,
    string RequestedByName,
    DateTime RequestedAt,
    SignatureRequestStatus Status,
    int? DecidedById,
    string? DecidedByName,
    DateTime? DecidedAt,
    string? Reason,
    int Version)
{
    public bool IsPending => Status == SignatureRequestStatus.Pending;

    internal static Expression<Func<SignatureRequest, SignatureRequestView>> Projection { get; } = s => new SignatureRequestView(
        s.Id,
        s.ContractId,
        s.Contract.ClientId,
        s.Contract.Client.FullName,
        s.Contract.Client.CompanyName,
        s.Contract.TotalAmount,
        s.Contract.AmountDue,
        s.Contract.Status,
        s.RequestedById,
        s.RequestedBy.FullName,
        s.RequestedAt,
        s.Status,
        s.DecidedById,
        s.DecidedBy != null ? s.DecidedBy.FullName : null,
        s.DecidedAt,
        s.Reason,
        s.Version);
}

internal static class SignatureRequestQueries
{
    /// <summary>The saved state of one request, read back after a change.</summary>
    public static Task<SignatureRequestView> SignatureRequestViewAsync(this CrmDbContext db, int requestId, CancellationToken cancellationToken) =>
        db.SignatureRequests.AsNoTracking().Where(s => s.Id == requestId).Select(SignatureRequestView.Projection).SingleAsync(cancellationToken);

    /// <summary>A request, tracked, with its contract, client and the people its messages name.</summary>
    public static Task<SignatureRequest?> FindRequestAsync(this CrmDbContext db, int requestId, CancellationToken cancellationToken) =>
        db.SignatureRequests
            .Include(s => s.Contract).ThenInclude(c => c.Client)
            .Include(s => s.Contract).ThenInclude(c => c.SignedBy)
            .Include(s => s.RequestedBy)
            .Include(s => s.DecidedBy)
            .SingleOrDefaultAsync(s => s.Id == requestId, cancellationToken);
}
