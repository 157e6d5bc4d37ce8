using EpicEvents.Crm.Auth;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Flows;

public sealed class AbuseAndRaceTestsOnSqlite : AbuseAndRaceTests<Sqlite>;

public sealed class AbuseAndRaceTestsOnPostgres : AbuseAndRaceTests<Postgres>;

/// <summary>Hostile input and simultaneous requests: a clear refusal, never an exception or a broken rule.</summary>
public abstract class AbuseAndRaceTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    [Fact]
    public async Task Two_managers_deactivating_each_other_at_once_leave_one_manager_active()
    {
        var first = World.Get<DeactivateCollaborator>().ExecuteAsync(World.Manager, new DeactivateCollaboratorRequest(World.Manager2.Id));
        var second = World.Get<DeactivateCollaborator>().ExecuteAsync(World.Manager2, new DeactivateCollaboratorRequest(World.Manager.Id));
        var outcomes = await Task.WhenAll(first, second);

        outcomes.Count(o => o.IsOk).Should().BeLessThanOrEqualTo(1);
        await using var db = World.NewContext();
        (await db.Collaborators.CountAsync(c => c.IsActive && c.Role.Department == EpicEvents.Crm.Access.Department.Management)).Should().Be(1);
    }

    [Fact]
    public async Task A_burst_of_parallel_wrong_passwords_still_locks_the_account()
    {
        var attempts = Enumerable.Range(0, 8).Select(_ => World.LoginAsync(World.Sales, "Not-The-Password-1"));
        var results = await Task.WhenAll(attempts);

        results.Should().OnlyContain(r => !r.Succeeded);
        (await World.LoginAsync(World.Sales)).Outcome.Should().Be(LoginOutcome.LockedOut);
    }

    [Fact]
    public async Task A_locked_account_and_an_unknown_email_get_the_same_answer()
    {
        for (var i = 0; i < 5; i++)
        {
            await World.LoginAsync(World.Sales, "Not-The-Password-1");
        }

        var locked = await World.LoginAsync(World.Sales);
        var unknown = await World.Get<Login>().ExecuteAsync("nobody@epicevents.test", CrmWorld.StaffPassword, EpicEvents.Crm.Access.ChangeSource.Cli);

        locked.Succeeded.Should().BeFalse();
        locked.Message!.ToString().Should().Be(unknown.Message!.ToString());
    }

    [Fact]
    public async Task Text_typed_in_the_email_field_of_a_failed_login_is_not_kept_unless_it_is_an_email()
    {
        await World.Get<Login>().ExecuteAsync("My-Secret-Passw0rd", "whatever", EpicEvents.Crm.Access.ChangeSource.Cli);

        await using var db = World.NewContext();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "login.failed");
        entry.Changes.Should().NotContain(c => c.New != null && c.New.Contains("secret", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Nul_and_control_characters_are_refused_with_field_errors_not_exceptions()
    {
        var client = await World.Get<CreateClient>().ExecuteAsync(World.Sales, new CreateClientRequest("Nul\0Byte", "a\0b@x.fr", "0102030405", "Co\u0007"));
        client.ShouldBeInvalidOn("fullName", "email", "companyName");

        var search = await World.Get<ListClients>().ExecuteAsync(World.Sales, new ClientFilter(Search: "a\0b"), PageRequest.First());
        search.ShouldBeInvalidOn("search");

        var login = await World.Get<Login>().ExecuteAsync("a\0b@x.fr", "x\0y", EpicEvents.Crm.Access.ChangeSource.Bot);
        login.Outcome.Should().Be(LoginOutcome.InvalidCredentials);
    }

    [Fact]
    public async Task Names_whose_folded_search_key_grows_are_stored_and_found()
    {
        var name = new string('ß', 100);
        var company = new string('œ', 100);

        var created = (await World.Get<CreateClient>().ExecuteAsync(World.Sales, new CreateClientRequest(name, "strasse@x.de", "0102030405", company))).ShouldBeOk();

        var found = (await World.Get<ListClients>().ExecuteAsync(World.Support, new ClientFilter(Search: "ssss"), PageRequest.First())).ShouldBeOk();
        found.Items.Should().ContainSingle(c => c.Id == created.Id);
    }

    [Fact]
    public async Task The_total_of_a_contract_awaiting_signature_cannot_change_under_the_managers_decision()
    {
        var (contract, _) = await World.NewPendingContractAsync();

        var refused = await World.Get<UpdateContract>().ExecuteAsync(World.Sales, new UpdateContractRequest(contract.Id, TotalAmount: contract.TotalAmount * 10));
        var payment = await World.Get<RecordPayment>().ExecuteAsync(World.Sales, new RecordPaymentRequest(contract.Id, 100m));

        refused.ShouldBe(Outcome.Conflict);
        payment.ShouldBeOk().TotalAmount.Should().Be(contract.TotalAmount);
    }
}
