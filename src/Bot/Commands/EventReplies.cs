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
            EventList.Unassigned => words.Say("Events without support", "Événements sans support"),
            EventList.Mine => words.Say("My events", "Mes événements"),
            _ => words.Say($"Upcoming events ({command.Days ?? EventFilter.DefaultUpcomingDays} days)", $"Événements à venir ({command.Days ?? EventFilter.DefaultUpcomingDays} jours)"),
        };
        var rows = result.Value.Items.Select(e => new ListRow(
            $"#{e.Id} · {e.Name}",
            $"{words.Date(e.StartsAt, turn.Zone)} → {words.Date(e.EndsAt, turn.Zone)} · {e.Location} · {e.CompanyName}",
            e.SupportContactName ?? words.Say("no support", "sans support"),
            CardActions.Command(words.Say("Open", "Ouvrir"), $"event {e.Id}"),
            e.SupportContactName is null ? "Attention" : "Good")).ToList();
        var again = command.Which switch
        {
            EventList.Unassigned => "events unassigned",
            EventList.Mine => "events mine",
            _ => $"events upcoming {command.Days ?? EventFilter.DefaultUpcomingDays}",
        };
        List<JsonNode> more = result.Value.Next is { } next ? [CardActions.Command(words.Say("More", "Suite"), again, next)] : [];
        await turn.SendAsync(CardFactory.List(title, null, words.Say("No event here.", "Aucun événement."), rows, more), title, cancellationToken);
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
                ? words.Say($"Who supports event {eventId}?", $"Qui assure le support de l'événement {eventId} ?")
                : words.Say($"Which “{who}”?", $"Quel « {who} » ?");
            var choices = (candidates.Count == 0 ? staff.Value.Items : candidates)
                .Select(c => new ListRow(c.FullName, c.Email, null, CardActions.Command(words.Say("Assign", "Assigner"), $"assign {eventId} to {c.Email}")))
                .ToList();
            await turn.SendAsync(CardFactory.List(title, words.Say("Pick a Support collaborator.", "Choisissez un collaborateur du support."), words.Say("There is no active Support collaborator.", "Aucun collaborateur actif au support."), choices), title, cancellationToken);
            return;
        }

        var result = await turn.Get<AssignSupport>().ExecuteAsync(turn.Actor, new AssignSupportRequest(eventId, candidates[0].Id), cancellationToken);
        if (!result.IsOk)
        {
            await turn.RefuseAsync(result.AsFailure(), cancellationToken);
            return;
        }

        var headline = words.Say($"{result.Value.SupportContactName} now supports event {eventId}; they are notified.", $"{result.Value.SupportContactName} assure maintenant le support de l'événement {eventId} ; il en est informé.");
        await turn.SendAsync(Card(turn, result.Value, headline), headline, cancellationToken);
    }

    /// <summary>An event's details; a card <paramref name="forSharing"/> into a chat has no buttons (see <see cref="ClientReplies.Card"/>).</summary>
    public static JsonElement Card(CrmTurn turn, EventView e, string? headline, bool forSharing = false)
    {
        var words = turn.Words;
        var actions = new List<JsonNode> { CardActions.Command(words.Say("Update", "Modifier"), $"update event {e.Id}") };
        if (PermissionMatrix.For(turn.Actor.EffectiveDepartment, CrmAction.AssignSupport) != Reach.None)
        {
            actions.Add(CardActions.Command(words.Say("Assign support", "Assigner le support"), $"assign {e.Id}"));
        }

        return CardFactory.Message(
            headline ?? words.Say($"Event {e.Id} · {e.Name}", $"Événement {e.Id} · {e.Name}"),
            null,
            [
                ("Client", $"{e.ClientFullName} — {e.CompanyName}"),
                (words.Say("Client contact", "Contact client"), $"{e.ClientEmail} · {PhoneDisplay.Format(e.ClientPhone)}"),
                (words.Say("Start", "Début"), words.Date(e.StartsAt, turn.Zone)),
                (words.Say("End", "Fin"), words.Date(e.EndsAt, turn.Zone)),
                (words.Say("Location", "Lieu"), e.Location),
                (words.Say("Attendees", "Participants"), e.ActualAttendees is { } actual ? $"{actual} / {e.ExpectedAttendees}" : e.ExpectedAttendees.ToString(words.Culture)),
                ("Support", e.SupportContactName is null ? words.Say("not assigned", "non assigné")
                    : e.SupportAcknowledgedAt is { } acknowledged ? words.Say($"{e.SupportContactName} · acknowledged on {words.Date(acknowledged, turn.Zone)}", $"{e.SupportContactName} · pris en compte le {words.Date(acknowledged, turn.Zone)}")
                    : words.Say($"{e.SupportContactName} · not acknowledged yet", $"{e.SupportContactName} · pas encore pris en compte")),
                (words.Say("Sales contact", "Commercial"), e.SalesContactName),
                ("Notes", string.IsNullOrEmpty(e.Notes) ? null : e.Notes),
                (words.Say("Contract", "Contrat"), $"#{e.ContractId}"),
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
