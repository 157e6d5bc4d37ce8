using System.Linq.Expressions;
using EpicEvents.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Events;

/// <summary>
/// An event as front ends show it. The client, its contact details and its sales contact are read
/// through the contract, and every related name is loaded in the same query as the event.
/// </summary>
public sealed record EventView(
    int Id,
    string Name,
    int ContractId,
    int ClientId,
    string ClientFullName,
    string ClientEmail,
    string ClientPhone,
    string CompanyName,
    int? SalesContactId,
    string? SalesContactName,
    DateTime StartsAt,
    DateTime EndsAt,
    string Location,
    int ExpectedAttendees,
    int? ActualAttendees,
    string Notes,
    int? SupportContactId,
    string? SupportContactName,
    DateTime? SupportAcknowledgedAt,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int Version)
{
    internal static Expression<Func<Event, EventView>> Projection { get; } = e => new EventView(
        e.Id,
        e.Name,
        e.ContractId,
        e.Contract.ClientId,
        e.Contract.Client.FullName,
        e.Contract.Client.Email,
        e.Contract.Client.Phone,
        e.Contract.Client.CompanyName,
        e.Contract.Client.SalesContactId,
        e.Contract.Client.SalesContact != null ? e.Contract.Client.SalesContact.FullName : null,
        e.StartsAt,
        e.EndsAt,
        e.Location,
        e.ExpectedAttendees,
        e.ActualAttendees,
        e.Notes,
        e.SupportContactId,
        e.SupportContact != null ? e.SupportContact.FullName : null,
        e.SupportAcknowledgedAt,
        e.CreatedAt,
        e.UpdatedAt,
        e.Version);

    private static readonly Func<Event, EventView> FromLoaded = Projection.Compile();

    /// <summary>The view of an event loaded with its contract, client, sales contact and support contact.</summary>
    internal static EventView From(Event @event) => FromLoaded(@event);
}

internal static class EventLoading
{
    /// <summary>The event, tracked, with everything its view shows: contract, client, sales and support contacts.</summary>
    public static Task<Event?> FindForChangeAsync(this CrmDbContext db, int eventId, CancellationToken cancellationToken) =>
        db.Events
            .Include(e => e.Contract).ThenInclude(c => c.Client).ThenInclude(c => c.SalesContact)
            .Include(e => e.SupportContact)
            .SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
}
