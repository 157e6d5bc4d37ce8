using EpicEvents.Crm.Access;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Bot.Commands;

/// <summary>A command as people type it (an example in each language, as the parser reads it), what it does, and who may use it.</summary>
/// <param name="Changes">The command changes data at once (no form first): never suggested with an example's number or name.</param>
public sealed record CommandUsage(string English, string French, string WhatEnglish, string WhatFrench, Func<Department, bool> OfferedTo, bool Changes = false)
{
    public string Example(Wording words) => words.Say(English, French);

    public string What(Wording words) => words.Say(WhatEnglish, WhatFrench);
}

/// <summary>
/// The commands offered to people, in the order of the help card: the help card lists those the
/// person's department may use, and a message the bot does not understand gets the closest of them.
/// Every example parses to a command (a test checks it), in either language.
/// </summary>
public static class CommandCatalog
{
    public static IReadOnlyList<CommandUsage> All { get; } =
    [
        new("my clients", "mes clients", "the clients I follow", "mes clients", d => d == Department.Sales),
        new("clients dupont", "clients dupont", "find clients by name, company or email", "chercher des clients (nom, société, e-mail)", _ => true),
        new("client 12", "client 12", "one client", "un client", _ => true),
        new("new client", "nouveau client", "create a client with a form", "créer un client (formulaire)", May(CrmAction.CreateClient)),
        new("update client 12", "modifier client 12", "change a client", "modifier un client", May(CrmAction.UpdateClient)),
        new("contracts unsigned", "contrats non signés", "contracts still to sign", "contrats à signer", _ => true),
        new("contracts unpaid", "contrats impayés", "contracts still to be paid", "contrats à encaisser", _ => true),
        new("contracts pending", "contrats en attente", "signature requests to approve or reject", "demandes de signature à décider", May(CrmAction.SignContract)),
        new("contracts pending", "contrats en attente", "my contracts awaiting Management's signature", "mes contrats en attente de signature", d => !May(CrmAction.SignContract)(d) && May(CrmAction.RequestSignature)(d)),
        new("contract 7", "contrat 7", "one contract", "un contrat", _ => true),
        new("new contract", "nouveau contrat", "create a contract", "créer un contrat", May(CrmAction.CreateContract)),
        new("update contract 7", "modifier contrat 7", "change a contract's amounts", "modifier les montants d'un contrat", May(CrmAction.UpdateContractAmounts)),
        new("sign 7", "signer 7", "sign a contract", "signer un contrat", May(CrmAction.SignContract), Changes: true),
        new("request signature 7", "demander signature 7", "ask Management to sign", "demander la signature à la gestion", d => !May(CrmAction.SignContract)(d) && May(CrmAction.RequestSignature)(d), Changes: true),
        new("events upcoming 30", "événements à venir 30", "events of the next days", "événements des prochains jours", _ => true),
        new("events unassigned", "événements sans support", "events without support", "événements sans support", _ => true),
        new("events mine", "mes événements", "the events I support", "les événements dont je m'occupe", d => d == Department.Support),
        new("event 3", "événement 3", "one event", "un événement", _ => true),
        new("new event", "nouvel événement", "plan an event of a signed contract", "planifier un événement d'un contrat signé", May(CrmAction.CreateEvent)),
        new("update event 3", "modifier événement 3", "change an event", "modifier un événement", May(CrmAction.UpdateEvent)),
        new("assign 3 to Sue", "assigner 3 à Sue", "assign an event's support", "assigner le support d'un événement", May(CrmAction.AssignSupport), Changes: true),
        new("notifications", "notifications", "every notification and where it is", "chaque notification et où elle en est", May(CrmAction.ManageNotifications)),
        new("notifications failed", "notifications en échec", "notifications that did not arrive, to send again", "notifications non distribuées, à renvoyer", May(CrmAction.ManageNotifications)),
        new("history contract 7", "historique contrat 7", "who changed what", "qui a modifié quoi", May(CrmAction.ReadAuditTrail)),
        new("settings", "réglages", "my digest (on or off, its hour) and the bot's language", "mon récapitulatif (oui ou non, son heure) et la langue du bot", _ => true, Changes: true),
        new("language fr", "langue fr", "answer me in French (fr), English (en) or my Teams language (auto)", "me répondre en français (fr), en anglais (en) ou dans la langue de Teams (auto)", _ => true, Changes: true),
        new("cancel", "annuler", "close the open form", "fermer le formulaire ouvert", _ => true),
        new("help", "aide", "this list", "cette liste", _ => true),
    ];

    /// <summary>The commands <paramref name="department"/> may use.</summary>
    public static IEnumerable<CommandUsage> For(Department department) => All.Where(c => c.OfferedTo(department));

    private static Func<Department, bool> May(CrmAction action) => department => PermissionMatrix.For(department, action) != Reach.None;
}
