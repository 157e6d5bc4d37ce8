using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Roles;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Collaborators;

public sealed class CollaboratorUseCaseTestsOnSqlite : CollaboratorUseCaseTests<Sqlite>;

public sealed class CollaboratorUseCaseTestsOnPostgres : CollaboratorUseCaseTests<Postgres>;

public abstract class CollaboratorUseCaseTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    [Fact]
    public async Task Each_person_chooses_the_language_the_bot_speaks_to_them_in_and_it_is_kept_and_audited()
    {
        (await World.Get<ChooseLanguage>().ExecuteAsync(World.Support, "FR")).ShouldBeOk().Language.Should().Be("fr");
        (await World.Get<ActorLoader>().LoadAsync(World.Support.Id, ChangeSource.Bot))!.Language.Should().Be("fr");
        (await World.Get<ChooseLanguage>().ExecuteAsync(World.Support, "de")).ShouldBe(Outcome.Invalid);
        (await World.Get<ActorLoader>().LoadAsync(World.Support.Id, ChangeSource.Bot))!.Language.Should().Be("fr", "a refused choice changes nothing");
        (await World.Get<ChooseLanguage>().ExecuteAsync(World.Support, null)).ShouldBeOk().Language.Should().BeNull();
        (await World.Get<ActorLoader>().LoadAsync(World.Support.Id, ChangeSource.Bot))!.Language.Should().BeNull();

        (await World.Get<ChooseLanguage>().ExecuteAsync(World.Support with { IsActive = false }, "fr")).ShouldBe(Outcome.Forbidden);
        await using var db = World.NewContext();
        (await db.AuditEntries.CountAsync(a => a.Action == "collaborator.language_chosen" && a.EntityId == World.Support.Id)).Should().Be(2);
    }

    [Fact]
    public async Task Sales_and_support_cannot_manage_collaborators_and_cannot_learn_who_exists()
    {
        foreach (var actor in new[] { World.Sales, World.Support })
        {
            var results = new List<(Outcome Outcome, string? Message)>();
            foreach (var id in new[] { World.Sales2.Id, 999_999 })
            {
                results.Add(Summary(await World.Get<UpdateCollaborator>().ExecuteAsync(actor, new UpdateCollaboratorRequest(id, FullName: "Hacked"))));
                results.Add(Summary(await World.Get<DeactivateCollaborator>().ExecuteAsync(actor, new DeactivateCollaboratorRequest(id))));
                results.Add(Summary(await World.Get<ReactivateCollaborator>().ExecuteAsync(actor, new ReactivateCollaboratorRequest(id))));
                results.Add(Summary(await World.Get<ResetPassword>().ExecuteAsync(actor, new ResetPasswordRequest(id))));
                results.Add(Summary(await World.Get<LinkTeamsIdentity>().ExecuteAsync(actor, new LinkTeamsIdentityRequest(id, Guid.NewGuid(), Guid.NewGuid()))));
                results.Add(Summary(await World.Get<UnlinkTeamsIdentity>().ExecuteAsync(actor, new UnlinkTeamsIdentityRequest(id))));
                results.Add(Summary(await World.Get<CreateCollaborator>().ExecuteAsync(actor, new CreateCollaboratorRequest("New", "new@epicevents.test", World.RoleIds[Department.Management]))));
            }

            results.Should().OnlyContain(r => r.Outcome == Outcome.Forbidden);
            results.Select(r => r.Message).Distinct().Should().ContainSingle()
                .Which.Should().Be($"The {actor.Department} department cannot manage collaborators.");
        }

        (await World.Get<GetCollaborator>().ExecuteAsync(World.Manager, World.Sales2.Id)).ShouldBeOk().FullName.Should().Be("Samuel Ventes");
        await using var db = World.NewContext();
        (await db.AuditEntries.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Management_updates_name_and_email_which_are_normalised_and_audited()
    {
        World.Clock.Advance(TimeSpan.FromHours(1));

        var updated = (await World.Get<UpdateCollaborator>().ExecuteAsync(
            World.Manager, new UpdateCollaboratorRequest(World.Sales.Id, FullName: "  Sophie Martin ", Email: " Sophie.Martin@EpicEvents.test "))).ShouldBeOk();

        updated.FullName.Should().Be("Sophie Martin");
        updated.Email.Should().Be("sophie.martin@epicevents.test");
        updated.UpdatedAt.Should().Be(World.Clock.UtcNow);
        await using var db = World.NewContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "collaborator.updated");
        entry.ActorId.Should().Be(World.Manager.Id);
        entry.EntityId.Should().Be(World.Sales.Id);
        entry.Changes.Select(c => c.Field).Should().Equal("fullName", "email");
        entry.Changes[0].Should().Be(new FieldChange("fullName", "Sophie Commerciale", "Sophie Martin"));
    }

    [Theory]
    [InlineData("", null, "fullName")]
    [InlineData("Robert\u0007Bell", null, "fullName")]
    [InlineData(null, "not-an-email", "email")]
    public async Task An_invalid_update_is_refused_on_its_field_and_changes_nothing(string? fullName, string? email, string field)
    {
        var result = await World.Get<UpdateCollaborator>().ExecuteAsync(World.Manager, new UpdateCollaboratorRequest(World.Sales.Id, fullName, email));

        result.ShouldBeInvalidOn(field);
        (await World.Get<GetCollaborator>().ExecuteAsync(World.Manager, World.Sales.Id)).ShouldBeOk().FullName.Should().Be("Sophie Commerciale");
    }

    [Fact]
    public async Task Overlong_names_and_emails_are_refused()
    {
        var longName = await World.Get<UpdateCollaborator>().ExecuteAsync(World.Manager, new UpdateCollaboratorRequest(World.Sales.Id, FullName: new string('a', 101)));
        var longEmail = await World.Get<UpdateCollaborator>().ExecuteAsync(World.Manager, new UpdateCollaboratorRequest(World.Sales.Id, Email: new string('a', 250) + "@x.fr"));

        longName.ShouldBeInvalidOn("fullName");
        longEmail.ShouldBeInvalidOn("email");
        (await World.Get<UpdateCollaborator>().ExecuteAsync(World.Manager, new UpdateCollaboratorRequest(World.Sales.Id, FullName: new string('a', 100)))).ShouldBeOk();
    }

    [Fact]
    public async Task Two_collaborators_cannot_share_an_email_whatever_its_case()
    {
        var taken = await World.EmailOfAsync(World.Sales2);

        var result = await World.Get<UpdateCollaborator>().ExecuteAsync(World.Manager, new UpdateCollaboratorRequest(World.Sales.Id, Email: taken.ToUpperInvariant()));

        result.ShouldBeInvalidOn("email");
        var created = await World.Get<CreateCollaborator>().ExecuteAsync(World.Manager, new CreateCollaboratorRequest("Twin", taken, World.RoleIds[Department.Sales]));
        created.ShouldBeInvalidOn("email");
    }

    [Fact]
    public async Task An_unknown_role_or_collaborator_is_reported_as_such()
    {
        (await World.Get<UpdateCollaborator>().ExecuteAsync(World.Manager, new UpdateCollaboratorRequest(World.Sales.Id, RoleId: 999_999))).ShouldBeInvalidOn("roleId");
        (await World.Get<UpdateCollaborator>().ExecuteAsync(World.Manager, new UpdateCollaboratorRequest(999_999, FullName: "Nobody"))).ShouldBe(Outcome.NotFound);
        (await World.Get<GetCollaborator>().ExecuteAsync(World.Sales, 999_999)).ShouldBe(Outcome.NotFound);
    }

    [Fact]
    public async Task A_form_filled_from_an_older_version_gets_a_conflict()
    {
        var before = (await World.Get<GetCollaborator>().ExecuteAsync(World.Manager, World.Sales.Id)).ShouldBeOk();
        (await World.Get<UpdateCollaborator>().ExecuteAsync(World.Manager2, new UpdateCollaboratorRequest(World.Sales.Id, FullName: "First Edit"))).ShouldBeOk();

        var stale = await World.Get<UpdateCollaborator>().ExecuteAsync(World.Manager, new UpdateCollaboratorRequest(World.Sales.Id, FullName: "Second Edit", ExpectedVersion: before.Version));

        stale.ShouldBe(Outcome.Conflict);
        (await World.Get<GetCollaborator>().ExecuteAsync(World.Manager, World.Sales.Id)).ShouldBeOk().FullName.Should().Be("First Edit");
    }

    [Fact]
    public async Task A_role_change_gives_the_new_departments_rights_at_once()
    {
        var moved = (await World.Get<UpdateCollaborator>().ExecuteAsync(World.Manager, new UpdateCollaboratorRequest(World.Support.Id, RoleId: World.RoleIds[Department.Sales]))).ShouldBeOk();

        moved.Department.Should().Be(Department.Sales);
        var reloaded = await World.ReloadAsync(World.Support.Id);
        PermissionMatrix.For(reloaded, CrmAction.CreateClient).Should().Be(Reach.Own);
        PermissionMatrix.For(reloaded, CrmAction.UpdateEvent).Should().Be(Reach.None);
        await using var db = World.NewContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "collaborator.updated");
        entry.Changes.Should().Contain(new FieldChange("department", "support", "sales"));
    }

    [Fact]
    public async Task A_manager_cannot_deactivate_themself_nor_leave_management()
    {
        var deactivate = await World.Get<DeactivateCollaborator>().ExecuteAsync(World.Manager, new DeactivateCollaboratorRequest(World.Manager.Id));
        var demote = await World.Get<UpdateCollaborator>().ExecuteAsync(World.Manager, new UpdateCollaboratorRequest(World.Manager.Id, RoleId: World.RoleIds[Department.Sales]));

        deactivate.ShouldBe(Outcome.Conflict);
        deactivate.Message!.ToString().Should().Contain("yourself");
        demote.ShouldBe(Outcome.Conflict);
        demote.Message!.ToString().Should().Contain("yourself");
        var me = (await World.Get<GetCollaborator>().ExecuteAsync(World.Manager, World.Manager.Id)).ShouldBeOk();
        me.IsActive.Should().BeTrue();
        me.Department.Should().Be(Department.Management);
    }

    [Fact]
    public async Task A_manager_may_rename_themself_and_change_role_within_management()
    {
        await using (var db = World.NewContext())
        {
            db.Roles.Add(new Role("directeur", Department.Management));
            await db.SaveChangesAsync();
        }

        var director = await RoleIdAsync("directeur");
        var me = (await World.Get<UpdateCollaborator>().ExecuteAsync(World.Manager, new UpdateCollaboratorRequest(World.Manager.Id, FullName: "Marie G.", RoleId: director))).ShouldBeOk();

        me.RoleName.Should().Be("directeur");
        me.Department.Should().Be(Department.Management);
    }

    [Fact]
    public async Task The_last_active_manager_cannot_be_deactivated_or_moved_to_another_department()
    {
        (await World.Get<DeactivateCollaborator>().ExecuteAsync(World.Manager, new DeactivateCollaboratorRequest(World.Manager2.Id))).ShouldBeOk();

        // Only the system (db init, an administration script) can act without being a manager itself.
        var deactivate = await World.Get<DeactivateCollaborator>().ExecuteAsync(Actor.System, new DeactivateCollaboratorRequest(World.Manager.Id));
        var move = await World.Get<UpdateCollaborator>().ExecuteAsync(Actor.System, new UpdateCollaboratorRequest(World.Manager.Id, RoleId: World.RoleIds[Department.Support]));

        deactivate.ShouldBe(Outcome.Conflict);
        deactivate.Message!.ToString().Should().Contain("last active Management collaborator");
        move.ShouldBe(Outcome.Conflict);
        move.Message!.ToString().Should().Contain("last active Management collaborator");
        var manager = (await World.Get<GetCollaborator>().ExecuteAsync(World.Manager, World.Manager.Id)).ShouldBeOk();
        manager.IsActive.Should().BeTrue();
        manager.Department.Should().Be(Department.Management);

        // A deactivated manager may still be moved: they do not count as an active one.
        (await World.Get<UpdateCollaborator>().ExecuteAsync(World.Manager, new UpdateCollaboratorRequest(World.Manager2.Id, RoleId: World.RoleIds[Department.Sales]))).ShouldBeOk();
    }

    [Fact]
    public async Task Deactivating_a_seller_who_still_follows_clients_is_refused_with_the_list()
    {
        var first = await World.NewClientAsync(World.Sales);
        var second = await World.NewClientAsync(World.Sales);
        await World.NewClientAsync(World.Sales2);
        var draft = await World.NewContractInStatusAsync(first.Id, ContractStatus.Draft);
        await World.NewContractInStatusAsync(second.Id);

        var result = await World.Get<DeactivateCollaborator>().ExecuteAsync(World.Manager, new DeactivateCollaboratorRequest(World.Sales.Id));

        result.ShouldBe(Outcome.Conflict);
        result.Message!.ToString().Should().Be($"Sophie Commerciale still follows clients {first.Id}, {second.Id} (open contracts {draft}). "
            + "Name an active Sales collaborator to take over (reassign to), or reassign that work first.");
        (await World.Get<GetCollaborator>().ExecuteAsync(World.Manager, World.Sales.Id)).ShouldBeOk().IsActive.Should().BeTrue();
        await using var db = World.NewContext();
        (await db.AuditEntries.CountAsync(a => a.EntityType == AuditEntity.Collaborator)).Should().Be(0);
    }

    [Fact]
    public async Task Deactivating_with_a_reassignment_hands_every_client_over_in_one_go()
    {
        var first = await World.NewClientAsync(World.Sales);
        var second = await World.NewClientAsync(World.Sales);
        var contract = await World.NewContractInStatusAsync(first.Id, ContractStatus.Draft);
        var stampBefore = await StampOfAsync(World.Sales.Id);

        var done = (await World.Get<DeactivateCollaborator>().ExecuteAsync(World.Manager, new DeactivateCollaboratorRequest(World.Sales.Id, World.Sales2.Id))).ShouldBeOk();

        done.Collaborator.IsActive.Should().BeFalse();
        done.ReassignedToId.Should().Be(World.Sales2.Id);
        done.ReassignedClientIds.Should().Equal(first.Id, second.Id);
        var theirs = (await World.Get<ListClients>().ExecuteAsync(World.Sales2, new ClientFilter(Mine: true), PageRequest.First())).ShouldBeOk();
        theirs.Items.Select(c => c.Id).Should().BeEquivalentTo([first.Id, second.Id]);
        (await StampOfAsync(World.Sales.Id)).Should().NotBe(stampBefore);
        await using var db = World.NewContext();
        (await db.Contracts.Where(k => k.Id == contract).Select(k => k.Client.SalesContactId).SingleAsync()).Should().Be(World.Sales2.Id);
        var moves = await db.AuditEntries.Where(a => a.Action == "client.reassigned").OrderBy(a => a.Id).ToListAsync();
        moves.Select(a => a.EntityId).Should().Equal(first.Id, second.Id);
        moves.Should().OnlyContain(a => a.Changes.Single().Equals(new FieldChange("salesContactId", World.Sales.Id.ToString(), World.Sales2.Id.ToString())));
        (await db.AuditEntries.CountAsync(a => a.Action == "collaborator.deactivated" && a.EntityId == World.Sales.Id)).Should().Be(1);
    }

    [Fact]
    public async Task Work_can_only_be_handed_to_another_active_collaborator_of_the_same_department()
    {
        await World.NewClientAsync(World.Sales);
        var former = await World.AddCollaboratorAsync("Former Seller", Department.Sales, active: false);

        foreach (var heir in new[] { World.Support.Id, World.Manager2.Id, former.Id, World.Sales.Id, 999_999 })
        {
            var result = await World.Get<DeactivateCollaborator>().ExecuteAsync(World.Manager, new DeactivateCollaboratorRequest(World.Sales.Id, heir));
            result.ShouldBeInvalidOn("reassignToId");
        }

        (await World.Get<GetCollaborator>().ExecuteAsync(World.Manager, World.Sales.Id)).ShouldBeOk().IsActive.Should().BeTrue();
    }

    [Fact]
    public async Task Deactivating_support_hands_over_upcoming_events_only_and_notifies_the_new_contact()
    {
        var client = await World.NewClientAsync(World.Sales);
        var contract = await World.NewContractInStatusAsync(client.Id);
        var upcoming = await World.NewEventAsync(contract, TimeSpan.FromDays(3), World.Support);
        var past = await World.NewEventAsync(contract, TimeSpan.FromDays(-3), World.Support);
        await World.NewEventAsync(contract, TimeSpan.FromDays(4), World.Support2);

        var refused = await World.Get<DeactivateCollaborator>().ExecuteAsync(World.Manager, new DeactivateCollaboratorRequest(World.Support.Id));
        refused.ShouldBe(Outcome.Conflict);
        refused.Message!.ToString().Should().StartWith($"Sarah Support still supports upcoming events {upcoming}.");

        var done = (await World.Get<DeactivateCollaborator>().ExecuteAsync(World.Manager, new DeactivateCollaboratorRequest(World.Support.Id, World.Support2.Id))).ShouldBeOk();

        done.ReassignedEventIds.Should().Equal(upcoming);
        await using var db = World.NewContext();
        (await db.Events.Where(e => e.Id == upcoming).Select(e => e.SupportContactId).SingleAsync()).Should().Be(World.Support2.Id);
        (await db.Events.Where(e => e.Id == past).Select(e => e.SupportContactId).SingleAsync()).Should().Be(World.Support.Id);
        var outbox = await db.OutboxMessages.Where(m => m.SubjectId == upcoming).ToListAsync();
        outbox.Should().ContainSingle(m => m.Kind == NotificationKind.SupportAssigned && m.RecipientId == World.Support2.Id);
        outbox.Should().ContainSingle(m => m.Kind == NotificationKind.SupportAssignedToYourClient && m.RecipientId == World.Sales.Id);
        (await db.AuditEntries.CountAsync(a => a.Action == "event.support_assigned" && a.EntityId == upcoming)).Should().Be(1);
    }

    [Fact]
    public async Task A_department_change_is_refused_while_the_collaborator_still_owns_work()
    {
        var client = await World.NewClientAsync(World.Sales);

        var result = await World.Get<UpdateCollaborator>().ExecuteAsync(World.Manager, new UpdateCollaboratorRequest(World.Sales.Id, RoleId: World.RoleIds[Department.Support]));

        result.ShouldBe(Outcome.Conflict);
        result.Message!.ToString().Should().Contain($"follows clients {client.Id}");
        (await World.Get<GetCollaborator>().ExecuteAsync(World.Manager, World.Sales.Id)).ShouldBeOk().Department.Should().Be(Department.Sales);
    }

    [Fact]
    public async Task A_deactivated_collaborator_can_be_reactivated_and_both_are_audited()
    {
        (await World.Get<DeactivateCollaborator>().ExecuteAsync(World.Manager, new DeactivateCollaboratorRequest(World.Sales2.Id))).ShouldBeOk();
        (await World.ReloadAsync(World.Sales2.Id)).EffectiveDepartment.Should().Be(Department.Unknown);

        var back = (await World.Get<ReactivateCollaborator>().ExecuteAsync(World.Manager, new ReactivateCollaboratorRequest(World.Sales2.Id))).ShouldBeOk();

        back.IsActive.Should().BeTrue();
        (await World.ReloadAsync(World.Sales2.Id)).EffectiveDepartment.Should().Be(Department.Sales);
        (await World.Get<ReactivateCollaborator>().ExecuteAsync(World.Manager, new ReactivateCollaboratorRequest(World.Sales2.Id))).ShouldBeOk();
        (await World.Get<DeactivateCollaborator>().ExecuteAsync(World.Manager, new DeactivateCollaboratorRequest(999_999))).ShouldBe(Outcome.NotFound);
        await using var db = World.NewContext();
        var actions = await db.AuditEntries.Where(a => a.EntityId == World.Sales2.Id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        actions.Should().Equal("collaborator.deactivated", "collaborator.reactivated");
    }

    [Fact]
    public async Task A_reset_password_is_returned_once_must_be_changed_and_is_audited_masked()
    {
        var reset = (await World.Get<ResetPassword>().ExecuteAsync(World.Manager, new ResetPasswordRequest(World.Sales.Id))).ShouldBeOk();

        reset.TemporaryPassword.Should().HaveLength(16);
        reset.Collaborator.MustChangePassword.Should().BeTrue();
        (await World.LoginAsync(World.Sales)).Succeeded.Should().BeFalse();
        var login = await World.LoginAsync(World.Sales, reset.TemporaryPassword);
        login.Succeeded.Should().BeTrue();
        login.MustChangePassword.Should().BeTrue();
        await using var db = World.NewContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "collaborator.password_reset");
        entry.Changes.Should().Equal(new FieldChange("password", AuditTrail.Masked, AuditTrail.Masked));
    }

    [Fact]
    public async Task A_chosen_temporary_password_must_follow_the_password_policy()
    {
        var email = await World.EmailOfAsync(World.Sales);

        foreach (var weak in new[] { "short", email, "password123" })
        {
            (await World.Get<ResetPassword>().ExecuteAsync(World.Manager, new ResetPasswordRequest(World.Sales.Id, weak))).ShouldBeInvalidOn("temporaryPassword");
        }

        (await World.Get<ResetPassword>().ExecuteAsync(World.Manager, new ResetPasswordRequest(World.Sales.Id, "Blue-Lagoon-1977"))).ShouldBeOk()
            .TemporaryPassword.Should().Be("Blue-Lagoon-1977");
    }

    [Fact]
    public async Task A_teams_account_links_to_one_collaborator_at_most_and_can_be_unlinked()
    {
        var tenant = Guid.NewGuid();
        var user = Guid.NewGuid();

        var linked = (await World.Get<LinkTeamsIdentity>().ExecuteAsync(World.Manager, new LinkTeamsIdentityRequest(World.Sales.Id, tenant, user))).ShouldBeOk();

        linked.TeamsLinked.Should().BeTrue();
        (await World.Get<ActorLoader>().LoadByTeamsIdentityAsync(tenant, user))!.Id.Should().Be(World.Sales.Id);
        var elsewhere = await World.Get<LinkTeamsIdentity>().ExecuteAsync(World.Manager, new LinkTeamsIdentityRequest(World.Sales2.Id, tenant, user));
        elsewhere.ShouldBe(Outcome.Conflict);
        elsewhere.Message!.ToString().Should().Contain("already linked");
        (await World.Get<LinkTeamsIdentity>().ExecuteAsync(World.Manager, new LinkTeamsIdentityRequest(World.Sales2.Id, Guid.Empty, Guid.Empty))).ShouldBeInvalidOn("tenantId", "aadObjectId");

        (await World.Get<UnlinkTeamsIdentity>().ExecuteAsync(World.Manager, new UnlinkTeamsIdentityRequest(World.Sales.Id))).ShouldBeOk().TeamsLinked.Should().BeFalse();

        (await World.Get<ActorLoader>().LoadByTeamsIdentityAsync(tenant, user)).Should().BeNull();
        (await World.Get<LinkTeamsIdentity>().ExecuteAsync(World.Manager, new LinkTeamsIdentityRequest(World.Sales2.Id, tenant, user))).ShouldBeOk();
        await using var db = World.NewContext();
        var actions = await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        actions.Should().Equal("collaborator.teams_linked", "collaborator.teams_unlinked", "collaborator.teams_linked");
    }

    [Fact]
    public async Task Only_management_sees_who_has_a_temporary_password_or_a_teams_link()
    {
        var asSupport = (await World.Get<GetCollaborator>().ExecuteAsync(World.Support, World.Sales.Id)).ShouldBeOk();
        var asManager = (await World.Get<GetCollaborator>().ExecuteAsync(World.Manager, World.Sales.Id)).ShouldBeOk();
        var listed = (await World.Get<ListCollaborators>().ExecuteAsync(World.Sales2, new CollaboratorFilter(), PageRequest.First())).ShouldBeOk();

        asSupport.FullName.Should().Be("Sophie Commerciale");
        asSupport.MustChangePassword.Should().BeNull();
        asSupport.TeamsLinked.Should().BeNull();
        asManager.MustChangePassword.Should().BeFalse();
        asManager.TeamsLinked.Should().BeFalse();
        listed.Items.Should().OnlyContain(c => c.MustChangePassword == null && c.TeamsLinked == null);
    }

    [Fact]
    public async Task Everyone_reads_active_staff_but_only_management_sees_deactivated_collaborators()
    {
        var former = await World.AddCollaboratorAsync("Former Seller", Department.Sales, active: false);

        var sales = (await World.Get<ListCollaborators>().ExecuteAsync(World.Support, new CollaboratorFilter(Department.Sales), PageRequest.First())).ShouldBeOk();
        sales.Items.Select(c => c.Id).Should().Equal(World.Sales.Id, World.Sales2.Id);

        (await World.Get<ListCollaborators>().ExecuteAsync(World.Sales, new CollaboratorFilter(IncludeInactive: true), PageRequest.First())).ShouldBe(Outcome.Forbidden);
        (await World.Get<GetCollaborator>().ExecuteAsync(World.Sales, former.Id)).ShouldBe(Outcome.NotFound);

        var all = (await World.Get<ListCollaborators>().ExecuteAsync(World.Manager, new CollaboratorFilter(Department.Sales, IncludeInactive: true), PageRequest.First())).ShouldBeOk();
        all.Items.Select(c => c.Id).Should().Equal(World.Sales.Id, World.Sales2.Id, former.Id);
        (await World.Get<GetCollaborator>().ExecuteAsync(World.Manager, former.Id)).ShouldBeOk().IsActive.Should().BeFalse();
        (await World.Get<ListCollaborators>().ExecuteAsync(World.Manager, new CollaboratorFilter(Department.Unknown), PageRequest.First())).ShouldBeInvalidOn("department");
    }

    [Fact]
    public async Task The_directory_is_keyset_paged_by_id_without_gaps_or_repeats()
    {
        var seen = new List<int>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = (await World.Get<ListCollaborators>().ExecuteAsync(World.Sales, new CollaboratorFilter(), new PageRequest(4, after))).ShouldBeOk();
            seen.AddRange(page.Items.Select(c => c.Id));
            after = page.Next;
            pages++;
        }
        while (after is not null);

        pages.Should().Be(2);
        seen.Should().Equal(new[] { World.Manager, World.Manager2, World.Sales, World.Sales2, World.Support, World.Support2 }.Select(a => a.Id));
        (await World.Get<ListCollaborators>().ExecuteAsync(World.Sales, new CollaboratorFilter(), new PageRequest(4, "not a cursor"))).ShouldBeInvalidOn("after");
    }

    private static (Outcome, string?) Summary<T>(Result<T> result) => (result.Outcome, result.Message?.ToString());

    private async Task<string> StampOfAsync(int id)
    {
        await using var db = World.NewContext();
        return await db.Collaborators.Where(c => c.Id == id).Select(c => c.SecurityStamp).SingleAsync();
    }

    private async Task<int> RoleIdAsync(string name)
    {
        await using var db = World.NewContext();
        return await db.Roles.Where(r => r.Name == name).Select(r => r.Id).SingleAsync();
    }
}
