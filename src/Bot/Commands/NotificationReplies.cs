using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EpicEvents.Bot.Cards;
using EpicEvents.Bot.Conversations;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Bot.Commands;

/// <summary><c>notifications [failed]</c>: Management sees what reached whom, and sends failed ones again.</summary>
public static class NotificationReplies
{
    public const string RetryVerb = "notification.retry";
    public const string NotificationField = "notificationId";
    public const string AllFailed = "failed";

    public static async Task ListAsync(CrmTurn turn, bool failedOnly, string? after, CancellationToken cancellationToken)
    {
        var card = await CardAsync(turn, failedOnly, after, null, cancellationToken);
        await turn.SendAsync(card, turn.Words.Bot("notificationReplies.notifications"), cancellationToken);
    }

    /// <summary>A retry button's answer: the failed list again, saying how many were queued.</summary>
    public static async Task<JsonElement> RetryAsync(CrmTurn turn, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        var words = turn.Words;
        var which = data.GetValueOrDefault(NotificationField);
        RetryNotificationsRequest request;
        if (which == AllFailed)
        {
            request = RetryNotificationsRequest.EveryFailed;
        }
        else if (long.TryParse(which, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            request = new RetryNotificationsRequest([id]);
        }
        else
        {
            return CardFactory.Message(words.Bot("common.pleaseCheck"), words.Bot("notificationReplies.buttonNamesNoNotification"));
        }

        var result = await turn.Get<RetryNotifications>().ExecuteAsync(turn.Actor, request, cancellationToken);
        if (!result.IsOk)
        {
            return result.Outcome == Outcome.Forbidden
                ? turn.RefusalCard(result.AsFailure())
                : await CardAsync(turn, failedOnly: true, after: null, turn.Words.Render(result.Message!), cancellationToken);
        }

        var headline = result.Value == 1
            ? words.Bot("notificationReplies.notificationQueuedSentAgain")
            : words.Bot("notificationReplies.notificationsQueuedSentAgain", result.Value);
        var noneFailedSince = words.Bot("notificationReplies.noneHasFailedAgainSo");
        return await CardAsync(turn, failedOnly: true, after: null, headline, cancellationToken, noneFailedSince);
    }

    private static async Task<JsonElement> CardAsync(CrmTurn turn, bool failedOnly, string? after, string? headline, CancellationToken cancellationToken, string? whenEmpty = null)
    {
        var words = turn.Words;
        var result = await turn.Get<ListNotifications>().ExecuteAsync(turn.Actor, new NotificationFilter(FailedOnly: failedOnly), new PageRequest(ClientReplies.PageSize, after), cancellationToken);
        if (!result.IsOk)
        {
            return turn.RefusalCard(result.AsFailure());
        }

        var rows = result.Value.Items.Select(n => (Notification: n, Badge: Badges.Delivery(n.State, State(n.State, words)))).Select(r => new ListRow(
            $"#{r.Notification.Id} · {Describe(r.Notification, words)} → {r.Notification.RecipientName}",
            Detail(r.Notification, words, turn.Zone),
            r.Badge.Text,
            r.Notification.State is DeliveryState.Failed or DeliveryState.Undeliverable
                ? CardActions.Execute(words.Bot("notificationReplies.sendAgain"), RetryVerb, new Dictionary<string, string> { [NotificationField] = r.Notification.Id.ToString(CultureInfo.InvariantCulture) }, validate: false)
                : null,
            r.Badge.Color)).ToList();
        var actions = new List<JsonNode>();
        if (failedOnly && !result.Value.IsEmpty)
        {
            actions.Add(CardActions.Execute(words.Bot("notificationReplies.sendEveryFailedOneAgain"), RetryVerb, new Dictionary<string, string> { [NotificationField] = AllFailed }, primary: true, validate: false));
        }

        if (result.Value.Next is { } next)
        {
            actions.Add(CardActions.Command(words.Bot("common.more"), failedOnly ? "notifications failed" : "notifications", next));
        }

        var title = failedOnly
            ? words.Bot("notificationReplies.notificationsDidNotArrive")
            : words.Bot("notificationReplies.notifications");
        var subtitle = headline ?? (failedOnly ? words.Bot("notificationReplies.selectOneSendAgain") : null);
        whenEmpty ??= failedOnly
            ? words.Bot("notificationReplies.nothingHereNoNotificationHas")
            : words.Bot("notificationReplies.nothingHereNoNotificationHas2");
        return CardFactory.List(title, subtitle, whenEmpty, rows, actions);
    }

    private static string Describe(NotificationView n, Wording words) => n.Kind switch
    {
        NotificationKind.SignatureRequested => words.Bot("notificationReplies.approvalCardRequest", n.SubjectId),
        NotificationKind.ApprovalCardUpdate => words.Bot("notificationReplies.approvalCardUpdateRequest", n.SubjectId),
        NotificationKind.SignatureDecided => words.Bot("notificationReplies.signatureDecisionRequest", n.SubjectId),
        NotificationKind.SupportAssigned => words.Bot("notificationReplies.supportAssignedEvent", n.SubjectId),
        NotificationKind.SupportUnassigned => words.Bot("notificationReplies.supportRemovedEvent", n.SubjectId),
        NotificationKind.SupportAssignedToYourClient => words.Bot("notificationReplies.supportClientEvent", n.SubjectId),
        NotificationKind.Digest => words.Bot("notificationReplies.digest"),
        _ => n.Kind.ToString(),
    };

    private static string Detail(NotificationView n, Wording words, TimeZoneInfo zone)
    {
        var attempts = words.Bot("notificationReplies.attemptS", n.Attempts);
        var reason = n.Reason is { } why ? words.Render(why) : null;
        return n.State switch
        {
            DeliveryState.Sent => words.Bot("notificationReplies.delivered", words.Date(n.SentAt ?? n.CreatedAt, zone)),
            DeliveryState.Pending => words.Bot("notificationReplies.written", words.Date(n.CreatedAt, zone), attempts)
                + (reason is null ? string.Empty : $" · {reason}"),
            _ => $"{words.Date(n.CreatedAt, zone)} · {attempts} · {reason}",
        };
    }

    private static string State(DeliveryState state, Wording words) => state switch
    {
        DeliveryState.Sent => words.Bot("notificationReplies.delivered2"),
        DeliveryState.Pending => words.Bot("notificationReplies.pending"),
        DeliveryState.Failed => words.Bot("notificationReplies.failed"),
        _ => words.Bot("notificationReplies.undeliverable"),
    };
}
