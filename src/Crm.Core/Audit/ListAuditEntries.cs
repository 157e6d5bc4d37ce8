using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Audit;

/// <param name="EntityType">Only entries about this kind of record.</param>
/// <param name="EntityId">Only entries about this record (needs <paramref name="EntityType"/>).</param>
/// <param name="Since">Only entries at or after this instant (UTC).</param>
public sealed record AuditFilter(AuditEntity? EntityType = null, int? EntityId = null, DateTime? Since = null);

/// <summary>
/// The audit trail, newest first, keyset-paged by id. Management reads all of it; Sales the entries
/// about the clients they follow and those clients' contracts, signature requests and events;
/// Support the entries about the events they support. Ownership is today's: a reassigned client's
/// history moves with it.
/// </summary>
public sealed class ListAuditEntries(CrmDbContext db) : IUseCase
{
    public async Task<Result<Page<AuditEntryView>>> ExecuteAsync(Actor actor, AuditFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.ReadAuditTrail, out var access) is { } refusal)
        {
            return refusal;
        }

        var validation = new Validation()
            .Check(FieldNames.EntityType, filter.EntityType is { } type && !Enum.IsDefined(type) ? new Text("audit.entityType.invalid") : null)
            .Check(FieldNames.EntityId, filter.EntityId is not null && filter.EntityType is null ? new Text("audit.entityId.withoutType") : null);
        if (validation.HasErrors)
        {
            return validation.Failure;
        }

        if (Paging.ReadIdCursor(page, out var limit, out var afterId) is { } invalidPage)
        {
            return invalidPage;
        }

        var query = access == Reach.All ? db.AuditEntries.AsNoTracking() : Own(actor);
        if (filter.EntityType is { } entityType)
        {
            query = query.Where(a => a.EntityType == entityType);
        }

        if (filter.EntityId is { } entityId)
        {
            query = query.Where(a => a.EntityId == entityId);
        }

        if (filter.Since is { } since)
        {
            var sinceUtc = since.Kind == DateTimeKind.Local ? since.ToUniversalTime() : DateTime.SpecifyKind(since, DateTimeKind.Utc);
            query = query.Where(a => a.At >= sinceUtc);
        }

        if (afterId is { } after)
        {
            query = query.Where(a => a.Id < after);
        }

        // The actor's name comes from a left join in the same query: no query per row.
        var rows = await (
                from a in query.OrderByDescending(a => a.Id).TakePage(limit)
                join c in db.Collaborators on a.ActorId equals (int?)c.Id into actors
                from c in actors.DefaultIfEmpty()
                orderby a.Id descending
                select new AuditEntryView(a.Id, a.At, a.ActorId, c != null ? c.FullName : null, a.Source, a.Action, a.EntityType, a.EntityId, a.Changes))
            .ToListAsync(cancellationToken);
        return Paging.ToPage(rows, limit, last => Cursor.ForId(last.Id));
    }

    /// <summary>The entries about the actor's own records, as "own" is defined in SPEC §2.</summary>
    private IQueryable<AuditEntry> Own(Actor actor)
    {
        var me = actor.Id;
        var entries = db.AuditEntries.AsNoTracking();
        switch (actor.Department)
        {
            case Department.Support:
                var supported = db.Events.Where(e => e.SupportContactId == me).Select(e => (int?)e.Id);
                return entries.Where(a => a.EntityType == AuditEntity.Event && supported.Contains(a.EntityId));
            case Department.Sales:
                var clients = db.Clients.Where(c => c.SalesContactId == me).Select(c => (int?)c.Id);
                var contracts = db.Contracts.Where(k => k.Client.SalesContactId == me).Select(k => (int?)k.Id);
                var signatureRequests = db.SignatureRequests.Where(s => s.Contract.Client.SalesContactId == me).Select(s => (int?)s.Id);
                var events = db.Events.Where(e => e.Contract.Client.SalesContactId == me).Select(e => (int?)e.Id);
                return entries.Where(a =>
                    (a.EntityType == AuditEntity.Client && clients.Contains(a.EntityId))
                    || (a.EntityType == AuditEntity.Contract && contracts.Contains(a.EntityId))
                    || (a.EntityType == AuditEntity.SignatureRequest && signatureRequests.Contains(a.EntityId))
                    || (a.EntityType == AuditEntity.Event && events.Contains(a.EntityId)));
            default:
                return entries.Where(_ => false);
        }
    }
}
