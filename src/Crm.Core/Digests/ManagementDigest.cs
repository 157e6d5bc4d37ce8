using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Signatures;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Digests;

/// <summary>
/// The sections of Management's digest: the same for every manager. Four SQL commands: the three
/// counts together, then each section's first rows.
/// </summary>
internal static class ManagementDigest
{
    /// <summary>How far ahead an event without support is worth Management's attention.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(7);

    public static async Task<IReadOnlyList<DigestSection>> ReadAsync(CrmDbContext db, int recipientId, DateTime now, CancellationToken cancellationToken)
    {
        var pending = db.SignatureRequests.AsNoTracking().Where(s => s.Status == SignatureRequestStatus.Pending);
        var soon = now + Horizon;
        // ix_events_unassigned (starts_at, id) WHERE support_contact_id IS NULL.
        var unassigned = db.Events.AsNoTracking().Where(e => e.SupportContactId == null && e.StartsAt >= now && e.StartsAt < soon);
        // ix_contracts_unpaid (id) WHERE amount_due > 0, then each contract's events by ix_events_contract.
        // Only a signed contract has events (an event is created for a signed contract), so no status test.
        var unpaidEnded = db.Contracts.AsNoTracking().Where(c => c.AmountDue > 0
            && db.Events.Any(e => e.ContractId == c.Id)
            && !db.Events.Any(e => e.ContractId == c.Id && e.EndsAt > now));

        var counts = await db.Collaborators.Where(c => c.Id == recipientId)
            .Select(_ => new { Pending = pending.Count(), Unassigned = unassigned.Count(), UnpaidEnded = unpaidEnded.Count() })
            .SingleAsync(cancellationToken);

        var pendingRows = await pending.OrderBy(s => s.RequestedAt).ThenBy(s => s.Id).Take(DigestSection.TopRows).Select(s => new DigestRow
        {
            SignatureRequestId = s.Id,
            ContractId = s.ContractId,
            ClientId = s.Contract.ClientId,
            ClientName = s.Contract.Client.FullName,
            ClientCompany = s.Contract.Client.CompanyName,
            Since = s.RequestedAt,
            TotalAmount = s.Contract.TotalAmount,
            AmountDue = s.Contract.AmountDue,
            PersonName = s.RequestedBy.FullName,
        }).ToListAsync(cancellationToken);

        var unassignedRows = await unassigned.OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Take(DigestSection.TopRows).Select(DigestRows.OfEvent).ToListAsync(cancellationToken);

        var unpaidRows = await unpaidEnded
            .Select(c => new { Contract = c, Ended = db.Events.Where(e => e.ContractId == c.Id).Max(e => e.EndsAt) })
            .OrderBy(x => x.Ended).ThenBy(x => x.Contract.Id).Take(DigestSection.TopRows)
            .Select(x => new DigestRow
            {
                ContractId = x.Contract.Id,
                ClientId = x.Contract.ClientId,
                ClientName = x.Contract.Client.FullName,
                ClientCompany = x.Contract.Client.CompanyName,
                Since = x.Ended,
                TotalAmount = x.Contract.TotalAmount,
                AmountDue = x.Contract.AmountDue,
                PersonName = x.Contract.Client.SalesContact == null ? null : x.Contract.Client.SalesContact.FullName,
            }).ToListAsync(cancellationToken);

        return
        [
            new(DigestTopic.PendingSignatures, counts.Pending, pendingRows),
            new(DigestTopic.EventsWithoutSupport, counts.Unassigned, unassignedRows),
            new(DigestTopic.UnpaidEndedContracts, counts.UnpaidEnded, unpaidRows),
        ];
    }
}
