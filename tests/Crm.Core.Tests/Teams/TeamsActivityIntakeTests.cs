using EpicEvents.Crm.Access;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Teams;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Teams;

public sealed class TeamsActivityIntakeTestsOnSqlite : TeamsActivityIntakeTests<Sqlite>;

public sealed class TeamsActivityIntakeTestsOnPostgres : TeamsActivityIntakeTests<Postgres>;

public abstract class TeamsActivityIntakeTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    private static readonly Guid Tenant = Guid.NewGuid();

    private static readonly TeamsConversationReference Reference = new(
        "https://smba.trafficmanager.net/emea/", "msteams", "a:1xyz", "personal", Tenant.ToString(), "28:bot", "Epic Events", "29:1abc", null, "fr-FR");

    private TeamsActivityIntake Intake => World.Get<TeamsActivityIntake>();

    [Fact]
    public async Task An_activity_is_first_once_and_its_sender_is_identified_in_the_same_call()
    {
        var sender = await LinkAsync(World.Sales);

        var first = await Intake.AdmitAsync("msteams|a:1xyz|1", sender);
        var again = await Intake.AdmitAsync("msteams|a:1xyz|1", sender);

        first.FirstDelivery.Should().BeTrue();
        first.Identification.Should().Be(new TeamsIdentification(TeamsIdentificationOutcome.Linked, World.Sales with { Source = ChangeSource.Bot }));
        again.FirstDelivery.Should().BeFalse();
        again.Identification.Outcome.Should().Be(TeamsIdentificationOutcome.Linked);
    }

    [Fact]
    public async Task The_same_activity_reaching_two_bot_instances_at_once_is_first_on_one_only()
    {
        var sender = await LinkAsync(World.Sales);
        await using var one = new TeamsActivityIntake(World.Database.Settings, World.Clock);
        await using var other = new TeamsActivityIntake(World.Database.Settings, World.Clock);

        var deliveries = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => (i % 2 == 0 ? one : other).AdmitAsync("msteams|a:1xyz|redelivered", sender)));

        deliveries.Count(d => d.FirstDelivery).Should().Be(1);
        deliveries.Should().OnlyContain(d => d.Identification.Outcome == TeamsIdentificationOutcome.Linked);
    }

    [Fact]
    public async Task A_deactivation_applies_to_the_very_next_activity()
    {
        var sender = await LinkAsync(World.Support2);
        (await Intake.AdmitAsync("1:before", sender)).Identification.Outcome.Should().Be(TeamsIdentificationOutcome.Linked);

        (await World.Get<DeactivateCollaborator>().ExecuteAsync(World.Manager, new DeactivateCollaboratorRequest(World.Support2.Id))).ShouldBeOk();

        (await Intake.AdmitAsync("1:after", sender)).Identification.Should().Be(new TeamsIdentification(TeamsIdentificationOutcome.Inactive, null));
        (await Intake.ReadAsync(sender)).Identification.Outcome.Should().Be(TeamsIdentificationOutcome.Inactive);
    }

    [Fact]
    public async Task A_change_of_department_applies_to_the_very_next_activity()
    {
        var sender = await LinkAsync(World.Support2);

        (await World.Get<UpdateCollaborator>().ExecuteAsync(World.Manager, new UpdateCollaboratorRequest(World.Support2.Id, RoleId: World.RoleIds[Department.Sales]))).ShouldBeOk();

        (await Intake.AdmitAsync("1:after-move", sender)).Identification.Actor!.Department.Should().Be(Department.Sales);
    }

    [Fact]
    public async Task The_stored_conversation_reference_comes_back_with_the_sender_and_says_when_it_is_blocked()
    {
        var sender = await LinkAsync(World.Sales);
        (await Intake.AdmitAsync("1:no-reference-yet", sender)).Conversation.Should().BeNull();

        await World.Get<TeamsConversations>().RememberAsync(World.Sales.Id, Reference);
        (await Intake.AdmitAsync("1:remembered", sender)).Conversation.Should().Be(new StoredTeamsConversation(Reference, Blocked: false));

        await World.Get<TeamsConversations>().MarkBlockedAsync(World.Sales.Id);
        (await Intake.AdmitAsync("1:blocked", sender)).Conversation.Should().Be(new StoredTeamsConversation(Reference, Blocked: true));
    }

    [Fact]
    public async Task An_unlinked_sender_is_unknown_and_the_activity_is_still_recorded()
    {
        var stranger = new TeamsSender(Tenant, Guid.NewGuid());

        var first = await Intake.AdmitAsync("1:stranger", stranger);
        var anonymous = await Intake.AdmitAsync("1:stranger", null);

        first.FirstDelivery.Should().BeTrue();
        first.Identification.Should().Be(new TeamsIdentification(TeamsIdentificationOutcome.Unknown, null));
        anonymous.FirstDelivery.Should().BeFalse();
        (await World.Get<ActivityLedger>().TryRecordAsync("1:stranger")).Should().BeFalse();
    }

    [Fact]
    public async Task An_activity_id_Teams_could_not_have_sent_is_refused_and_not_recorded()
    {
        var blank = () => Intake.AdmitAsync(" ", null);
        var oversized = () => Intake.AdmitAsync(new string('x', 301), null);

        await blank.Should().ThrowAsync<ArgumentException>();
        await oversized.Should().ThrowAsync<ArgumentException>();
        await using var db = World.NewContext();
        (await db.ProcessedActivities.CountAsync()).Should().Be(0);
    }

    private async Task<TeamsSender> LinkAsync(Actor collaborator)
    {
        var user = Guid.NewGuid();
        (await World.Get<LinkTeamsIdentity>().ExecuteAsync(World.Manager, new LinkTeamsIdentityRequest(collaborator.Id, Tenant, user))).ShouldBeOk();
        return new TeamsSender(Tenant, user);
    }
}
