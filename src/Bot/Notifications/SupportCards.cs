using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EpicEvents.Bot.Cards;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Bot.Notifications;

/// <summary>The cards of support assignments: to the support contact (with Acknowledge), to the one replaced, to the sales contact.</summary>
public static class SupportCards
{
    public const string AcknowledgeVerb = "event.acknowledge";
    public const string EventField = "eventId";

    /// <summary>
    /// The assignment as the support contact sees it: the event, the client and its contact, and
    /// Acknowledge until they do. Shows the current state: acknowledged, or reassigned meanwhile.
    /// </summary>
    public static JsonElement Assignment(EventView e, int viewerId, Wording words, TimeZoneInfo zone, string? problem = null)
    {
        var data = new Dictionary<string, string> { [EventField] = e.Id.ToString(CultureInfo.InvariantCulture) };
        List<JsonNode> actions = [CardActions.Command(words.Bot("supportCards.openEvent", e.Id), $"event {e.Id}")];
        string title;
        string? note;
        if (e.SupportContactId != viewerId)
        {
            title = words.Bot("supportCards.event", e.Id, e.Name);
            note = e.SupportContactName is { } other
                ? words.Bot("supportCards.noLongerSupportEventDoes", other)
                : words.Bot("supportCards.noLongerSupportEvent");
        }
        else if (e.SupportAcknowledgedAt is { } acknowledged)
        {
            title = words.Bot("supportCards.supportEvent", e.Id, e.Name);
            note = words.Bot("supportCards.acknowledged", words.LongDate(acknowledged, zone));
        }
        else
        {
            title = words.Bot("supportCards.supportEvent", e.Id, e.Name);
            note = problem;
            actions.Insert(0, CardActions.Execute(words.Bot("supportCards.acknowledge"), AcknowledgeVerb, data, primary: true, validate: false));
        }

        return CardFactory.Message(title, null, Facts(e, words, zone), note, actions);
    }

    /// <summary>To the support contact replaced or removed.</summary>
    public static JsonElement Unassigned(EventView e, Wording words, TimeZoneInfo zone) =>
        CardFactory.Message(
            words.Bot("supportCards.noLongerSupportEvent2", e.Id, e.Name),
            e.SupportContactName is { } now
                ? words.Bot("supportCards.supportsNow", now)
                : words.Bot("supportCards.hasNoSupportContactNow"),
            [
                (words.Bot("common.start"), words.LongDate(e.StartsAt, zone)),
                (words.Bot("common.location"), e.Location),
                (words.Bot("common.clientLabel"), $"{e.ClientFullName} — {e.CompanyName}"),
            ],
            actions: [CardActions.Command(words.Bot("supportCards.openEvent", e.Id), $"event {e.Id}")]);

    /// <summary>To the client's sales contact: who supports their client's event.</summary>
    public static JsonElement AssignedToYourClient(EventView e, Wording words, TimeZoneInfo zone) =>
        CardFactory.Message(
            e.SupportContactName is { } support
                ? words.Bot("supportCards.supportsSEvent", support, e.CompanyName, e.Id)
                : words.Bot("supportCards.sEventHasNoSupport", e.CompanyName, e.Id),
            e.Name,
            [
                (words.Bot("common.start"), words.LongDate(e.StartsAt, zone)),
                (words.Bot("common.end"), words.LongDate(e.EndsAt, zone)),
                (words.Bot("common.location"), e.Location),
                (words.Bot("common.clientLabel"), $"{e.ClientFullName} — {e.CompanyName}"),
            ],
            actions: [CardActions.Command(words.Bot("supportCards.openEvent", e.Id), $"event {e.Id}")]);

    private static List<(string, string?)> Facts(EventView e, Wording words, TimeZoneInfo zone) =>
    [
        (words.Bot("common.start"), words.LongDate(e.StartsAt, zone)),
        (words.Bot("common.end"), words.LongDate(e.EndsAt, zone)),
        (words.Bot("common.location"), e.Location),
        (words.Bot("common.attendees"), e.ActualAttendees is { } actual ? $"{actual} / {e.ExpectedAttendees}" : e.ExpectedAttendees.ToString(words.Culture)),
        (words.Bot("common.clientLabel"), $"{e.ClientFullName} — {e.CompanyName}"),
        (words.Bot("common.clientContact"), $"{e.ClientEmail} · {PhoneDisplay.Format(e.ClientPhone)}"),
        (words.Bot("common.salesContact"), e.SalesContactName),
        (words.Bot("common.notesLabel"), string.IsNullOrEmpty(e.Notes) ? null : e.Notes),
    ];
}
