using EpicEvents.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Digests;

/// <summary>
/// The section of a support collaborator's day-before digest: their events starting the next local
/// calendar day. Two SQL commands: the count, then the first rows (both on ix_events_support).
/// </summary>
internal static class SupportDigest
{
    public static async Task<IReadOnlyList<DigestSection>> ReadAsync(CrmDbContext db, int recipientId, DateTime now, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var (from, to) = LocalDay.Next(now, zone);
        var tomorrow = db.Events.AsNoTracking().Where(e => e.SupportContactId == recipientId && e.StartsAt >= from && e.StartsAt < to);
        var total = await tomorrow.CountAsync(cancellationToken);
        var rows = await tomorrow.OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Take(DigestSection.TopRows).Select(DigestRows.OfEvent).ToListAsync(cancellationToken);
        return [new(DigestTopic.EventsTomorrow, total, rows)];
    }
}

/// <summary>Calendar days of the configured time zone, as UTC bounds.</summary>
internal static class LocalDay
{
    /// <summary>
    /// The day after the one <paramref name="utc"/> falls on in <paramref name="zone"/>, from its first
    /// to its last instant (UTC): 23 or 25 hours long on the days the clocks change.
    /// </summary>
    public static (DateTime From, DateTime To) Next(DateTime utc, TimeZoneInfo zone)
    {
        var today = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).Date;
        return (Start(today.AddDays(1), zone), Start(today.AddDays(2), zone));
    }

    /// <summary>The first instant of a local day; where the clocks skip midnight, the first local time that exists.</summary>
    private static DateTime Start(DateTime day, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(day, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
