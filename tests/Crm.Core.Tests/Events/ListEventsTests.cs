using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Tests.Infrastructure;

namespace EpicEvents.Crm.Tests.Events;

public sealed class ListEventsTestsOnSqlite : ListEventsTests<Sqlite>;

public sealed class ListEventsTestsOnPostgres : ListEventsTests<Postgres>;

public abstract class ListEventsTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    private DateTime Now => World.Clock.UtcNow;

    [Fact]
    public async Task Events_are_listed_by_start_then_id_and_paged_without_gaps_or_repeats_across_equal_starts()
    {
        var (_, contractId) = await World.NewClientWithSignedContractAsync();
        var starts = new[] { Now.AddDays(2), Now.AddDays(1), Now.AddDays(2), Now.AddDays(3), Now.AddDays(1), Now.AddDays(2), Now.AddDays(3) };
        var created = new List<EventView>();
        foreach (var start in starts)
        {
            created.Add(await World.NewEventAsync(contractId, start));
        }

        var expected = created.OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Select(e => e.Id).ToList();
        foreach (var size in new[] { 1, 2, 3 })
        {
            var seen = new List<int>();
            string? after = null;
            var pages = 0;

            // Bounded, so that a cursor that repeats rows fails the test instead of looping forever.
            do
            {
                var page = await ListAsync(World.Support, new EventFilter(), new PageRequest(size, after));
                seen.AddRange(page.Items.Select(e => e.Id));
                after = page.Next;
                pages++;
            }
            while (after is not null && pages <= expected.Count);

            seen.Should().Equal(expected, because: $"pages of {size} should cover every event once, in order");
            pages.Should().Be((int)Math.Ceiling(expected.Count / (double)size));
        }
    }

    [Fact]
    public async Task Unassigned_and_mine_filters_select_by_support_contact_and_by_sales_contact()
    {
        var supported = await World.NewEventSupportedByAsync(World.Support, Now.AddDays(1));
        var supportedBySomeoneElse = await World.NewEventSupportedByAsync(World.Support2, Now.AddDays(2));
        var unassignedOfSales = await World.NewEventAsync(World.Sales, Now.AddDays(3));
        var unassignedOfSales2 = await World.NewEventAsync(World.Sales2, Now.AddDays(4));

        (await IdsAsync(World.Manager, new EventFilter(Unassigned: true))).Should().Equal(unassignedOfSales.Id, unassignedOfSales2.Id);
        (await IdsAsync(World.Support, new EventFilter(Mine: true))).Should().Equal(supported.Id);
        (await IdsAsync(World.Support2, new EventFilter(Mine: true))).Should().Equal(supportedBySomeoneElse.Id);
        (await IdsAsync(World.Sales, new EventFilter(Mine: true))).Should().Equal(supported.Id, supportedBySomeoneElse.Id, unassignedOfSales.Id);
        (await IdsAsync(World.Sales, new EventFilter(Mine: true, Unassigned: true))).Should().Equal(unassignedOfSales.Id);
        (await IdsAsync(World.Support, new EventFilter(Mine: true, Unassigned: true))).Should().BeEmpty();
    }

    [Fact]
    public async Task Management_has_no_events_of_its_own()
    {
        var result = await World.Get<ListEvents>().ExecuteAsync(World.Manager, new EventFilter(Mine: true), PageRequest.First());

        result.ShouldBeInvalidOn("mine");
    }

    [Fact]
    public async Task Upcoming_lists_events_starting_from_now_within_30_days_unless_told_otherwise()
    {
        var (_, contractId) = await World.NewClientWithSignedContractAsync();
        var past = await World.NewEventAsync(contractId, Now.AddHours(1));
        var tomorrow = await World.NewEventAsync(contractId, Now.AddDays(1));
        var inFourWeeks = await World.NewEventAsync(contractId, Now.AddDays(29));
        var inAMonth = await World.NewEventAsync(contractId, Now.AddDays(31));
        World.Clock.Advance(TimeSpan.FromHours(2));

        (await IdsAsync(World.Support, new EventFilter(Upcoming: true))).Should().Equal(tomorrow.Id, inFourWeeks.Id);
        (await IdsAsync(World.Support, new EventFilter(Upcoming: true, WithinDays: 1))).Should().Equal(tomorrow.Id);
        (await IdsAsync(World.Support, new EventFilter(Upcoming: true, WithinDays: 31))).Should().Equal(tomorrow.Id, inFourWeeks.Id, inAMonth.Id);
        (await IdsAsync(World.Support, new EventFilter())).Should().StartWith(past.Id);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(3651)]
    public async Task Upcoming_days_are_between_1_and_3650(int days)
    {
        var result = await World.Get<ListEvents>().ExecuteAsync(World.Support, new EventFilter(Upcoming: true, WithinDays: days), PageRequest.First());

        result.ShouldBeInvalidOn("withinDays");
    }

    [Fact]
    public async Task A_number_of_days_without_upcoming_is_refused_rather_than_ignored()
    {
        var result = await World.Get<ListEvents>().ExecuteAsync(World.Support, new EventFilter(WithinDays: 10), PageRequest.First());

        result.ShouldBeInvalidOn("withinDays");
    }

    [Fact]
    public async Task Between_two_dates_lists_events_starting_from_the_first_up_to_but_not_at_the_second()
    {
        var (_, contractId) = await World.NewClientWithSignedContractAsync();
        var april1 = new DateTime(2026, 4, 1, 10, 0, 0, DateTimeKind.Utc);
        var first = await World.NewEventAsync(contractId, april1);
        var second = await World.NewEventAsync(contractId, april1.AddDays(4));
        var third = await World.NewEventAsync(contractId, april1.AddDays(9));

        (await IdsAsync(World.Sales, new EventFilter(From: april1, To: april1.AddDays(9)))).Should().Equal(first.Id, second.Id);
        (await IdsAsync(World.Sales, new EventFilter(From: april1.AddSeconds(1), To: april1.AddDays(9).AddSeconds(1)))).Should().Equal(second.Id, third.Id);
        (await IdsAsync(World.Sales, new EventFilter(From: april1.AddDays(1)))).Should().Equal(second.Id, third.Id);
        (await IdsAsync(World.Sales, new EventFilter(To: april1.AddDays(1)))).Should().Equal(first.Id);
    }

    [Fact]
    public async Task A_period_must_end_after_it_begins()
    {
        var day = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);

        var reversed = await World.Get<ListEvents>().ExecuteAsync(World.Support, new EventFilter(From: day, To: day.AddDays(-1)), PageRequest.First());
        var empty = await World.Get<ListEvents>().ExecuteAsync(World.Support, new EventFilter(From: day, To: day), PageRequest.First());

        reversed.ShouldBeInvalidOn("to");
        empty.ShouldBeInvalidOn("to");
    }

    [Fact]
    public async Task Events_are_listed_by_client_and_by_contract_and_the_filters_combine()
    {
        var client = await World.NewClientAsync(World.Sales);
        var firstContract = await World.NewContractInStatusAsync(client);
        var secondContract = await World.NewContractInStatusAsync(client);
        var (_, otherContract) = await World.NewClientWithSignedContractAsync(World.Sales2);
        var a = await World.NewEventAsync(firstContract, Now.AddDays(1));
        var b = await World.NewEventAsync(secondContract, Now.AddDays(2));
        await World.NewEventAsync(otherContract, Now.AddDays(3));
        (await World.Get<AssignSupport>().ExecuteAsync(World.Manager, new AssignSupportRequest(b.Id, World.Support.Id))).ShouldBeOk();

        (await IdsAsync(World.Support, new EventFilter(ClientId: client.Id))).Should().Equal(a.Id, b.Id);
        (await IdsAsync(World.Support, new EventFilter(ContractId: secondContract))).Should().Equal(b.Id);
        (await IdsAsync(World.Support, new EventFilter(ClientId: client.Id, Unassigned: true))).Should().Equal(a.Id);
        (await IdsAsync(World.Support, new EventFilter(ClientId: client.Id, ContractId: otherContract))).Should().BeEmpty();
    }

    [Fact]
    public async Task Listed_events_carry_the_client_and_the_names_of_their_contacts()
    {
        var supported = await World.NewEventSupportedByAsync(World.Support2);

        var listed = (await ListAsync(World.Sales2, new EventFilter(), PageRequest.First())).Items.Should().ContainSingle().Subject;

        listed.Should().Be((await World.Get<GetEvent>().ExecuteAsync(World.Sales2, supported.Id)).ShouldBeOk());
        listed.SupportContactName.Should().Be("Simon Technique");
        listed.SalesContactName.Should().Be("Sophie Commerciale");
        listed.ClientFullName.Should().NotBeEmpty();
        listed.ClientEmail.Should().Contain("@");
    }

    [Fact]
    public async Task An_empty_list_is_an_empty_page_and_a_forged_cursor_is_a_clear_error()
    {
        var empty = await ListAsync(World.Support, new EventFilter(Unassigned: true), PageRequest.First());

        empty.IsEmpty.Should().BeTrue();
        empty.Next.Should().BeNull();
        (await World.Get<ListEvents>().ExecuteAsync(World.Support, new EventFilter(), new PageRequest(25, "'; DROP TABLE events;--"))).ShouldBeInvalidOn("after");
        (await World.Get<ListEvents>().ExecuteAsync(World.Support, new EventFilter(), new PageRequest(0))).ShouldBeInvalidOn("limit");
    }

    [Fact]
    public async Task A_deactivated_collaborator_cannot_read_events()
    {
        var created = await World.NewEventAsync();
        var former = await World.AddCollaboratorAsync("Former Seller", Department.Sales, active: false);

        (await World.Get<ListEvents>().ExecuteAsync(former, new EventFilter(), PageRequest.First())).ShouldBe(Outcome.Forbidden);
        (await World.Get<GetEvent>().ExecuteAsync(former, created.Id)).ShouldBe(Outcome.Forbidden);
        (await World.Get<GetEvent>().ExecuteAsync(World.Support, 999_999)).ShouldBe(Outcome.NotFound);
    }

    private async Task<Page<EventView>> ListAsync(Actor actor, EventFilter filter, PageRequest page) =>
        (await World.Get<ListEvents>().ExecuteAsync(actor, filter, page)).ShouldBeOk();

    private async Task<List<int>> IdsAsync(Actor actor, EventFilter filter) =>
        (await ListAsync(actor, filter, new PageRequest(PageRequest.MaxLimit))).Items.Select(e => e.Id).ToList();
}
