using EpicEvents.Crm.Access;
using EpicEvents.Crm.Auth;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Setup;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Setup;

public sealed class DatabaseSetupTestsOnSqlite : DatabaseSetupTests<Sqlite>;

public sealed class DatabaseSetupTestsOnPostgres : DatabaseSetupTests<Postgres>;

public abstract class DatabaseSetupTests<TDatabase>
    where TDatabase : IDatabaseKind
{
    [Fact]
    public async Task Db_init_on_an_empty_database_creates_the_schema_the_default_roles_and_a_first_manager_who_must_change_the_password()
    {
        await using var company = await BareCompany.CreateAsync<TDatabase>(withSchema: false);

        var report = await company.InitializeAsync();

        report.Schema.Should().Be(new SchemaStatus(0, SchemaMigrator.LatestVersion));
        report.RolesCreated.Should().Equal("gestion", "commercial", "support");
        await using (var db = company.NewContext())
        {
            (await db.Roles.Select(r => r.Department).ToListAsync()).Should().BeEquivalentTo(new[] { Department.Management, Department.Sales, Department.Support });
            var admin = await db.Collaborators.Include(c => c.Role).SingleAsync();
            admin.Email.Should().Be(DatabaseSetup.DefaultAdminEmail);
            admin.Role.Department.Should().Be(Department.Management);
            admin.EmployeeNumber.Should().Be("EE-00001");
        }

        report.FirstManager.Should().NotBeNull();
        var login = await company.Get<Login>().ExecuteAsync(DatabaseSetup.DefaultAdminEmail, report.FirstManager!.TemporaryPassword, ChangeSource.Cli);
        login.Succeeded.Should().BeTrue(login.Message.ToString());
        login.MustChangePassword.Should().BeTrue();
    }

    [Fact]
    public async Task Db_init_run_twice_is_harmless_and_creates_no_second_manager()
    {
        await using var company = await BareCompany.CreateAsync<TDatabase>(withSchema: false);
        var first = await company.InitializeAsync();

        var second = await company.InitializeAsync();

        second.Schema.Changed.Should().BeFalse();
        second.RolesCreated.Should().BeEmpty();
        second.FirstManager.Should().BeNull();
        await using var db = company.NewContext();
        (await db.Roles.CountAsync()).Should().Be(3);
        (await db.Collaborators.Select(c => c.Email).ToListAsync()).Should().Equal(DatabaseSetup.DefaultAdminEmail);
        var login = await company.Get<Login>().ExecuteAsync(DatabaseSetup.DefaultAdminEmail, first.FirstManager!.TemporaryPassword, ChangeSource.Cli);
        login.Succeeded.Should().BeTrue("the second run leaves the first manager's password alone");
    }
}
