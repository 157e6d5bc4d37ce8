using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using EpicEvents.Bot.Hosting;
using EpicEvents.Bot.Tests.Infrastructure;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Signatures;
using EpicEvents.Tests.Connector;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EpicEvents.Bot.Tests.Infrastructure.OutboxScenarios;

namespace EpicEvents.Bot.Tests;

/// <summary>
/// The outbox sender of real bot instances, on SQLite files, delivering to a loopback connector
/// that speaks the Bot Connector's wire format and reads every message as a Teams client would.
/// </summary>
public sealed class OutboxSenderTests : WorldAndConnectorTest
{
    [Fact]
    public async Task Every_notification_reaches_its_recipient_once_and_in_order_despite_throttling_gateway_errors_and_lost_answers()
    {
        await World.ConnectEveryoneAsync(Connector);
        await World.QueueSupportNotificationsAsync(atLeast: 40);
        var faults = new FaultPlan(seed: 7, rate: 0.3);
        Connector.Faults = faults.Next;

        // A lost answer is one that takes longer than the client waits.
        await World.StartSenderAsync(attemptTimeout: TimeSpan.FromSeconds(2));

        (await World.WaitUntilDeliveredAsync()).Should().BeTrue(string.Join("; ", Connector.Errors));
        var rows = await World.OutboxAsync();
        rows.Should().OnlyContain(r => r.State == DeliveryState.Sent);
        ShouldBeReadOnceEachInOrder(rows);
        Connector.Messages.Should().Contain(m => m.Duplicate, "an answer was lost after the message was accepted, so the same message went again");
        faults.Injected.Should().ContainKeys(nameof(ConnectorFault.Throttle), nameof(ConnectorFault.BadGateway), nameof(ConnectorFault.AcceptThenHang));
    }

    [Fact]
    public async Task A_500_from_Teams_is_a_passing_fault_and_the_notification_is_sent_on_a_later_attempt()
    {
        await World.ConnectEveryoneAsync(Connector);
        var support = World.Support.CollaboratorId;
        var refusals = 0;
        Connector.Faults = request => request.Method == "POST" && request.Path.Contains(Uri.EscapeDataString(ChatOf(support)), StringComparison.Ordinal) && Interlocked.Increment(ref refusals) <= 2
            ? new ConnectorFault.ServerError("UserNotFound")
            : null;
        await AssignAsync(await EventNotSupportedByAsync(support), support);

        await World.StartSenderAsync();

        (await World.WaitUntilDeliveredAsync()).Should().BeTrue(string.Join("; ", Connector.Errors));
        var row = (await World.OutboxAsync()).Single(r => r.RecipientId == support);
        row.State.Should().Be(DeliveryState.Sent);
        row.Attempts.Should().Be(3, "two 500 answers, each followed by a later attempt");
        Connector.Messages.Count(m => m.ConversationId == ChatOf(support)).Should().Be(1);
    }

    [Fact]
    public async Task A_notification_is_written_in_the_language_its_recipient_chose_over_their_Teams_locale()
    {
        await World.ConnectEveryoneAsync(Connector);
        var support = World.Support.CollaboratorId;
        await using (var scope = World.Services.CreateAsyncScope())
        {
            var actor = await scope.ServiceProvider.GetRequiredService<ActorLoader>().LoadAsync(support, ChangeSource.Bot);
            (await scope.ServiceProvider.GetRequiredService<Crm.Collaborators.ChooseLanguage>().ExecuteAsync(actor!, "fr")).IsOk.Should().BeTrue();
        }

        var eventId = await EventNotSupportedByAsync(support);
        await AssignAsync(eventId, support);
        await World.StartSenderAsync();

        (await World.WaitUntilDeliveredAsync()).Should().BeTrue(string.Join("; ", Connector.Errors));
        Connector.Accepted.Should().Contain(m => m.ConversationId == ChatOf(support) && m.Card.Text().Contains($"Vous assurez le support de l'événement n° {eventId}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_person_who_blocked_the_bot_gets_nothing_more_and_their_notifications_are_undeliverable()
    {
        await World.ConnectEveryoneAsync(Connector);
        var blocker = World.Support.CollaboratorId;
        Connector.Block(ChatOf(blocker));
        await AssignAsync(await EventNotSupportedByAsync(blocker), blocker);
        var sender = await World.StartSenderAsync();
        (await World.WaitUntilDeliveredAsync()).Should().BeTrue();

        await AssignAsync(await EventNotSupportedByAsync(blocker), blocker);
        (await World.WaitUntilDeliveredAsync()).Should().BeTrue();
        await sender.StopAsync();

        var rows = await World.OutboxAsync();
        var toBlocker = rows.Where(r => r.RecipientId == blocker).ToList();
        toBlocker.Should().HaveCount(2).And.OnlyContain(r => r.State == DeliveryState.Undeliverable && r.Reason == DeliveryReason.Blocked);
        rows.Where(r => r.RecipientId != blocker).Should().NotBeEmpty().And.OnlyContain(r => r.State == DeliveryState.Sent);
        Connector.Requests.Count(r => r.Path.Contains(Uri.EscapeDataString(ChatOf(blocker)), StringComparison.Ordinal))
            .Should().Be(1, "once Teams said the bot is blocked, nothing more is sent to that person");
        (await World.QueryAsync(db => db.TeamsConversations.Where(c => c.CollaboratorId == blocker).Select(c => c.BlockedAt).SingleAsync())).Should().NotBeNull();
    }

    [Fact]
    public async Task Someone_linked_who_never_wrote_to_the_bot_gets_a_new_one_to_one_chat_then_the_card()
    {
        var newcomer = (await World.SupportStaffAsync()).First(id => id != World.Support.CollaboratorId);
        await World.ConnectEveryoneAsync(Connector, withoutChat: [newcomer]);
        var objectId = await World.QueryAsync(db => db.Collaborators.Where(c => c.Id == newcomer).Select(c => c.TeamsAadObjectId!.Value).SingleAsync());
        var assigned = await AssignAsync(await EventNotSupportedByAsync(newcomer), newcomer);

        await World.StartSenderAsync();
        (await World.WaitUntilDeliveredAsync()).Should().BeTrue();

        var opened = Connector.OpenedChats.Should().ContainSingle().Subject;
        var parameters = opened.Parameters;
        parameters.GetProperty("isGroup").GetBoolean().Should().BeFalse();
        parameters.GetProperty("bot").GetProperty("id").GetString().Should().Be(BotId);
        parameters.GetProperty("members")[0].GetProperty("id").GetString().Should().Be(objectId.ToString());
        parameters.GetProperty("tenantId").GetString().Should().Be(BotWorld.Tenant.ToString());
        parameters.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString().Should().Be(BotWorld.Tenant.ToString());
        var card = Connector.Accepted.Should().ContainSingle(m => m.ConversationId == opened.ConversationId).Subject;
        card.Card.Text().Should().Contain($"You support event #{assigned.Id}");
        var row = (await World.OutboxAsync()).Single(r => r.RecipientId == newcomer);
        row.State.Should().Be(DeliveryState.Sent);
        row.ConversationId.Should().Be(opened.ConversationId);
        var stored = await World.QueryAsync(db => db.TeamsConversations.AsNoTracking().SingleAsync(c => c.CollaboratorId == newcomer));
        stored.ConversationId.Should().Be(opened.ConversationId, "the chat is remembered for the next notifications");
        stored.ServiceUrl.Should().Be(Connector.Url);
    }

    [Fact]
    public async Task A_notification_that_can_reach_nobody_is_undeliverable_with_the_reason_and_sends_nothing()
    {
        var support = await World.SupportStaffAsync();
        var unlinked = support.First(id => id != World.Support.CollaboratorId);
        var elsewhere = World.Support.CollaboratorId;
        await World.ConnectEveryoneAsync(Connector, withoutChat: [unlinked, elsewhere], unlinked: [unlinked]);
        var manager = await World.ActorAsync(World.Manager.CollaboratorId);
        await using (var scope = World.Services.CreateAsyncScope())
        {
            // Linked to a tenant where nobody has talked to the bot yet.
            (await scope.ServiceProvider.GetRequiredService<LinkTeamsIdentity>()
                .ExecuteAsync(manager, new LinkTeamsIdentityRequest(elsewhere, Guid.Parse("9e8d7c6b-5a49-4838-a726-150f4e3d2c1b"), Guid.NewGuid()))).IsOk.Should().BeTrue();
        }

        var first = await AssignAsync(await EventNotSupportedByAsync(unlinked), unlinked);
        await AssignAsync(await EventNotSupportedByAsync(elsewhere, except: first.Id), elsewhere);
        var leaving = await World.QueryAsync(db => db.Events.Where(e => e.Id == first.Id).Select(e => e.Contract.Client.SalesContactId!.Value).SingleAsync());
        var heir = await World.QueryAsync(db => db.Collaborators.Where(c => c.IsActive && c.Role.Department == Department.Sales && c.Id != leaving).Select(c => c.Id).FirstAsync());
        await using (var scope = World.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<DeactivateCollaborator>()
                .ExecuteAsync(manager, new DeactivateCollaboratorRequest(leaving, heir))).IsOk.Should().BeTrue();
        }

        await World.StartSenderAsync();
        (await World.WaitUntilDeliveredAsync()).Should().BeTrue();

        var rows = await World.OutboxAsync();
        rows.Where(r => r.RecipientId == unlinked).Should().NotBeEmpty().And.OnlyContain(r => r.State == DeliveryState.Undeliverable && r.Reason == DeliveryReason.NoTeamsAccount);
        rows.Where(r => r.RecipientId == elsewhere).Should().NotBeEmpty().And.OnlyContain(r => r.State == DeliveryState.Undeliverable && r.Reason == DeliveryReason.NotInstalled);
        rows.Where(r => r.RecipientId == leaving).Should().NotBeEmpty().And.OnlyContain(r => r.State == DeliveryState.Undeliverable && r.Reason == DeliveryReason.Deactivated);
        Connector.OpenedChats.Should().BeEmpty();
        Connector.Requests.Should().NotContain(r => r.Path.Contains(Uri.EscapeDataString(ChatOf(unlinked)), StringComparison.Ordinal)
            || r.Path.Contains(Uri.EscapeDataString(ChatOf(elsewhere)), StringComparison.Ordinal)
            || r.Path.Contains(Uri.EscapeDataString(ChatOf(leaving)), StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_crash_between_sending_and_recording_the_next_sender_sends_the_same_keys_and_the_reader_sees_each_message_once()
    {
        await World.ConnectEveryoneAsync(Connector);
        await AssignAsync(await EventNotSupportedByAsync(World.Support.CollaboratorId), World.Support.CollaboratorId);
        var queued = await World.OutboxAsync();
        var crashed = 0;
        Connector.Faults = request => request.Method == "POST" && Volatile.Read(ref crashed) == 0
            ? new ConnectorFault.AcceptThenHang(TimeSpan.FromMinutes(5))
            : null;
        const string lease = "--Bot:Outbox:Lease=00:00:10";

        // Every message reaches the connector, and the sender dies before any answer comes back.
        var crashing = await World.StartSenderAsync(null, lease);
        (await Connector.WaitUntilAsync(c => c.Messages.Count >= queued.Count)).Should().BeTrue();
        await crashing.CrashAsync();
        Interlocked.Exchange(ref crashed, 1);
        await World.StartSenderAsync(null, lease);
        (await World.WaitUntilDeliveredAsync()).Should().BeTrue();

        var rows = await World.OutboxAsync();
        rows.Should().HaveCount(queued.Count).And.OnlyContain(r => r.State == DeliveryState.Sent);
        rows.Should().OnlyContain(r => r.Attempts == 2, "the first sender's attempt counts, though its outcome was never recorded");
        foreach (var row in rows)
        {
            Connector.Messages.Where(m => m.NotificationKey == row.Key.ToString()).Select(m => m.Duplicate)
                .Should().Equal([false, true], "the second sender sent the same notification with the same key, and the reader dropped it");
        }

        ShouldBeReadOnceEachInOrder(rows);
    }

    [Fact]
    public async Task A_decided_signature_request_updates_every_managers_card_in_place_and_tells_the_requester()
    {
        await World.ConnectEveryoneAsync(Connector);
        var sales = await World.ActorAsync(World.Sales.CollaboratorId);
        var manager = await World.ActorAsync(World.Manager.CollaboratorId);
        var contract = await NewDraftContractAsync();
        SignatureRequestView request;
        await using (var scope = World.Services.CreateAsyncScope())
        {
            request = (await scope.ServiceProvider.GetRequiredService<RequestSignature>().ExecuteAsync(sales, new RequestSignatureRequest(contract))).Value.Request;
        }

        var sender = await World.StartSenderAsync();
        (await World.WaitUntilDeliveredAsync()).Should().BeTrue();
        // The first manager of `db init` still has a temporary password: Crm.Core shows them nothing yet.
        var cards = (await World.OutboxAsync()).Where(r => r.Kind == NotificationKind.SignatureRequested && r.State == DeliveryState.Sent).ToList();
        cards.Should().Contain(r => r.RecipientId == manager.Id).And.OnlyContain(r => r.ActivityId != null);
        Connector.Accepted.Where(m => cards.Any(c => c.Key.ToString() == m.NotificationKey))
            .Should().HaveCount(cards.Count).And.OnlyContain(m => FindButton(m.Card, "Approve"));

        await using (var scope = World.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<DecideSignatureRequest>()
                .ExecuteAsync(manager, new SignatureDecision(request.Id, SignatureVerdict.Approve))).IsOk.Should().BeTrue();
        }

        (await World.WaitUntilDeliveredAsync()).Should().BeTrue();
        await sender.StopAsync();

        var updates = (await World.OutboxAsync()).Where(r => r.Kind == NotificationKind.ApprovalCardUpdate && r.ConversationId != null).ToList();
        updates.Select(r => r.RecipientId).Should().BeEquivalentTo(cards.Select(c => c.RecipientId), "every card that went out is updated");
        updates.Should().OnlyContain(r => r.State == DeliveryState.Sent);
        foreach (var card in cards)
        {
            var update = Connector.Updates.Should().ContainSingle(u => u.ConversationId == card.ConversationId && u.ActivityId == card.ActivityId).Subject;
            update.Card.Text().Should().Contain($"Approved by {manager.FullName}");
            FindButton(update.Card, "Approve").Should().BeFalse("a decided request offers no decision");
        }

        Connector.Accepted.Should().Contain(m => m.ConversationId == ChatOf(sales.Id) && m.Card.Text().Contains("Signed by", StringComparison.Ordinal) && m.Card.Text().Contains($" · contract #{contract}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_delivery_continues_the_trace_of_the_change_that_wrote_the_notification()
    {
        using var source = new ActivitySource("EpicEvents.Bot.Tests");
        var finished = new System.Collections.Concurrent.ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "EpicEvents.Bot" or "EpicEvents.Bot.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = finished.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await World.ConnectEveryoneAsync(Connector);
        ActivityContext cause;
        using (var turn = source.StartActivity("assign support"))
        {
            cause = turn!.Context;
            await AssignAsync(await EventNotSupportedByAsync(World.Support.CollaboratorId), World.Support.CollaboratorId);
        }

        await World.StartSenderAsync();
        (await World.WaitUntilDeliveredAsync()).Should().BeTrue();

        // Other tests deliver at the same time in this process: their spans are in other traces.
        var ids = (await World.OutboxAsync()).Select(r => r.Id).ToList();
        var deliveries = finished.Where(a => a.OperationName == "outbox deliver" && a.TraceId == cause.TraceId).ToList();
        deliveries.Select(a => (long)a.GetTagItem("crm.notification.id")!).Should().BeEquivalentTo(ids, "each delivery joins the trace of the change that wrote it");
        deliveries.Should().OnlyContain(a => a.ParentSpanId == cause.SpanId && a.Kind == ActivityKind.Consumer);
        deliveries.Should().OnlyContain(a => (string?)a.GetTagItem("crm.notification.outcome") == nameof(Notifications.DeliveryOutcome.Sent));
    }

    [Fact]
    public async Task A_turn_that_writes_notifications_wakes_the_sender_without_waiting_for_its_poll()
    {
        await World.ConnectEveryoneAsync(Connector);
        var contract = await NewDraftContractAsync();
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Crm", World.ConnectionString);
            builder.UseSetting("Teams:AllowedTenants:0", BotWorld.Tenant.ToString());
            builder.UseSetting("Bot:Outbox:PollInterval", "01:00:00");
            builder.WithoutDigests();
        });
        var client = factory.CreateClient();
        (await client.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);

        var response = await client.PostAsync("/api/messages", Message("w-request", $"request signature {contract}"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Connector.WaitUntilAsync(c => c.Accepted.Any(m => m.ConversationId == ChatOf(World.Manager.CollaboratorId))))
            .Should().BeTrue("the sender polls only hourly here, so the turn itself must have woken it");
        Connector.Accepted.Single(m => m.ConversationId == ChatOf(World.Manager.CollaboratorId)).Card.Text().Should().Contain($"Signature requested · contract #{contract}");
    }

    [Theory]
    [InlineData("Bot:Outbox:Parallelism", "0")]
    [InlineData("Bot:Outbox:BatchSize", "many")]
    [InlineData("Bot:Outbox:Lease", "soon")]
    [InlineData("Bot:Outbox:PollInterval", "00:00:00")]
    [InlineData("Bot:Outbox:Enabled", "maybe")]
    public void A_sender_setting_that_cannot_be_read_stops_the_bot_at_start_and_names_the_setting(string key, string value)
    {
        var build = () => BotHost.Build(["--environment=Development", $"--ConnectionStrings:Crm={World.ConnectionString}", $"--{key}={value}"]);

        build.Should().Throw<InvalidOperationException>().WithMessage($"{key} must be *");
    }

    /// <summary>
    /// Each notification was read once by its recipient, in the order it was written: one accepted
    /// message per key, copies carrying the key of a message already accepted, and per chat the
    /// keys in outbox order.
    /// </summary>
    private void ShouldBeReadOnceEachInOrder(IReadOnlyList<OutboxRow> rows)
    {
        var accepted = Connector.Accepted;
        accepted.Select(m => m.NotificationKey).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(rows.Select(r => r.Key.ToString()));
        foreach (var copy in Connector.Messages.Where(m => m.Duplicate))
        {
            accepted.Should().Contain(m => m.NotificationKey == copy.NotificationKey && m.ConversationId == copy.ConversationId && m.ActivityId == copy.ActivityId);
        }

        foreach (var recipient in rows.GroupBy(r => r.RecipientId))
        {
            accepted.Where(m => m.ConversationId == ChatOf(recipient.Key)).Select(m => m.NotificationKey)
                .Should().Equal(recipient.OrderBy(r => r.Id).Select(r => r.Key.ToString()), $"collaborator {recipient.Key} reads their notifications in order");
        }

        rows.Should().OnlyContain(r => r.ConversationId == ChatOf(r.RecipientId) && accepted.Any(m => m.NotificationKey == r.Key.ToString() && m.ActivityId == r.ActivityId));
    }

    [Theory]
    [InlineData(404, "ConversationNotFound")]
    [InlineData(403, "BotNotInConversationRoster")]
    public async Task A_stored_chat_teams_no_longer_has_is_replaced_by_a_new_one_where_the_card_arrives(int status, string code)
    {
        await World.ConnectEveryoneAsync(Connector);
        var support = World.Support.CollaboratorId;
        Connector.Gone(ChatOf(support), status, code);
        var assigned = await AssignAsync(await EventNotSupportedByAsync(support), support);

        await World.StartSenderAsync();
        (await World.WaitUntilDeliveredAsync()).Should().BeTrue(string.Join("; ", Connector.Errors));

        var opened = Connector.OpenedChats.Should().ContainSingle().Subject;
        Connector.Accepted.Should().ContainSingle(m => m.ConversationId == opened.ConversationId).Which.Card.Text().Should().Contain($"You support event #{assigned.Id}");
        (await World.OutboxAsync()).Single(r => r.RecipientId == support).State.Should().Be(DeliveryState.Sent);
        var stored = await World.QueryAsync(db => db.TeamsConversations.AsNoTracking().SingleAsync(c => c.CollaboratorId == support));
        stored.ConversationId.Should().Be(opened.ConversationId, "the stale reference is dropped for the new chat");
        stored.UserId.Should().StartWith("29:", "a card's refresh list takes Teams user ids, read from the new chat's roster");
    }

    [Fact]
    public async Task When_teams_refuses_a_new_chat_too_the_notification_is_undeliverable_with_its_answers_and_comes_when_the_app_is_added_again()
    {
        await World.ConnectEveryoneAsync(Connector);
        var support = World.Support.CollaboratorId;
        Connector.Gone(ChatOf(support), 403, "BotDisabledByAdmin");
        Connector.RefuseNewChats = true;
        var assigned = await AssignAsync(await EventNotSupportedByAsync(support), support);
        await World.StartSenderAsync();
        (await World.WaitUntilDeliveredAsync()).Should().BeTrue();

        var refused = (await World.OutboxAsync()).Single(r => r.RecipientId == support);
        refused.State.Should().Be(DeliveryState.Undeliverable);
        refused.Reason.Should().Be(DeliveryReason.ChatGoneRefused(DeliveryReason.TeamsAnswered(403, "BotDisabledByAdmin"), DeliveryReason.TeamsAnswered(403, "Forbidden")));
        refused.Reason!.ToString().Should().Contain("403 BotDisabledByAdmin").And.Contain("refused to open a new one");
        (await World.QueryAsync(db => db.TeamsConversations.AnyAsync(c => c.CollaboratorId == support))).Should().BeFalse("a chat Teams refuses is not kept");

        Connector.RefuseNewChats = false;
        var chat = World.ChatWith(World.Support);
        await chat.TurnAsync(chat.Adapter.MakeActivity(Protocol.Schema.ActivityTypes.InstallationUpdate, activity =>
        {
            activity.Action = "add";
            activity.ServiceUrl = Connector.Url;
            activity.Conversation = new Protocol.Schema.ConversationAccount { Id = "a:reinstalled", ConversationType = "personal", TenantId = BotWorld.Tenant.ToString() };
        }));

        (await World.WaitUntilDeliveredAsync()).Should().BeTrue();
        (await World.OutboxAsync()).Single(r => r.RecipientId == support).State.Should().Be(DeliveryState.Sent);
        Connector.Accepted.Should().ContainSingle(m => m.ConversationId == "a:reinstalled").Which.Card.Text().Should().Contain($"You support event #{assigned.Id}");
    }

    [Fact]
    public async Task Removing_the_app_forgets_the_persons_chat()
    {
        await World.ConnectEveryoneAsync(Connector);
        var chat = World.ChatWith(World.Support);

        await chat.TurnAsync(chat.Adapter.MakeActivity(Protocol.Schema.ActivityTypes.InstallationUpdate, activity => activity.Action = "remove"));

        (await World.QueryAsync(db => db.TeamsConversations.AnyAsync(c => c.CollaboratorId == World.Support.CollaboratorId))).Should().BeFalse();
        (await World.QueryAsync(db => db.TeamsConversations.AnyAsync(c => c.CollaboratorId == World.Sales.CollaboratorId))).Should().BeTrue("only the person who removed the app is forgotten");
    }

    private async Task<EventView> AssignAsync(int eventId, int supportId)
    {
        var manager = await World.ActorAsync(World.Manager.CollaboratorId);
        await using var scope = World.Services.CreateAsyncScope();
        var assigned = await scope.ServiceProvider.GetRequiredService<AssignSupport>().ExecuteAsync(manager, new AssignSupportRequest(eventId, supportId));
        assigned.IsOk.Should().BeTrue(assigned.Message?.ToString());
        return assigned.Value;
    }

    /// <summary>A new draft contract of one of the Sales user's clients.</summary>
    private async Task<int> NewDraftContractAsync()
    {
        var sales = await World.ActorAsync(World.Sales.CollaboratorId);
        var client = await World.QueryAsync(db => db.Clients.Where(c => c.SalesContactId == sales.Id).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        await using var scope = World.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<CreateContract>().ExecuteAsync(sales, new CreateContractRequest(client, 12_000m, 12_000m));
        created.IsOk.Should().BeTrue(created.Message?.ToString());
        return created.Value.Id;
    }

    private Task<int> EventNotSupportedByAsync(int supportId, int except = 0) =>
        World.QueryAsync(db => db.Events.Where(e => e.SupportContactId != supportId && e.Id != except).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());

    private static bool FindButton(JsonElement card, string title)
    {
        try
        {
            Infrastructure.Cards.Action(card, title);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private StringContent Message(string id, string text) => new(
        "{" + $"\"type\":\"message\",\"id\":\"{id}\",\"channelId\":\"msteams\",\"serviceUrl\":\"{Connector.Url}\","
        + $"\"from\":{{\"id\":\"{World.Sales.UserId}\",\"name\":\"{World.Sales.Name}\",\"aadObjectId\":\"{World.Sales.AadObjectId}\"}},"
        + $"\"recipient\":{{\"id\":\"{BotId}\",\"name\":\"Epic Events\"}},"
        + $"\"conversation\":{{\"id\":\"a:wake-up\",\"conversationType\":\"personal\",\"tenantId\":\"{BotWorld.Tenant}\"}},"
        + $"\"channelData\":{{\"tenant\":{{\"id\":\"{BotWorld.Tenant}\"}}}},\"locale\":\"en-US\",\"text\":{JsonSerializer.Serialize(text)}" + "}",
        Encoding.UTF8,
        "application/json");

    /// <summary>
    /// The faults of a busy Teams: the first three sends get a lost answer, a 429 and a 502, then a
    /// share of the rest at random (seeded), the three kinds alike.
    /// </summary>
    private sealed class FaultPlan(int seed, double rate)
    {
        private readonly Random _random = new(seed);
        private readonly Lock _gate = new();
        private int _count;

        public Dictionary<string, int> Injected { get; } = [];

        public ConnectorFault? Next(ConnectorRequest request)
        {
            if (request.Method is not ("POST" or "PUT"))
            {
                return null;
            }

            lock (_gate)
            {
                var n = _count++;
                var roll = _random.NextDouble();
                ConnectorFault? fault = n switch
                {
                    0 => new ConnectorFault.AcceptThenHang(TimeSpan.FromSeconds(4)),
                    1 => new ConnectorFault.Throttle(TimeSpan.FromSeconds(1)),
                    2 => new ConnectorFault.BadGateway(),
                    _ when roll < rate / 3 => new ConnectorFault.Throttle(TimeSpan.FromSeconds(1)),
                    _ when roll < rate * 2 / 3 => new ConnectorFault.BadGateway(),
                    _ when roll < rate => new ConnectorFault.AcceptThenHang(TimeSpan.FromSeconds(4)),
                    _ => null,
                };
                if (fault is not null)
                {
                    Injected[fault.GetType().Name] = Injected.GetValueOrDefault(fault.GetType().Name) + 1;
                }

                return fault;
            }
        }
    }
}
