using System.Linq.Expressions;

namespace EpicEvents.Crm.Clients;

/// <summary>A client as front ends show it, with its sales contact's name loaded in the same query.</summary>
public sealed record ClientView(
    int Id,
    string FullName,
    string Email,
    string Phone,
    string CompanyName,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int? SalesContactId,
    string? SalesContactName,
    bool SalesContactActive,
    int Version)
{
    internal static Expression<Func<Client, ClientView>> Projection { get; } = c => new ClientView(
        c.Id,
        c.FullName,
        c.Email,
        c.Phone,
        c.CompanyName,
        c.CreatedAt,
        c.UpdatedAt,
        c.SalesContactId,
        c.SalesContact != null ? c.SalesContact.FullName : null,
        c.SalesContact != null && c.SalesContact.IsActive,
        c.Version);

    private static readonly Func<Client, ClientView> FromLoaded = Projection.Compile();

    /// <summary>The view of a client loaded with its sales contact.</summary>
    internal static ClientView From(Client client) => FromLoaded(client);
}
