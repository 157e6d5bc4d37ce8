using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Tests.Infrastructure;

namespace EpicEvents.Crm.Tests.Events;

public sealed class EventSearchTestsOnSqlite : EventSearchTests<Sqlite>;

public sealed class EventSearchTestsOnPostgres : EventSearchTests<Postgres>;

public abstract class EventSearchTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    private DateTime Now => World.Clock.UtcNow;

    [Fact]
    public async Task Search_matches_the_name_and_the_location_ignoring_case_and_accents()
    {
        var (_, contract) = await World.NewClientWithSignedContractAsync();
        var seminar = await NewEventAsync(contract, "Séminaire annuel", "Château de Chantilly, Chantilly", Now.AddDays(1));
        await NewEventAsync(contract, "Soirée de gala", "Halle Tony Garnier, Lyon", Now.AddDays(2));

        foreach (var term in new[] { "seminaire", "SÉMINAIRE", "Sé", "chateau", "CHÂTEAU DE", "chantilly" })
        {
            (await IdsAsync(new EventFilter(Search: term))).Should().Equal([seminar.Id], because: $"'{term}' should find the seminar");
        }

        (await IdsAsync(new EventFilter(Search: "yo"))).Should().HaveCount(1, because: "a short text is searched too (Lyon)");
    }

    [Fact]
    public async Task Search_matches_the_clients_name_email_and_company_through_the_contract()
    {
        var zoe = await World.NewClientAsync(fullName: "Zoë Brontë-Hughes", company: "Brontë & Daughters Ltd");
        var contract = await World.NewContractInStatusAsync(zoe);
        var later = await NewEventAsync(contract, "Awards night", "Tobacco Dock, London", Now.AddDays(5));
        var sooner = await NewEventAsync(contract, "Board off-site", "The Guildhall, Bath", Now.AddDays(3));
        await World.NewEventAsync(startsAt: Now.AddDays(4));

        (await IdsAsync(new EventFilter(Search: "bronte"))).Should().Equal(sooner.Id, later.Id);
        (await IdsAsync(new EventFilter(Search: "DAUGHTERS"))).Should().Equal(sooner.Id, later.Id);
        (await IdsAsync(new EventFilter(Search: "zoe bronte-hughes"))).Should().Equal(sooner.Id, later.Id);
    }

    [Fact]
    public async Task An_event_found_both_by_its_name_and_by_its_client_is_listed_once_in_start_order()
    {
        var martin = await World.NewClientAsync(fullName: "Paul Martin", company: "Martin & Fils");
        var martinContract = await World.NewContractInStatusAsync(martin);
        var (_, otherContract) = await World.NewClientWithSignedContractAsync();
        var both = await NewEventAsync(martinContract, "Martin gala", "Paris", Now.AddDays(3));
        var byClient = await NewEventAsync(martinContract, "Kick-off", "Lyon", Now.AddDays(1));
        var byName = await NewEventAsync(otherContract, "Soirée Martin", "Nantes", Now.AddDays(2));
        await NewEventAsync(otherContract, "Workshop", "Nice", Now.AddDays(4));

        (await IdsAsync(new EventFilter(Search: "martin"))).Should().Equal(byClient.Id, byName.Id, both.Id);
    }

    [Fact]
    public async Task Search_pages_through_events_found_either_way_without_gaps_or_repeats()
    {
        var client = await World.NewClientAsync(fullName: "Hélène Gauthier", company: "Pâtisserie des Lilas");
        var contract = await World.NewContractInStatusAsync(client);
        var (_, otherContract) = await World.NewClientWithSignedContractAsync();
        var created = new List<EventView>();
        var days = new[] { 3, 1, 3, 2, 5, 1, 4, 2, 3 };
        for (var i = 0; i < days.Length; i++)
        {
            // Alternately an event of the client and an event of someone else named after the pastry shop.
            created.Add(i % 2 == 0
                ? await NewEventAsync(contract, $"Tasting {i}", "Paris", Now.AddDays(days[i]))
                : await NewEventAsync(otherContract, $"Lilas tea {i}", "Lyon", Now.AddDays(days[i])));
        }

        await NewEventAsync(otherContract, "Unrelated", "Lille", Now.AddDays(2));
        var expected = created.OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Select(e => e.Id).ToList();
        foreach (var size in new[] { 1, 2, 4 })
        {
            var seen = new List<int>();
            string? after = null;
            var pages = 0;
            do
            {
                var page = (await World.Get<ListEvents>().ExecuteAsync(World.Sales, new EventFilter(Search: "lilas"), new PageRequest(size, after))).ShouldBeOk();
                seen.AddRange(page.Items.Select(e => e.Id));
                after = page.Next;
                pages++;
            }
            while (after is not null && pages <= expected.Count);

            seen.Should().Equal(expected, because: $"pages of {size} should cover every match once, in order");
        }
    }

    [Fact]
    public async Task Search_combines_with_the_other_filters()
    {
        var (_, contract) = await World.NewClientWithSignedContractAsync();
        var past = await NewEventAsync(contract, "Garden party", "Bordeaux", Now.AddHours(1));
        var assigned = await NewEventAsync(contract, "Garden party", "Bordeaux", Now.AddDays(2));
        var open = await NewEventAsync(contract, "Garden party", "Bordeaux", Now.AddDays(3));
        (await World.Get<AssignSupport>().ExecuteAsync(World.Manager, new AssignSupportRequest(assigned.Id, World.Support.Id))).ShouldBeOk();
        World.Clock.Advance(TimeSpan.FromHours(2));

        (await IdsAsync(new EventFilter(Search: "garden"))).Should().Equal(past.Id, assigned.Id, open.Id);
        (await IdsAsync(new EventFilter(Search: "garden", Unassigned: true))).Should().Equal(past.Id, open.Id);
        (await IdsAsync(new EventFilter(Search: "garden", Upcoming: true))).Should().Equal(assigned.Id, open.Id);
        (await World.Get<ListEvents>().ExecuteAsync(World.Support, new EventFilter(Search: "bordeaux", Mine: true), PageRequest.First()))
            .ShouldBeOk().Items.Select(e => e.Id).Should().Equal(assigned.Id);
    }

    [Fact]
    public async Task Search_follows_renames_of_the_event_and_of_its_client()
    {
        var client = await World.NewClientAsync(fullName: "Seán O'Brien", company: "O'Brien & Partners");
        var contract = await World.NewContractInStatusAsync(client);
        var @event = await NewEventAsync(contract, "Retreat", "Kursaal, Bruxelles", Now.AddDays(2));

        (await World.Get<UpdateEvent>().ExecuteAsync(World.Manager, new UpdateEventRequest(@event.Id, Name: "Incentive trip", Location: "Palexpo, Genève"))).ShouldBeOk();
        (await World.Get<UpdateClient>().ExecuteAsync(World.Manager, new UpdateClientRequest(client.Id, CompanyName: "Kerry Holdings"))).ShouldBeOk();

        (await IdsAsync(new EventFilter(Search: "retreat"))).Should().BeEmpty();
        (await IdsAsync(new EventFilter(Search: "bruxelles"))).Should().BeEmpty();
        (await IdsAsync(new EventFilter(Search: "partners"))).Should().BeEmpty();
        (await IdsAsync(new EventFilter(Search: "geneve"))).Should().Equal(@event.Id);
        (await IdsAsync(new EventFilter(Search: "incentive"))).Should().Equal(@event.Id);
        (await IdsAsync(new EventFilter(Search: "kerry"))).Should().Equal(@event.Id);
    }

    [Fact]
    public async Task Percent_and_underscore_typed_by_the_user_match_themselves_not_anything()
    {
        var (_, contract) = await World.NewClientWithSignedContractAsync();
        var literal = await NewEventAsync(contract, "100% fun_day", "Nice", Now.AddDays(1));
        await NewEventAsync(contract, "1000 funxday", "Nice", Now.AddDays(2));

        foreach (var term in new[] { "%", "_", "100%", "n_d", "0%", "_d" })
        {
            (await IdsAsync(new EventFilter(Search: term))).Should().Equal([literal.Id], because: $"'{term}' is literal text");
        }
    }

    private async Task<EventView> NewEventAsync(int contractId, string name, string location, DateTime startsAt)
    {
        var request = World.EventRequest(contractId, startsAt) with { Name = name, Location = location };
        return (await World.Get<CreateEvent>().ExecuteAsync(World.Manager, request)).ShouldBeOk();
    }

    private async Task<IReadOnlyList<int>> IdsAsync(EventFilter filter) =>
        (await World.Get<ListEvents>().ExecuteAsync(World.Support, filter, PageRequest.First())).ShouldBeOk().Items.Select(e => e.Id).ToList();
}
