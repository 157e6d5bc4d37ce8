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
        await turn.SendAsync(card, turn.Words.Say("Notifications", "Notifications"), cancellationToken);
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
            return CardFactory.Message(words.Say("Please check", "À vérifier"), words.Say("This button names no notification.", "Ce bouton ne désigne aucune notification."));
        }

        var result = await turn.Get<RetryNotifications>().ExecuteAsync(turn.Actor, request, cancellationToken);
        if (!result.IsOk)
        {
            return result.Outcome == Outcome.Forbidden
                ? turn.RefusalCard(result.AsFailure())
                : await CardAsync(turn, failedOnly: true, after: null, turn.Words.Render(result.Message!), cancellationToken);
        }

        var headline = result.Value == 1
            ? words.Say("1 notification is queued to be sent again.", "1 notification est de nouveau en file d'envoi.")
            : words.Say($"{result.Value} notifications are queued to be sent again.", $"{result.Value} notifications sont de nouveau en file d'envoi.");
        var noneFailedSince = words.Say(
            "None has failed again so far: the bot is sending them now. `notifications` shows where each one is.",
            "Aucune n'a de nouveau échoué pour l'instant : le bot les envoie. `notifications` montre où en est chacune.");
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
                ? CardActions.Execute(words.Say("Send again", "Renvoyer"), RetryVerb, new Dictionary<string, string> { [NotificationField] = r.Notification.Id.ToString(CultureInfo.InvariantCulture) }, validate: false)
                : null,
            r.Badge.Color)).ToList();
        var actions = new List<JsonNode>();
        if (failedOnly && !result.Value.IsEmpty)
        {
            actions.Add(CardActions.Execute(words.Say("Send every failed one again", "Tout renvoyer"), RetryVerb, new Dictionary<string, string> { [NotificationField] = AllFailed }, primary: true, validate: false));
        }

        if (result.Value.Next is { } next)
        {
            actions.Add(CardActions.Command(words.Say("More", "Suite"), failedOnly ? "notifications failed" : "notifications", next));
        }

        var title = failedOnly
            ? words.Say("Notifications that did not arrive", "Notifications non distribuées")
            : words.Say("Notifications", "Notifications");
        var subtitle = headline ?? (failedOnly ? words.Say("Select one to send it again.", "Sélectionnez-en une pour la renvoyer.") : null);
        whenEmpty ??= failedOnly
            ? words.Say("Nothing here: no notification has failed.", "Rien ici : aucune notification n'a échoué.")
            : words.Say("Nothing here: no notification has been written yet.", "Rien ici : aucune notification n'a encore été écrite.");
        return CardFactory.List(title, subtitle, whenEmpty, rows, actions);
    }

    private static string Describe(NotificationView n, Wording words) => n.Kind switch
    {
        NotificationKind.SignatureRequested => words.Say($"approval card, request #{n.SubjectId}", $"carte d'approbation, demande n° {n.SubjectId}"),
        NotificationKind.ApprovalCardUpdate => words.Say($"approval card update, request #{n.SubjectId}", $"mise à jour de carte, demande n° {n.SubjectId}"),
        NotificationKind.SignatureDecided => words.Say($"signature decision, request #{n.SubjectId}", $"décision de signature, demande n° {n.SubjectId}"),
        NotificationKind.SupportAssigned => words.Say($"support assigned, event #{n.SubjectId}", $"support assigné, événement n° {n.SubjectId}"),
        NotificationKind.SupportUnassigned => words.Say($"support removed, event #{n.SubjectId}", $"support retiré, événement n° {n.SubjectId}"),
        NotificationKind.SupportAssignedToYourClient => words.Say($"support of your client, event #{n.SubjectId}", $"support de votre client, événement n° {n.SubjectId}"),
        NotificationKind.Digest => words.Say("digest", "récapitulatif"),
        _ => n.Kind.ToString(),
    };

    private static string Detail(NotificationView n, Wording words, TimeZoneInfo zone)
    {
        var attempts = words.Say($"{n.Attempts} attempt(s)", $"{n.Attempts} tentative(s)");
        return n.State switch
        {
            DeliveryState.Sent => words.Say($"delivered {words.Date(n.SentAt ?? n.CreatedAt, zone)}", $"distribuée le {words.Date(n.SentAt ?? n.CreatedAt, zone)}"),
            DeliveryState.Pending => words.Say($"written {words.Date(n.CreatedAt, zone)} · {attempts}", $"écrite le {words.Date(n.CreatedAt, zone)} · {attempts}")
                + (n.LastError is { } pendingError ? $" · {pendingError}" : string.Empty),
            _ => $"{words.Date(n.CreatedAt, zone)} · {attempts} · {n.LastError}",
        };
    }

    private static string State(DeliveryState state, Wording words) => state switch
    {
        DeliveryState.Sent => words.Say("delivered", "distribuée"),
        DeliveryState.Pending => words.Say("pending", "en cours"),
        DeliveryState.Failed => words.Say("failed", "échec"),
        _ => words.Say("undeliverable", "impossible"),
    };
}
