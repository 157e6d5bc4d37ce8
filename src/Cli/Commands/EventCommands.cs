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
        var @event = new Command("event", runner.Texts.Phrase("event.help"));
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
        new(context.Texts.Phrase("event.event"), e => e.Name, Width: 28),
        new(context.Texts.Phrase("common.column.client"), e => e.CompanyName, Width: 26),
        new(context.Texts.Phrase("event.start"), e => context.Texts.Date(e.StartsAt, context.TimeZone), Width: 16),
        new(context.Texts.Phrase("event.end"), e => context.Texts.Date(e.EndsAt, context.TimeZone), Width: 16),
        new(context.Texts.Phrase("event.location"), e => e.Location, Width: 26),
        new(context.Texts.Phrase("event.attendees"), e => e.ExpectedAttendees.ToString(context.Texts.Culture), Right: true, Width: 12),
        new(context.Texts.Phrase("common.column.support"), e => e.SupportContactName ?? "—", Width: 22),
    ];

    private static void ShowDetails(CliContext context, EventView e)
    {
        var texts = context.Texts;
        context.Terminal.Details(texts.Phrase("event.event2", e.Id, e.Name),
        [
            (texts.Phrase("event.contract"), $"#{e.ContractId}"),
            (texts.Phrase("common.column.client"), $"{e.ClientFullName} — {e.CompanyName} (#{e.ClientId})"),
            (texts.Phrase("event.clientContact"), $"{e.ClientEmail} · {e.ClientPhone}"),
            (texts.Phrase("event.salesContact"), e.SalesContactName),
            (texts.Phrase("event.start"), texts.Date(e.StartsAt, context.TimeZone)),
            (texts.Phrase("event.end"), texts.Date(e.EndsAt, context.TimeZone)),
            (texts.Phrase("event.location"), e.Location),
            (texts.Phrase("event.expectedAttendees"), e.ExpectedAttendees.ToString(texts.Culture)),
            (texts.Phrase("event.actualAttendees"), e.ActualAttendees?.ToString(texts.Culture)),
            (texts.Phrase("common.column.support"), e.SupportContactId is { } id
                ? $"{e.SupportContactName} (#{id}) · {texts.Acknowledgement(e.SupportAcknowledgedAt, context.TimeZone)}"
                : texts.Phrase("event.notAssigned")),
            (texts.Phrase("common.column.notes"), string.IsNullOrEmpty(e.Notes) ? null : e.Notes),
            (texts.Phrase("event.updated"), texts.Date(e.UpdatedAt, context.TimeZone)),
        ]);
    }

    private static Command List(CommandRunner runner)
    {
        var unassigned = new Option<bool>("--unassigned") { Description = runner.Texts.Phrase("event.list.unassigned.help") };
        var mine = new Option<bool>("--mine") { Description = runner.Texts.Phrase("event.list.mine.help") };
        var upcoming = new Option<bool>("--upcoming") { Description = runner.Texts.Phrase("event.list.upcoming.help") };
        var days = new Option<int?>("--days") { Description = runner.Texts.Phrase("event.list.days.help", EventFilter.DefaultUpcomingDays) };
        var from = new Option<string?>("--from") { Description = runner.Texts.Phrase("event.list.from.help", runner.Texts.Phrase("common.date.help")), HelpName = "DATE" };
        var to = new Option<string?>("--to") { Description = runner.Texts.Phrase("event.list.to.help"), HelpName = "DATE" };
        var client = new Option<int?>("--client") { Description = runner.Texts.Phrase("event.list.client.help"), HelpName = "ID" };
        var paging = new ListOptions(runner.Texts);
        var command = new Command("list", runner.Texts.Phrase("event.list.help")) { unassigned, mine, upcoming, days, from, to, client };
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
                return Task.FromResult(context.Usage(context.Texts.Phrase("event.daysGoesUpcoming")));
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
        var id = Shared.Id(runner.Texts.Phrase("event.id.help"));
        var command = new Command("show", runner.Texts.Phrase("event.show.help")) { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(await context.Crm(
                () => context.Get<GetEvent>().ExecuteAsync(actor, context.Value(id), cancellationToken),
                api => api.GetAsync<EventView>($"events/{context.Value(id)}", cancellationToken)), e => ShowDetails(context, e)));
        return command;
    }

    private static Command Create(CommandRunner runner)
    {
        var contract = new Option<int>("--contract") { Description = runner.Texts.Phrase("event.create.contract.help"), Required = true, HelpName = "ID" };
        var name = new Option<string>("--name") { Description = runner.Texts.Phrase("event.create.name.help"), Required = true };
        var start = new Option<string>("--start") { Description = runner.Texts.Phrase("event.create.start.help", runner.Texts.Phrase("common.date.help")), Required = true, HelpName = "DATE" };
        var end = new Option<string>("--end") { Description = runner.Texts.Phrase("event.create.end.help"), Required = true, HelpName = "DATE" };
        var location = new Option<string>("--location") { Description = runner.Texts.Phrase("event.create.location.help"), Required = true };
        var attendees = new Option<int>("--attendees") { Description = runner.Texts.Phrase("event.create.attendees.help"), Required = true };
        var notes = new Option<string?>("--notes") { Description = runner.Texts.Phrase("event.create.notes.help") };
        var command = new Command("create", runner.Texts.Phrase("event.create.help")) { contract, name, start, end, location, attendees, notes };
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
                context.Terminal.Success(context.Texts.Phrase("event.eventCreated", e.Id));
                ShowDetails(context, e);
            });
        });
        return command;
    }

    private static Command Update(CommandRunner runner)
    {
        var id = Shared.Id(runner.Texts.Phrase("event.id.help"));
        var name = new Option<string?>("--name") { Description = runner.Texts.Phrase("event.update.name.help") };
        var start = new Option<string?>("--start") { Description = runner.Texts.Phrase("event.update.start.help"), HelpName = "DATE" };
        var end = new Option<string?>("--end") { Description = runner.Texts.Phrase("event.update.end.help"), HelpName = "DATE" };
        var location = new Option<string?>("--location") { Description = runner.Texts.Phrase("event.update.location.help") };
        var attendees = new Option<int?>("--attendees") { Description = runner.Texts.Phrase("event.create.attendees.help") };
        var actual = new Option<int?>("--actual-attendees") { Description = runner.Texts.Phrase("event.update.actualAttendees.help") };
        var notes = new Option<string?>("--notes") { Description = runner.Texts.Phrase("event.update.notes.help") };
        var command = new Command("update", runner.Texts.Phrase("event.update.help")) { id, name, start, end, location, attendees, actual, notes };
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
                context.Terminal.Success(context.Texts.Phrase("event.eventUpdated", e.Id));
                ShowDetails(context, e);
            });
        });
        return command;
    }

    private static Command Assign(CommandRunner runner)
    {
        var id = Shared.Id(runner.Texts.Phrase("event.id.help"));
        var support = new Option<int>("--support") { Description = runner.Texts.Phrase("event.assign.support.help"), Required = true, HelpName = "ID" };
        var command = new Command("assign", runner.Texts.Phrase("event.assign.help")) { id, support };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(
                await context.Crm(
                    () => context.Get<AssignSupport>().ExecuteAsync(actor, new AssignSupportRequest(context.Value(id), context.Value(support)), cancellationToken),
                    api => api.PostAsync<EventView>($"events/{context.Value(id)}/assign", new { supportContactId = context.Value(support) }, cancellationToken)),
                e => context.Terminal.Success(context.Texts.Phrase("event.supportsEvent", e.SupportContactName, e.Id))));
        return command;
    }

    private static Command Unassign(CommandRunner runner)
    {
        var id = Shared.Id(runner.Texts.Phrase("event.id.help"));
        var command = new Command("unassign", runner.Texts.Phrase("event.unassign.help")) { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(
                await context.Crm(
                    () => context.Get<UnassignSupport>().ExecuteAsync(actor, new UnassignSupportRequest(context.Value(id)), cancellationToken),
                    api => api.PostAsync<EventView>($"events/{context.Value(id)}/unassign", null, cancellationToken)),
                e => context.Terminal.Success(context.Texts.Phrase("event.eventHasNoSupport", e.Id))));
        return command;
    }

    private static Command Acknowledge(CommandRunner runner)
    {
        var id = Shared.Id(runner.Texts.Phrase("event.id.help"));
        var command = new Command("acknowledge", runner.Texts.Phrase("event.acknowledge.help")) { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(await context.Crm(
                () => context.Get<AcknowledgeSupport>().ExecuteAsync(actor, context.Value(id), cancellationToken),
                api => api.PostAsync<EventView>($"events/{context.Value(id)}/acknowledge", null, cancellationToken)), e =>
            {
                var at = context.Texts.Date(e.SupportAcknowledgedAt, context.TimeZone);
                context.Terminal.Success(context.Texts.Phrase("event.yourAssignmentEventAcknowledged", e.Id, at));
                ShowDetails(context, e);
            }));
        return command;
    }

    private static Command Delete(CommandRunner runner)
    {
        var id = Shared.Id(runner.Texts.Phrase("event.id.help"));
        var command = new Command("delete", runner.Texts.Phrase("event.delete.help")) { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(
                await context.Crm(
                    () => context.Get<DeleteEvent>().ExecuteAsync(actor, new DeleteEventRequest(context.Value(id)), cancellationToken),
                    api => api.DeleteAsync<Done>($"events/{context.Value(id)}", cancellationToken)),
                _ => context.Terminal.Success(context.Texts.Phrase("event.eventDeleted", context.Value(id))),
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

        refused = context.Invalid(option, context.Texts.NotADate(text));
        return false;
    }
}
