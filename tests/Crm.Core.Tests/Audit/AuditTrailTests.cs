using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Tests.Infrastructure;

namespace EpicEvents.Crm.Tests.Audit;

public sealed class AuditTrailTestsOnSqlite : AuditTrailTests<Sqlite>;

public sealed class AuditTrailTestsOnPostgres : AuditTrailTests<Postgres>;

public abstract class AuditTrailTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    [Fact]
    public async Task Management_reads_the_whole_trail_newest_first_with_the_actors_names()
    {
        var client = await World.NewClientAsync(World.Sales);
        World.Clock.Advance(TimeSpan.FromMinutes(5));
        (await World.Get<UpdateClient>().ExecuteAsync(World.Manager, new UpdateClientRequest(client.Id, CompanyName: "Renamed"))).ShouldBeOk();
        await World.AuditAsync(Actor.System, "system.maintenance", AuditEntity.Role, 1);

        var page = (await World.Get<ListAuditEntries>().ExecuteAsync(World.Manager, new AuditFilter(), PageRequest.First())).ShouldBeOk();

        page.Items.Select(e => e.Action).Should().Equal("system.maintenance", "client.updated", "client.created");
        page.Items.Select(e => e.ActorName).Should().Equal(null, "Marie Gestion", "Sophie Commerciale");
        page.Items[1].Changes.Should().ContainSingle(c => c.Field == "companyName" && c.New == "Renamed");
        page.Items[1].At.Should().Be(World.Clock.UtcNow);
        page.Items[1].Source.Should().Be(ChangeSource.Cli);
    }

    [Fact]
    public async Task Sales_read_only_the_history_of_their_clients_and_of_those_clients_contracts_and_events()
    {
        var mine = await World.NewClientAsync(World.Sales);
        var theirs = await World.NewClientAsync(World.Sales2);
        var myContract = await World.NewContractInStatusAsync(mine.Id);
        var theirContract = await World.NewContractInStatusAsync(theirs.Id);
        var myEvent = await World.NewEventAsync(myContract, TimeSpan.FromDays(10));
        var theirEvent = await World.NewEventAsync(theirContract, TimeSpan.FromDays(10));
        await World.AuditAsync(World.Manager, "contract.created", AuditEntity.Contract, myContract);
        await World.AuditAsync(World.Manager, "contract.created", AuditEntity.Contract, theirContract);
        await World.AuditAsync(World.Manager, "event.created", AuditEntity.Event, myEvent);
        await World.AuditAsync(World.Manager, "event.created", AuditEntity.Event, theirEvent);
        await World.AuditAsync(World.Manager, "collaborator.updated", AuditEntity.Collaborator, World.Sales.Id);

        var page = (await World.Get<ListAuditEntries>().ExecuteAsync(World.Sales, new AuditFilter(), PageRequest.First())).ShouldBeOk();

        page.Items.Select(e => (e.EntityType, e.EntityId)).Should().Equal(
            (AuditEntity.Event, myEvent), (AuditEntity.Contract, myContract), (AuditEntity.Client, mine.Id));
        var asked = (await World.Get<ListAuditEntries>().ExecuteAsync(World.Sales, new AuditFilter(AuditEntity.Client, theirs.Id), PageRequest.First())).ShouldBeOk();
        asked.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task A_reassigned_clients_history_moves_to_its_new_sales_contact()
    {
        var client = await World.NewClientAsync(World.Sales);
        (await World.Get<ReassignClient>().ExecuteAsync(World.Manager, new ReassignClientRequest(client.Id, World.Sales2.Id))).ShouldBeOk();

        var former = (await World.Get<ListAuditEntries>().ExecuteAsync(World.Sales, new AuditFilter(), PageRequest.First())).ShouldBeOk();
        var current = (await World.Get<ListAuditEntries>().ExecuteAsync(World.Sales2, new AuditFilter(), PageRequest.First())).ShouldBeOk();

        former.IsEmpty.Should().BeTrue();
        current.Items.Select(e => e.Action).Should().Equal("client.reassigned", "client.created");
    }

    [Fact]
    public async Task Support_read_only_the_history_of_the_events_they_support()
    {
        var client = await World.NewClientAsync(World.Sales);
        var contract = await World.NewContractInStatusAsync(client.Id);
        var mine = await World.NewEventAsync(contract, TimeSpan.FromDays(2), World.Support);
        var theirs = await World.NewEventAsync(contract, TimeSpan.FromDays(3), World.Support2);
        await World.AuditAsync(World.Manager, "event.support_assigned", AuditEntity.Event, mine);
        await World.AuditAsync(World.Manager, "event.support_assigned", AuditEntity.Event, theirs);
        await World.AuditAsync(World.Manager, "contract.created", AuditEntity.Contract, contract);

        var page = (await World.Get<ListAuditEntries>().ExecuteAsync(World.Support, new AuditFilter(), PageRequest.First())).ShouldBeOk();

        page.Items.Should().ContainSingle().Which.EntityId.Should().Be(mine);
    }

    [Fact]
    public async Task Filters_by_record_and_time_combine()
    {
        var first = await World.NewClientAsync(World.Sales);
        World.Clock.Advance(TimeSpan.FromDays(1));
        var cutoff = World.Clock.UtcNow;
        var second = await World.NewClientAsync(World.Sales);
        (await World.Get<UpdateClient>().ExecuteAsync(World.Sales, new UpdateClientRequest(first.Id, FullName: "Later Edit"))).ShouldBeOk();

        var ofFirst = (await World.Get<ListAuditEntries>().ExecuteAsync(World.Manager, new AuditFilter(AuditEntity.Client, first.Id), PageRequest.First())).ShouldBeOk();
        var recentOfFirst = (await World.Get<ListAuditEntries>().ExecuteAsync(World.Manager, new AuditFilter(AuditEntity.Client, first.Id, cutoff), PageRequest.First())).ShouldBeOk();
        var recent = (await World.Get<ListAuditEntries>().ExecuteAsync(World.Sales, new AuditFilter(Since: cutoff), PageRequest.First())).ShouldBeOk();

        ofFirst.Items.Select(e => e.Action).Should().Equal("client.updated", "client.created");
        recentOfFirst.Items.Select(e => e.Action).Should().Equal("client.updated");
        recent.Items.Select(e => e.EntityId).Should().Equal(first.Id, second.Id);
        (await World.Get<ListAuditEntries>().ExecuteAsync(World.Manager, new AuditFilter(EntityId: first.Id), PageRequest.First())).ShouldBeInvalidOn("entityId");
        (await World.Get<ListAuditEntries>().ExecuteAsync(World.Manager, new AuditFilter((AuditEntity)99), PageRequest.First())).ShouldBeInvalidOn("entityType");
    }

    [Fact]
    public async Task The_trail_is_keyset_paged_without_gaps_or_repeats()
    {
        for (var i = 0; i < 5; i++)
        {
            await World.NewClientAsync(World.Sales);
        }

        var all = (await World.Get<ListAuditEntries>().ExecuteAsync(World.Manager, new AuditFilter(), PageRequest.First())).ShouldBeOk();
        var seen = new List<long>();
        string? after = null;
        do
        {
            var page = (await World.Get<ListAuditEntries>().ExecuteAsync(World.Manager, new AuditFilter(), new PageRequest(2, after))).ShouldBeOk();
            seen.AddRange(page.Items.Select(e => e.Id));
            after = page.Next;
        }
        while (after is not null);

        seen.Should().HaveCount(5).And.Equal(all.Items.Select(e => e.Id)).And.BeInDescendingOrder();
    }

    [Fact]
    public async Task A_collaborator_with_a_temporary_password_or_deactivated_cannot_read_the_trail()
    {
        var temporary = World.Manager with { MustChangePassword = true };
        var deactivated = World.Manager with { IsActive = false };

        (await World.Get<ListAuditEntries>().ExecuteAsync(temporary, new AuditFilter(), PageRequest.First())).ShouldBe(Outcome.Forbidden);
        (await World.Get<ListAuditEntries>().ExecuteAsync(deactivated, new AuditFilter(), PageRequest.First())).ShouldBe(Outcome.Forbidden);
    }
}
