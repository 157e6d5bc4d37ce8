using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Digests;

/// <summary>
/// The sections of a salesperson's weekly digest, all about their own clients. Four SQL commands:
/// the three counts together, then each section's first rows; each starts from the salesperson's
/// clients (ix_clients_sales_contact) and their contracts (ix_contracts_client).
/// </summary>
internal static class SalesDigest
{
    /// <summary>How old a draft must be before it is a reminder.</summary>
    public static readonly TimeSpan DraftAge = TimeSpan.FromDays(14);

    public static async Task<IReadOnlyList<DigestSection>> ReadAsync(CrmDbContext db, int recipientId, DateTime now, CancellationToken cancellationToken)
    {
        var createdBefore = now - DraftAge;
        // "client_id IN (the salesperson's clients)" rather than a join: SQLite, which has no statistics,
        // then reads each client's contracts in one status (ix_contracts_client_status) instead of every
        // contract of the company in that status.
        var myClients = db.Clients.Where(cl => cl.SalesContactId == recipientId).Select(cl => cl.Id);
        var mine = db.Contracts.AsNoTracking().Where(c => myClients.Contains(c.ClientId));
        var oldDrafts = mine.Where(c => c.Status == ContractStatus.Draft && c.CreatedAt < createdBefore);
        var unpaidSigned = mine.Where(c => c.Status == ContractStatus.Signed && c.AmountDue > 0);
        var withoutContract = db.Clients.AsNoTracking().Where(cl => cl.SalesContactId == recipientId && !db.Contracts.Any(c => c.ClientId == cl.Id));

        var counts = await db.Collaborators.Where(c => c.Id == recipientId)
            .Select(_ => new { OldDrafts = oldDrafts.Count(), UnpaidSigned = unpaidSigned.Count(), WithoutContract = withoutContract.Count() })
            .SingleAsync(cancellationToken);

        var draftRows = await oldDrafts.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Take(DigestSection.TopRows).Select(c => new DigestRow
        {
            ContractId = c.Id,
            ClientId = c.ClientId,
            ClientName = c.Client.FullName,
            ClientCompany = c.Client.CompanyName,
            Since = c.CreatedAt,
            TotalAmount = c.TotalAmount,
            AmountDue = c.AmountDue,
        }).ToListAsync(cancellationToken);

        var unpaidRows = await unpaidSigned.OrderBy(c => c.SignedAt).ThenBy(c => c.Id).Take(DigestSection.TopRows).Select(c => new DigestRow
        {
            ContractId = c.Id,
            ClientId = c.ClientId,
            ClientName = c.Client.FullName,
            ClientCompany = c.Client.CompanyName,
            Since = c.SignedAt,
            TotalAmount = c.TotalAmount,
            AmountDue = c.AmountDue,
        }).ToListAsync(cancellationToken);

        var clientRows = await withoutContract.OrderBy(cl => cl.Id).Take(DigestSection.TopRows).Select(cl => new DigestRow
        {
            ClientId = cl.Id,
            ClientName = cl.FullName,
            ClientCompany = cl.CompanyName,
            Since = cl.CreatedAt,
            Contact = new ClientContact(cl.FullName, cl.Email, cl.Phone),
        }).ToListAsync(cancellationToken);

        return
        [
            new(DigestTopic.OldDrafts, counts.OldDrafts, draftRows),
            new(DigestTopic.UnpaidSignedContracts, counts.UnpaidSigned, unpaidRows),
            new(DigestTopic.ClientsWithoutContract, counts.WithoutContract, clientRows),
        ];
    }
}
