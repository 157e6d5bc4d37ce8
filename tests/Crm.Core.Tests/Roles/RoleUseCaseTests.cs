using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Roles;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Roles;

public sealed class RoleUseCaseTestsOnSqlite : RoleUseCaseTests<Sqlite>;

public sealed class RoleUseCaseTestsOnPostgres : RoleUseCaseTests<Postgres>;

public abstract class RoleUseCaseTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    [Fact]
    public async Task Management_creates_a_role_with_a_trimmed_name_and_it_is_audited()
    {
        var role = (await World.Get<CreateRole>().ExecuteAsync(World.Manager, new CreateRoleRequest("  support technique ", Department.Support))).ShouldBeOk();

        role.Name.Should().Be("support technique");
        role.Department.Should().Be(Department.Support);
        await using var db = World.NewContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "role.created");
        entry.EntityId.Should().Be(role.Id);
        entry.Changes.Should().Equal(new FieldChange("name", null, "support technique"), new FieldChange("department", null, "support"));
    }

    [Theory]
    [InlineData("", Department.Sales, "name")]
    [InlineData("   ", Department.Sales, "name")]
    [InlineData("tab\there", Department.Sales, "name")]
    [InlineData("vendeur", Department.Unknown, "department")]
    [InlineData("vendeur", (Department)42, "department")]
    public async Task An_invalid_role_is_refused_on_its_field(string name, Department department, string field)
    {
        var result = await World.Get<CreateRole>().ExecuteAsync(World.Manager, new CreateRoleRequest(name, department));

        result.ShouldBeInvalidOn(field);
        await using var db = World.NewContext();
        (await db.Roles.CountAsync()).Should().Be(3);
    }

    [Fact]
    public async Task A_role_name_has_at_most_fifty_characters_and_is_unique_whatever_its_case()
    {
        (await World.Get<CreateRole>().ExecuteAsync(World.Manager, new CreateRoleRequest(new string('r', 51), Department.Sales))).ShouldBeInvalidOn("name");
        (await World.Get<CreateRole>().ExecuteAsync(World.Manager, new CreateRoleRequest(new string('r', 50), Department.Sales))).ShouldBeOk();

        (await World.Get<CreateRole>().ExecuteAsync(World.Manager, new CreateRoleRequest("SALES", Department.Sales))).ShouldBeInvalidOn("name");
        var other = (await World.Get<CreateRole>().ExecuteAsync(World.Manager, new CreateRoleRequest("vendeur", Department.Sales))).ShouldBeOk();
        (await World.Get<RenameRole>().ExecuteAsync(World.Manager, new RenameRoleRequest(other.Id, "Support"))).ShouldBeInvalidOn("name");
    }

    [Fact]
    public async Task Sales_and_support_cannot_manage_roles_but_everyone_reads_them()
    {
        foreach (var actor in new[] { World.Sales, World.Support })
        {
            (await World.Get<CreateRole>().ExecuteAsync(actor, new CreateRoleRequest("chef", Department.Management))).ShouldBe(Outcome.Forbidden);
            (await World.Get<RenameRole>().ExecuteAsync(actor, new RenameRoleRequest(World.RoleIds[Department.Sales], "chef"))).ShouldBe(Outcome.Forbidden);
            var delete = await World.Get<DeleteRole>().ExecuteAsync(actor, new DeleteRoleRequest(999_999));
            delete.ShouldBe(Outcome.Forbidden);
            delete.Message!.ToString().Should().Be($"The {actor.Department} department cannot manage roles.");

            var roles = (await World.Get<ListRoles>().ExecuteAsync(actor, PageRequest.First())).ShouldBeOk();
            roles.Items.Select(r => r.Name).Should().Equal("management", "sales", "support");
        }
    }

    [Fact]
    public async Task Rights_come_from_the_department_never_from_the_role_name()
    {
        var misleading = (await World.Get<CreateRole>().ExecuteAsync(World.Manager, new CreateRoleRequest("administrateur", Department.Sales))).ShouldBeOk();
        var created = (await World.Get<CreateCollaborator>().ExecuteAsync(
            World.Manager, new CreateCollaboratorRequest("Alex Admin", "alex@epicevents.test", misleading.Id, "Blue-Lagoon-1977"))).ShouldBeOk();
        (await World.Get<RenameRole>().ExecuteAsync(World.Manager, new RenameRoleRequest(World.RoleIds[Department.Management], "stagiaire"))).ShouldBeOk();

        var alex = (await World.ReloadAsync(created.Collaborator.Id)) with { MustChangePassword = false };
        var manager = await World.ReloadAsync(World.Manager.Id);

        alex.Department.Should().Be(Department.Sales);
        PermissionMatrix.For(alex, CrmAction.ManageCollaborators).Should().Be(Reach.None);
        PermissionMatrix.For(manager, CrmAction.ManageCollaborators).Should().Be(Reach.All);
    }

    [Fact]
    public async Task Renaming_a_role_keeps_its_holders_and_is_audited()
    {
        var renamed = (await World.Get<RenameRole>().ExecuteAsync(World.Manager, new RenameRoleRequest(World.RoleIds[Department.Sales], " commercial senior "))).ShouldBeOk();

        renamed.Name.Should().Be("commercial senior");
        (await World.Get<GetCollaborator>().ExecuteAsync(World.Support, World.Sales.Id)).ShouldBeOk().RoleName.Should().Be("commercial senior");
        (await World.Get<RenameRole>().ExecuteAsync(World.Manager, new RenameRoleRequest(999_999, "x"))).ShouldBe(Outcome.NotFound);
        (await World.Get<RenameRole>().ExecuteAsync(World.Manager, new RenameRoleRequest(renamed.Id, "again", ExpectedVersion: renamed.Version - 1))).ShouldBe(Outcome.Conflict);
        await using var db = World.NewContext();
        (await db.AuditEntries.SingleAsync(a => a.Action == "role.renamed")).Changes.Should().Equal(new FieldChange("name", "sales", "commercial senior"));
    }

    [Fact]
    public async Task A_role_held_by_anyone_even_a_deactivated_collaborator_cannot_be_deleted()
    {
        var inUse = await World.Get<DeleteRole>().ExecuteAsync(World.Manager, new DeleteRoleRequest(World.RoleIds[Department.Sales]));
        inUse.ShouldBe(Outcome.Conflict);
        inUse.Message!.ToString().Should().Contain("held by 2 collaborator(s)");

        var temporary = (await World.Get<CreateRole>().ExecuteAsync(World.Manager, new CreateRoleRequest("intérimaire", Department.Support))).ShouldBeOk();
        (await World.Get<UpdateCollaborator>().ExecuteAsync(World.Manager, new UpdateCollaboratorRequest(World.Support2.Id, RoleId: temporary.Id))).ShouldBeOk();
        (await World.Get<DeactivateCollaborator>().ExecuteAsync(World.Manager, new DeactivateCollaboratorRequest(World.Support2.Id))).ShouldBeOk();

        (await World.Get<DeleteRole>().ExecuteAsync(World.Manager, new DeleteRoleRequest(temporary.Id))).ShouldBe(Outcome.Conflict);
    }

    [Fact]
    public async Task An_unused_role_is_deleted_and_the_audit_trail_keeps_what_it_was()
    {
        var role = (await World.Get<CreateRole>().ExecuteAsync(World.Manager, new CreateRoleRequest("stagiaire", Department.Sales))).ShouldBeOk();

        (await World.Get<DeleteRole>().ExecuteAsync(World.Manager, new DeleteRoleRequest(role.Id))).ShouldBeOk();

        (await World.Get<DeleteRole>().ExecuteAsync(World.Manager, new DeleteRoleRequest(role.Id))).ShouldBe(Outcome.NotFound);
        await using var db = World.NewContext();
        (await db.Roles.AnyAsync(r => r.Id == role.Id)).Should().BeFalse();
        (await db.AuditEntries.SingleAsync(a => a.Action == "role.deleted")).Changes.Should().Equal(
            new FieldChange("name", "stagiaire", null), new FieldChange("department", "sales", null));
    }

    [Fact]
    public async Task Roles_are_keyset_paged_by_id()
    {
        var extra = (await World.Get<CreateRole>().ExecuteAsync(World.Manager, new CreateRoleRequest("vendeur", Department.Sales))).ShouldBeOk();

        var first = (await World.Get<ListRoles>().ExecuteAsync(World.Support, new PageRequest(3))).ShouldBeOk();
        var second = (await World.Get<ListRoles>().ExecuteAsync(World.Support, new PageRequest(3, first.Next))).ShouldBeOk();

        first.Items.Should().HaveCount(3);
        second.Items.Select(r => r.Id).Should().Equal(extra.Id);
        second.Next.Should().BeNull();
    }
}
