using System.CommandLine;
using EpicEvents.Crm.Common;
using EpicEvents.Cli.Remote;
using EpicEvents.Cli.Output;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Cli.Commands;

/// <summary><c>event list | show | create | update | assign | unassign | acknowledge | delete</c>.</summary>
internal static class EventCommands
{
    public static Command Build(CommandRunner runner)
    {
        var @event = new Command("event", "Events of signed contracts and their support contact.");
        @event.Subcommands.Add(List(runner));
        @event.Subcommands.Add(Show(runner));
        @event.Subcommands.Add(Create(runner));
        @event.Subcommands.Add(Update(runner));
        @event.Subcommands.Add(Assign(runner));
        @event.Subcommands.Add(Unassign(runner));
        @event.Subcommands.Add(Acknowledge(runner));
        @event.Subcommands.Add(Delete(runner));
        return @event;
    }

    private static IReadOnlyList<Column<EventView>> Columns(CliContext context) =>
    [
        new("ID", e => e.Id.ToString(context.Texts.Culture), Right: true, Width: 7),
        new(context.Texts.Say("Event", "Événement"), e => e.Name, Width: 28),
        new("Client", e => e.CompanyName, Width: 26),
        new(context.Texts.Say("Start", "Début"), e => context.Texts.Date(e.StartsAt, context.TimeZone), Width: 16),
        new(context.Texts.Say("End", "Fin"), e => context.Texts.Date(e.EndsAt, context.TimeZone), Width: 16),
        new(context.Texts.Say("Location", "Lieu"), e => e.Location, Width: 26),
        new(context.Texts.Say("Attendees", "Participants"), e => e.ExpectedAttendees.ToString(context.Texts.Culture), Right: true, Width: 12),
        new("Support", e => e.SupportContactName ?? "—", Width: 22),
    ];

    private static void ShowDetails(CliContext context, EventView e)
    {
        var texts = context.Texts;
        context.Terminal.Details(texts.Say($"Event {e.Id} · {e.Name}", $"Événement {e.Id} · {e.Name}"),
        [
            (texts.Say("Contract", "Contrat"), $"#{e.ContractId}"),
            ("Client", $"{e.ClientFullName} — {e.CompanyName} (#{e.ClientId})"),
            (texts.Say("Client contact", "Contact client"), $"{e.ClientEmail} · {e.ClientPhone}"),
            (texts.Say("Sales contact", "Commercial"), e.SalesContactName),
            (texts.Say("Start", "Début"), texts.Date(e.StartsAt, context.TimeZone)),
            (texts.Say("End", "Fin"), texts.Date(e.EndsAt, context.TimeZone)),
            (texts.Say("Location", "Lieu"), e.Location),
            (texts.Say("Expected attendees", "Participants attendus"), e.ExpectedAttendees.ToString(texts.Culture)),
            (texts.Say("Actual attendees", "Participants réels"), e.ActualAttendees?.ToString(texts.Culture)),
            ("Support", e.SupportContactId is { } id
                ? $"{e.SupportContactName} (#{id}) · {texts.Acknowledgement(e.SupportAcknowledgedAt, context.TimeZone)}"
                : texts.Say("not assigned", "non assigné")),
            ("Notes", string.IsNullOrEmpty(e.Notes) ? null : e.Notes),
            (texts.Say("Updated", "Modifié"), texts.Date(e.UpdatedAt, context.TimeZone)),
        ]);
    }

    private static Command List(CommandRunner runner)
    {
        var unassigned = new Option<bool>("--unassigned") { Description = "Events without a support contact." };
        var mine = new Option<bool>("--mine") { Description = "Support: my events; Sales: my clients' events." };
        var upcoming = new Option<bool>("--upcoming") { Description = "Events starting from now." };
        var days = new Option<int?>("--days") { Description = $"With --upcoming: how many days ahead (default {EventFilter.DefaultUpcomingDays})." };
        var from = new Option<string?>("--from") { Description = $"Starting at or after: {UserInput.DateHelp}.", HelpName = "DATE" };
        var to = new Option<string?>("--to") { Description = "Starting before this date.", HelpName = "DATE" };
        var client = new Option<int?>("--client") { Description = "Only this client's events.", HelpName = "ID" };
        var paging = new ListOptions();
        var command = new Command("list", "List events in the order they take place.") { unassigned, mine, upcoming, days, from, to, client };
        paging.AddTo(command);
        runner.Authenticated(command, (context, actor, cancellationToken) =>
        {
            if (!TryDate(context, context.Value(from), "from", out var fromUtc, out var refused)
                || !TryDate(context, context.Value(to), "to", out var toUtc, out refused))
            {
                return Task.FromResult(refused);
            }

            if (context.Value(days) is not null && !context.Value(upcoming))
            {
                return Task.FromResult(context.Usage(context.Texts.Say("--days goes with --upcoming.", "--days s'emploie avec --upcoming.")));
            }

            var filter = new EventFilter(context.Value(unassigned), context.Value(mine), context.Value(upcoming), context.Value(days), fromUtc, toUtc, context.Value(client));
            return Listing.RunAsync(context, paging, (page, token) => context.Crm(
                () => context.Get<ListEvents>().ExecuteAsync(actor, filter, page, token),
                api => api.GetAsync<Page<EventView>>(ApiPaths.Events(filter, page), token)), Columns(context), cancellationToken);
        }, quiet: false);
        return command;
    }

    private static Command Show(CommandRunner runner)
    {
        var id = Shared.Id("event");
        var command = new Command("show", "Show one event.") { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(await context.Crm(
                () => context.Get<GetEvent>().ExecuteAsync(actor, context.Value(id), cancellationToken),
                api => api.GetAsync<EventView>($"events/{context.Value(id)}", cancellationToken)), e => ShowDetails(context, e)));
        return command;
    }

    private static Command Create(CommandRunner runner)
    {
        var contract = new Option<int>("--contract") { Description = "The signed contract.", Required = true, HelpName = "ID" };
        var name = new Option<string>("--name") { Description = "The event's name.", Required = true };
        var start = new Option<string>("--start") { Description = $"Start: {UserInput.DateHelp}.", Required = true, HelpName = "DATE" };
        var end = new Option<string>("--end") { Description = "End, after the start.", Required = true, HelpName = "DATE" };
        var location = new Option<string>("--location") { Description = "Where.", Required = true };
        var attendees = new Option<int>("--attendees") { Description = "Expected attendees.", Required = true };
        var notes = new Option<string?>("--notes") { Description = "Notes for the support team." };
        var command = new Command("create", "Create an event for a signed contract.") { contract, name, start, end, location, attendees, notes };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
        {
            if (!TryDate(context, context.Value(start), "start", out var startsAt, out var refused)
                || !TryDate(context, context.Value(end), "end", out var endsAt, out refused))
            {
                return refused;
            }

            var request = new CreateEventRequest(context.Value(contract), context.Value(name), startsAt!.Value, endsAt!.Value, context.Value(location), context.Value(attendees), context.Value(notes));
            return context.Complete(await context.Crm(
                () => context.Get<CreateEvent>().ExecuteAsync(actor, request, cancellationToken),
                api => api.PostAsync<EventView>("events", request, cancellationToken)), e =>
            {
                context.Terminal.Success(context.Texts.Say($"Event {e.Id} created.", $"Événement {e.Id} créé."));
                ShowDetails(context, e);
            });
        });
        return command;
    }

    private static Command Update(CommandRunner runner)
    {
        var id = Shared.Id("event");
        var name = new Option<string?>("--name") { Description = "New name." };
        var start = new Option<string?>("--start") { Description = "New start.", HelpName = "DATE" };
        var end = new Option<string?>("--end") { Description = "New end.", HelpName = "DATE" };
        var location = new Option<string?>("--location") { Description = "New location." };
        var attendees = new Option<int?>("--attendees") { Description = "Expected attendees." };
        var actual = new Option<int?>("--actual-attendees") { Description = "How many came." };
        var notes = new Option<string?>("--notes") { Description = "New notes." };
        var command = new Command("update", "Change an event (options left out keep their value).") { id, name, start, end, location, attendees, actual, notes };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
        {
            if (!TryDate(context, context.Value(start), "start", out var startsAt, out var refused)
                || !TryDate(context, context.Value(end), "end", out var endsAt, out refused))
            {
                return refused;
            }

            var request = new UpdateEventRequest(context.Value(id), context.Value(name), startsAt, endsAt, context.Value(location), context.Value(attendees), context.Value(actual), context.Value(notes));
            return context.Complete(await context.Crm(
                () => context.Get<UpdateEvent>().ExecuteAsync(actor, request, cancellationToken),
                api => api.PatchAsync<EventView>($"events/{request.EventId}", request, cancellationToken)), e =>
            {
                context.Terminal.Success(context.Texts.Say($"Event {e.Id} updated.", $"Événement {e.Id} modifié."));
                ShowDetails(context, e);
            });
        });
        return command;
    }

    private static Command Assign(CommandRunner runner)
    {
        var id = Shared.Id("event");
        var support = new Option<int>("--support") { Description = "The Support collaborator.", Required = true, HelpName = "ID" };
        var command = new Command("assign", "Management: assign (or reassign) an event's support contact; they are notified.") { id, support };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(
                await context.Crm(
                    () => context.Get<AssignSupport>().ExecuteAsync(actor, new AssignSupportRequest(context.Value(id), context.Value(support)), cancellationToken),
                    api => api.PostAsync<EventView>($"events/{context.Value(id)}/assign", new { supportContactId = context.Value(support) }, cancellationToken)),
                e => context.Terminal.Success(context.Texts.Say($"{e.SupportContactName} supports event {e.Id}.", $"{e.SupportContactName} assure le support de l'événement {e.Id}."))));
        return command;
    }

    private static Command Unassign(CommandRunner runner)
    {
        var id = Shared.Id("event");
        var command = new Command("unassign", "Management: remove an event's support contact.") { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(
                await context.Crm(
                    () => context.Get<UnassignSupport>().ExecuteAsync(actor, new UnassignSupportRequest(context.Value(id)), cancellationToken),
                    api => api.PostAsync<EventView>($"events/{context.Value(id)}/unassign", null, cancellationToken)),
                e => context.Terminal.Success(context.Texts.Say($"Event {e.Id} has no support contact now.", $"L'événement {e.Id} n'a plus de support."))));
        return command;
    }

    private static Command Acknowledge(CommandRunner runner)
    {
        var id = Shared.Id("event");
        var command = new Command("acknowledge", "Support: confirm you have seen your assignment to an event; Management sees when.") { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(await context.Crm(
                () => context.Get<AcknowledgeSupport>().ExecuteAsync(actor, context.Value(id), cancellationToken),
                api => api.PostAsync<EventView>($"events/{context.Value(id)}/acknowledge", null, cancellationToken)), e =>
            {
                var at = context.Texts.Date(e.SupportAcknowledgedAt, context.TimeZone);
                context.Terminal.Success(context.Texts.Say(
                    $"Your assignment to event {e.Id} is acknowledged ({at}).",
                    $"Votre assignation à l'événement {e.Id} est prise en compte ({at})."));
                ShowDetails(context, e);
            }));
        return command;
    }

    private static Command Delete(CommandRunner runner)
    {
        var id = Shared.Id("event");
        var command = new Command("delete", "Management: delete an event.") { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(
                await context.Crm(
                    () => context.Get<DeleteEvent>().ExecuteAsync(actor, new DeleteEventRequest(context.Value(id)), cancellationToken),
                    api => api.DeleteAsync<Done>($"events/{context.Value(id)}", cancellationToken)),
                _ => context.Terminal.Success(context.Texts.Say($"Event {context.Value(id)} deleted.", $"Événement {context.Value(id)} supprimé.")),
                _ => new { deleted = true, id = context.Value(id) }));
        return command;
    }

    private static bool TryDate(CliContext context, string? text, string option, out DateTime? utc, out int refused)
    {
        utc = null;
        refused = ExitCodes.Ok;
        if (text is null)
        {
            return true;
        }

        if (UserInput.TryParseDateTime(text, context.TimeZone, out var parsed))
        {
            utc = parsed;
            return true;
        }

        refused = context.Invalid(option, context.Texts.Say(
            $"\"{text}\" is not a date: use {UserInput.DateHelp}.",
            $"« {text} » n'est pas une date : utilisez l'ISO 8601 (2025-12-01T10:00:00+01:00) ou l'heure locale « 2025-12-01 10:00 »."));
        return false;
    }
}
