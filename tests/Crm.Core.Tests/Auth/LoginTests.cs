using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Auth;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Auth;

public sealed class LoginTestsOnSqlite : LoginTests<Sqlite>;

public sealed class LoginTestsOnPostgres : LoginTests<Postgres>;

public abstract class LoginTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    [Fact]
    public async Task Staff_log_in_with_their_email_in_any_case_and_get_a_session()
    {
        var email = await World.EmailOfAsync(World.Sales);

        var login = await World.Get<Login>().ExecuteAsync($"  {email.ToUpperInvariant()} ", CrmWorld.StaffPassword, ChangeSource.Cli);

        login.Succeeded.Should().BeTrue();
        login.Actor!.Id.Should().Be(World.Sales.Id);
        login.Session!.ExpiresAt.Should().Be(World.Clock.UtcNow + TestAuth.Options.TokenLifetime);
        login.MustChangePassword.Should().BeFalse();
    }

    [Fact]
    public async Task A_wrong_email_and_a_wrong_password_get_the_same_answer()
    {
        var wrongEmail = await World.Get<Login>().ExecuteAsync("nobody@epicevents.test", CrmWorld.StaffPassword, ChangeSource.Cli);
        var wrongPassword = await World.LoginAsync(World.Sales, "Not-The-Password-1");

        wrongEmail.Outcome.Should().Be(LoginOutcome.InvalidCredentials);
        wrongPassword.Should().BeEquivalentTo(wrongEmail);
        wrongPassword.Session.Should().BeNull();
        wrongPassword.Message!.ToString().Should().StartWith("The email or the password is wrong.");
    }

    [Fact]
    public async Task A_deactivated_collaborator_cannot_log_in_even_with_the_right_password()
    {
        var former = await World.AddCollaboratorAsync("Former Seller", Department.Sales, active: false);

        var login = await World.LoginAsync(former);

        login.Outcome.Should().Be(LoginOutcome.InvalidCredentials);
        login.Message!.ToString().Should().StartWith("The email or the password is wrong.");
    }

    [Fact]
    public async Task Five_failures_within_fifteen_minutes_lock_the_account_for_fifteen_minutes()
    {
        for (var i = 0; i < 4; i++)
        {
            (await World.LoginAsync(World.Sales, "Not-The-Password-1")).Outcome.Should().Be(LoginOutcome.InvalidCredentials);
            World.Clock.Advance(TimeSpan.FromMinutes(3));
        }

        (await World.LoginAsync(World.Sales, "Not-The-Password-1")).Outcome.Should().Be(LoginOutcome.LockedOut);

        World.Clock.Advance(TimeSpan.FromMinutes(14));
        var sixth = await World.LoginAsync(World.Sales);
        sixth.Outcome.Should().Be(LoginOutcome.LockedOut);
        sixth.Session.Should().BeNull();

        World.Clock.Advance(TimeSpan.FromMinutes(1));
        (await World.LoginAsync(World.Sales)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Failures_spread_over_more_than_fifteen_minutes_do_not_lock()
    {
        for (var i = 0; i < 6; i++)
        {
            (await World.LoginAsync(World.Sales, "Not-The-Password-1")).Outcome.Should().Be(LoginOutcome.InvalidCredentials);
            World.Clock.Advance(TimeSpan.FromMinutes(4));
        }

        (await World.LoginAsync(World.Sales)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Five_failures_within_any_fifteen_minutes_lock_even_when_the_first_failure_is_older()
    {
        await World.LoginAsync(World.Sales, "Not-The-Password-1");
        World.Clock.Advance(TimeSpan.FromMinutes(10));
        for (var i = 0; i < 3; i++)
        {
            await World.LoginAsync(World.Sales, "Not-The-Password-1");
        }

        World.Clock.Advance(TimeSpan.FromMinutes(6));
        (await World.LoginAsync(World.Sales, "Not-The-Password-1")).Outcome.Should().Be(LoginOutcome.InvalidCredentials);
        (await World.LoginAsync(World.Sales, "Not-The-Password-1")).Outcome.Should().Be(LoginOutcome.LockedOut);
        (await World.LoginAsync(World.Sales)).Outcome.Should().Be(LoginOutcome.LockedOut);
    }

    [Fact]
    public async Task A_successful_login_clears_earlier_failures()
    {
        for (var i = 0; i < 4; i++)
        {
            await World.LoginAsync(World.Sales, "Not-The-Password-1");
        }

        (await World.LoginAsync(World.Sales)).Succeeded.Should().BeTrue();
        (await World.LoginAsync(World.Sales, "Not-The-Password-1")).Outcome.Should().Be(LoginOutcome.InvalidCredentials);
        (await World.LoginAsync(World.Sales)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task A_password_reset_by_management_lifts_a_lockout()
    {
        for (var i = 0; i < 5; i++)
        {
            await World.LoginAsync(World.Sales, "Not-The-Password-1");
        }

        var reset = (await World.Get<ResetPassword>().ExecuteAsync(World.Manager, new ResetPasswordRequest(World.Sales.Id))).ShouldBeOk();

        (await World.LoginAsync(World.Sales, reset.TemporaryPassword)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Every_attempt_is_audited_and_no_audit_entry_holds_the_password()
    {
        const string wrong = "Secret-Attempt-99";
        await World.Get<Login>().ExecuteAsync("nobody@epicevents.test", wrong, ChangeSource.Bot);
        await World.LoginAsync(World.Sales, wrong);
        await World.LoginAsync(World.Sales);

        await using var db = World.NewContext();
        var entries = await db.AuditEntries.OrderBy(a => a.Id).ToListAsync();
        entries.Select(a => a.Action).Should().Equal("login.failed", "login.failed", "login.succeeded");
        entries.Select(a => a.EntityId).Should().Equal(null, World.Sales.Id, World.Sales.Id);
        entries[0].Source.Should().Be(ChangeSource.Bot);
        entries[0].Changes.Should().Equal(new FieldChange("email", null, "nobody@epicevents.test"));
        var stored = await db.Database.SqlQueryRaw<string>("SELECT changes AS \"Value\" FROM audit_entries").ToListAsync();
        stored.Should().HaveCount(3).And.NotContain(text => text.Contains(wrong) || text.Contains(CrmWorld.StaffPassword));
    }

    [Fact]
    public async Task Oversized_or_missing_credentials_are_refused_like_any_wrong_ones()
    {
        var email = await World.EmailOfAsync(World.Sales);

        var hugePassword = await World.Get<Login>().ExecuteAsync(email, new string('x', 100_000), ChangeSource.Cli);
        var noPassword = await World.Get<Login>().ExecuteAsync(email, null, ChangeSource.Cli);
        var noEmail = await World.Get<Login>().ExecuteAsync(null, CrmWorld.StaffPassword, ChangeSource.Cli);
        var injection = await World.Get<Login>().ExecuteAsync("' OR 1=1 --", "' OR 1=1 --", ChangeSource.Cli);

        new[] { hugePassword, noPassword, noEmail, injection }.Should().OnlyContain(r => r.Outcome == LoginOutcome.InvalidCredentials);
    }
}
