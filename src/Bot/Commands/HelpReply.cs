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
            actions.Add(CardActions.Command(words.Bot("common.newClient"), "new client"));
        }

        actions.Add(department switch
        {
            Department.Management => CardActions.Command(words.Bot("common.unsignedContracts"), "contracts unsigned"),
            Department.Sales => CardActions.Command(words.Bot("common.myClients"), "my clients"),
            _ => CardActions.Command(words.Bot("common.myEvents"), "events mine"),
        });
        actions.Add(department == Department.Management
            ? CardActions.Command(words.Bot("common.eventsWithoutSupport"), "events unassigned")
            : CardActions.Command(words.Bot("helpReply.upcomingEvents"), "events upcoming"));

        var title = welcomeName is not null
            ? words.Bot("helpReply.welcome", welcomeName)
            : words.Bot("helpReply.whatCanDo");
        var text = words.Bot("helpReply.typeCommandBelowEnglishFrench", words.Department(department));
        return CardFactory.Welcome(title, text, words.Bot("helpReply.commands"), commands, words.Bot("helpReply.numbersRecordIdsShownLists"), actions);
    }

    /// <summary>A message the bot did not understand: the closest commands as buttons, and the help.</summary>
    public static JsonElement DidYouMean(CrmTurn turn, string text)
    {
        var words = turn.Words;
        var shown = text.Length > 60 ? string.Concat(text.AsSpan(0, 59), "…") : text;
        var actions = CommandSuggestions.For(text, turn.Actor.EffectiveDepartment, words)
            .Select(command => (JsonNode)CardActions.Command(command, command))
            .Append(CardActions.Command(words.Bot("helpReply.everythingCanDo"), "help"))
            .ToList();
        return CardFactory.Message(
            words.Bot("helpReply.didNotUnderstand", shown),
            words.Bot("helpReply.didMeanOneThese"),
            actions: actions);
    }
}
