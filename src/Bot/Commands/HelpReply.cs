using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using EpicEvents.Bot.Cards;
using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Bot.Conversations;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Bot.Commands;

/// <summary>The welcome and help card: only what the caller's department may do, with buttons for the common actions.</summary>
public static class HelpReply
{
    // The help card depends on the department and the language only: built once for each pair.
    private static readonly ConcurrentDictionary<(Department, bool French), JsonElement> HelpCards = new();

    public static JsonElement Card(CrmTurn turn, bool welcome)
    {
        var department = turn.Actor.EffectiveDepartment;
        return welcome
            ? Build(turn.Words, department, turn.Actor.FullName)
            : HelpCards.GetOrAdd((department, turn.Words.IsFrench), key => Build(key.French ? Wording.French : Wording.English, key.Item1, null));
    }

    /// <summary>The card; with <paramref name="welcomeName"/>, the welcome that greets them by name.</summary>
    private static JsonElement Build(Wording words, Department department, string? welcomeName)
    {
        bool May(CrmAction action) => PermissionMatrix.For(department, action) != Reach.None;

        var commands = CommandTable.Default.For(department).Select(c => (c.Example(words), (string?)c.What(words))).ToList();
        var actions = new List<JsonNode>();
        if (May(CrmAction.CreateClient))
        {
            actions.Add(CardActions.Command(words.Say("New client", "Nouveau client"), "new client"));
        }

        actions.Add(department switch
        {
            Department.Management => CardActions.Command(words.Say("Unsigned contracts", "Contrats non signés"), "contracts unsigned"),
            Department.Sales => CardActions.Command(words.Say("My clients", "Mes clients"), "my clients"),
            _ => CardActions.Command(words.Say("My events", "Mes événements"), "events mine"),
        });
        actions.Add(department == Department.Management
            ? CardActions.Command(words.Say("Events without support", "Événements sans support"), "events unassigned")
            : CardActions.Command(words.Say("Upcoming events", "Événements à venir"), "events upcoming"));

        var title = welcomeName is not null
            ? words.Say($"Welcome, {welcomeName}", $"Bienvenue, {welcomeName}")
            : words.Say("What I can do for you", "Ce que je peux faire pour vous");
        var text = words.Say(
            $"You are in {words.Department(department)}. Type a command below, in English or French.",
            $"Vous êtes au service {words.Department(department)}. Tapez une commande, en français ou en anglais.");
        return CardFactory.Welcome(title, text, words.Say("Commands", "Commandes"), commands, words.Say("Numbers are the record ids shown in lists.", "Les numéros sont ceux des listes."), actions);
    }

    /// <summary>A message the bot did not understand: the closest commands as buttons, and the help.</summary>
    public static JsonElement DidYouMean(CrmTurn turn, string text)
    {
        var words = turn.Words;
        var shown = text.Length > 60 ? string.Concat(text.AsSpan(0, 59), "…") : text;
        var actions = CommandSuggestions.For(text, turn.Actor.EffectiveDepartment, words)
            .Select(command => (JsonNode)CardActions.Command(command, command))
            .Append(CardActions.Command(words.Say("Everything I can do", "Tout ce que je sais faire"), "help"))
            .ToList();
        return CardFactory.Message(
            words.Say($"I did not understand “{shown}”", $"Je n'ai pas compris « {shown} »"),
            words.Say("Did you mean one of these?", "Vouliez-vous dire l'une de ces commandes ?"),
            actions: actions);
    }
}
