using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Contracts;

public sealed class ContractListViewTestsOnSqlite : ContractListViewTests<Sqlite>;

public sealed class ContractListViewTestsOnPostgres : ContractListViewTests<Postgres>;

/// <summary>
/// The contract list is read with its own SQL: a row of a page must be the very view the contract's
/// detail shows, and every filter, alone or with a cursor, must give the contracts it names.
/// </summary>
public abstract class ContractListViewTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    [Fact]
    public async Task A_page_of_unsigned_contracts_is_read_in_order_from_its_own_index_without_sorting_them_all()
    {
        await World.NewContractAsync();
        var (pending, _) = await World.NewPendingContractAsync();
        World.Commands.Reset();
        (await World.Get<ListContracts>().ExecuteAsync(World.Manager, new ContractFilter(Unsigned: true), new PageRequest(25, Cursor.ForId(pending.Id + 1)))).ShouldBeOk();
        var (text, parameters) = World.Commands.LastQuery;

        var plan = await World.QueryPlanAsync(text, parameters, "SET enable_seqscan = off; SET enable_sort = off; SET enable_bitmapscan = off");

        plan.Should().Contain("ix_contracts_unsigned").And.NotContainAny(["TEMP B-TREE", "Sort"]);
    }

    [Fact]
    public async Task A_listed_contract_shows_exactly_what_its_detail_shows()
    {
        var draft = await World.NewContractAsync(total: 12_345.67m, due: 0.01m);
        var signed = await World.NewSignedContractAsync(total: 999_999.99m, due: 1_000m, sales: World.Sales2);
        var (pending, request) = await World.NewPendingContractAsync();
        var cancelled = await World.NewContractAsync();
        (await World.Get<CancelContract>().ExecuteAsync(World.Manager, new CancelContractRequest(cancelled.Id))).ShouldBeOk();
        World.Clock.Advance(TimeSpan.FromMinutes(3));
        var paid = await World.NewSignedContractAsync(total: 50m, due: 0m);

        var listed = await AllPagesAsync(World.Support, new ContractFilter(), limit: 2);

        listed.Select(c => c.Id).Should().Equal(paid.Id, cancelled.Id, pending.Id, signed.Id, draft.Id);
        foreach (var row in listed)
        {
            var detail = (await World.Get<GetContract>().ExecuteAsync(World.Support, row.Id)).ShouldBeOk();
            row.Should().Be(detail, because: $"contract {row.Id} should read the same in the list and in its detail");
            row.CreatedAt.Kind.Should().Be(DateTimeKind.Utc);
            row.UpdatedAt.Kind.Should().Be(DateTimeKind.Utc);
        }

        listed.Single(c => c.Id == pending.Id).PendingSignatureRequestId.Should().Be(request.Id);
        var signedRow = listed.Single(c => c.Id == signed.Id);
        signedRow.SignedByName.Should().Be("Marie Gestion");
        signedRow.SignedAt!.Value.Kind.Should().Be(DateTimeKind.Utc);
        signedRow.SalesContactName.Should().Be("Samuel Ventes");
        signedRow.TotalAmount.Should().Be(999_999.99m);
        listed.Single(c => c.Id == draft.Id).AmountDue.Should().Be(0.01m);
    }

    [Fact]
    public async Task Every_filter_gives_the_same_contracts_a_page_at_a_time_as_in_one_page()
    {
        var client = await World.NewClientAsync(World.Sales2, fullName: "Zoé Quartz", company: "Quartz Events");
        for (var i = 0; i < 3; i++)
        {
            await World.NewContractAsync(client, due: i == 0 ? 0m : null);
            await World.NewSignedContractAsync(sales: i == 1 ? World.Sales2 : World.Sales, due: i == 2 ? 0m : null);
            await World.NewPendingContractAsync();
        }

        var all = await AllPagesAsync(World.Manager, new ContractFilter(), limit: PageRequest.MaxLimit);
        var mine = await AllPagesAsync(World.Sales, new ContractFilter(Mine: true), limit: PageRequest.MaxLimit);
        var cases = new (Actor Actor, ContractFilter Filter, Func<ContractView, bool> Wanted)[]
        {
            (World.Manager, new ContractFilter(Unsigned: true), c => c.Status is ContractStatus.Draft or ContractStatus.PendingSignature),
            (World.Manager, new ContractFilter(Unpaid: true), c => c.AmountDue > 0),
            (World.Manager, new ContractFilter(Status: ContractStatus.PendingSignature), c => c.Status == ContractStatus.PendingSignature),
            (World.Manager, new ContractFilter(Status: ContractStatus.Signed, Unpaid: true), c => c.IsSigned && !c.IsPaid),
            (World.Manager, new ContractFilter(ClientId: client.Id), c => c.ClientId == client.Id),
            (World.Sales, new ContractFilter(Mine: true, Unsigned: true), c => c.SalesContactId == World.Sales.Id && !c.IsSigned),
            (World.Manager, new ContractFilter(Search: "quartz"), c => c.ClientId == client.Id),
            (World.Manager, new ContractFilter(Search: "zo"), c => c.ClientId == client.Id),
            (World.Manager, new ContractFilter(Search: $"#{all[4].Id}"), c => c.Id == all[4].Id),
        };

        mine.Should().NotBeEmpty().And.OnlyContain(c => c.SalesContactId == World.Sales.Id);
        foreach (var (actor, filter, wanted) in cases)
        {
            var expected = all.Where(wanted).Select(c => c.Id).ToList();
            expected.Should().NotBeEmpty(because: $"the data should exercise {filter}");

            (await AllPagesAsync(actor, filter, limit: 2)).Select(c => c.Id).Should().Equal(expected, because: $"{filter} paged by 2 should list these contracts, newest first");
            (await AllPagesAsync(actor, filter, limit: PageRequest.MaxLimit)).Select(c => c.Id).Should().Equal(expected, because: $"{filter} in one page should list these contracts");
        }
    }

    [Fact]
    public async Task A_stream_gives_every_row_of_the_pages_in_their_order_and_refuses_what_they_refuse()
    {
        var client = await World.NewClientAsync(World.Sales2, fullName: "Zoé Quartz", company: "Quartz Events");
        for (var i = 0; i < 3; i++)
        {
            await World.NewContractAsync(client);
            await World.NewSignedContractAsync(sales: World.Sales, due: i == 2 ? 0m : null);
            await World.NewPendingContractAsync();
        }

        foreach (var (actor, filter) in new (Actor, ContractFilter)[]
                 {
                     (World.Manager, new ContractFilter()),
                     (World.Manager, new ContractFilter(Unsigned: true)),
                     (World.Support, new ContractFilter(Unpaid: true, Search: "quartz")),
                     (World.Sales, new ContractFilter(Mine: true)),
                 })
        {
            var pages = await AllPagesAsync(actor, filter, limit: 2);
            (await StreamAsync(actor, filter)).Should().Equal(pages, because: $"{filter} streamed should be its pages' rows");
            (await StreamAsync(actor, filter, Cursor.ForId(pages[1].Id))).Should().Equal(pages.Skip(2), because: $"{filter} streamed after a cursor should go on from it");
        }

        World.Get<ListContracts>().Stream(World.Support, new ContractFilter(Mine: true)).Outcome.Should().Be(Outcome.Invalid);
        World.Get<ListContracts>().Stream(World.Manager, new ContractFilter(), "not a cursor").Outcome.Should().Be(Outcome.Invalid);
    }

    private async Task<List<ContractView>> StreamAsync(Actor actor, ContractFilter filter, string? after = null)
    {
        var rows = new List<ContractView>();
        await foreach (var row in World.Get<ListContracts>().Stream(actor, filter, after).ShouldBeOk())
        {
            rows.Add(row);
        }

        return rows;
    }

    private async Task<List<ContractView>> AllPagesAsync(Actor actor, ContractFilter filter, int limit)
    {
        var rows = new List<ContractView>();
        string? after = null;
        do
        {
            var page = (await World.Get<ListContracts>().ExecuteAsync(actor, filter, new PageRequest(limit, after))).ShouldBeOk();
            page.Items.Count.Should().BeLessThanOrEqualTo(limit);
            rows.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);

        return rows;
    }
}
