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
        ContractStatus.Draft => "Accent",
        ContractStatus.PendingSignature => "Warning",
        ContractStatus.Signed => "Good",
        ContractStatus.Cancelled => "Attention",
        _ => "Default",
    });

    public static Badge SignatureRequest(SignatureRequestStatus status, Wording words) => status switch
    {
        SignatureRequestStatus.Pending => new(Label(words.Bot("badges.awaitingDecision")), "Warning"),
        SignatureRequestStatus.Approved => new(Label(words.Bot("badges.approved")), "Good"),
        SignatureRequestStatus.Rejected => new(Label(words.Bot("badges.rejected")), "Attention"),
        _ => new(Label(words.Bot("badges.withdrawn")), "Default"),
    };

    public static Badge Delivery(DeliveryState state, string text) => new(Label(text), state switch
    {
        DeliveryState.Sent => "Good",
        DeliveryState.Pending => "Accent",
        DeliveryState.Failed => "Attention",
        _ => "Warning",
    });

    private static string Label(string text) => "● " + char.ToUpper(text[0], System.Globalization.CultureInfo.InvariantCulture) + text[1..];
}
