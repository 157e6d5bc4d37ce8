using System.Globalization;
using System.Text.Json;
using EpicEvents.Bot.Cards;
using EpicEvents.Bot.Commands;
using EpicEvents.Bot.Conversations;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Bot.Dialogs;

/// <summary><c>new event [contract]</c>: an event of a signed contract.</summary>
public sealed class NewEventDialog : FormDialog
{
    public override string Kind => "event.new";

    public override CrmAction Permission => CrmAction.CreateEvent;

    public override string Title(Wording words) => words.Bot("common.newEvent");

    public override string SubmitTitle(Wording words) => words.Bot("eventDialogs.createEvent");

    public override string InputFor(string field) => EventFields.InputFor(field);

    public override Task<Result<FormState>> OpenAsync(CrmTurn turn, int? target, CancellationToken cancellationToken) =>
        Task.FromResult<Result<FormState>>(new FormState(target, null, target is { } contract
            ? new Dictionary<string, string> { [FieldNames.ContractId] = contract.ToString(CultureInfo.InvariantCulture) }
            : []));

    public override async Task<IReadOnlyList<FormField>> FieldsAsync(CrmTurn turn, FormState state, CancellationToken cancellationToken) =>
    [
        await RecordPickers.FieldAsync(turn, FieldNames.ContractId, turn.Words.Bot("eventDialogs.signedContract"), RecordPickers.SignedContracts, state[FieldNames.ContractId], cancellationToken),
        .. EventFields.For(turn.Words, withActualAttendees: false),
    ];

    public override async Task<Result<JsonElement>> SubmitAsync(CrmTurn turn, FormState state, CancellationToken cancellationToken)
    {
        if (!int.TryParse(state[FieldNames.ContractId], NumberStyles.None, CultureInfo.InvariantCulture, out var contractId) || contractId <= 0)
        {
            return InvalidInput(FieldNames.ContractId, turn.Words.Bot("eventDialogs.chooseSignedContract"));
        }

        var read = EventFields.Read(turn, state);
        if (read.Failure is { } invalid)
        {
            return invalid;
        }

        if (read.StartsAt is not { } startsAt || read.EndsAt is not { } endsAt)
        {
            var required = Text.Worded(turn.Words.Bot("eventDialogs.giveDateTime"));
            return Failure.Invalid([.. new[] { (EventFields.StartDate, read.StartsAt), (EventFields.EndDate, read.EndsAt) }.Where(m => m.Item2 is null).Select(m => new FieldError(m.Item1, required))]);
        }

        var request = new CreateEventRequest(contractId, state[FieldNames.Name], startsAt, endsAt, state[FieldNames.Location], read.Expected ?? 0, state[FieldNames.Notes]);
        return Saved(await turn.Get<CreateEvent>().ExecuteAsync(turn.Actor, request, cancellationToken), saved => EventReplies.Card(turn, saved, turn.Words.Bot("eventDialogs.eventCreated", saved.Id)));
    }
}

/// <summary><c>update event 3</c>: Management, or the event's Support contact.</summary>
public sealed class UpdateEventDialog : RecordFormDialog<EventView>
{
    public override string Kind => "event.update";

    public override CrmAction Permission => CrmAction.UpdateEvent;

    public override string Title(Wording words) => words.Bot("eventDialogs.updateEvent");

    public override string? Intro(Wording words, FormState state) => words.Bot("eventDialogs.event", state.Target);

    public override string InputFor(string field) => EventFields.InputFor(field);

    protected override Task<Result<EventView>> ReadAsync(CrmTurn turn, int id, CancellationToken cancellationToken) =>
        turn.Get<GetEvent>().ExecuteAsync(turn.Actor, id, cancellationToken);

    protected override FormState StateOf(CrmTurn turn, EventView e)
    {
        var start = TimeZoneInfo.ConvertTimeFromUtc(e.StartsAt, turn.Zone);
        var end = TimeZoneInfo.ConvertTimeFromUtc(e.EndsAt, turn.Zone);
        return new FormState(e.Id, e.Version, new Dictionary<string, string>
        {
            [FieldNames.Name] = e.Name,
            [EventFields.StartDate] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [EventFields.StartTime] = start.ToString("HH:mm", CultureInfo.InvariantCulture),
            [EventFields.EndDate] = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [EventFields.EndTime] = end.ToString("HH:mm", CultureInfo.InvariantCulture),
            [FieldNames.Location] = e.Location,
            [FieldNames.ExpectedAttendees] = e.ExpectedAttendees.ToString(CultureInfo.InvariantCulture),
            [FieldNames.ActualAttendees] = e.ActualAttendees?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            [FieldNames.Notes] = e.Notes,
        });
    }

    public override Task<IReadOnlyList<FormField>> FieldsAsync(CrmTurn turn, FormState state, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FormField>>(EventFields.For(turn.Words, withActualAttendees: true));

    public override async Task<Result<JsonElement>> SubmitAsync(CrmTurn turn, FormState state, CancellationToken cancellationToken)
    {
        var read = EventFields.Read(turn, state);
        if (read.Failure is { } invalid)
        {
            return invalid;
        }

        var request = new UpdateEventRequest(state.Target ?? 0, state[FieldNames.Name] ?? string.Empty, read.StartsAt, read.EndsAt, state[FieldNames.Location] ?? string.Empty, read.Expected, read.Actual, state[FieldNames.Notes] ?? string.Empty, state.Version);
        return Saved(await turn.Get<UpdateEvent>().ExecuteAsync(turn.Actor, request, cancellationToken), saved => EventReplies.Card(turn, saved, turn.Words.Bot("eventDialogs.eventUpdated", state.Target)));
    }
}

internal sealed record EventInput(DateTime? StartsAt, DateTime? EndsAt, int? Expected, int? Actual, Failure? Failure);

internal static class EventFields
{
    // The form asks for each moment as a date and a time; Crm.Core's errors about a moment go to its date.
    public const string StartDate = "startDate";
    public const string StartTime = "startTime";
    public const string EndDate = "endDate";
    public const string EndTime = "endTime";

    public static List<FormField> For(Wording words, bool withActualAttendees)
    {
        List<FormField> fields =
        [
            new(FieldNames.Name, words.Bot("eventDialogs.eventName"), Required: true, MaxLength: Limits.EventName),
            new(StartDate, words.Bot("eventDialogs.startDate"), FieldKind.Date, Required: true),
            new(StartTime, words.Bot("eventDialogs.startTime"), FieldKind.Time, Required: true),
            new(EndDate, words.Bot("eventDialogs.endDate"), FieldKind.Date, Required: true),
            new(EndTime, words.Bot("eventDialogs.endTime"), FieldKind.Time, Required: true),
            new(FieldNames.Location, words.Bot("common.location"), Required: true, MaxLength: Limits.Location),
            new(FieldNames.ExpectedAttendees, words.Bot("eventDialogs.expectedAttendees"), FieldKind.Number, Required: true),
        ];
        if (withActualAttendees)
        {
            fields.Add(new(FieldNames.ActualAttendees, words.Bot("eventDialogs.actualAttendees"), FieldKind.Number));
        }

        fields.Add(new(FieldNames.Notes, words.Bot("common.notesLabel"), FieldKind.MultiLine, MaxLength: Limits.Notes));
        return fields;
    }

    /// <summary>Where Crm.Core's errors about the dates go on the form.</summary>
    public static string InputFor(string field) => field switch
    {
        FieldNames.StartsAt => StartDate,
        FieldNames.EndsAt => EndDate,
        _ => field,
    };

    /// <summary>Dates and times typed in the card, in the configured time zone; numbers as numbers.</summary>
    public static EventInput Read(CrmTurn turn, FormState state)
    {
        var words = turn.Words;
        var errors = new List<FieldError>();
        DateTime? Moment(string date, string time)
        {
            if (state[date] is null && state[time] is null)
            {
                return null;
            }

            if (UserInput.TryParseDateTime($"{state[date]} {state[time] ?? "00:00"}", turn.Zone, out var utc))
            {
                return utc;
            }

            errors.Add(new FieldError(date, Text.Worded(words.Bot("eventDialogs.giveDateYyyyMmDd"))));
            return null;
        }

        int? Number(string field)
        {
            if (state[field] is not { } text)
            {
                return null;
            }

            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value == decimal.Truncate(value) && value is >= 0 and <= int.MaxValue)
            {
                return (int)value;
            }

            errors.Add(new FieldError(field, Text.Worded(words.Bot("eventDialogs.giveWholeNumber"))));
            return null;
        }

        var input = new EventInput(Moment(StartDate, StartTime), Moment(EndDate, EndTime), Number(FieldNames.ExpectedAttendees), Number(FieldNames.ActualAttendees), null);
        return errors.Count > 0 ? input with { Failure = Failure.Invalid(errors) } : input;
    }
}
