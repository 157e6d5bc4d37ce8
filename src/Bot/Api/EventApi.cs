using EpicEvents.Crm.Common;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Presentation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EpicEvents.Bot.Api;

/// <summary><c>/api/v1/events</c>: <c>epicevents event …</c>.</summary>
internal static class EventApi
{
    public static void Map(RouteGroupBuilder signedIn)
    {
        var events = signedIn.MapGroup("/events").WithTags("Events");
        events.MapGet("/", async ([AsParameters] EventQuery query, ApiCaller caller, ListEvents useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(
                    caller.Actor,
                    new EventFilter(query.Unassigned ?? false, query.Mine ?? false, query.Upcoming ?? false, query.WithinDays, query.From?.UtcDateTime, query.To?.UtcDateTime, query.ClientId, query.ContractId, query.Search),
                    ApiPaging.Page(query.Limit, query.After),
                    cancellationToken)))
            .Answers<Page<EventView>>().WithSummary("Events, by start, keyset-paged.");
        events.MapGet("/{id:int}", async (int id, ApiCaller caller, GetEvent useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, id, cancellationToken)))
            .Answers<EventView>().WithSummary("One event.");
        events.MapPost("/", async (NewEvent body, ApiCaller caller, CreateEvent useCase, CancellationToken cancellationToken) =>
                body.Missing() is { } missing
                    ? ApiResults.Problem(Failure.Invalid(missing))
                    : ApiResults.From(
                        await useCase.ExecuteAsync(caller.Actor, new CreateEventRequest(body.ContractId ?? 0, body.Name, body.StartsAt!.Value.UtcDateTime, body.EndsAt!.Value.UtcDateTime, body.Location, body.ExpectedAttendees!.Value, body.Notes), cancellationToken),
                        StatusCodes.Status201Created))
            .Answers<EventView>(StatusCodes.Status201Created).WithSummary("Creates an event under a signed contract.");
        events.MapPatch("/{id:int}", async (int id, EventChanges body, ApiCaller caller, UpdateEvent useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(
                    caller.Actor,
                    new UpdateEventRequest(id, body.Name, body.StartsAt?.UtcDateTime, body.EndsAt?.UtcDateTime, body.Location, body.ExpectedAttendees, body.ActualAttendees, body.Notes, body.ExpectedVersion),
                    cancellationToken)))
            .Answers<EventView>().WithSummary("Changes an event; fields left out keep their value.");
        events.MapDelete("/{id:int}", async (int id, ApiCaller caller, DeleteEvent useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new DeleteEventRequest(id), cancellationToken), _ => Removal.Of(id)))
            .Answers<Removal>().WithSummary("Deletes an event.");
        events.MapPost("/{id:int}/assign", async (int id, SupportChange body, ApiCaller caller, AssignSupport useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new AssignSupportRequest(id, body.SupportContactId ?? 0), cancellationToken)))
            .Answers<EventView>().WithSummary("Gives an event its support contact (they are notified in Teams).");
        events.MapPost("/{id:int}/unassign", async (int id, ApiCaller caller, UnassignSupport useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new UnassignSupportRequest(id), cancellationToken)))
            .Answers<EventView>().WithSummary("Leaves an event without support.");
        events.MapPost("/{id:int}/acknowledge", async (int id, ApiCaller caller, AcknowledgeSupport useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, id, cancellationToken)))
            .Answers<EventView>().WithSummary("Support acknowledges an event assigned to them.");
    }
}

public sealed record EventQuery(
    bool? Unassigned, bool? Mine, bool? Upcoming, int? WithinDays, DateTimeOffset? From, DateTimeOffset? To, int? ClientId, int? ContractId, string? Search, int? Limit, string? After);

public sealed record NewEvent(int? ContractId, string? Name, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Location, int? ExpectedAttendees, string? Notes)
{
    internal IReadOnlyList<FieldError>? Missing()
    {
        var missing = new List<FieldError>();
        if (StartsAt is null)
        {
            missing.Add(new FieldError(FieldNames.StartsAt, new Text("event.start.required")));
        }

        if (EndsAt is null)
        {
            missing.Add(new FieldError(FieldNames.EndsAt, new Text("event.end.required")));
        }

        if (ExpectedAttendees is null)
        {
            missing.Add(new FieldError(FieldNames.ExpectedAttendees, new Text("event.expectedAttendees.required")));
        }

        return missing.Count == 0 ? null : missing;
    }
}

public sealed record EventChanges(
    string? Name, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Location, int? ExpectedAttendees, int? ActualAttendees, string? Notes, int? ExpectedVersion);

public sealed record SupportChange(int? SupportContactId);
