using EpicEvents.Crm.Common;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Events;

/// <summary>The rules of an event's editable fields (SPEC §1), shared by creation and update.</summary>
internal static class EventFields
{
    /// <summary>
    /// Times are UTC; a local time is converted and a time without a kind is taken as UTC. They are
    /// kept to the second: both databases then store exactly the value that was validated.
    /// </summary>
    public static DateTime ToStoredTime(DateTime at)
    {
        var utc = ToUtc(at);
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    public static DateTime ToUtc(DateTime at) => at.Kind switch
    {
        DateTimeKind.Utc => at,
        DateTimeKind.Local => at.ToUniversalTime(),
        _ => DateTime.SpecifyKind(at, DateTimeKind.Utc),
    };

    public static EventDetails Normalize(
        string? name,
        DateTime startsAt,
        DateTime endsAt,
        string? location,
        int expectedAttendees,
        int? actualAttendees,
        string? notes) => new(
        FieldRules.NormalizeText(name),
        ToStoredTime(startsAt),
        ToStoredTime(endsAt),
        FieldRules.NormalizeText(location),
        expectedAttendees,
        actualAttendees,
        FieldRules.NormalizeText(notes));

    /// <summary>
    /// Checks every field at once. <paramref name="startMustNotBePast"/> is set at creation and when
    /// an update moves the start: an unchanged past start stays valid, so that the actual
    /// attendees can be recorded after the event.
    /// </summary>
    public static Validation Validate(EventDetails details, DateTime now, bool startMustNotBePast) => new Validation()
        .Check(FieldNames.Name, FieldRules.RequiredLineError(details.Name, Limits.EventName, new Text("fieldName.eventName")))
        .Check(FieldNames.StartsAt, startMustNotBePast && details.StartsAt < now ? new Text("event.start.past") : null)
        .Check(FieldNames.EndsAt, details.EndsAt <= details.StartsAt ? new Text("event.end.beforeStart") : null)
        .Check(FieldNames.Location, FieldRules.RequiredLineError(details.Location, Limits.Location, FieldNames.WordedName(FieldNames.Location)))
        .Check(FieldNames.ExpectedAttendees, FieldRules.AttendeesError(details.ExpectedAttendees))
        .Check(FieldNames.ActualAttendees, details.ActualAttendees is { } actual ? FieldRules.AttendeesError(actual) : null)
        .Check(FieldNames.Notes, FieldRules.OptionalTextError(details.Notes, Limits.Notes, FieldNames.WordedName(FieldNames.Notes)));
}
