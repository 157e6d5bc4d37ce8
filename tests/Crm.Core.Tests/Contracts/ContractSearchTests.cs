using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Tests.Infrastructure;

namespace EpicEvents.Crm.Tests.Contracts;

public sealed class ContractSearchTestsOnSqlite : ContractSearchTests<Sqlite>;

public sealed class ContractSearchTestsOnPostgres : ContractSearchTests<Postgres>;

public abstract class ContractSearchTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    [Fact]
    public async Task Search_finds_contracts_by_their_clients_name_email_or_company_ignoring_case_and_accents()
    {
        var elodie = await World.NewClientAsync(fullName: "Élodie Müller", company: "Crêperie Bretonne");
        var first = await World.NewContractAsync(elodie);
        var second = await World.NewContractAsync(elodie);
        await World.NewContractAsync(await World.NewClientAsync(fullName: "John Smith", company: "Acme"));

        foreach (var term in new[] { "elodie", "ÉLODIE", "muller", "Mü", "creperie", "CRÊPERIE bret" })
        {
            (await IdsAsync(new ContractFilter(Search: term))).Should().Equal([second.Id, first.Id], because: $"'{term}' should find Élodie's contracts, newest first");
        }
    }

    [Fact]
    public async Task A_number_with_or_without_a_hash_finds_that_contract_only()
    {
        var wanted = await World.NewContractAsync();
        await World.NewContractAsync(await World.NewClientAsync(fullName: $"Client of {wanted.Id}", company: $"Company {wanted.Id}"));

        foreach (var term in new[] { $"{wanted.Id}", $"#{wanted.Id}", $"# {wanted.Id}", $"  #{wanted.Id} " })
        {
            (await IdsAsync(new ContractFilter(Search: term))).Should().Equal([wanted.Id], because: $"'{term}' names contract {wanted.Id}");
        }

        (await IdsAsync(new ContractFilter(Search: "#999999"))).Should().BeEmpty();
        (await IdsAsync(new ContractFilter(Search: "99999999999999999999"))).Should().BeEmpty();
    }

    [Fact]
    public async Task Search_follows_a_rename_of_the_client()
    {
        var client = await World.NewClientAsync(fullName: "Gwenaëlle Quéméner", company: "Kouign Amann & Co");
        var contract = await World.NewContractAsync(client);

        (await IdsAsync(new ContractFilter(Search: "quemener"))).Should().Equal(contract.Id);
        (await World.Get<UpdateClient>().ExecuteAsync(World.Manager, new UpdateClientRequest(client.Id, FullName: "Gwenaëlle Le Gall"))).ShouldBeOk();

        (await IdsAsync(new ContractFilter(Search: "quemener"))).Should().BeEmpty();
        (await IdsAsync(new ContractFilter(Search: "le gall"))).Should().Equal(contract.Id);
    }

    [Fact]
    public async Task Percent_and_underscore_typed_by_the_user_match_themselves_not_anything()
    {
        var literal = await World.NewContractAsync(await World.NewClientAsync(fullName: "Ann Lee", company: "100% Events_Co"));
        await World.NewContractAsync(await World.NewClientAsync(fullName: "Bob Lee", company: "1000 Eventsxco"));

        foreach (var term in new[] { "%", "_", "100%", "s_c", "0%", "%_" })
        {
            var found = await IdsAsync(new ContractFilter(Search: term));
            if (term == "%_")
            {
                found.Should().BeEmpty(because: "no company holds \"%_\"");
                continue;
            }

            found.Should().Equal([literal.Id], because: $"'{term}' is literal text");
        }
    }

    [Fact]
    public async Task Search_combines_with_the_other_filters_and_pages_without_gaps_or_repeats()
    {
        var client = await World.NewClientAsync(fullName: "Noémie Bénard", company: "Agence Côte d'Azur");
        var contracts = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            contracts.Add((await World.NewContractAsync(client)).Id);
        }

        var signed = (await World.NewSignedContractAsync(client)).Id;
        await World.NewContractAsync();
        var expected = contracts.Append(signed).OrderDescending().ToList();

        var seen = new List<int>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = (await World.Get<ListContracts>().ExecuteAsync(World.Support, new ContractFilter(Search: "benard"), new PageRequest(2, after))).ShouldBeOk();
            seen.AddRange(page.Items.Select(c => c.Id));
            after = page.Next;
            pages++;
        }
        while (after is not null && pages <= expected.Count);

        seen.Should().Equal(expected);
        pages.Should().Be(3);
        (await IdsAsync(new ContractFilter(Unsigned: true, Search: "BÉNARD"))).Should().Equal(contracts.OrderDescending());
        (await IdsAsync(new ContractFilter(Status: ContractStatus.Signed, Search: "azur"))).Should().Equal(signed);
    }

    [Fact]
    public async Task Every_department_searches_contracts()
    {
        var contract = await World.NewContractAsync(await World.NewClientAsync(World.Sales2, fullName: "Jürgen Weiß"));

        foreach (var reader in new[] { World.Manager, World.Sales, World.Support })
        {
            var page = (await World.Get<ListContracts>().ExecuteAsync(reader, new ContractFilter(Search: "weiss"), PageRequest.First())).ShouldBeOk();
            page.Items.Select(c => c.Id).Should().Equal(contract.Id);
        }
    }

    private async Task<IReadOnlyList<int>> IdsAsync(ContractFilter filter) =>
        (await World.Get<ListContracts>().ExecuteAsync(World.Support, filter, PageRequest.First())).ShouldBeOk().Items.Select(c => c.Id).ToList();
}
