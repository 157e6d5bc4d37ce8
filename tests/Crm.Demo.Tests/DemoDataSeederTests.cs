using EpicEvents.Crm.Access;
using EpicEvents.Crm.Auth;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Setup;
using EpicEvents.Crm.Signatures;
using EpicEvents.Crm.Tests.Infrastructure;
using EpicEvents.Crm.Tests.Setup;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Demo.Tests;

public sealed class DemoDataSeederTestsOnSqlite : DemoDataSeederTests<Sqlite>;

public sealed class DemoDataSeederTestsOnPostgres : DemoDataSeederTests<Postgres>;

public abstract class DemoDataSeederTests<TDatabase> : IAsyncLifetime
    where TDatabase : IDatabaseKind
{
    private BareCompany _company = null!;

    public async Task InitializeAsync()
    {
        _company = await NewCompanyAsync();
        await _company.InitializeAsync();
    }

    public async Task DisposeAsync() => await _company.DisposeAsync();

    [Fact]
    public async Task Seeding_200_clients_gives_200_clients_each_followed_by_an_active_sales_collaborator()
    {
        var report = (await SeedAsync(200)).ShouldBeOk();

        report.Clients.Should().Be(200);
        report.ActiveCollaborators.Should().Equal(new Dictionary<Department, int>
        {
            [Department.Management] = 3,
            [Department.Sales] = 5,
            [Department.Support] = 4,
        });
        report.DeactivatedCollaborators.Should().Be(1);
        await using var db = _company.NewContext();
        var clients = await db.Clients.Include(c => c.SalesContact!).ThenInclude(s => s.Role).ToListAsync();
        clients.Should().HaveCount(200);
        clients.Should().OnlyContain(c => c.SalesContact!.IsActive && c.SalesContact.Role.Department == Department.Sales);
        clients.Should().OnlyContain(c => c.CreatedAt >= _company.Clock.UtcNow.Date.AddDays(-730) && c.CreatedAt <= _company.Clock.UtcNow, "clients came over the past two years");
        clients.Should().OnlyContain(c => c.SearchKey.Length > 0 && c.Phone.Length >= Limits.PhoneMinDigits);
        clients.Select(c => c.CompanyName).Distinct().Should().HaveCountGreaterThan(50, "a realistic company has many different clients");
    }

    [Fact]
    public async Task The_share_of_unsigned_contracts_can_be_chosen_as_the_original_programs_are_seeded()
    {
        var report = (await _company.Get<DemoDataSeeder>().SeedAsync(new DemoDataRequest(1000, Seed: 7, UnsignedPercent: 50))).ShouldBeOk();

        var unsigned = report.ContractsByStatus[ContractStatus.Draft] + report.ContractsByStatus[ContractStatus.PendingSignature];
        ((double)unsigned / report.Contracts).Should().BeApproximately(0.5, 0.04);
        await using var db = _company.NewContext();
        (await db.Contracts.CountAsync(c => c.Status == ContractStatus.Draft || c.Status == ContractStatus.PendingSignature)).Should().Be(unsigned);
        (await _company.Get<DemoDataSeeder>().SeedAsync(new DemoDataRequest(10, UnsignedPercent: 101))).ShouldBe(Outcome.Invalid);
    }

    [Fact]
    public async Task Demo_collaborators_have_unique_emails_and_employee_numbers_and_one_of_them_has_left()
    {
        (await SeedAsync(200)).ShouldBeOk();

        await using var db = _company.NewContext();
        var staff = await db.Collaborators.Include(c => c.Role).ToListAsync();
        staff.Should().HaveCount(1 + 3 + 5 + 4 + 1, "the first manager of db init is kept");
        staff.Select(c => c.Email).Should().OnlyHaveUniqueItems();
        staff.Should().OnlyContain(c => c.EmployeeNumber == Collaborator.FormatEmployeeNumber(c.Id));
        staff.Should().ContainSingle(c => !c.IsActive).Which.Role.Department.Should().Be(Department.Support);
        staff.Where(c => c.Email != DatabaseSetup.DefaultAdminEmail).Should().OnlyContain(c => !c.MustChangePassword);
    }

    [Fact]
    public async Task The_demo_company_has_contracts_in_every_status_paid_in_full_in_part_or_not_at_all()
    {
        var report = (await SeedAsync(200)).ShouldBeOk();

        await using var db = _company.NewContext();
        var contracts = await db.Contracts.Include(c => c.SignedBy!).ThenInclude(m => m.Role).ToListAsync();
        contracts.Should().HaveCount(report.Contracts);
        contracts.Count.Should().BeInRange(150, 300, "about one contract per client");
        contracts.Select(c => c.Status).Distinct().Should().BeEquivalentTo(Enum.GetValues<ContractStatus>());
        contracts.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Count()).Should().Equal(report.ContractsByStatus);
        contracts.Should().Contain(c => c.Status == ContractStatus.Signed && c.AmountDue == 0);
        contracts.Should().Contain(c => c.AmountDue > 0 && c.AmountDue < c.TotalAmount);
        contracts.Should().Contain(c => c.TotalAmount != decimal.Truncate(c.TotalAmount), "amounts have cents");
        contracts.Should().OnlyContain(c => c.TotalAmount > 0 && c.AmountDue >= 0 && c.AmountDue <= c.TotalAmount);

        var signed = contracts.Where(c => c.Status == ContractStatus.Signed).ToList();
        signed.Should().OnlyContain(c => c.SignedAt >= c.CreatedAt && c.SignedBy!.Role.Department == Department.Management);
        contracts.Where(c => c.Status != ContractStatus.Signed).Should().OnlyContain(c => c.SignedAt == null && c.SignedById == null);

        var pending = await db.SignatureRequests.Where(r => r.Status == SignatureRequestStatus.Pending).Select(r => r.ContractId).ToListAsync();
        pending.Should().BeEquivalentTo(contracts.Where(c => c.Status == ContractStatus.PendingSignature).Select(c => c.Id),
            "each contract awaiting signature has exactly one pending request, and no other contract has one");
    }

    [Fact]
    public async Task Events_belong_to_signed_contracts_only_end_after_they_start_and_some_have_no_support_yet()
    {
        var report = (await SeedAsync(200)).ShouldBeOk();

        await using var db = _company.NewContext();
        var events = await db.Events.Include(e => e.Contract).Include(e => e.SupportContact!).ThenInclude(s => s.Role).ToListAsync();
        var now = _company.Clock.UtcNow;
        events.Should().HaveCount(report.Events);
        events.Should().OnlyContain(e => e.Contract.Status == ContractStatus.Signed && e.StartsAt > e.Contract.SignedAt);
        events.Should().OnlyContain(e => e.EndsAt > e.StartsAt && e.CreatedAt <= e.StartsAt);
        events.Should().Contain(e => e.SupportContactId == null).And.Contain(e => e.SupportContactId != null);
        events.Count(e => e.SupportContactId == null).Should().Be(report.EventsWithoutSupport);
        events.Where(e => e.SupportContact != null)
            .Should().OnlyContain(e => e.SupportContact!.IsActive && e.SupportContact.Role.Department == Department.Support, "a collaborator who left is never assigned");
        events.Should().Contain(e => e.StartsAt < now).And.Contain(e => e.StartsAt > now);
        events.Where(e => e.StartsAt > now).Should().OnlyContain(e => e.StartsAt <= now.AddDays(90)).And.HaveCount(report.UpcomingEvents);
        events.Should().Contain(e => e.EndsAt.Date > e.StartsAt.Date, "some events run past midnight");
        events.Should().Contain(e => e.Notes.Length > 0).And.Contain(e => e.Notes.Length == 0);
    }

    [Fact]
    public async Task Every_demo_collaborator_logs_in_with_the_demo_password_without_having_to_change_it()
    {
        var report = (await SeedAsync(200, password: "Festival-Lumiere-2026")).ShouldBeOk();

        report.Password.Should().Be("Festival-Lumiere-2026");
        report.Logins.Select(l => l.Department).Should().Equal(Department.Management, Department.Sales, Department.Support);
        foreach (var demo in report.Logins)
        {
            var login = await _company.Get<Login>().ExecuteAsync(demo.Email, report.Password, ChangeSource.Cli);
            login.Succeeded.Should().BeTrue(login.Message.ToString());
            login.MustChangePassword.Should().BeFalse();
            login.Actor!.Department.Should().Be(demo.Department);
        }

        await using var db = _company.NewContext();
        var former = await db.Collaborators.SingleAsync(c => !c.IsActive);
        (await _company.Get<Login>().ExecuteAsync(former.Email, report.Password, ChangeSource.Cli)).Succeeded.Should().BeFalse();
    }

    [Fact]
    public async Task The_default_demo_password_is_the_documented_one()
    {
        var report = (await SeedAsync(1)).ShouldBeOk();

        report.Password.Should().Be("Demo-Password-2026");
        (await _company.Get<Login>().ExecuteAsync(report.Logins[0].Email, "Demo-Password-2026", ChangeSource.Cli)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Accented_demo_clients_are_found_by_a_search_typed_without_accents()
    {
        var report = (await SeedAsync(20)).ShouldBeOk();
        var manager = (await _company.Get<Login>().ExecuteAsync(report.Logins[0].Email, report.Password, ChangeSource.Cli)).Actor!;

        foreach (var (search, expected) in new[] { ("elodie lefevre", "Élodie Lefèvre"), ("CREPERIE", "Élodie Lefèvre"), ("jurgen weiss", "Jürgen Weiß") })
        {
            var page = (await _company.Get<ListClients>().ExecuteAsync(manager, new ClientFilter(Search: search), PageRequest.First())).ShouldBeOk();
            page.Items.Select(c => c.FullName).Should().Contain(expected, $"searching \"{search}\"");
        }
    }

    [Fact]
    public async Task Seeding_twice_is_refused_and_adds_nothing()
    {
        (await SeedAsync(30)).ShouldBeOk();
        var before = await CountRowsAsync();

        var again = await SeedAsync(30);

        again.ShouldBe(Outcome.Conflict);
        again.Message!.ToString().Should().Contain("already holds clients");
        (await CountRowsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Seeding_a_database_that_db_init_has_not_prepared_is_refused()
    {
        await using var migratedOnly = await NewCompanyAsync();
        await using var empty = await NewCompanyAsync(withSchema: false);

        foreach (var company in new[] { migratedOnly, empty })
        {
            var result = await company.Get<DemoDataSeeder>().SeedAsync(new DemoDataRequest(10));

            result.ShouldBe(Outcome.Conflict);
            result.Message!.ToString().Should().Contain("db init");
        }

        await using var db = migratedOnly.NewContext();
        (await db.Collaborators.CountAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData(0, null, "clients")]
    [InlineData(-5, null, "clients")]
    [InlineData(1_000_001, null, "clients")]
    [InlineData(10, "short", "password")]
    [InlineData(10, "password123", "password")]
    [InlineData(10, "", "password")]
    public async Task A_demo_request_out_of_bounds_is_refused_and_changes_nothing(int clients, string? password, string field)
    {
        var before = await CountRowsAsync();

        var result = await SeedAsync(clients, password: password);

        result.ShouldBeInvalidOn(field);
        (await CountRowsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Seeding_writes_one_summary_audit_entry_and_no_notifications()
    {
        await using (var db = _company.NewContext())
        {
            (await db.AuditEntries.CountAsync(a => a.Action == "demo.seeded")).Should().Be(0);
        }

        var auditBefore = (await CountRowsAsync()).Audit;
        var report = (await SeedAsync(200)).ShouldBeOk();

        await using var check = _company.NewContext();
        (await check.AuditEntries.CountAsync()).Should().Be(auditBefore + 1);
        var entry = await check.AuditEntries.SingleAsync(a => a.Action == "demo.seeded");
        entry.ActorId.Should().BeNull();
        entry.Source.Should().Be(ChangeSource.System);
        entry.Changes.Should().ContainEquivalentOf(new { Field = "clients", New = "200" });
        entry.Changes.Should().ContainEquivalentOf(new { Field = "events", New = report.Events.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        entry.Changes.Should().NotContain(c => c.New == report.Password);
        (await check.OutboxMessages.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_company()
    {
        await using var twin = await NewCompanyAsync();
        await twin.InitializeAsync();

        var first = (await SeedAsync(40, seed: 2026)).ShouldBeOk();
        var second = (await twin.Get<DemoDataSeeder>().SeedAsync(new DemoDataRequest(40, Seed: 2026))).ShouldBeOk();

        first.Seed.Should().Be(2026);
        second.Should().BeEquivalentTo(first, o => o.Excluding(r => r.Elapsed));
        (await SnapshotAsync(twin)).Should().Equal(await SnapshotAsync(_company));
    }

    [Fact]
    public async Task Progress_is_reported_after_each_batch_up_to_the_total()
    {
        var progress = new ProgressRecorder<DemoDataProgress>();

        (await _company.Get<DemoDataSeeder>().SeedAsync(new DemoDataRequest(DemoDataSeeder.BatchSize + 1), progress)).ShouldBeOk();

        progress.Reports.Should().Equal(
            new DemoDataProgress(DemoDataStage.Collaborators, 3 + 51 + 34 + 1, 3 + 51 + 34 + 1),
            new DemoDataProgress(DemoDataStage.Clients, DemoDataSeeder.BatchSize, DemoDataSeeder.BatchSize + 1),
            new DemoDataProgress(DemoDataStage.Clients, DemoDataSeeder.BatchSize + 1, DemoDataSeeder.BatchSize + 1));
        await using var db = _company.NewContext();
        (await db.Clients.CountAsync()).Should().Be(DemoDataSeeder.BatchSize + 1);
    }

    /// <summary>A database before <c>db init</c>, with Crm.Core's registrations and the seeder's, as the CLI has them.</summary>
    private static Task<BareCompany> NewCompanyAsync(bool withSchema = true) =>
        BareCompany.CreateAsync<TDatabase>(withSchema, services => services.AddCrmDemo());

    private Task<Result<DemoDataReport>> SeedAsync(int clients, int? seed = null, string? password = null) =>
        _company.Get<DemoDataSeeder>().SeedAsync(new DemoDataRequest(clients, seed, password));

    private async Task<(int Collaborators, int Clients, int Contracts, int Events, int Audit)> CountRowsAsync()
    {
        await using var db = _company.NewContext();
        return (await db.Collaborators.CountAsync(), await db.Clients.CountAsync(), await db.Contracts.CountAsync(), await db.Events.CountAsync(), await db.AuditEntries.CountAsync());
    }

    /// <summary>What a user would see of the company, without ids, hashes or stamps.</summary>
    private static async Task<List<string>> SnapshotAsync(BareCompany company)
    {
        await using var db = company.NewContext();
        var staff = await db.Collaborators.OrderBy(c => c.Id).Select(c => $"{c.FullName} {c.Email} {c.IsActive} {c.CreatedAt:O}").ToListAsync();
        var clients = await db.Clients.OrderBy(c => c.Id).Select(c => $"{c.FullName} {c.Email} {c.Phone} {c.CompanyName} {c.CreatedAt:O} {c.SalesContact!.Email}").ToListAsync();
        var contracts = await db.Contracts.OrderBy(c => c.Id).Select(c => $"{c.Client.Email} {c.Status} {c.TotalAmount} {c.AmountDue} {c.SignedAt:O}").ToListAsync();
        var events = await db.Events.OrderBy(e => e.Id)
            .Select(e => $"{e.Name} {e.StartsAt:O} {e.EndsAt:O} {e.Location} {e.ExpectedAttendees} {e.ActualAttendees} {e.Notes} {e.SupportContactId}").ToListAsync();
        return [.. staff, .. clients, .. contracts, .. events];
    }
}
