using System.Diagnostics;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Teams;
using EpicEvents.Tests.Connector;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Bot.Tests.Infrastructure;

/// <summary>A notification of the outbox and how its delivery went.</summary>
public sealed record OutboxRow(
    long Id,
    NotificationKind Kind,
    int RecipientId,
    int SubjectId,
    DeliveryState State,
    Guid Key,
    int Attempts,
    string? LastError,
    string? ConversationId,
    string? ActivityId)
{
    /// <summary>Why it was not delivered, read back from <see cref="LastError"/>'s stored form.</summary>
    public Text? Reason => DeliveryReason.Read(LastError);
}

/// <summary>Starting states for the outbox sender's tests, reached through the real use cases and stores.</summary>
public static class OutboxScenarios
{
    public const string BotId = "28:epicevents-test-bot";

    /// <summary>The 1:1 chat of a collaborator with the bot, as <see cref="ConnectEveryoneAsync"/> stores it.</summary>
    public static string ChatOf(int collaboratorId) => $"a:chat-{collaboratorId}";

    public static async Task<Actor> ActorAsync(this BotWorld world, int collaboratorId)
    {
        await using var scope = world.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ActorLoader>().LoadAsync(collaboratorId, ChangeSource.Bot))!;
    }

    /// <summary>
    /// Links every active collaborator nobody linked yet (except <paramref name="unlinked"/>) to a
    /// Teams account of the tenant, then stores for each linked one, except <paramref name="withoutChat"/>,
    /// a 1:1 chat with the bot behind <paramref name="connector"/> (<see cref="ChatOf"/>), as their
    /// first message to the bot would.
    /// </summary>
    public static async Task<IReadOnlyList<int>> ConnectEveryoneAsync(
        this BotWorld world, LoopbackConnector connector, IReadOnlyCollection<int>? withoutChat = null, IReadOnlyCollection<int>? unlinked = null)
    {
        var manager = await world.ActorAsync(world.Manager.CollaboratorId);
        await using var scope = world.Services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<Crm.Persistence.CrmDbContext>();
        var staff = await db.Collaborators.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.TeamsTenantId, c.TeamsAadObjectId }).ToListAsync();
        var connected = new List<int>();
        foreach (var person in staff)
        {
            var objectId = person.TeamsAadObjectId ?? Guid.Parse($"{person.Id:x8}-5eed-4000-8000-{person.Id:x12}");
            if (person.TeamsAadObjectId is null && unlinked?.Contains(person.Id) == true)
            {
                continue;
            }

            if (person.TeamsAadObjectId is null)
            {
                var linked = await provider.GetRequiredService<LinkTeamsIdentity>().ExecuteAsync(manager, new LinkTeamsIdentityRequest(person.Id, BotWorld.Tenant, objectId));
                linked.IsOk.Should().BeTrue(linked.Message?.ToString());
            }
            else if (person.TeamsTenantId != BotWorld.Tenant)
            {
                continue;
            }

            if (withoutChat?.Contains(person.Id) == true)
            {
                continue;
            }

            await provider.GetRequiredService<TeamsConversations>().RememberAsync(person.Id, new TeamsConversationReference(
                connector.Url, "msteams", ChatOf(person.Id), "personal", BotWorld.Tenant.ToString(), BotId, "Epic Events",
                $"29:{objectId:N}", objectId.ToString(), "en-US"));
            connected.Add(person.Id);
        }

        return connected;
    }

    /// <summary>The active Support collaborators, by id.</summary>
    public static Task<List<int>> SupportStaffAsync(this BotWorld world) =>
        world.QueryAsync(db => db.Collaborators.Where(c => c.IsActive && c.Role.Department == Department.Support).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());

    /// <summary>
    /// Management reassigns the support of the company's events, in turn between its Support
    /// collaborators, until at least <paramref name="atLeast"/> notifications are queued: to the new
    /// contact, to the one replaced and to the client's sales contact.
    /// </summary>
    public static async Task<int> QueueSupportNotificationsAsync(this BotWorld world, int atLeast)
    {
        var manager = await world.ActorAsync(world.Manager.CollaboratorId);
        var support = await world.SupportStaffAsync();
        var events = await world.QueryAsync(db => db.Events.OrderBy(e => e.Id).Select(e => new { e.Id, e.SupportContactId }).ToListAsync());
        var queued = await world.QueryAsync(db => db.OutboxMessages.CountAsync());
        for (var turn = 0; queued < atLeast; turn++)
        {
            var target = events[turn % events.Count];
            var current = await world.QueryAsync(db => db.Events.Where(e => e.Id == target.Id).Select(e => e.SupportContactId).SingleAsync());
            var next = support.First(id => id != current);
            await using var scope = world.Services.CreateAsyncScope();
            var assigned = await scope.ServiceProvider.GetRequiredService<AssignSupport>().ExecuteAsync(manager, new AssignSupportRequest(target.Id, next));
            assigned.IsOk.Should().BeTrue(assigned.Message?.ToString());
            queued = await world.QueryAsync(db => db.OutboxMessages.CountAsync());
        }

        return queued;
    }

    public static Task<List<OutboxRow>> OutboxAsync(this BotWorld world) =>
        world.QueryAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id)
            .Select(m => new OutboxRow(m.Id, m.Kind, m.RecipientId, m.SubjectId, m.State, m.IdempotencyKey, m.Attempts, m.LastError, m.ConversationId, m.ActivityId))
            .ToListAsync());

    /// <summary>Waits until no notification is pending any more (two minutes at most, for a loaded machine); false if some still are.</summary>
    public static Task<bool> WaitUntilDeliveredAsync(this BotWorld world, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(async () => !await world.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.State == DeliveryState.Pending)), timeout ?? TimeSpan.FromMinutes(2));
}

/// <summary>Waiting for a condition instead of a fixed time.</summary>
public static class Eventually
{
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!await condition())
        {
            if (Stopwatch.GetTimestamp() > until)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
