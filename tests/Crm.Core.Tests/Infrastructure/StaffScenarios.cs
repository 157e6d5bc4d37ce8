using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Auth;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Events;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Infrastructure;

/// <summary>
/// Starting states for the staff, audit and auth tests. Contracts and events are written straight
/// through the database context, so that these tests do not depend on their use cases.
/// </summary>
public static class StaffScenarios
{
    /// <summary>An event under a signed contract, starting <paramref name="startsIn"/> from now (negative: already past).</summary>
    public static async Task<int> NewEventAsync(this CrmWorld world, int contractId, TimeSpan startsIn, Actor? support = null)
    {
        await using var db = world.NewContext();
        var contract = await db.Contracts.SingleAsync(k => k.Id == contractId);
        var start = world.Clock.UtcNow + startsIn;
        var evt = new Event(contract, new EventDetails("Product launch", start, start.AddHours(5), "Paris", 120, null, string.Empty), world.Clock.UtcNow);
        if (support is not null)
        {
            evt.AssignSupport(await db.Collaborators.SingleAsync(c => c.Id == support.Id), world.Clock.UtcNow);
        }

        db.Events.Add(evt);
        await db.SaveChangesAsync();
        return evt.Id;
    }

    /// <summary>An audit entry as another feature's use case would write it.</summary>
    public static async Task AuditAsync(this CrmWorld world, Actor actor, string action, AuditEntity entity, int entityId)
    {
        await using var db = world.NewContext();
        db.Record(actor, world.Clock.UtcNow, action, entity, entityId);
        await db.SaveChangesAsync();
    }

    public static async Task<LoginResult> LoginAsync(this CrmWorld world, Actor actor, string password = CrmWorld.StaffPassword) =>
        await world.Get<Login>().ExecuteAsync(await world.EmailOfAsync(actor), password, ChangeSource.Cli);

    public static async Task<string> TokenOfAsync(this CrmWorld world, Actor actor)
    {
        var login = await world.LoginAsync(actor);
        login.Succeeded.Should().BeTrue(login.Message.ToString());
        return login.Session!.Token;
    }

    public static Task<Session> ResolveAsync(this CrmWorld world, string token) =>
        world.Get<Sessions>().ResolveAsync(token, ChangeSource.Cli);

    /// <summary>The actor as a front end would load it for the next command.</summary>
    public static async Task<Actor> ReloadAsync(this CrmWorld world, int collaboratorId) =>
        (await world.Get<ActorLoader>().LoadAsync(collaboratorId, ChangeSource.Cli))!;
}
