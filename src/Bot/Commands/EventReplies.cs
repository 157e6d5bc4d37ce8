using System.Text.Json;
using System.Text.Json.Nodes;
using EpicEvents.Bot.Cards;
using EpicEvents.Bot.Conversations;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Events;

namespace EpicEvents.Bot.Commands;

/// <summary><c>events unassigned|mine|upcoming [days]</c>, <c>event 3</c>, <c>assign 3 to …</c>.</summary>
public static class EventReplies
{
    public static async Task ListAsync(CrmTurn turn, BotCommand.Events command, string? after, CancellationToken cancellationToken)
    {
        var words = turn.Words;
        var filter = command.Which switch
        {
            EventList.Unassigned => new EventFilter(Unassigned: true),
            EventList.Mine => new EventFilter(Mine: true),
            _ => new EventFilter(Upcoming: true, WithinDays: command.Days),
        };
        var result = await turn.Get<ListEvents>().ExecuteAsync(turn.Actor, filter, new PageRequest(ClientReplies.PageSize, after), cancellationToken);
        if (!result.IsOk)
        {
            await turn.RefuseAsync(result.AsFailure(), cancellationToken);
            return;
        }

        var title = command.Which switch
        {
            EventList.Unassigned => words.Bot("common.eventsWithoutSupport"),
            EventList.Mine => words.Bot("common.myEvents"),
            _ => words.Bot("eventReplies.upcomingEventsDays", command.Days ?? EventFilter.DefaultUpcomingDays),
        };
        var rows = result.Value.Items.Select(e => new ListRow(
            $"#{e.Id} · {e.Name}",
            $"{words.Date(e.StartsAt, turn.Zone)} → {words.Date(e.EndsAt, turn.Zone)} · {e.Location} · {e.CompanyName}",
            e.SupportContactName ?? words.Bot("eventReplies.noSupport"),
            CardActions.Command(words.Bot("common.open"), $"event {e.Id}"),
            e.SupportContactName is null ? CardColors.Attention : CardColors.Good)).ToList();
        var again = command.Which switch
        {
            EventList.Unassigned => "events unassigned",
            EventList.Mine => "events mine",
            _ => $"events upcoming {command.Days ?? EventFilter.DefaultUpcomingDays}",
        };
        List<JsonNode> more = result.Value.Next is { } next ? [CardActions.Command(words.Bot("common.more"), again, next)] : [];
        await turn.SendAsync(CardFactory.List(title, null, words.Bot("eventReplies.noEventHere"), rows, more), title, cancellationToken);
    }

    public static async Task ShowAsync(CrmTurn turn, int id, CancellationToken cancellationToken)
    {
        var result = await turn.Get<GetEvent>().ExecuteAsync(turn.Actor, id, cancellationToken);
        if (!result.IsOk)
        {
            await turn.RefuseAsync(result.AsFailure(), cancellationToken);
            return;
        }

        await turn.SendAsync(Card(turn, result.Value, null), result.Value.Name, cancellationToken);
    }

    /// <summary>Assigns the Support collaborator named (name or email); asks which one when it is not clear.</summary>
    public static async Task AssignAsync(CrmTurn turn, int eventId, string? who, CancellationToken cancellationToken)
    {
        var words = turn.Words;
        var staff = await turn.Get<ListCollaborators>().ExecuteAsync(turn.Actor, new CollaboratorFilter(Department.Support), PageRequest.First(PageRequest.MaxLimit), cancellationToken);
        if (!staff.IsOk)
        {
            await turn.RefuseAsync(staff.AsFailure(), cancellationToken);
            return;
        }

        var candidates = Match(staff.Value.Items, who);
        if (candidates.Count != 1)
        {
            var title = who is null
                ? words.Bot("eventReplies.whoSupportsEvent", eventId)
                : words.Bot("eventReplies.which", who);
            var choices = (candidates.Count == 0 ? staff.Value.Items : candidates)
                .Select(c => new ListRow(c.FullName, c.Email, null, CardActions.Command(words.Bot("eventReplies.assign"), $"assign {eventId} to {c.Email}")))
                .ToList();
            await turn.SendAsync(CardFactory.List(title, words.Bot("eventReplies.pickSupportCollaborator"), words.Bot("eventReplies.thereNoActiveSupportCollaborator"), choices), title, cancellationToken);
            return;
        }

        var result = await turn.Get<AssignSupport>().ExecuteAsync(turn.Actor, new AssignSupportRequest(eventId, candidates[0].Id), cancellationToken);
        if (!result.IsOk)
        {
            await turn.RefuseAsync(result.AsFailure(), cancellationToken);
            return;
        }

        var headline = words.Bot("eventReplies.nowSupportsEventTheyNotified", result.Value.SupportContactName, eventId);
        await turn.SendAsync(Card(turn, result.Value, headline), headline, cancellationToken);
    }

    /// <summary>An event's details; a card <paramref name="forSharing"/> into a chat has no buttons (see <see cref="ClientReplies.Card"/>).</summary>
    public static JsonElement Card(CrmTurn turn, EventView e, string? headline, bool forSharing = false)
    {
        var words = turn.Words;
        var actions = new List<JsonNode> { CardActions.Command(words.Bot("common.update"), $"update event {e.Id}") };
        if (PermissionMatrix.For(turn.Actor.EffectiveDepartment, CrmAction.AssignSupport) != Reach.None)
        {
            actions.Add(CardActions.Command(words.Bot("eventReplies.assignSupport"), $"assign {e.Id}"));
        }

        return CardFactory.Message(
            headline ?? words.Bot("eventReplies.event", e.Id, e.Name),
            null,
            [
                (words.Bot("common.clientLabel"), $"{e.ClientFullName} — {e.CompanyName}"),
                (words.Bot("common.clientContact"), $"{e.ClientEmail} · {PhoneDisplay.Format(e.ClientPhone)}"),
                (words.Bot("common.start"), words.LongDate(e.StartsAt, turn.Zone)),
                (words.Bot("common.end"), words.LongDate(e.EndsAt, turn.Zone)),
                (words.Bot("common.location"), e.Location),
                (words.Bot("common.attendees"), e.ActualAttendees is { } actual ? $"{actual} / {e.ExpectedAttendees}" : e.ExpectedAttendees.ToString(words.Culture)),
                (words.Bot("common.supportLabel"), e.SupportContactName is null ? words.Bot("eventReplies.notAssigned")
                    : e.SupportAcknowledgedAt is { } acknowledged ? words.Bot("eventReplies.acknowledged", e.SupportContactName, words.LongDate(acknowledged, turn.Zone))
                    : words.Bot("eventReplies.notAcknowledgedYet", e.SupportContactName)),
                (words.Bot("common.salesContact"), e.SalesContactName),
                (words.Bot("common.notesLabel"), string.IsNullOrEmpty(e.Notes) ? null : e.Notes),
                (words.Bot("eventReplies.contract"), $"#{e.ContractId}"),
            ],
            actions: forSharing ? null : actions);
    }

    private static List<CollaboratorView> Match(IReadOnlyList<CollaboratorView> support, string? who)
    {
        if (string.IsNullOrWhiteSpace(who))
        {
            return [];
        }

        var wanted = CommandParser.Normalize(who);
        var byEmail = support.Where(c => string.Equals(c.Email, who.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return byEmail.Count > 0 ? byEmail : support.Where(c => CommandParser.Normalize(c.FullName).Contains(wanted, StringComparison.Ordinal)).ToList();
    }
}
