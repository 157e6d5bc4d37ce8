using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Roles;
using EpicEvents.Crm.Signatures;
using EpicEvents.Crm.Tests.Infrastructure;

namespace EpicEvents.Crm.Tests.Persistence;

public sealed class QueryCountTestsOnSqlite : QueryCountTests<Sqlite>;

public sealed class QueryCountTestsOnPostgres : QueryCountTests<Postgres>;

/// <summary>
/// A page of any list, or one record's view, is read in a single SQL command with the related names
/// it shows: the cost of a list does not grow with the number of rows on the page (no N + 1).
/// </summary>
public abstract class QueryCountTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    [Fact]
    public async Task Every_list_page_and_detail_view_is_one_query_whatever_the_number_of_rows()
    {
        for (var i = 0; i < 3; i++)
        {
            await World.NewPendingContractAsync();
            await World.NewEventSupportedByAsync(World.Support);
            await World.NewEventSupportedByAsync(World.Support2);
        }

        var client = (await World.Get<ListClients>().ExecuteAsync(World.Manager, new ClientFilter(), PageRequest.First())).ShouldBeOk().Items[0];
        var contract = (await World.Get<ListContracts>().ExecuteAsync(World.Manager, new ContractFilter(), PageRequest.First())).ShouldBeOk().Items[0];
        var ev = (await World.Get<ListEvents>().ExecuteAsync(World.Manager, new EventFilter(), PageRequest.First())).ShouldBeOk().Items[0];

        await ExpectOneQuery("clients", async () => Rows(await World.Get<ListClients>().ExecuteAsync(World.Sales, new ClientFilter(Mine: true, Search: "client"), PageRequest.First())));
        await ExpectOneQuery("contracts", async () => Rows(await World.Get<ListContracts>().ExecuteAsync(World.Sales, new ContractFilter(Unsigned: true, Mine: true), PageRequest.First())));
        await ExpectOneQuery("events", async () => Rows(await World.Get<ListEvents>().ExecuteAsync(World.Support, new EventFilter(Mine: true, Upcoming: true), PageRequest.First())));
        await ExpectOneQuery("signature requests", async () => Rows(await World.Get<ListSignatureRequests>().ExecuteAsync(World.Manager, PageRequest.First())));
        await ExpectOneQuery("collaborators", async () => Rows(await World.Get<ListCollaborators>().ExecuteAsync(World.Manager, new CollaboratorFilter(IncludeInactive: true), PageRequest.First())));
        await ExpectOneQuery("roles", async () => Rows(await World.Get<ListRoles>().ExecuteAsync(World.Support, PageRequest.First())));
        await ExpectOneQuery("audit trail (Management)", async () => Rows(await World.Get<ListAuditEntries>().ExecuteAsync(World.Manager, new AuditFilter(), PageRequest.First())));
        await ExpectOneQuery("audit trail (Sales, own records)", async () => Rows(await World.Get<ListAuditEntries>().ExecuteAsync(World.Sales, new AuditFilter(), PageRequest.First())));
        await ExpectOneQuery("client detail", async () => One(await World.Get<GetClient>().ExecuteAsync(World.Support, client.Id)));
        await ExpectOneQuery("contract detail", async () => One(await World.Get<GetContract>().ExecuteAsync(World.Support, contract.Id)));
        await ExpectOneQuery("event detail", async () => One(await World.Get<GetEvent>().ExecuteAsync(World.Support, ev.Id)));
        await ExpectOneQuery("collaborator detail", async () => One(await World.Get<GetCollaborator>().ExecuteAsync(World.Support, World.Sales.Id)));
    }

    private static int Rows<T>(Result<Page<T>> page) => page.ShouldBeOk().Items.Count;

    private static int One<T>(Result<T> view)
    {
        view.ShouldBeOk();
        return 1;
    }

    private async Task ExpectOneQuery(string what, Func<Task<int>> read)
    {
        World.Commands.Reset();

        var rows = await read();

        rows.Should().BeGreaterThan(0, because: $"the {what} should not be empty");
        World.Commands.Count.Should().Be(1, because: $"the {what} should be read in one query for {rows} row(s)");
    }
}
