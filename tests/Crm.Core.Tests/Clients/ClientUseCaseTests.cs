using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Clients;

public sealed class ClientUseCaseTestsOnSqlite : ClientUseCaseTests<Sqlite>;

public sealed class ClientUseCaseTestsOnPostgres : ClientUseCaseTests<Postgres>;

public abstract class ClientUseCaseTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    [Fact]
    public async Task Sales_becomes_the_contact_of_the_client_they_create_whatever_id_they_give()
    {
        var client = (await World.Get<CreateClient>().ExecuteAsync(
            World.Sales,
            new CreateClientRequest("Kevin Casey", "  Kevin@StartUp.io ", "+678 123 456 78", "Cool Startup LLC", World.Sales2.Id))).ShouldBeOk();

        client.SalesContactId.Should().Be(World.Sales.Id);
        client.Email.Should().Be("kevin@startup.io");
        client.Phone.Should().Be("+67812345678");
        client.CreatedAt.Should().Be(World.Clock.UtcNow);
    }

    [Fact]
    public async Task Management_must_name_an_active_sales_contact()
    {
        var missing = await World.Get<CreateClient>().ExecuteAsync(World.Manager, new CreateClientRequest("A B", "a@b.com", "0102030405", "C"));
        missing.ShouldBeInvalidOn("salesContactId");

        var support = await World.Get<CreateClient>().ExecuteAsync(World.Manager, new CreateClientRequest("A B", "a@b.com", "0102030405", "C", World.Support.Id));
        support.ShouldBeInvalidOn("salesContactId");

        var former = await World.AddCollaboratorAsync("Former Seller", EpicEvents.Crm.Access.Department.Sales, active: false);
        var inactive = await World.Get<CreateClient>().ExecuteAsync(World.Manager, new CreateClientRequest("A B", "a@b.com", "0102030405", "C", former.Id));
        inactive.ShouldBeInvalidOn("salesContactId");

        var ok = await World.Get<CreateClient>().ExecuteAsync(World.Manager, new CreateClientRequest("A B", "a@b.com", "0102030405", "C", World.Sales2.Id));
        ok.ShouldBeOk().SalesContactName.Should().Be("Samuel Ventes");
    }

    [Theory]
    [InlineData("", "a@b.com", "0102030405", "Co", "fullName")]
    [InlineData("Name", "not-an-email", "0102030405", "Co", "email")]
    [InlineData("Name", "a@b", "0102030405", "Co", "email")]
    [InlineData("Name", "a@b.com", "12345", "Co", "phone")]
    [InlineData("Name", "a@b.com", "123456789012345678901", "Co", "phone")]
    [InlineData("Name", "a@b.com", "06 12 AB 34", "Co", "phone")]
    [InlineData("Name", "a@b.com", "0102030405", "   ", "companyName")]
    public async Task A_client_with_an_invalid_field_is_refused_with_an_error_on_that_field(string name, string email, string phone, string company, string field)
    {
        var result = await World.Get<CreateClient>().ExecuteAsync(World.Sales, new CreateClientRequest(name, email, phone, company));

        result.ShouldBeInvalidOn(field);
        await using var db = World.NewContext();
        (await db.Clients.CountAsync()).Should().Be(0);
        (await db.AuditEntries.CountAsync(a => a.EntityType == AuditEntity.Client)).Should().Be(0);
    }

    [Theory]
    [InlineData("+33 (0)1 23.45-67", "+3301 234567")]
    [InlineData("01.23.45.67.89", "0123456789")]
    [InlineData("(555) 123-4567", "5551234567")]
    public async Task Phones_in_international_forms_are_stored_normalised(string typed, string expectedWithSpace)
    {
        var client = (await World.Get<CreateClient>().ExecuteAsync(World.Sales, new CreateClientRequest("N", "n@x.fr", typed, "C"))).ShouldBeOk();

        client.Phone.Should().Be(expectedWithSpace.Replace(" ", string.Empty));
    }

    [Fact]
    public async Task Overlong_names_are_refused_and_the_limit_itself_is_accepted()
    {
        var tooLong = await World.Get<CreateClient>().ExecuteAsync(World.Sales, new CreateClientRequest(new string('a', 101), "n@x.fr", "0102030405", "C"));
        tooLong.ShouldBeInvalidOn("fullName");

        var atLimit = await World.Get<CreateClient>().ExecuteAsync(World.Sales, new CreateClientRequest(new string('a', 100), "n@x.fr", "0102030405", new string('c', 100)));
        atLimit.ShouldBeOk();
    }

    [Fact]
    public async Task Two_clients_cannot_share_an_email_address_whatever_its_case()
    {
        await World.Get<CreateClient>().ExecuteAsync(World.Sales, new CreateClientRequest("One", "same@x.fr", "0102030405", "C"));

        var second = await World.Get<CreateClient>().ExecuteAsync(World.Sales2, new CreateClientRequest("Two", "SAME@x.fr", "0102030405", "C"));

        second.ShouldBeInvalidOn("email");
    }

    [Fact]
    public async Task Injection_strings_are_stored_as_plain_data()
    {
        const string name = "Robert'); DROP TABLE clients;--";
        const string company = "<script>alert(1)</script> & \"Co\" %_\\";
        var created = (await World.Get<CreateClient>().ExecuteAsync(World.Sales, new CreateClientRequest(name, "bobby@tables.com", "0102030405", company))).ShouldBeOk();

        var read = (await World.Get<GetClient>().ExecuteAsync(World.Support, created.Id)).ShouldBeOk();
        read.FullName.Should().Be(name);
        read.CompanyName.Should().Be(company);

        var percent = (await World.Get<ListClients>().ExecuteAsync(World.Support, new ClientFilter(Search: "%_\\"), PageRequest.First())).ShouldBeOk();
        percent.Items.Should().ContainSingle(c => c.Id == created.Id);
        var literalPercent = (await World.Get<ListClients>().ExecuteAsync(World.Support, new ClientFilter(Search: "%"), PageRequest.First())).ShouldBeOk();
        literalPercent.Items.Should().ContainSingle();
    }

    [Fact]
    public async Task Sales_can_update_their_own_client_but_not_another_sales_contacts_client()
    {
        var mine = await World.NewClientAsync(World.Sales);
        var theirs = await World.NewClientAsync(World.Sales2);

        var updated = (await World.Get<UpdateClient>().ExecuteAsync(World.Sales, new UpdateClientRequest(mine.Id, Phone: "06 99 88 77 66"))).ShouldBeOk();
        updated.Phone.Should().Be("0699887766");
        updated.FullName.Should().Be(mine.FullName);

        var refused = await World.Get<UpdateClient>().ExecuteAsync(World.Sales, new UpdateClientRequest(theirs.Id, Phone: "06 99 88 77 66"));
        refused.ShouldBe(Outcome.Forbidden);
        (await World.Get<GetClient>().ExecuteAsync(World.Sales, theirs.Id)).ShouldBeOk().Phone.Should().Be(theirs.Phone);
    }

    [Fact]
    public async Task An_update_records_the_old_and_new_values_in_the_audit_trail()
    {
        var client = await World.NewClientAsync(World.Sales, fullName: "Old Name");
        World.Clock.Advance(TimeSpan.FromHours(1));

        await World.Get<UpdateClient>().ExecuteAsync(World.Manager, new UpdateClientRequest(client.Id, FullName: "New Name"));

        await using var db = World.NewContext();
        var entry = await db.AuditEntries.Where(a => a.Action == "client.updated").SingleAsync();
        entry.ActorId.Should().Be(World.Manager.Id);
        entry.EntityId.Should().Be(client.Id);
        entry.At.Should().Be(World.Clock.UtcNow);
        entry.Changes.Should().Equal(new FieldChange("fullName", "Old Name", "New Name"));
    }

    [Fact]
    public async Task A_form_filled_from_an_older_version_gets_a_conflict_and_changes_nothing()
    {
        var client = await World.NewClientAsync(World.Sales);
        (await World.Get<UpdateClient>().ExecuteAsync(World.Manager, new UpdateClientRequest(client.Id, CompanyName: "Renamed by Management"))).ShouldBeOk();

        var stale = await World.Get<UpdateClient>().ExecuteAsync(World.Sales, new UpdateClientRequest(client.Id, CompanyName: "Renamed by Sales", ExpectedVersion: client.Version));

        stale.ShouldBe(Outcome.Conflict);
        (await World.Get<GetClient>().ExecuteAsync(World.Sales, client.Id)).ShouldBeOk().CompanyName.Should().Be("Renamed by Management");
    }

    [Fact]
    public async Task Of_two_concurrent_edits_of_one_client_the_second_to_save_gets_a_conflict()
    {
        var client = await World.NewClientAsync(World.Sales);
        await using var first = World.NewContext();
        await using var second = World.NewContext();
        var a = await first.Clients.SingleAsync(c => c.Id == client.Id);
        var b = await second.Clients.SingleAsync(c => c.Id == client.Id);

        a.Update("First", a.Email, a.Phone, a.CompanyName, World.Clock.UtcNow);
        b.Update("Second", b.Email, b.Phone, b.CompanyName, World.Clock.UtcNow);
        (await first.TrySaveAsync(default)).Should().BeNull();
        var loser = await second.TrySaveAsync(default);

        loser!.Outcome.Should().Be(Outcome.Conflict);
        (await World.Get<GetClient>().ExecuteAsync(World.Sales, client.Id)).ShouldBeOk().FullName.Should().Be("First");
    }

    [Fact]
    public async Task Search_ignores_case_and_accents_in_name_email_and_company()
    {
        var elodie = await World.NewClientAsync(fullName: "Élodie Müller", company: "Crêperie Bretonne");
        await World.NewClientAsync(fullName: "John Smith", company: "Acme");

        foreach (var term in new[] { "elodie", "ELODIE", "Élo", "muller", "creperie", "CRÊPERIE" })
        {
            var page = (await World.Get<ListClients>().ExecuteAsync(World.Support, new ClientFilter(Search: term), PageRequest.First())).ShouldBeOk();
            page.Items.Select(c => c.Id).Should().Equal([elodie.Id], because: $"'{term}' should find Élodie");
        }
    }

    [Fact]
    public async Task Search_follows_renames_and_deletions()
    {
        var client = await World.NewClientAsync(fullName: "Gwenaëlle Quéméner", company: "Kouign Amann & Co");
        async Task<IReadOnlyList<int>> Find(string term) =>
            (await World.Get<ListClients>().ExecuteAsync(World.Support, new ClientFilter(Search: term), PageRequest.First())).ShouldBeOk().Items.Select(c => c.Id).ToList();

        (await Find("quemener")).Should().Equal(client.Id);
        (await World.Get<UpdateClient>().ExecuteAsync(World.Manager, new UpdateClientRequest(client.Id, FullName: "Gwenaëlle Le Gall"))).ShouldBeOk();

        (await Find("quemener")).Should().BeEmpty();
        (await Find("le gall")).Should().Equal(client.Id);
        (await Find("amann")).Should().Equal(client.Id);
        (await World.Get<DeleteClient>().ExecuteAsync(World.Manager, new DeleteClientRequest(client.Id))).ShouldBeOk();
        (await Find("le gall")).Should().BeEmpty();
    }

    [Fact]
    public async Task Mine_lists_only_the_sales_users_clients_and_is_refused_to_other_departments()
    {
        var mine = await World.NewClientAsync(World.Sales);
        await World.NewClientAsync(World.Sales2);

        var page = (await World.Get<ListClients>().ExecuteAsync(World.Sales, new ClientFilter(Mine: true), PageRequest.First())).ShouldBeOk();
        page.Items.Select(c => c.Id).Should().Equal(mine.Id);

        (await World.Get<ListClients>().ExecuteAsync(World.Support, new ClientFilter(Mine: true), PageRequest.First())).ShouldBe(Outcome.Invalid);
    }

    [Fact]
    public async Task Lists_are_keyset_paged_newest_first_without_gaps_or_repeats()
    {
        var ids = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await World.NewClientAsync()).Id);
        }

        var seen = new List<int>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = (await World.Get<ListClients>().ExecuteAsync(World.Support, new ClientFilter(), new PageRequest(3, after))).ShouldBeOk();
            seen.AddRange(page.Items.Select(c => c.Id));
            after = page.Next;
            pages++;
        }
        while (after is not null);

        pages.Should().Be(3);
        seen.Should().Equal(ids.AsEnumerable().Reverse());
    }

    [Fact]
    public async Task An_empty_list_is_an_empty_page_and_a_forged_cursor_is_a_clear_error()
    {
        var empty = (await World.Get<ListClients>().ExecuteAsync(World.Support, new ClientFilter(Search: "nobody"), PageRequest.First())).ShouldBeOk();
        empty.IsEmpty.Should().BeTrue();
        empty.Next.Should().BeNull();

        (await World.Get<ListClients>().ExecuteAsync(World.Support, new ClientFilter(), new PageRequest(25, "'; DROP TABLE clients;--"))).ShouldBeInvalidOn("after");
        (await World.Get<ListClients>().ExecuteAsync(World.Support, new ClientFilter(), new PageRequest(0))).ShouldBeInvalidOn("limit");
    }

    [Fact]
    public async Task Management_lists_clients_whose_sales_contact_is_no_longer_active()
    {
        var orphan = await World.NewClientAsync(World.Sales2);
        await World.NewClientAsync(World.Sales);
        await using (var db = World.NewContext())
        {
            var seller = await db.Collaborators.SingleAsync(c => c.Id == World.Sales2.Id);
            seller.Deactivate(World.Clock.UtcNow);
            await db.SaveChangesAsync();
        }

        var page = (await World.Get<ListClients>().ExecuteAsync(World.Manager, new ClientFilter(WithoutActiveSalesContact: true), PageRequest.First())).ShouldBeOk();

        page.Items.Select(c => c.Id).Should().Equal(orphan.Id);
        (await World.Get<ListClients>().ExecuteAsync(World.Sales, new ClientFilter(WithoutActiveSalesContact: true), PageRequest.First())).ShouldBe(Outcome.Forbidden);
    }

    [Fact]
    public async Task Reassigning_a_client_moves_it_to_the_new_sales_contacts_list()
    {
        var client = await World.NewClientAsync(World.Sales);

        (await World.Get<ReassignClient>().ExecuteAsync(World.Manager, new ReassignClientRequest(client.Id, World.Sales2.Id))).ShouldBeOk();

        var page = (await World.Get<ListClients>().ExecuteAsync(World.Sales2, new ClientFilter(Mine: true), PageRequest.First())).ShouldBeOk();
        page.Items.Should().ContainSingle(c => c.Id == client.Id);
        (await World.Get<ReassignClient>().ExecuteAsync(World.Manager, new ReassignClientRequest(client.Id, World.Support.Id))).ShouldBeInvalidOn("salesContactId");
    }

    [Fact]
    public async Task Deleting_a_client_without_contracts_removes_it_and_is_audited()
    {
        var client = await World.NewClientAsync();

        (await World.Get<DeleteClient>().ExecuteAsync(World.Manager, new DeleteClientRequest(client.Id))).ShouldBeOk();

        (await World.Get<GetClient>().ExecuteAsync(World.Manager, client.Id)).ShouldBe(Outcome.NotFound);
        await using var db = World.NewContext();
        (await db.AuditEntries.CountAsync(a => a.Action == "client.deleted" && a.EntityId == client.Id)).Should().Be(1);
    }

    [Fact]
    public async Task A_refused_caller_cannot_learn_whether_a_client_exists()
    {
        var existing = await World.NewClientAsync();

        var onExisting = await World.Get<DeleteClient>().ExecuteAsync(World.Sales, new DeleteClientRequest(existing.Id));
        var onMissing = await World.Get<DeleteClient>().ExecuteAsync(World.Sales, new DeleteClientRequest(999_999));

        onExisting.ShouldBe(Outcome.Forbidden);
        onMissing.ShouldBe(Outcome.Forbidden);
        onMissing.Message!.ToString().Should().Be(onExisting.Message!.ToString());
        onMissing.Message!.ToString().Should().Contain("Sales").And.NotContain(existing.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
