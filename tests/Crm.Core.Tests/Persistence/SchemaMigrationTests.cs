using EpicEvents.Crm.Access;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Teams;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Crm.Tests.Persistence;

public sealed class SchemaMigrationTestsOnSqlite : SchemaMigrationTests<Sqlite>
{
    protected override string True => "1";

    protected override string Money(decimal euros) => ((long)(euros * 100)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class SchemaMigrationTestsOnPostgres : SchemaMigrationTests<Postgres>
{
    protected override string True => "true";

    protected override string Money(decimal euros) => euros.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public abstract class SchemaMigrationTests<TDatabase>
    where TDatabase : IDatabaseKind
{
    protected abstract string True { get; }

    protected abstract string Money(decimal euros);

    [Fact]
    public async Task An_empty_database_is_created_at_the_latest_version_and_migrating_again_changes_nothing()
    {
        await using var database = await TDatabase.CreateEmptyAsync();
        await using var db = database.NewContext();

        var first = await SchemaMigrator.MigrateAsync(db);
        var second = await SchemaMigrator.MigrateAsync(db);

        first.Should().Be(new SchemaStatus(0, SchemaMigrator.LatestVersion));
        second.Changed.Should().BeFalse();
        (await db.Clients.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_database_at_the_previous_version_upgrades_with_its_rows_intact_and_searchable()
    {
        await using var database = await TDatabase.CreateEmptyAsync();
        await using (var v1 = database.NewContext())
        {
            (await SchemaMigrator.MigrateAsync(v1, toVersion: 1)).ToVersion.Should().Be(1);
            await InsertVersionOneRowsAsync(v1);
        }

        await using var db = database.NewContext();
        var status = await SchemaMigrator.MigrateAsync(db);

        status.Should().Be(new SchemaStatus(1, SchemaMigrator.LatestVersion));
        var client = await db.Clients.AsNoTracking().SingleAsync();
        client.FullName.Should().Be("Élodie Lefèvre");
        client.Email.Should().Be("elodie@creperie.fr");
        client.SearchKey.Should().Contain("elodie lefevre").And.Contain("creperie saint-malo");
        var contract = await db.Contracts.AsNoTracking().SingleAsync();
        contract.TotalAmount.Should().Be(12_345.67m);
        contract.AmountDue.Should().Be(345.60m);
        contract.Status.Should().Be(EpicEvents.Crm.Contracts.ContractStatus.Signed);
        var ev = await db.Events.AsNoTracking().SingleAsync();
        ev.StartsAt.Should().Be(new DateTime(2026, 6, 1, 22, 0, 0, DateTimeKind.Utc));
        ev.EndsAt.Should().Be(new DateTime(2026, 6, 2, 2, 0, 0, DateTimeKind.Utc));
        (await db.AuditEntries.CountAsync()).Should().Be(1);

        var services = new ServiceCollection().AddCrmCore(database.Settings, TestAuth.Options).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var reader = new Actor(1, "Ada Admin", Department.Support, IsActive: true, MustChangePassword: false, ChangeSource.Cli);
        var found = await scope.ServiceProvider.GetRequiredService<ListClients>().ExecuteAsync(reader, new ClientFilter(Search: "CREPERIE"), PageRequest.First());
        found.ShouldBeOk().Items.Should().ContainSingle(c => c.FullName == "Élodie Lefèvre");
        ev.SearchKey.Should().Be("gala saint-malo");
        foreach (var term in new[] { "SAINT-MALO", "gala", "crêperie" })
        {
            var events = await scope.ServiceProvider.GetRequiredService<ListEvents>().ExecuteAsync(reader, new EventFilter(Search: term), PageRequest.First());
            events.ShouldBeOk().Items.Should().ContainSingle(e => e.Name == "Gala", because: $"'{term}' names the event, its place or its client");
        }
    }

    [Fact]
    public async Task A_database_at_version_2_gains_the_bot_tables_and_keeps_its_staff()
    {
        await using var database = await TDatabase.CreateEmptyAsync();
        await using (var v2 = database.NewContext())
        {
            (await SchemaMigrator.MigrateAsync(v2, toVersion: 2)).ToVersion.Should().Be(2);
            await InsertVersionOneRowsAsync(v2);
        }

        await using (var db = database.NewContext())
        {
            (await SchemaMigrator.MigrateAsync(db)).Should().Be(new SchemaStatus(2, SchemaMigrator.LatestVersion));
        }

        var services = new ServiceCollection().AddCrmCore(database.Settings, TestAuth.Options).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var reference = new TeamsConversationReference("https://smba.trafficmanager.net/emea/", "msteams", "a:1", "personal", "tenant", "28:bot", null, "29:1", null, "fr-FR");
        await scope.ServiceProvider.GetRequiredService<TeamsConversations>().RememberAsync(1, reference);
        (await scope.ServiceProvider.GetRequiredService<TeamsConversations>().FindAsync(1)).Should().Be(reference);
        (await scope.ServiceProvider.GetRequiredService<DialogStore>().StartAsync("a:1|29:1", 1, "new-client", "{}")).ShouldBeOk();
        (await scope.ServiceProvider.GetRequiredService<ActivityLedger>().TryRecordAsync("1:first")).Should().BeTrue();
        (await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Collaborators.SingleAsync()).FullName.Should().Be("Ada Admin");
    }

    [Fact]
    public async Task A_database_newer_than_the_program_is_refused_with_a_clear_message()
    {
        await using var database = await TDatabase.CreateEmptyAsync();
        await using var db = database.NewContext();
        await SchemaMigrator.MigrateAsync(db);
        var future = SchemaMigrator.LatestVersion + 1;
        await db.Database.ExecuteSqlAsync($"INSERT INTO schema_version (version, name, applied_at) VALUES ({future}, 'future', '2030-01-01 00:00:00')");

        var migrating = () => SchemaMigrator.MigrateAsync(db);

        (await migrating.Should().ThrowAsync<SchemaVersionException>()).Which.Message!.ToString().Should().Contain("newer than this program");
    }

    [Fact]
    public async Task Two_programs_upgrading_at_once_apply_each_version_exactly_once()
    {
        await using var database = await TDatabase.CreateEmptyAsync();
        await using var a = database.NewContext();
        await using var b = database.NewContext();

        await Task.WhenAll(SchemaMigrator.MigrateAsync(a), SchemaMigrator.MigrateAsync(b));

        await using var check = database.NewContext();
        (await SchemaMigrator.CurrentVersionAsync(check)).Should().Be(SchemaMigrator.LatestVersion);
        var versions = await check.Database.SqlQueryRaw<int>("SELECT version AS \"Value\" FROM schema_version").ToListAsync();
        versions.Should().OnlyHaveUniqueItems().And.HaveCount(SchemaMigrator.Migrations.Count);
    }

    [Fact]
    public async Task The_audit_trail_refuses_updates_and_deletes_even_from_sql()
    {
        await using var database = await TDatabase.CreateEmptyAsync();
        await using var db = database.NewContext();
        await SchemaMigrator.MigrateAsync(db);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO audit_entries (at, source, action, entity_type, changes) VALUES ('2026-01-01 00:00:00', 'System', 'test', 'Client', '[]')");

        var update = () => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET action = 'forged'");
        var delete = () => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries");

        await update.Should().ThrowAsync<Exception>();
        await delete.Should().ThrowAsync<Exception>();
        (await db.AuditEntries.SingleAsync()).Action.Should().Be("test");
    }

    private async Task InsertVersionOneRowsAsync(CrmDbContext db)
    {
        // Written as raw SQL against the version-1 shape: the program's current model has columns
        // (the search key) that did not exist yet.
        string[] statements =
        [
            "INSERT INTO roles (id, name, department) VALUES (1, 'gestion', 'management')",
            $"INSERT INTO collaborators (id, employee_number, full_name, email, password_hash, must_change_password, role_id, is_active, created_at, updated_at, security_stamp) VALUES (1, 'EE-00001', 'Ada Admin', 'ada@epicevents.test', 'x', {True}, 1, {True}, '2025-01-01 10:00:00', '2025-01-01 10:00:00', 'S')",
            "INSERT INTO clients (id, full_name, email, phone, company_name, created_at, updated_at, sales_contact_id) VALUES (1, 'Élodie Lefèvre', 'elodie@creperie.fr', '+33612345678', 'Crêperie Saint-Malo', '2025-02-01 10:00:00', '2025-02-01 10:00:00', 1)",
            $"INSERT INTO contracts (id, client_id, total_amount, amount_due, status, created_at, updated_at, signed_at, signed_by_id) VALUES (1, 1, {Money(12_345.67m)}, {Money(345.60m)}, 'Signed', '2025-02-02 10:00:00', '2025-02-02 10:00:00', '2025-02-03 10:00:00', 1)",
            "INSERT INTO events (id, name, contract_id, starts_at, ends_at, location, expected_attendees, notes, created_at, updated_at) VALUES (1, 'Gala', 1, '2026-06-01 22:00:00', '2026-06-02 02:00:00', 'Saint-Malo', 120, 'Open bar', '2025-02-04 10:00:00', '2025-02-04 10:00:00')",
            "INSERT INTO audit_entries (at, actor_id, source, action, entity_type, entity_id, changes) VALUES ('2025-02-01 10:00:00', 1, 'Cli', 'client.created', 'Client', 1, '[]')",
        ];
        foreach (var sql in statements)
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }
    }
}
