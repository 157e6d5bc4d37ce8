using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using System.Data.Common;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Teams;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EpicEvents.Crm.Tests.Teams;

public sealed class IdentifyTeamsMemberTestsOnSqlite : IdentifyTeamsMemberTests<Sqlite>;

public sealed class IdentifyTeamsMemberTestsOnPostgres : IdentifyTeamsMemberTests<Postgres>;

public abstract class IdentifyTeamsMemberTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    private static readonly Guid Tenant = Guid.NewGuid();
    private static readonly Guid OtherTenant = Guid.NewGuid();
    private static readonly Guid[] AutoLinkOn = [Tenant];

    [Fact]
    public async Task A_linked_active_collaborator_is_identified_as_themself_acting_from_the_bot()
    {
        var user = Guid.NewGuid();
        await LinkAsync(World.Sales, user);

        var identified = await IdentifyAsync(new TeamsMember(Tenant, user, null, "Sophie"), []);

        identified.Outcome.Should().Be(TeamsIdentificationOutcome.Linked);
        identified.Actor.Should().Be(World.Sales with { Source = ChangeSource.Bot });
    }

    [Fact]
    public async Task A_linked_deactivated_collaborator_is_inactive_and_gets_no_actor()
    {
        var former = await World.AddCollaboratorAsync("Paul Parti", Department.Support, active: false);
        var user = Guid.NewGuid();
        await LinkAsync(former, user);

        var identified = await IdentifyAsync(new TeamsMember(Tenant, user, await World.EmailOfAsync(former), "Paul"), AutoLinkOn);

        identified.Should().Be(new TeamsIdentification(TeamsIdentificationOutcome.Inactive, null));
    }

    [Fact]
    public async Task An_unlinked_account_is_unknown_when_auto_linking_is_off_even_with_a_staff_email()
    {
        var member = new TeamsMember(Tenant, Guid.NewGuid(), await World.EmailOfAsync(World.Sales), "Sophie");

        var identified = await IdentifyAsync(member, []);

        identified.Should().Be(new TeamsIdentification(TeamsIdentificationOutcome.Unknown, null));
        await ShouldBeUnlinkedAsync(World.Sales);
    }

    [Fact]
    public async Task In_an_auto_link_tenant_the_active_collaborator_with_the_verified_email_is_linked_and_audited()
    {
        var user = Guid.NewGuid();
        var email = "  " + (await World.EmailOfAsync(World.Sales)).ToUpperInvariant() + " ";

        var first = await IdentifyAsync(new TeamsMember(Tenant, user, email, "Sophie"), AutoLinkOn);
        var next = await IdentifyAsync(new TeamsMember(Tenant, user, null, "Sophie"), AutoLinkOn);

        first.Outcome.Should().Be(TeamsIdentificationOutcome.AutoLinked);
        first.Actor.Should().Be(World.Sales with { Source = ChangeSource.Bot });
        next.Outcome.Should().Be(TeamsIdentificationOutcome.Linked);
        next.Actor!.Id.Should().Be(World.Sales.Id);
        await using var db = World.NewContext();
        var collaborator = await db.Collaborators.SingleAsync(c => c.Id == World.Sales.Id);
        collaborator.TeamsTenantId.Should().Be(Tenant);
        collaborator.TeamsAadObjectId.Should().Be(user);
        var entry = await db.AuditEntries.SingleAsync();
        entry.Action.Should().Be("collaborator.teams_auto_linked");
        entry.ActorId.Should().Be(World.Sales.Id);
        entry.Source.Should().Be(ChangeSource.Bot);
        entry.EntityType.Should().Be(AuditEntity.Collaborator);
        entry.EntityId.Should().Be(World.Sales.Id);
        entry.Changes.Should().Equal(
            new FieldChange("teamsTenantId", null, Tenant.ToString()),
            new FieldChange("teamsAadObjectId", null, user.ToString()));
    }

    [Fact]
    public async Task Auto_linking_does_not_happen_in_another_tenant_or_without_an_email()
    {
        var email = await World.EmailOfAsync(World.Sales);

        var otherTenant = await IdentifyAsync(new TeamsMember(OtherTenant, Guid.NewGuid(), email, "Sophie"), AutoLinkOn);
        var noEmail = await IdentifyAsync(new TeamsMember(Tenant, Guid.NewGuid(), "  ", "Sophie"), AutoLinkOn);
        var unknownEmail = await IdentifyAsync(new TeamsMember(Tenant, Guid.NewGuid(), "stranger@example.com", "Stranger"), AutoLinkOn);

        new[] { otherTenant, noEmail, unknownEmail }.Should().OnlyContain(i => i.Outcome == TeamsIdentificationOutcome.Unknown && i.Actor == null);
        await ShouldBeUnlinkedAsync(World.Sales);
    }

    [Fact]
    public async Task A_collaborator_linked_to_another_Teams_account_is_not_relinked_by_email()
    {
        var theirs = Guid.NewGuid();
        await LinkAsync(World.Support, theirs);

        var impostor = await IdentifyAsync(new TeamsMember(Tenant, Guid.NewGuid(), await World.EmailOfAsync(World.Support), "Sarah"), AutoLinkOn);

        impostor.Should().Be(new TeamsIdentification(TeamsIdentificationOutcome.Unknown, null));
        await using var db = World.NewContext();
        (await db.Collaborators.SingleAsync(c => c.Id == World.Support.Id)).TeamsAadObjectId.Should().Be(theirs);
        (await db.AuditEntries.CountAsync(a => a.Action == "collaborator.teams_auto_linked")).Should().Be(0);
    }

    [Fact]
    public async Task A_deactivated_collaborator_is_not_auto_linked_by_email()
    {
        var former = await World.AddCollaboratorAsync("Paul Parti", Department.Support, active: false);

        var identified = await IdentifyAsync(new TeamsMember(Tenant, Guid.NewGuid(), await World.EmailOfAsync(former), "Paul"), AutoLinkOn);

        identified.Outcome.Should().Be(TeamsIdentificationOutcome.Unknown);
        await ShouldBeUnlinkedAsync(former);
    }

    [Fact]
    public async Task First_messages_arriving_at_once_link_the_account_once_and_all_identify_the_collaborator()
    {
        var member = new TeamsMember(Tenant, Guid.NewGuid(), await World.EmailOfAsync(World.Sales2), "Samuel");

        var identified = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => IdentifyAsync(member, AutoLinkOn)));

        identified.Count(i => i.Outcome == TeamsIdentificationOutcome.AutoLinked).Should().Be(1);
        identified.Should().OnlyContain(i => i.Outcome != TeamsIdentificationOutcome.Unknown && i.Actor!.Id == World.Sales2.Id);
        await using var db = World.NewContext();
        (await db.AuditEntries.CountAsync(a => a.Action == "collaborator.teams_auto_linked")).Should().Be(1);
    }

    [Theory]
    [InlineData("teams_aad_object_id")]
    [InlineData("email")]
    public async Task A_first_message_overtaken_by_another_that_links_the_account_still_identifies_the_collaborator(string pausedAfterLookupBy)
    {
        var member = new TeamsMember(Tenant, Guid.NewGuid(), await World.EmailOfAsync(World.Sales2), "Samuel");
        var gate = new PauseAfterLookup(pausedAfterLookupBy);
        var options = new DbContextOptionsBuilder<CrmDbContext>();
        World.Database.Settings.Configure(options);
        await using var slowContext = new CrmDbContext(options.AddInterceptors(gate).Options);

        var slow = new IdentifyTeamsMember(slowContext, World.Clock).ExecuteAsync(member, AutoLinkOn);
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        var fast = await IdentifyAsync(member, AutoLinkOn);
        gate.Release();
        var late = await slow;

        fast.Outcome.Should().Be(TeamsIdentificationOutcome.AutoLinked);
        late.Outcome.Should().Be(TeamsIdentificationOutcome.Linked);
        late.Actor!.Id.Should().Be(World.Sales2.Id);
        await using var db = World.NewContext();
        (await db.AuditEntries.CountAsync(a => a.Action == "collaborator.teams_auto_linked")).Should().Be(1);
    }

    private Task<TeamsIdentification> IdentifyAsync(TeamsMember member, Guid[] autoLinkTenants) =>
        World.Get<IdentifyTeamsMember>().ExecuteAsync(member, autoLinkTenants);

    private async Task LinkAsync(Actor collaborator, Guid user) =>
        (await World.Get<LinkTeamsIdentity>().ExecuteAsync(World.Manager, new LinkTeamsIdentityRequest(collaborator.Id, Tenant, user))).ShouldBeOk();

    private async Task ShouldBeUnlinkedAsync(Actor collaborator)
    {
        await using var db = World.NewContext();
        (await db.Collaborators.SingleAsync(c => c.Id == collaborator.Id)).TeamsAadObjectId.Should().BeNull();
        (await db.AuditEntries.CountAsync(a => a.Action == "collaborator.teams_auto_linked")).Should().Be(0);
    }

    /// <summary>Holds a use case right after its first query filtering on the given column, until the test lets it go on.</summary>
    private sealed class PauseAfterLookup(string column) : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        public void Release() => _released.TrySetResult();

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            var where = command.CommandText.IndexOf("WHERE", StringComparison.Ordinal);
            if (where >= 0 && command.CommandText[where..].Contains(column, StringComparison.Ordinal) && _reached.TrySetResult())
            {
                await _released.Task;
            }

            return result;
        }
    }
}
