using EpicEvents.Crm.Access;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Outbox;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Infrastructure;

/// <summary>Short ways to reach a starting state for the event tests.</summary>
public static class EventScenarios
{
    private static int _sequence;

    /// <summary>
    /// A contract of the client in the given status, written straight to the database: the event
    /// tests need contracts, not the contract use cases. A signed contract is signed by Management.
    /// </summary>
    public static Task<int> NewContractInStatusAsync(this CrmWorld world, ClientView client, ContractStatus status = ContractStatus.Signed) =>
        world.NewContractInStatusAsync(client.Id, status);

    public static async Task<int> NewContractInStatusAsync(this CrmWorld world, int clientId, ContractStatus status = ContractStatus.Signed)
    {
        await using var db = world.NewContext();
        var now = world.Clock.UtcNow;
        var contract = new Contract(await db.Clients.SingleAsync(c => c.Id == clientId), 10_000m, 2_500m, now);
        switch (status)
        {
            case ContractStatus.PendingSignature:
                contract.MarkPendingSignature(now);
                break;
            case ContractStatus.Signed:
                contract.Sign(await db.Collaborators.SingleAsync(c => c.Id == world.Manager.Id), now);
                break;
            case ContractStatus.Cancelled:
                contract.Cancel(now);
                break;
        }

        db.Contracts.Add(contract);
        await db.SaveChangesAsync();
        return contract.Id;
    }

    /// <summary>A new client of <paramref name="sales"/> (Sales by default) with one signed contract.</summary>
    public static async Task<(ClientView Client, int ContractId)> NewClientWithSignedContractAsync(this CrmWorld world, Actor? sales = null)
    {
        var client = await world.NewClientAsync(sales ?? world.Sales);
        return (client, await world.NewContractInStatusAsync(client));
    }

    /// <summary>A valid creation request: a four-hour event a week from now unless told otherwise.</summary>
    public static CreateEventRequest EventRequest(this CrmWorld world, int contractId, DateTime? startsAt = null, TimeSpan? duration = null)
    {
        var n = Interlocked.Increment(ref _sequence);
        var start = startsAt ?? world.Clock.UtcNow.AddDays(7);
        return new CreateEventRequest(contractId, $"Event {n}", start, start + (duration ?? TimeSpan.FromHours(4)), $"Hall {n}, Paris", 120, "Vegan buffet");
    }

    /// <summary>An event created by Management through the real use case.</summary>
    public static async Task<EventView> NewEventAsync(this CrmWorld world, int contractId, DateTime? startsAt = null)
    {
        var result = await world.Get<CreateEvent>().ExecuteAsync(world.Manager, world.EventRequest(contractId, startsAt));
        return result.ShouldBeOk();
    }

    /// <summary>An event of a new signed contract of a new client of <paramref name="sales"/>.</summary>
    public static async Task<EventView> NewEventAsync(this CrmWorld world, Actor? sales = null, DateTime? startsAt = null)
    {
        var (_, contractId) = await world.NewClientWithSignedContractAsync(sales);
        return await world.NewEventAsync(contractId, startsAt);
    }

    /// <summary>An event assigned by Management to <paramref name="support"/>.</summary>
    public static async Task<EventView> NewEventSupportedByAsync(this CrmWorld world, Actor support, DateTime? startsAt = null)
    {
        var created = await world.NewEventAsync(startsAt: startsAt);
        var result = await world.Get<AssignSupport>().ExecuteAsync(world.Manager, new AssignSupportRequest(created.Id, support.Id));
        return result.ShouldBeOk();
    }

    /// <summary>The support notifications queued about one event (since a time, if given), oldest first, as (kind, recipient).</summary>
    public static async Task<List<(NotificationKind Kind, int RecipientId)>> NotificationsAboutAsync(this CrmWorld world, int eventId, DateTime? since = null)
    {
        await using var db = world.NewContext();
        var from = since ?? DateTime.MinValue;
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SubjectId == eventId && m.CreatedAt >= from && (m.Kind == NotificationKind.SupportAssigned
                || m.Kind == NotificationKind.SupportUnassigned
                || m.Kind == NotificationKind.SupportAssignedToYourClient))
            .OrderBy(m => m.Id)
            .Select(m => new { m.Kind, m.RecipientId })
            .ToListAsync();
        return rows.Select(r => (r.Kind, r.RecipientId)).ToList();
    }
}
