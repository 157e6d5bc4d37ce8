using System.Diagnostics;
using System.Net;
using EpicEvents.Bot.Hosting;
using EpicEvents.Bot.Protocol;
using EpicEvents.Bot.Protocol.Connector;
using EpicEvents.Bot.Protocol.Schema;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Teams;
using EpicEvents.Crm.Telemetry;
using Microsoft.Extensions.Logging;
using Activity = EpicEvents.Bot.Protocol.Schema.Activity;

namespace EpicEvents.Bot.Notifications;

/// <summary>What became of one claimed notification.</summary>
public enum DeliveryOutcome
{
    /// <summary>Delivered (a new message, or a card updated in place).</summary>
    Sent,

    /// <summary>Nothing was left to deliver (the card to update never went out, the record is gone); recorded as done.</summary>
    NothingToSend,

    /// <summary>It cannot reach its recipient (deactivated, no Teams account, bot blocked or not installed); not tried again.</summary>
    Undeliverable,

    /// <summary>A transient failure (throttled, a gateway error, no answer): tried again later.</summary>
    WillRetry,

    /// <summary>A permanent failure, or the last attempt failed: Management can retry it.</summary>
    Failed,

    /// <summary>Given back untried because the bot is stopping.</summary>
    Released,

    /// <summary>
    /// Nothing recorded (the bot stopped without waiting, or the database went away): the claim's
    /// lease runs out and a sender takes the notification over, sending it with the same key.
    /// </summary>
    Abandoned,

    /// <summary>The claim's lease ended meanwhile and another sender took the notification: its outcome stands.</summary>
    ClaimLost,
}

/// <summary>
/// Delivers one claimed notification, in its own DI scope: finds the recipient's 1:1 chat with the
/// bot (opening it when the person has none), renders the card as the recipient, sends it — or
/// updates an earlier card in place — and records the outcome on the claim. A new message carries
/// the notification's idempotency key in <c>channelData.notificationKey</c>, so a message sent
/// again after a crash or a lost answer is recognisable as the same notification.
/// </summary>
public sealed class NotificationDelivery(
    ActorLoader actors,
    TeamsConversations conversations,
    NotificationRenderer renderer,
    OutboxDelivery outbox,
    CloudAdapter adapter,
    ConnectorClientFactory connectors,
    OutboxSenderOptions options,
    ILogger<NotificationDelivery> logger)
{
    /// <param name="stopping">The bot is stopping: a notification not yet being sent is given back untried.</param>
    /// <param name="abandon">The bot stops without waiting any longer: nothing more is recorded.</param>
    public async Task<DeliveryOutcome> DeliverAsync(OutboxClaim claim, CancellationToken stopping, CancellationToken abandon)
    {
        ArgumentNullException.ThrowIfNull(claim);

        // The span continues the trace of the command or turn that wrote the notification.
        System.Diagnostics.Activity.Current = null;
        ActivityContext.TryParse(claim.TraceParent, null, isRemote: true, out var cause);
        using var span = BotTelemetry.Source.StartActivity("outbox deliver", ActivityKind.Consumer, cause);
        span?.SetTag("crm.notification.id", claim.Id);
        span?.SetTag("crm.notification.kind", claim.Kind.ToString());
        span?.SetTag("crm.notification.attempt", claim.Attempt);
        span?.SetTag("crm.collaborator.id", claim.RecipientId);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(abandon);
        deadline.CancelAfter(options.DeliveryTimeout);
        DeliveryOutcome outcome;
        try
        {
            outcome = await RunAsync(claim, stopping, abandon, deadline.Token);
        }
        catch (Exception) when (abandon.IsCancellationRequested)
        {
            outcome = DeliveryOutcome.Abandoned;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            outcome = await FailedAsync(claim, DeliveryReason.TimedOut(options.DeliveryTimeout), transient: true, null, abandon);
        }
        catch (Exception exception)
        {
            // A bug or the database: logged as an error, tried again later.
            BotLog.NotificationDeliveryError(logger, exception, claim.Id, claim.Kind, claim.RecipientId, exception.GetType().Name);
            span.RecordFailure(exception);
            outcome = await FailedAsync(claim, DeliveryReason.UnexpectedError(exception.GetType().Name), transient: true, null, abandon);
        }

        span?.SetTag("crm.notification.outcome", outcome.ToString());
        Hosting.BotMetrics.DeliveryEnded(claim.Kind.ToString(), outcome);
        if (outcome is DeliveryOutcome.Failed)
        {
            span?.SetStatus(ActivityStatusCode.Error);
        }

        return outcome;
    }

    private async Task<DeliveryOutcome> RunAsync(OutboxClaim claim, CancellationToken stopping, CancellationToken abandon, CancellationToken deadline)
    {
        var recipient = await actors.LoadAsync(claim.RecipientId, ChangeSource.Bot, abandon);
        if (recipient is not { IsActive: true })
        {
            return await UndeliverableAsync(claim, DeliveryReason.Deactivated, abandon);
        }

        if (await conversations.IsBlockedAsync(recipient.Id, abandon))
        {
            return await UndeliverableAsync(claim, DeliveryReason.Blocked, abandon);
        }

        var reference = await conversations.FindAsync(recipient.Id, abandon);
        if (reference is null)
        {
            var identity = await conversations.LinkedIdentityAsync(recipient.Id, abandon);
            if (identity is null)
            {
                return await UndeliverableAsync(claim, DeliveryReason.NoTeamsAccount, abandon);
            }

            var bot = await conversations.BotAddressInTenantAsync(identity.TenantId, abandon);
            if (bot is null)
            {
                return await UndeliverableAsync(claim, DeliveryReason.NotInstalled, abandon);
            }

            if (stopping.IsCancellationRequested)
            {
                return await ReleaseAsync(claim, abandon);
            }

            try
            {
                reference = await OpenChatAsync(identity, bot, deadline);
            }
            catch (ConnectorException refused) when (refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound && !refused.IsMessageWritesBlocked)
            {
                // Teams opens a chat only with someone who has the app.
                return await UndeliverableAsync(claim, DeliveryReason.NotInstalledRefused(Describe(refused)), abandon);
            }
            catch (ConnectorException failure)
            {
                return await ConnectorFailedAsync(claim, recipient.Id, failure, abandon);
            }

            if (reference is null)
            {
                return await FailedAsync(claim, DeliveryReason.ChatWithoutId, transient: false, null, abandon);
            }

            await conversations.RememberAsync(recipient.Id, reference, abandon);
            BotLog.ConversationOpened(logger, recipient.Id, claim.Id);
        }

        var content = await renderer.RenderAsync(claim, recipient, recipient.Language ?? reference.Locale, abandon);
        if (content is NotificationContent.NothingToSend nothing)
        {
            return await RecordedAsync(claim, null, DeliveryOutcome.NothingToSend, nothing.Why, abandon);
        }

        if (content is NotificationContent.Undeliverable refusal)
        {
            return await UndeliverableAsync(claim, refusal.Why, abandon);
        }

        if (stopping.IsCancellationRequested)
        {
            return await ReleaseAsync(claim, abandon);
        }

        DeliveredMessage where;
        try
        {
            where = content switch
            {
                NotificationContent.NewMessage message => await SendAsync(claim, reference, message.Activity, deadline),
                NotificationContent.CardUpdate update => await UpdateAsync(reference, update, deadline),
                _ => throw new InvalidOperationException($"Unknown notification content {content.GetType().Name}."),
            };
        }
        catch (ConnectorException gone) when (IsChatGone(gone) && content is NotificationContent.NewMessage message)
        {
            return await SendInNewChatAsync(claim, recipient.Id, reference, message.Activity, gone, deadline, abandon);
        }
        catch (ConnectorException failure)
        {
            return await ConnectorFailedAsync(claim, recipient.Id, failure, abandon);
        }

        return await RecordedAsync(claim, where, DeliveryOutcome.Sent, null, abandon);
    }

    /// <summary>
    /// 403 (the bot is no longer in the conversation, or disabled by an administrator) or 404 (no such
    /// conversation) on a stored chat: the reference is stale. A blocked bot (403 MessageWritesBlocked)
    /// is the person's choice, handled apart.
    /// </summary>
    private static bool IsChatGone(ConnectorException failure) =>
        failure.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound && !failure.IsMessageWritesBlocked;

    /// <summary>
    /// The stored chat is gone: it is forgotten, a new 1:1 chat is opened once and the message sent
    /// there; when Teams refuses to open one, the notification is undeliverable, with Teams' answers as
    /// the reason Management sees, until the person adds the app again.
    /// </summary>
    private async Task<DeliveryOutcome> SendInNewChatAsync(
        OutboxClaim claim, int recipientId, TeamsConversationReference stale, Activity activity, ConnectorException gone, CancellationToken deadline, CancellationToken abandon)
    {
        await conversations.ForgetAsync(recipientId, abandon);
        var identity = await conversations.LinkedIdentityAsync(recipientId, abandon);
        if (identity is null)
        {
            return await UndeliverableAsync(claim, DeliveryReason.ChatGoneNoTeamsAccount(Describe(gone)), abandon);
        }

        TeamsConversationReference? reopened;
        try
        {
            reopened = await OpenChatAsync(identity, new TeamsBotAddress(stale.ServiceUrl, stale.BotId, stale.BotName), deadline);
        }
        catch (ConnectorException refused) when (refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            return await UndeliverableAsync(claim, DeliveryReason.ChatGoneRefused(Describe(gone), Describe(refused)), abandon);
        }
        catch (ConnectorException failure)
        {
            return await ConnectorFailedAsync(claim, recipientId, failure, abandon);
        }

        if (reopened is null)
        {
            return await FailedAsync(claim, DeliveryReason.ChatWithoutId, transient: false, null, abandon);
        }

        await conversations.RememberAsync(recipientId, reopened, abandon);
        BotLog.ConversationOpened(logger, recipientId, claim.Id);
        try
        {
            return await RecordedAsync(claim, await SendAsync(claim, reopened, activity, deadline), DeliveryOutcome.Sent, null, abandon);
        }
        catch (ConnectorException failure)
        {
            return await ConnectorFailedAsync(claim, recipientId, failure, abandon);
        }
    }

    /// <summary>Opens the 1:1 chat with a linked person, through the bot's connector in their tenant; null when Teams' answer names no chat.</summary>
    private async Task<TeamsConversationReference?> OpenChatAsync(TeamsIdentity identity, TeamsBotAddress bot, CancellationToken cancellationToken)
    {
        var tenant = identity.TenantId.ToString("D");
        var objectId = identity.AadObjectId.ToString("D");

        // Teams accepts the person's Entra object id as the member; their Teams user id (29:…), which
        // a card's refresh list needs, is read from the chat's roster.
        var opened = await adapter.CreatePersonalConversationAsync(
            bot.ServiceUrl, tenant, new ChannelAccount { Id = bot.BotId, Name = bot.BotName }, new ChannelAccount { Id = objectId, AadObjectId = objectId }, cancellationToken);
        if (opened.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            return null;
        }

        var userId = await TeamsUserIdAsync(bot.ServiceUrl, tenant, conversationId, objectId, cancellationToken) ?? objectId;
        return new TeamsConversationReference(bot.ServiceUrl, Channels.MsTeams, conversationId, ConversationTypes.Personal, tenant, bot.BotId, bot.BotName, userId, objectId, null);
    }

    /// <summary>The member's Teams user id in the chat's roster; null when the roster does not say (the object id is kept then).</summary>
    private async Task<string?> TeamsUserIdAsync(string serviceUrl, string tenant, string conversationId, string objectId, CancellationToken cancellationToken)
    {
        try
        {
            var member = await connectors.Create(serviceUrl, tenant).GetConversationMemberAsync(conversationId, objectId, cancellationToken);
            return member.Id is { Length: > 0 } id && id.StartsWith("29:", StringComparison.Ordinal) ? id : null;
        }
        catch (ConnectorException)
        {
            return null;
        }
    }

    private async Task<DeliveredMessage> SendAsync(OutboxClaim claim, TeamsConversationReference reference, Activity activity, CancellationToken cancellationToken)
    {
        activity.ApplyConversationReference(new ConversationReference
        {
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Conversation = new ConversationAccount { Id = reference.ConversationId, ConversationType = reference.ConversationType, TenantId = reference.TenantId },
            Bot = new ChannelAccount { Id = reference.BotId, Name = reference.BotName },
            User = new ChannelAccount { Id = reference.UserId, AadObjectId = reference.AadObjectId },
            Locale = reference.Locale,
        });
        NotificationKeys.Stamp(activity, claim.IdempotencyKey);

        // Safe to send again when the answer is lost: the copy carries the same key.
        var sent = await connectors.Create(reference.ServiceUrl, reference.TenantId)
            .SendToConversationAsync(reference.ConversationId, activity, retryWhenOutcomeUnknown: true, cancellationToken);
        return new DeliveredMessage(reference.ServiceUrl, reference.ConversationId, sent.Id);
    }

    private async Task<DeliveredMessage> UpdateAsync(TeamsConversationReference reference, NotificationContent.CardUpdate update, CancellationToken cancellationToken)
    {
        var card = update.Card;
        var activityId = card.ActivityId ?? throw new InvalidOperationException("A card to update has an activity id.");
        var activity = update.Activity;
        activity.Id = activityId;
        activity.Conversation = new ConversationAccount { Id = card.ConversationId, ConversationType = ConversationTypes.Personal, TenantId = reference.TenantId };
        await connectors.Create(card.ServiceUrl, reference.TenantId).UpdateActivityAsync(card.ConversationId, activityId, activity, cancellationToken);
        return card;
    }

    private async Task<DeliveryOutcome> ConnectorFailedAsync(OutboxClaim claim, int recipientId, ConnectorException failure, CancellationToken cancellationToken)
    {
        if (failure.IsMessageWritesBlocked)
        {
            await conversations.MarkBlockedAsync(recipientId, cancellationToken);
            return await UndeliverableAsync(claim, DeliveryReason.Blocked, cancellationToken);
        }

        // A 500 or 503 is not retried within the request (a message may have been posted), but it is
        // most often a passing fault of the service (e.g. UserNotFound while a new member's directory
        // entry propagates): the outbox tries again later, up to its bounded number of attempts.
        var transient = failure.IsTransient || failure.OutcomeUnknown
            || failure.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.ServiceUnavailable;
        return await FailedAsync(claim, Describe(failure), transient, failure.RetryAfter, cancellationToken);
    }

    private async Task<DeliveryOutcome> FailedAsync(OutboxClaim claim, Text problem, bool transient, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var state = await outbox.RecordFailureAsync(claim, problem, transient, retryAfter, cancellationToken);
        BotLog.NotificationNotDelivered(logger, claim.Id, claim.Kind, claim.RecipientId, claim.Attempt, problem.ToString(), state);
        return state == DeliveryState.Pending ? DeliveryOutcome.WillRetry : DeliveryOutcome.Failed;
    }

    private async Task<DeliveryOutcome> UndeliverableAsync(OutboxClaim claim, Text reason, CancellationToken cancellationToken)
    {
        await outbox.RecordUndeliverableAsync(claim, reason, cancellationToken);
        BotLog.NotificationUndeliverable(logger, claim.Id, claim.Kind, claim.RecipientId, reason.ToString());
        return DeliveryOutcome.Undeliverable;
    }

    private async Task<DeliveryOutcome> RecordedAsync(OutboxClaim claim, DeliveredMessage? where, DeliveryOutcome outcome, Text? why, CancellationToken cancellationToken)
    {
        if (!await outbox.RecordSentAsync(claim, where, cancellationToken))
        {
            BotLog.NotificationClaimLost(logger, claim.Id, claim.Kind, claim.RecipientId);
            return DeliveryOutcome.ClaimLost;
        }

        BotLog.NotificationDelivered(logger, claim.Id, claim.Kind, claim.RecipientId, claim.Attempt, why?.ToString() ?? "sent");
        return outcome;
    }

    private async Task<DeliveryOutcome> ReleaseAsync(OutboxClaim claim, CancellationToken cancellationToken)
    {
        await outbox.ReleaseAsync(claim, null, cancellationToken);
        return DeliveryOutcome.Released;
    }

    /// <summary>What Teams answered, for Management and the log: the status and error code, never the request's ids.</summary>
    private static Text Describe(ConnectorException failure) => failure switch
    {
        { StatusCode: { } status, Error.Code: { Length: > 0 } code } => DeliveryReason.TeamsAnswered((int)status, code),
        { StatusCode: { } status } => DeliveryReason.TeamsAnswered((int)status, status.ToString()),
        { OutcomeUnknown: true } => DeliveryReason.TeamsDidNotAnswer,
        _ => DeliveryReason.TeamsUnreachable,
    };
}
