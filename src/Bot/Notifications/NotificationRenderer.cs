using System.Text.Json;
using EpicEvents.Bot.Cards;
using EpicEvents.Bot.Protocol.Schema;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Digests;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Signatures;
using EpicEvents.Crm.Teams;

namespace EpicEvents.Bot.Notifications;

/// <summary>
/// Turns a claimed notification into what its recipient sees, read through Crm.Core as the recipient
/// (so a card shows only what they may read) and always in the record's current state: a card
/// delivered late never offers a decision that was already taken.
/// </summary>
public sealed class NotificationRenderer(
    GetSignatureRequest requests,
    GetEvent events,
    ListCollaborators staff,
    TeamsConversations conversations,
    OutboxDelivery outbox,
    DigestDispatch digests,
    PreviewDigest preview,
    TimeZoneInfo zone)
{
    public async Task<NotificationContent> RenderAsync(OutboxClaim claim, Actor recipient, string? locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var words = Wording.For(locale);
        switch (claim.Kind)
        {
            case NotificationKind.SignatureRequested:
            case NotificationKind.ApprovalCardUpdate:
            {
                var request = await requests.ExecuteAsync(recipient, claim.SubjectId, cancellationToken);
                if (!request.IsOk)
                {
                    return Gone(request.AsFailure());
                }

                var card = await ApprovalCardForAsync(request.Value, recipient, words, cancellationToken);
                if (claim.Kind == NotificationKind.SignatureRequested)
                {
                    return New(card, ApprovalCard.Outcome(request.Value, words));
                }

                var sent = await outbox.FindDeliveredAsync(NotificationKind.SignatureRequested, recipient.Id, claim.SubjectId, cancellationToken);
                return sent is { ActivityId: not null }
                    ? new NotificationContent.CardUpdate(sent, CardFactory.ToActivity(card, ApprovalCard.Outcome(request.Value, words)))
                    : new NotificationContent.NothingToSend(DeliveryReason.ApprovalCardNeverDelivered);
            }

            case NotificationKind.SignatureDecided:
            {
                var request = await requests.ExecuteAsync(recipient, claim.SubjectId, cancellationToken);
                if (!request.IsOk)
                {
                    return Gone(request.AsFailure());
                }

                var view = request.Value;
                var title = ApprovalCard.Outcome(view, words);
                return New(CardFactory.Message(title, ApprovalCard.Decision(view, words, zone),
                    [(words.Bot("common.clientLabel"), $"{view.ClientName} — {view.ClientCompany}"), (words.Bot("common.total"), words.Euros(view.TotalAmount))],
                    actions: [CardActions.Command(words.Bot("common.openContract", view.ContractId), $"contract {view.ContractId}")]), title);
            }

            case NotificationKind.SupportAssigned:
            case NotificationKind.SupportUnassigned:
            case NotificationKind.SupportAssignedToYourClient:
            {
                var found = await events.ExecuteAsync(recipient, claim.SubjectId, cancellationToken);
                if (!found.IsOk)
                {
                    return Gone(found.AsFailure());
                }

                var e = found.Value;
                return claim.Kind switch
                {
                    NotificationKind.SupportAssigned => New(SupportCards.Assignment(e, recipient.Id, words, zone), words.Bot("notificationRenderer.supportEvent", e.Id)),
                    NotificationKind.SupportUnassigned => New(SupportCards.Unassigned(e, words, zone), words.Bot("notificationRenderer.noLongerSupportEvent", e.Id)),
                    _ => New(SupportCards.AssignedToYourClient(e, words, zone), e.Name),
                };
            }

            case NotificationKind.Digest:
                return await DigestAsync(claim, recipient, words, cancellationToken);

            default:
                return new NotificationContent.Undeliverable(DeliveryReason.UnknownKind(claim.Kind));
        }
    }

    /// <summary>The approval card as <paramref name="viewer"/> should see it now, refreshing itself for every manager who chats with the bot.</summary>
    public async Task<JsonElement> ApprovalCardForAsync(SignatureRequestView request, Actor viewer, Wording words, CancellationToken cancellationToken, string? problem = null)
    {
        var canDecide = PermissionMatrix.For(viewer, CrmAction.SignContract) != Reach.None;
        IReadOnlyList<string> managers = [];
        if (request.IsPending)
        {
            var list = await staff.ExecuteAsync(viewer, new CollaboratorFilter(Department.Management), PageRequest.First(CardActions.MaxRefreshUsers), cancellationToken);
            if (list.IsOk)
            {
                managers = await conversations.UserIdsAsync(list.Value.Items.Select(c => c.Id).ToList(), cancellationToken);
            }
        }

        return ApprovalCard.Build(request, words, zone, canDecide, managers, problem);
    }

    /// <summary>The digest as it stands when it is delivered, on the day it is for only; nothing when it emptied meanwhile.</summary>
    private async Task<NotificationContent> DigestAsync(OutboxClaim claim, Actor recipient, Wording words, CancellationToken cancellationToken)
    {
        var send = await digests.FindCurrentAsync(claim.Id, cancellationToken);
        if (send is null)
        {
            return new NotificationContent.NothingToSend(DeliveryReason.DigestDayOver);
        }

        var digest = await preview.ExecuteAsync(recipient, new DigestRequest(send.Kind), zone, cancellationToken);
        if (!digest.IsOk)
        {
            return Gone(digest.AsFailure());
        }

        return digest.Value.IsEmpty
            ? new NotificationContent.NothingToSend(DeliveryReason.DigestEmptied)
            : New(DigestCard.Build(digest.Value, words, zone), DigestCard.Summary(digest.Value, words));
    }

    private static NotificationContent New(JsonElement card, string summary) =>
        new NotificationContent.NewMessage(CardFactory.ToActivity(card, summary));

    private static NotificationContent Gone(Failure failure) => failure.Outcome == Outcome.NotFound
        ? new NotificationContent.NothingToSend(failure.Message)
        : new NotificationContent.Undeliverable(failure.Message);
}
