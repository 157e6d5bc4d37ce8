using System.Globalization;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Collaborators;

/// <summary>
/// What a collaborator still owns and someone must take over before they leave or change department
/// (SPEC §2): a Sales collaborator's clients (and so their open contracts), a Support collaborator's
/// upcoming events. Past events keep their support contact: that is history.
/// </summary>
internal sealed record Workload(IReadOnlyList<int> ClientIds, IReadOnlyList<int> OpenContractIds, IReadOnlyList<int> UpcomingEventIds)
{
    /// <summary>Beyond this many ids a message says "and N more": the list must stay readable in a chat.</summary>
    private const int ListedIds = 20;

    public bool IsEmpty => ClientIds.Count == 0 && UpcomingEventIds.Count == 0;

    public static async Task<Workload> OfAsync(CrmDbContext db, Collaborator collaborator, DateTime now, CancellationToken cancellationToken)
    {
        switch (collaborator.Role.Department)
        {
            case Department.Sales:
                var clients = await db.Clients.Where(c => c.SalesContactId == collaborator.Id).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
                var contracts = await db.Contracts
                    .Where(k => k.Client.SalesContactId == collaborator.Id && (k.Status == ContractStatus.Draft || k.Status == ContractStatus.PendingSignature))
                    .OrderBy(k => k.Id).Select(k => k.Id).ToListAsync(cancellationToken);
                return new Workload(clients, contracts, []);
            case Department.Support:
                var events = await db.Events.Where(e => e.SupportContactId == collaborator.Id && e.StartsAt >= now)
                    .OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(cancellationToken);
                return new Workload([], [], events);
            default:
                return new Workload([], [], []);
        }
    }

    /// <summary>"Sophie Martin still follows clients 3, 5 (open contracts 7)." — ids only, which Management may read anyway.</summary>
    public Text Describe(string fullName)
    {
        var parts = new List<Text>();
        if (ClientIds.Count > 0)
        {
            parts.Add(OpenContractIds.Count > 0
                ? new Text("workload.clientsAndContracts", Ids(ClientIds), Ids(OpenContractIds))
                : new Text("workload.clients", Ids(ClientIds)));
        }

        if (UpcomingEventIds.Count > 0)
        {
            parts.Add(new Text("workload.events", Ids(UpcomingEventIds)));
        }

        return new Text("workload.stillOwns", fullName, parts is [var only] ? only : new Text("workload.both", parts[0], parts[1]));
    }

    private static object Ids(IReadOnlyList<int> ids)
    {
        var listed = string.Join(", ", ids.Take(ListedIds).Select(id => id.ToString(CultureInfo.InvariantCulture)));
        return ids.Count > ListedIds ? new Text("workload.idsAndMore", listed, ids.Count - ListedIds) : listed;
    }
}
