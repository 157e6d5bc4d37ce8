using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Digests;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Outbox;

namespace EpicEvents.Cli.Remote;

/// <summary>The CRM server's addresses for each list and record, relative to <c>/api/v1/</c>.</summary>
internal static class ApiPaths
{
    public static string Clients(ClientFilter filter, PageRequest page) => ApiQuery.For("clients", page)
        .With("mine", filter.Mine).With("search", filter.Search).With("noSalesContact", filter.WithoutActiveSalesContact).ToString();

    public static string Contracts(ContractFilter filter, PageRequest page) => ApiQuery.For("contracts", page)
        .With("unsigned", filter.Unsigned).With("unpaid", filter.Unpaid).With("status", filter.Status).With("clientId", filter.ClientId)
        .With("mine", filter.Mine).With("search", filter.Search).ToString();

    public static string Events(EventFilter filter, PageRequest page) => ApiQuery.For("events", page)
        .With("unassigned", filter.Unassigned).With("mine", filter.Mine).With("upcoming", filter.Upcoming).With("withinDays", filter.WithinDays)
        .With("from", filter.From).With("to", filter.To).With("clientId", filter.ClientId).With("contractId", filter.ContractId)
        .With("search", filter.Search).ToString();

    public static string Collaborators(CollaboratorFilter filter, PageRequest page) => ApiQuery.For("collaborators", page)
        .With("department", filter.Department).With("includeInactive", filter.IncludeInactive).ToString();

    public static string Roles(PageRequest page) => ApiQuery.For("roles", page).ToString();

    public static string Audit(AuditFilter filter, PageRequest page) => ApiQuery.For("audit", page)
        .With("entityType", filter.EntityType).With("entityId", filter.EntityId).With("since", filter.Since).ToString();

    public static string Notifications(NotificationFilter filter, PageRequest page) => ApiQuery.For("notifications", page)
        .With("failed", filter.FailedOnly).With("recipientId", filter.RecipientId).ToString();

    public static string Digest(DigestRequest request) =>
        request.For is { } person ? $"digests/{request.Kind.ToString().ToLowerInvariant()}?for={person}" : $"digests/{request.Kind.ToString().ToLowerInvariant()}";
}
