using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Signatures;

namespace EpicEvents.Bot.Cards;

/// <summary>Statuses as coloured badges, the same colour for the same state on every card.</summary>
public static class Badges
{
    public static Badge Contract(ContractStatus status, Wording words) => new(Label(words.Status(status)), status switch
    {
        ContractStatus.Draft => CardColors.Accent,
        ContractStatus.PendingSignature => CardColors.Warning,
        ContractStatus.Signed => CardColors.Good,
        ContractStatus.Cancelled => CardColors.Attention,
        _ => CardColors.Default,
    });

    public static Badge SignatureRequest(SignatureRequestStatus status, Wording words) => status switch
    {
        SignatureRequestStatus.Pending => new(Label(words.Bot("badges.awaitingDecision")), CardColors.Warning),
        SignatureRequestStatus.Approved => new(Label(words.Bot("badges.approved")), CardColors.Good),
        SignatureRequestStatus.Rejected => new(Label(words.Bot("badges.rejected")), CardColors.Attention),
        _ => new(Label(words.Bot("badges.withdrawn")), CardColors.Default),
    };

    public static Badge Delivery(DeliveryState state, string text) => new(Label(text), state switch
    {
        DeliveryState.Sent => CardColors.Good,
        DeliveryState.Pending => CardColors.Accent,
        DeliveryState.Failed => CardColors.Attention,
        _ => CardColors.Warning,
    });

    private static string Label(string text) => "● " + char.ToUpper(text[0], System.Globalization.CultureInfo.InvariantCulture) + text[1..];
}
