using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Roles;
using EpicEvents.Crm.Signatures;
using EpicEvents.Crm.Tests.Infrastructure;
using static EpicEvents.Crm.Access.Department;
using static EpicEvents.Crm.Tests.Access.Allowed;

namespace EpicEvents.Crm.Tests.Access;

/// <summary>A cell of SPEC §2: ✓ (anything), own (only one's own records) or – (nothing).</summary>
public enum Allowed
{
    Yes,
    Own,
    No,
}

public sealed class PermissionMatrixUseCaseTestsOnSqlite : PermissionMatrixUseCaseTests<Sqlite>;

public sealed class PermissionMatrixUseCaseTestsOnPostgres : PermissionMatrixUseCaseTests<Postgres>;

/// <summary>
/// SPEC §2 cell by cell, through the real use cases: each row has a collaborator of the department
/// try the action on a record of their own and on someone else's, and checks who is refused.
/// </summary>
public abstract class PermissionMatrixUseCaseTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    private delegate Task<Outcome> Attempt(CrmWorld world, Actor actor, bool onOwnRecord);

    private static readonly Dictionary<string, Attempt> Attempts = new()
    {
        ["Create / update / deactivate / reactivate collaborators, reset a password, link a Teams identity"] = async (w, a, _) =>
            (await w.Get<CreateCollaborator>().ExecuteAsync(a, new CreateCollaboratorRequest("New Hire", $"{Guid.NewGuid():N}@epicevents.test", w.RoleIds[Sales]))).Outcome,
        ["Create / rename / delete roles"] = async (w, a, _) =>
            (await w.Get<CreateRole>().ExecuteAsync(a, new CreateRoleRequest($"role {Guid.NewGuid():N}"[..20], Support))).Outcome,
        ["Create a client"] = async (w, a, _) =>
            (await w.Get<CreateClient>().ExecuteAsync(a, new CreateClientRequest("New Client", $"{Guid.NewGuid():N}@client.test", "0102030405", "Co", w.Sales.Id))).Outcome,
        ["Update a client"] = async (w, a, own) =>
            (await w.Get<UpdateClient>().ExecuteAsync(a, new UpdateClientRequest((await ClientOf(w, a, own)).Id, Phone: "0607080910"))).Outcome,
        ["Reassign a client's sales contact"] = async (w, a, own) =>
            (await w.Get<ReassignClient>().ExecuteAsync(a, new ReassignClientRequest((await ClientOf(w, a, own)).Id, w.Sales2.Id))).Outcome,
        ["Delete a client (only with no contracts)"] = async (w, a, own) =>
            (await w.Get<DeleteClient>().ExecuteAsync(a, new DeleteClientRequest((await ClientOf(w, a, own)).Id))).Outcome,
        ["Create a contract"] = async (w, a, own) =>
            (await w.Get<CreateContract>().ExecuteAsync(a, new CreateContractRequest((await ClientOf(w, a, own)).Id, 1_000m))).Outcome,
        ["Update a contract's amounts"] = async (w, a, own) =>
            (await w.Get<UpdateContract>().ExecuteAsync(a, new UpdateContractRequest((await ContractOf(w, a, own)).Id, 20_000m, 15_000m, null, null))).Outcome,
        ["Request signature"] = async (w, a, own) =>
            (await w.Get<RequestSignature>().ExecuteAsync(a, new RequestSignatureRequest((await ContractOf(w, a, own)).Id))).Outcome,
        ["Sign, or approve/reject a signature request"] = async (w, a, own) =>
            (await w.Get<SignContract>().ExecuteAsync(a, new SignContractRequest((await ContractOf(w, a, own)).Id))).Outcome,
        ["Cancel a contract"] = async (w, a, own) =>
            (await w.Get<CancelContract>().ExecuteAsync(a, new CancelContractRequest((await ContractOf(w, a, own)).Id))).Outcome,
        ["Create an event (contract must be Signed)"] = async (w, a, own) =>
            (await w.Get<CreateEvent>().ExecuteAsync(a, w.EventRequest((await w.NewSignedContractAsync(await ClientOf(w, a, own))).Id))).Outcome,
        ["Update an event"] = async (w, a, own) =>
            (await w.Get<UpdateEvent>().ExecuteAsync(a, new UpdateEventRequest((await EventOf(w, a, own)).Id, Notes: "Changed"))).Outcome,
        ["Assign / reassign / unassign support"] = async (w, a, own) =>
            (await w.Get<AssignSupport>().ExecuteAsync(a, new AssignSupportRequest((await EventOf(w, a, own)).Id, w.Support2.Id))).Outcome,
        ["Delete an event"] = async (w, a, own) =>
            (await w.Get<DeleteEvent>().ExecuteAsync(a, new DeleteEventRequest((await EventOf(w, a, own)).Id))).Outcome,
        ["Read the audit trail"] = async (w, a, own) =>
        {
            // Reading is never refused outright to Sales and Support: they see the history of their own records only.
            var ev = await EventOf(w, a, own);
            var page = await w.Get<ListAuditEntries>().ExecuteAsync(a, new AuditFilter(AuditEntity.Event, ev.Id), PageRequest.First());
            return page.IsOk && page.Value.IsEmpty ? Outcome.Forbidden : page.Outcome;
        },
    };

    [Theory]
    [InlineData("Create / update / deactivate / reactivate collaborators, reset a password, link a Teams identity", Yes, No, No)]
    [InlineData("Create / rename / delete roles", Yes, No, No)]
    [InlineData("Create a client", Yes, Yes, No)]
    [InlineData("Update a client", Yes, Own, No)]
    [InlineData("Reassign a client's sales contact", Yes, No, No)]
    [InlineData("Delete a client (only with no contracts)", Yes, No, No)]
    [InlineData("Create a contract", Yes, Own, No)]
    [InlineData("Update a contract's amounts", Yes, Own, No)]
    [InlineData("Request signature", Yes, Own, No)]
    [InlineData("Sign, or approve/reject a signature request", Yes, No, No)]
    [InlineData("Cancel a contract", Yes, No, No)]
    [InlineData("Create an event (contract must be Signed)", Yes, Own, No)]
    [InlineData("Update an event", Yes, No, Own)]
    [InlineData("Assign / reassign / unassign support", Yes, No, No)]
    [InlineData("Delete an event", Yes, No, No)]
    [InlineData("Read the audit trail", Yes, Own, Own)]
    public async Task Each_department_may_do_exactly_what_its_cell_of_the_matrix_says(string action, Allowed management, Allowed sales, Allowed support)
    {
        await Expect(action, World.Manager, management);
        await Expect(action, World.Sales, sales);
        await Expect(action, World.Support, support);
    }

    private async Task Expect(string action, Actor actor, Allowed allowed)
    {
        var onOwn = await Attempts[action](World, actor, true);
        var onOthers = await Attempts[action](World, actor, false);
        var because = $"{actor.Department} / \"{action}\" is {allowed} in SPEC §2";

        (onOwn == Outcome.Forbidden).Should().Be(allowed == No, because);
        (onOthers == Outcome.Forbidden).Should().Be(allowed != Yes, because);
        if (allowed != No)
        {
            onOwn.Should().Be(Outcome.Ok, because);
        }
    }

    /// <summary>A client whose sales contact is the actor (when Sales and own) or another seller.</summary>
    private static Task<ClientView> ClientOf(CrmWorld world, Actor actor, bool own) =>
        world.NewClientAsync(own && actor.Department == Sales ? actor : world.Sales2);

    private static async Task<ContractView> ContractOf(CrmWorld world, Actor actor, bool own) =>
        await world.NewContractAsync(await ClientOf(world, actor, own));

    /// <summary>An event of the actor's client (Sales) or supported by the actor (Support), or nobody's the actor knows.</summary>
    private static async Task<EventView> EventOf(CrmWorld world, Actor actor, bool own)
    {
        var contract = await world.NewSignedContractAsync(await ClientOf(world, actor, own));
        var ev = await world.NewEventAsync(contract.Id);
        var support = own && actor.Department == Support ? actor : world.Support2;
        return (await world.Get<AssignSupport>().ExecuteAsync(world.Manager, new AssignSupportRequest(ev.Id, support.Id))).ShouldBeOk();
    }
}
