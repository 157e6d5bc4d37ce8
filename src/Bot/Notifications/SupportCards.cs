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
        List<JsonNode> actions = [CardActions.Command(words.Say($"Open event {e.Id}", $"Ouvrir l'événement {e.Id}"), $"event {e.Id}")];
        string title;
        string? note;
        if (e.SupportContactId != viewerId)
        {
            title = words.Say($"Event #{e.Id} · {e.Name}", $"Événement n° {e.Id} · {e.Name}");
            note = e.SupportContactName is { } other
                ? words.Say($"You no longer support this event: {other} does.", $"Vous n'assurez plus le support de cet événement : {other} s'en charge.")
                : words.Say("You no longer support this event.", "Vous n'assurez plus le support de cet événement.");
        }
        else if (e.SupportAcknowledgedAt is { } acknowledged)
        {
            title = words.Say($"You support event #{e.Id} · {e.Name}", $"Vous assurez le support de l'événement n° {e.Id} · {e.Name}");
            note = words.Say($"Acknowledged on {words.Date(acknowledged, zone)}.", $"Pris en compte le {words.Date(acknowledged, zone)}.");
        }
        else
        {
            title = words.Say($"You support event #{e.Id} · {e.Name}", $"Vous assurez le support de l'événement n° {e.Id} · {e.Name}");
            note = problem;
            actions.Insert(0, CardActions.Execute(words.Say("Acknowledge", "Bien reçu"), AcknowledgeVerb, data, primary: true, validate: false));
        }

        return CardFactory.Message(title, null, Facts(e, words, zone), note, actions);
    }

    /// <summary>To the support contact replaced or removed.</summary>
    public static JsonElement Unassigned(EventView e, Wording words, TimeZoneInfo zone) =>
        CardFactory.Message(
            words.Say($"You no longer support event #{e.Id} · {e.Name}", $"Vous n'assurez plus le support de l'événement n° {e.Id} · {e.Name}"),
            e.SupportContactName is { } now
                ? words.Say($"{now} supports it now.", $"{now} s'en charge désormais.")
                : words.Say("It has no support contact for now.", "Il n'a plus de contact support pour l'instant."),
            [
                (words.Say("Start", "Début"), words.Date(e.StartsAt, zone)),
                (words.Say("Location", "Lieu"), e.Location),
                ("Client", $"{e.ClientFullName} — {e.CompanyName}"),
            ],
            actions: [CardActions.Command(words.Say($"Open event {e.Id}", $"Ouvrir l'événement {e.Id}"), $"event {e.Id}")]);

    /// <summary>To the client's sales contact: who supports their client's event.</summary>
    public static JsonElement AssignedToYourClient(EventView e, Wording words, TimeZoneInfo zone) =>
        CardFactory.Message(
            e.SupportContactName is { } support
                ? words.Say($"{support} supports {e.CompanyName}'s event #{e.Id}", $"{support} assure le support de l'événement n° {e.Id} de {e.CompanyName}")
                : words.Say($"{e.CompanyName}'s event #{e.Id} has no support contact", $"L'événement n° {e.Id} de {e.CompanyName} n'a pas de contact support"),
            e.Name,
            [
                (words.Say("Start", "Début"), words.Date(e.StartsAt, zone)),
                (words.Say("End", "Fin"), words.Date(e.EndsAt, zone)),
                (words.Say("Location", "Lieu"), e.Location),
                ("Client", $"{e.ClientFullName} — {e.CompanyName}"),
            ],
            actions: [CardActions.Command(words.Say($"Open event {e.Id}", $"Ouvrir l'événement {e.Id}"), $"event {e.Id}")]);

    private static List<(string, string?)> Facts(EventView e, Wording words, TimeZoneInfo zone) =>
    [
        (words.Say("Start", "Début"), words.Date(e.StartsAt, zone)),
        (words.Say("End", "Fin"), words.Date(e.EndsAt, zone)),
        (words.Say("Location", "Lieu"), e.Location),
        (words.Say("Attendees", "Participants"), e.ActualAttendees is { } actual ? $"{actual} / {e.ExpectedAttendees}" : e.ExpectedAttendees.ToString(words.Culture)),
        ("Client", $"{e.ClientFullName} — {e.CompanyName}"),
        (words.Say("Client contact", "Contact client"), $"{e.ClientEmail} · {PhoneDisplay.Format(e.ClientPhone)}"),
        (words.Say("Sales contact", "Commercial"), e.SalesContactName),
        ("Notes", string.IsNullOrEmpty(e.Notes) ? null : e.Notes),
    ];
}
