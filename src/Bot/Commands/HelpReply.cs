using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using EpicEvents.Bot.Cards;
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

        var commands = new List<(string Label, string? Value)>
        {
            ("clients [text]", words.Say("find clients", "chercher des clients")),
            ("client 12", words.Say("one client", "un client")),
            ("contracts unsigned | unpaid", words.Say("contracts to sign or to be paid", "contrats à signer ou à encaisser")),
            ("contract 7", words.Say("one contract", "un contrat")),
            ("events unassigned | mine | upcoming [days]", words.Say("events", "événements")),
            ("event 3", words.Say("one event", "un événement")),
        };
        var actions = new List<JsonNode>();
        if (department == Department.Sales)
        {
            commands.Insert(0, ("my clients", words.Say("the clients I follow", "mes clients")));
        }

        if (May(CrmAction.CreateClient))
        {
            commands.Add(("new client", words.Say("create a client with a form", "créer un client (formulaire)")));
            actions.Add(CardActions.Command(words.Say("New client", "Nouveau client"), "new client"));
        }

        if (May(CrmAction.CreateContract))
        {
            commands.Add(("new contract", words.Say("create a contract", "créer un contrat")));
        }

        if (May(CrmAction.CreateEvent))
        {
            commands.Add(("new event", words.Say("plan an event of a signed contract", "planifier un événement d'un contrat signé")));
        }

        if (May(CrmAction.UpdateClient) || May(CrmAction.UpdateContractAmounts) || May(CrmAction.UpdateEvent))
        {
            commands.Add(("update client|contract|event N", words.Say("change a record", "modifier une fiche")));
        }

        if (May(CrmAction.SignContract))
        {
            commands.Add(("sign 7", words.Say("sign a contract", "signer un contrat")));
            commands.Add(("contracts pending", words.Say("signature requests to approve or reject", "demandes de signature à décider")));
        }
        else if (May(CrmAction.RequestSignature))
        {
            commands.Add(("request signature 7", words.Say("ask Management to sign", "demander la signature à la gestion")));
        }

        if (May(CrmAction.AssignSupport))
        {
            commands.Add(("assign 3 to <name|email>", words.Say("assign an event's support", "assigner le support d'un événement")));
        }

        if (May(CrmAction.ManageNotifications))
        {
            commands.Add(("notifications failed", words.Say("notifications that did not arrive, to send again", "notifications non distribuées, à renvoyer")));
        }

        if (May(CrmAction.ReadAuditTrail))
        {
            commands.Add(("history contract 7", words.Say("who changed what", "qui a modifié quoi")));
        }

        commands.Add(("cancel", words.Say("close the open form", "fermer le formulaire ouvert")));

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
}
