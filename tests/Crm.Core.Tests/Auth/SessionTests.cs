using EpicEvents.Crm.Access;
using EpicEvents.Crm.Auth;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Tests.Infrastructure;

namespace EpicEvents.Crm.Tests.Auth;

public sealed class SessionTestsOnSqlite : SessionTests<Sqlite>;

public sealed class SessionTestsOnPostgres : SessionTests<Postgres>;

public abstract class SessionTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    [Fact]
    public async Task A_fresh_token_resolves_to_the_collaborator_reloaded_from_the_database()
    {
        var token = await World.TokenOfAsync(World.Support);

        var session = await World.ResolveAsync(token);

        session.State.Should().Be(SessionState.Active);
        session.Actor.Should().Be(World.Support);
        session.ExpiresAt.Should().BeCloseTo(World.Clock.UtcNow + TestAuth.Options.TokenLifetime, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_token_expires_after_its_lifetime()
    {
        var token = await World.TokenOfAsync(World.Support);

        World.Clock.Advance(TestAuth.Options.TokenLifetime - TimeSpan.FromMinutes(1));
        (await World.ResolveAsync(token)).State.Should().Be(SessionState.Active);

        World.Clock.Advance(TimeSpan.FromMinutes(2));
        var session = await World.ResolveAsync(token);
        session.State.Should().Be(SessionState.Expired);
        session.Actor.Should().BeNull();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_tampered_token_is_invalid(int part)
    {
        var token = await World.TokenOfAsync(World.Support);
        var parts = token.Split('.');
        var segment = parts[part].ToCharArray();
        var middle = segment.Length / 2;
        segment[middle] = segment[middle] == 'A' ? 'B' : 'A';
        parts[part] = new string(segment);

        var session = await World.ResolveAsync(string.Join('.', parts));

        session.State.Should().Be(SessionState.Invalid);
        session.Actor.Should().BeNull();
    }

    [Fact]
    public async Task A_token_signed_with_another_key_or_garbage_is_invalid()
    {
        var otherKey = TestAuth.Options with { SigningKey = Convert.ToBase64String(new byte[48]) };
        var forged = new SessionTokens(otherKey, World.Clock).Issue(World.Manager.Id, "any-stamp");

        (await World.ResolveAsync(forged.Token)).State.Should().Be(SessionState.Invalid);
        (await World.ResolveAsync("not.a.token")).State.Should().Be(SessionState.Invalid);
        (await World.ResolveAsync(string.Empty)).State.Should().Be(SessionState.Invalid);
    }

    [Fact]
    public async Task Changing_ones_password_revokes_other_sessions_and_returns_a_fresh_one()
    {
        var token = await World.TokenOfAsync(World.Sales);

        var fresh = (await World.Get<ChangeOwnPassword>().ExecuteAsync(World.Sales, new ChangeOwnPasswordRequest(CrmWorld.StaffPassword, "Blue-Lagoon-1977"))).ShouldBeOk();

        (await World.ResolveAsync(token)).State.Should().Be(SessionState.Revoked);
        (await World.ResolveAsync(fresh.Token)).State.Should().Be(SessionState.Active);
        (await World.LoginAsync(World.Sales)).Succeeded.Should().BeFalse();
        (await World.LoginAsync(World.Sales, "Blue-Lagoon-1977")).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task A_well_signed_token_of_no_collaborator_or_with_another_stamp_is_revoked()
    {
        var tokens = World.Get<SessionTokens>();
        (await World.ResolveAsync(await World.TokenOfAsync(World.Support))).State.Should().Be(SessionState.Active);

        foreach (var token in new[] { tokens.Issue(987_654, "any-stamp").Token, tokens.Issue(World.Support.Id, "not-the-stamp").Token })
        {
            var session = await World.ResolveAsync(token);
            session.State.Should().Be(SessionState.Revoked);
            session.Actor.Should().BeNull();
        }
    }

    [Fact]
    public async Task Deactivation_revokes_every_session_at_the_next_command()
    {
        var token = await World.TokenOfAsync(World.Sales2);
        (await World.ResolveAsync(token)).State.Should().Be(SessionState.Active);

        (await World.Get<DeactivateCollaborator>().ExecuteAsync(World.Manager, new DeactivateCollaboratorRequest(World.Sales2.Id))).ShouldBeOk();

        var session = await World.ResolveAsync(token);
        session.State.Should().Be(SessionState.Revoked);
        session.Actor.Should().BeNull();
    }

    [Fact]
    public async Task A_role_change_revokes_every_session()
    {
        var token = await World.TokenOfAsync(World.Support2);

        (await World.Get<UpdateCollaborator>().ExecuteAsync(World.Manager, new UpdateCollaboratorRequest(World.Support2.Id, RoleId: World.RoleIds[Department.Sales]))).ShouldBeOk();

        (await World.ResolveAsync(token)).State.Should().Be(SessionState.Revoked);
        var again = await World.ResolveAsync(await World.TokenOfAsync(World.Support2));
        again.Actor!.Department.Should().Be(Department.Sales);
    }

    [Fact]
    public async Task A_rename_keeps_sessions_but_the_next_command_sees_the_new_name()
    {
        var token = await World.TokenOfAsync(World.Support2);

        (await World.Get<UpdateCollaborator>().ExecuteAsync(World.Manager, new UpdateCollaboratorRequest(World.Support2.Id, FullName: "Simon T."))).ShouldBeOk();

        var session = await World.ResolveAsync(token);
        session.State.Should().Be(SessionState.Active);
        session.Actor!.FullName.Should().Be("Simon T.");
    }

    [Fact]
    public async Task Logging_out_everywhere_revokes_every_session_of_that_collaborator_only()
    {
        var laptop = await World.TokenOfAsync(World.Support);
        var phone = await World.TokenOfAsync(World.Support);
        var colleague = await World.TokenOfAsync(World.Support2);

        (await World.Get<LogoutEverywhere>().ExecuteAsync(World.Support)).ShouldBeOk();

        (await World.ResolveAsync(laptop)).State.Should().Be(SessionState.Revoked);
        (await World.ResolveAsync(phone)).State.Should().Be(SessionState.Revoked);
        (await World.ResolveAsync(colleague)).State.Should().Be(SessionState.Active);
        (await World.Get<LogoutEverywhere>().ExecuteAsync(World.Support with { IsActive = false })).ShouldBe(Outcome.Forbidden);
    }

    [Fact]
    public async Task A_temporary_password_must_be_changed_before_anything_else()
    {
        var created = (await World.Get<CreateCollaborator>().ExecuteAsync(
            World.Manager, new CreateCollaboratorRequest("Nina Nouvelle", "nina@epicevents.test", World.RoleIds[Department.Sales]))).ShouldBeOk();

        var login = await World.Get<Login>().ExecuteAsync("nina@epicevents.test", created.TemporaryPassword, ChangeSource.Cli);
        login.Succeeded.Should().BeTrue();
        login.MustChangePassword.Should().BeTrue();
        var nina = (await World.ResolveAsync(login.Session!.Token)).Actor!;
        nina.MustChangePassword.Should().BeTrue();

        var read = await World.Get<ListClients>().ExecuteAsync(nina, new ClientFilter(), PageRequest.First());
        read.ShouldBe(Outcome.Forbidden);
        read.Message!.ToString().Should().Be("Change your temporary password before doing anything else.");
        (await World.Get<CreateClient>().ExecuteAsync(nina, new CreateClientRequest("A", "a@b.fr", "0102030405", "C"))).ShouldBe(Outcome.Forbidden);
        (await World.Get<GetCollaborator>().ExecuteAsync(nina, nina.Id)).ShouldBe(Outcome.Forbidden);

        var changed = (await World.Get<ChangeOwnPassword>().ExecuteAsync(nina, new ChangeOwnPasswordRequest(created.TemporaryPassword, "Blue-Lagoon-1977"))).ShouldBeOk();

        (await World.ResolveAsync(login.Session.Token)).State.Should().Be(SessionState.Revoked);
        var ready = (await World.ResolveAsync(changed.Token)).Actor!;
        ready.MustChangePassword.Should().BeFalse();
        (await World.Get<ListClients>().ExecuteAsync(ready, new ClientFilter(), PageRequest.First())).ShouldBeOk();
    }

    [Theory]
    [InlineData("Short-1")]
    [InlineData("EMAIL")]
    [InlineData("Password123")]
    [InlineData("azertyuiop")]
    [InlineData("aaaaaaaaaaaa")]
    public async Task A_weak_new_password_is_refused(string weak)
    {
        var email = await World.EmailOfAsync(World.Sales);
        var password = weak == "EMAIL" ? email.ToUpperInvariant() : weak;

        var result = await World.Get<ChangeOwnPassword>().ExecuteAsync(World.Sales, new ChangeOwnPasswordRequest(CrmWorld.StaffPassword, password));

        result.ShouldBeInvalidOn("newPassword");
        (await World.LoginAsync(World.Sales)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Changing_a_password_needs_the_current_one_and_a_different_new_one()
    {
        (await World.Get<ChangeOwnPassword>().ExecuteAsync(World.Sales, new ChangeOwnPasswordRequest("Wrong-Current-1", "Blue-Lagoon-1977"))).ShouldBeInvalidOn("currentPassword");
        (await World.Get<ChangeOwnPassword>().ExecuteAsync(World.Sales, new ChangeOwnPasswordRequest(CrmWorld.StaffPassword, CrmWorld.StaffPassword))).ShouldBeInvalidOn("newPassword");
        (await World.LoginAsync(World.Sales)).Succeeded.Should().BeTrue();
    }
}
