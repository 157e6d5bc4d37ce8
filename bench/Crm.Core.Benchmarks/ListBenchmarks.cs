using BenchmarkDotNet.Attributes;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Crm.Benchmarks;

/// <summary>
/// The first page (25 rows) of every list and filter of SPEC §3, through the real use cases, on a
/// company of 100 000 clients. Each call resolves its use case from a new scope, as a CLI command or
/// a bot turn does, so the figure includes the DbContext's creation.
/// </summary>
[MemoryDiagnoser]
public class ListBenchmarks
{
    private static readonly PageRequest FirstPage = PageRequest.First();

    // The demo company's words have no digits and no "q" before "x": these match nothing, the worst
    // case of a search (every candidate read, nothing to stop at).
    private const string NoMatch = "qxqxq";
    private const string NoMatchShort = "qx";

    private ServiceProvider _services = null!;
    private Actor _manager = null!;
    private Actor _sales = null!;
    private Actor _support = null!;
    private int _clientId;
    private string _commonTerm = null!;
    private string _rareTerm = null!;
    private string _contractNumber = null!;

    [Params(BenchProvider.Sqlite, BenchProvider.PostgreSql)]
    public BenchProvider Provider { get; set; }

    // Synchronous on purpose: the in-process toolchain does not await an asynchronous set-up.
    [GlobalSetup]
    public void SetUp() => SetUpAsync().GetAwaiter().GetResult();

    private async Task SetUpAsync()
    {
        await BenchDatabase.PrepareAsync(Provider);
        _services = BenchDatabase.Services(Provider);
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        _manager = await ActorAsync(db, Department.Management);
        _sales = await ActorAsync(db, Department.Sales);
        _support = await ActorAsync(db, Department.Support);
        var client = await db.Clients.AsNoTracking().Where(c => db.Contracts.Any(k => k.ClientId == c.Id)).OrderByDescending(c => c.Id).FirstAsync();
        _clientId = client.Id;
        _rareTerm = client.Email;
        _commonTerm = client.CompanyName.Split(' ')[0];
        _contractNumber = "#" + await db.Contracts.Where(c => c.ClientId == client.Id).Select(c => c.Id).FirstAsync();
    }

    [GlobalCleanup]
    public void CleanUp() => _services.Dispose();

    [Benchmark(Description = "clients: all")]
    public Task<int> ClientsAll() => Clients(_support, new ClientFilter());

    [Benchmark(Description = "clients: mine (Sales)")]
    public Task<int> ClientsMine() => Clients(_sales, new ClientFilter(Mine: true));

    [Benchmark(Description = "clients: search, common word")]
    public Task<int> ClientsSearchCommon() => Clients(_support, new ClientFilter(Search: _commonTerm));

    [Benchmark(Description = "clients: search, one match")]
    public Task<int> ClientsSearchRare() => Clients(_support, new ClientFilter(Search: _rareTerm));

    [Benchmark(Description = "clients: search, two letters, no match")]
    public Task<int> ClientsSearchShort() => Clients(_support, new ClientFilter(Search: NoMatchShort));

    [Benchmark(Description = "clients: without active sales contact")]
    public Task<int> ClientsOrphaned() => Clients(_manager, new ClientFilter(WithoutActiveSalesContact: true));

    [Benchmark(Description = "contracts: all")]
    public Task<int> ContractsAll() => Contracts(_support, new ContractFilter());

    [Benchmark(Description = "contracts: unsigned")]
    public Task<int> ContractsUnsigned() => Contracts(_support, new ContractFilter(Unsigned: true));

    [Benchmark(Description = "contracts: unpaid")]
    public Task<int> ContractsUnpaid() => Contracts(_support, new ContractFilter(Unpaid: true));

    [Benchmark(Description = "contracts: by status (Cancelled)")]
    public Task<int> ContractsByStatus() => Contracts(_support, new ContractFilter(Status: ContractStatus.Cancelled));

    [Benchmark(Description = "contracts: by client")]
    public Task<int> ContractsByClient() => Contracts(_support, new ContractFilter(ClientId: _clientId));

    [Benchmark(Description = "contracts: mine (Sales)")]
    public Task<int> ContractsMine() => Contracts(_sales, new ContractFilter(Mine: true));

    [Benchmark(Description = "contracts: mine + unsigned + unpaid")]
    public Task<int> ContractsCombined() => Contracts(_sales, new ContractFilter(Unsigned: true, Unpaid: true, Mine: true));

    [Benchmark(Description = "contracts: search, common word")]
    public Task<int> ContractsSearchCommon() => Contracts(_support, new ContractFilter(Search: _commonTerm));

    [Benchmark(Description = "contracts: search, one client (an email)")]
    public Task<int> ContractsSearchRare() => Contracts(_support, new ContractFilter(Search: _rareTerm));

    [Benchmark(Description = "contracts: search, a number (#id)")]
    public Task<int> ContractsSearchNumber() => Contracts(_support, new ContractFilter(Search: _contractNumber));

    [Benchmark(Description = "contracts: search, two letters, no match")]
    public Task<int> ContractsSearchShort() => Contracts(_support, new ContractFilter(Search: NoMatchShort));

    [Benchmark(Description = "events: search, common word (name)")]
    public Task<int> EventsSearchCommonName() => Events(_support, new EventFilter(Search: "gala"));

    [Benchmark(Description = "events: search, common word (client)")]
    public Task<int> EventsSearchCommonClient() => Events(_support, new EventFilter(Search: _commonTerm));

    [Benchmark(Description = "events: search, one client (an email)")]
    public Task<int> EventsSearchRare() => Events(_support, new EventFilter(Search: _rareTerm));

    [Benchmark(Description = "events: search, no match")]
    public Task<int> EventsSearchNone() => Events(_support, new EventFilter(Search: NoMatch));

    [Benchmark(Description = "events: search, two letters, no match")]
    public Task<int> EventsSearchShort() => Events(_support, new EventFilter(Search: NoMatchShort));

    [Benchmark(Description = "events: without support")]
    public Task<int> EventsUnassigned() => Events(_manager, new EventFilter(Unassigned: true));

    [Benchmark(Description = "events: mine (Support)")]
    public Task<int> EventsMineSupport() => Events(_support, new EventFilter(Mine: true));

    [Benchmark(Description = "events: mine (Sales)")]
    public Task<int> EventsMineSales() => Events(_sales, new EventFilter(Mine: true));

    [Benchmark(Description = "events: upcoming 30 days")]
    public Task<int> EventsUpcoming() => Events(_support, new EventFilter(Upcoming: true));

    [Benchmark(Description = "events: between two dates")]
    public Task<int> EventsBetween() => Events(_support, new EventFilter(From: DateTime.UtcNow.Date.AddDays(-60), To: DateTime.UtcNow.Date.AddDays(-30)));

    [Benchmark(Description = "events: by client")]
    public Task<int> EventsByClient() => Events(_support, new EventFilter(ClientId: _clientId));

    [Benchmark(Description = "collaborators: Sales department")]
    public Task<int> CollaboratorsByDepartment() => Collaborators(_support, new CollaboratorFilter(Department.Sales, IncludeInactive: false));

    [Benchmark(Description = "collaborators: all, inactive too")]
    public Task<int> CollaboratorsWithInactive() => Collaborators(_manager, new CollaboratorFilter(null, IncludeInactive: true));

    private static async Task<Actor> ActorAsync(CrmDbContext db, Department department) =>
        await db.Collaborators.AsNoTracking()
            .Where(c => c.IsActive && c.Role.Department == department)
            .OrderBy(c => c.Id)
            .Select(c => new Actor(c.Id, c.FullName, c.Role.Department, true, false, ChangeSource.Cli))
            .FirstAsync();

    private async Task<int> Clients(Actor actor, ClientFilter filter)
    {
        await using var scope = _services.CreateAsyncScope();
        return Count(await scope.ServiceProvider.GetRequiredService<ListClients>().ExecuteAsync(actor, filter, FirstPage));
    }

    private async Task<int> Contracts(Actor actor, ContractFilter filter)
    {
        await using var scope = _services.CreateAsyncScope();
        return Count(await scope.ServiceProvider.GetRequiredService<ListContracts>().ExecuteAsync(actor, filter, FirstPage));
    }

    private async Task<int> Events(Actor actor, EventFilter filter)
    {
        await using var scope = _services.CreateAsyncScope();
        return Count(await scope.ServiceProvider.GetRequiredService<ListEvents>().ExecuteAsync(actor, filter, FirstPage));
    }

    private async Task<int> Collaborators(Actor actor, CollaboratorFilter filter)
    {
        await using var scope = _services.CreateAsyncScope();
        return Count(await scope.ServiceProvider.GetRequiredService<ListCollaborators>().ExecuteAsync(actor, filter, FirstPage));
    }

    private static int Count<T>(Result<Page<T>> page) =>
        page.IsOk ? page.Value.Items.Count : throw new InvalidOperationException($"The list failed: {page.Message}");
}
