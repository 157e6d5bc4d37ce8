using System.Collections.Frozen;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Access;

/// <summary>Every action of SPEC §2 that a collaborator may or may not take.</summary>
public enum CrmAction
{
    ReadRecords,
    ReadInactiveCollaborators,
    ChangeOwnPassword,
    ManageCollaborators,
    ManageRoles,
    CreateClient,
    UpdateClient,
    ReassignClient,
    DeleteClient,
    CreateContract,
    UpdateContractAmounts,
    RequestSignature,
    SignContract,
    CancelContract,
    CreateEvent,
    UpdateEvent,
    AssignSupport,
    AcknowledgeSupport,
    DeleteEvent,
    ReadAuditTrail,
    ManageNotifications,

    /// <summary>One's own preferences (the language the bot speaks in).</summary>
    ChooseOwnSettings,

    /// <summary>A digest's content: Management anyone's, Sales and Support their own.</summary>
    ReadDigest,
}

/// <summary>How far a department's right reaches: nothing, its own records, or everything.</summary>
public enum Reach
{
    None,
    Own,
    All,
}

/// <summary>
/// The permission matrix of SPEC §2 — the one place that says who may do what. "Own" means: Sales,
/// the record's client has them as sales contact; Support, the event has them as support contact.
/// </summary>
public static class PermissionMatrix
{
    private static readonly FrozenDictionary<CrmAction, Rights> Table = new Dictionary<CrmAction, Rights>
    {
        //                                               Management   Sales        Support
        [CrmAction.ReadRecords] = new(Reach.All, Reach.All, Reach.All),
        [CrmAction.ReadInactiveCollaborators] = new(Reach.All, Reach.None, Reach.None),
        [CrmAction.ChangeOwnPassword] = new(Reach.Own, Reach.Own, Reach.Own),
        [CrmAction.ManageCollaborators] = new(Reach.All, Reach.None, Reach.None),
        [CrmAction.ManageRoles] = new(Reach.All, Reach.None, Reach.None),
        [CrmAction.CreateClient] = new(Reach.All, Reach.Own, Reach.None),
        [CrmAction.UpdateClient] = new(Reach.All, Reach.Own, Reach.None),
        [CrmAction.ReassignClient] = new(Reach.All, Reach.None, Reach.None),
        [CrmAction.DeleteClient] = new(Reach.All, Reach.None, Reach.None),
        [CrmAction.CreateContract] = new(Reach.All, Reach.Own, Reach.None),
        [CrmAction.UpdateContractAmounts] = new(Reach.All, Reach.Own, Reach.None),
        [CrmAction.RequestSignature] = new(Reach.All, Reach.Own, Reach.None),
        [CrmAction.SignContract] = new(Reach.All, Reach.None, Reach.None),
        [CrmAction.CancelContract] = new(Reach.All, Reach.None, Reach.None),
        [CrmAction.CreateEvent] = new(Reach.All, Reach.Own, Reach.None),
        [CrmAction.UpdateEvent] = new(Reach.All, Reach.None, Reach.Own),
        [CrmAction.AssignSupport] = new(Reach.All, Reach.None, Reach.None),
        [CrmAction.AcknowledgeSupport] = new(Reach.None, Reach.None, Reach.Own),
        [CrmAction.DeleteEvent] = new(Reach.All, Reach.None, Reach.None),
        [CrmAction.ReadAuditTrail] = new(Reach.All, Reach.Own, Reach.Own),
        [CrmAction.ManageNotifications] = new(Reach.All, Reach.None, Reach.None),
        [CrmAction.ChooseOwnSettings] = new(Reach.Own, Reach.Own, Reach.Own),
        [CrmAction.ReadDigest] = new(Reach.All, Reach.Own, Reach.Own),
    }.ToFrozenDictionary();

    /// <summary>The reach of a department's right; unknown departments and actions get none.</summary>
    public static Reach For(Department department, CrmAction action) =>
        Table.TryGetValue(action, out var rights)
            ? department switch
            {
                Department.Management => rights.Management,
                Department.Sales => rights.Sales,
                Department.Support => rights.Support,
                _ => Reach.None,
            }
            : Reach.None;

    /// <summary>
    /// The reach of an acting collaborator's right: none when inactive, and nothing but a password
    /// change while a temporary password is still in use.
    /// </summary>
    public static Reach For(Actor actor, CrmAction action)
    {
        if (actor.MustChangePassword && action != CrmAction.ChangeOwnPassword)
        {
            return Reach.None;
        }

        return For(actor.EffectiveDepartment, action);
    }

    /// <summary>
    /// The department check that runs before any lookup. Returns the refusal, or null and the reach
    /// of the right. The refusal names the action and the department, never the data.
    /// </summary>
    public static Failure? Check(Actor actor, CrmAction action, out Reach access)
    {
        access = For(actor, action);
        return access == Reach.None ? Refusal(actor, action) : null;
    }

    /// <summary>The refusal of an action on a record the actor does not own.</summary>
    public static Failure NotOwn(Actor actor, CrmAction action) =>
        Failure.Forbidden(new Text("access.forbidden.notOwn", CoreTexts.Department(actor.Department), Describe(action)));

    public static Failure Refusal(Actor actor, CrmAction action)
    {
        if (!actor.IsActive)
        {
            return Failure.Forbidden(new Text("access.deactivated"));
        }

        if (actor.MustChangePassword && action != CrmAction.ChangeOwnPassword)
        {
            return Failure.Forbidden(new Text("access.temporaryPassword"));
        }

        return actor.EffectiveDepartment == Department.Unknown
            ? Failure.Forbidden(new Text("access.forbidden.noDepartment", Describe(action)))
            : Failure.Forbidden(new Text("access.forbidden", CoreTexts.Department(actor.Department), Describe(action)));
    }

    /// <summary>The action as the refusals name it, after "cannot": "create a client".</summary>
    public static Text Describe(CrmAction action) => new(action switch
    {
        CrmAction.ReadRecords => "action.readRecords",
        CrmAction.ReadInactiveCollaborators => "action.readInactiveCollaborators",
        CrmAction.ChangeOwnPassword => "action.changeOwnPassword",
        CrmAction.ManageCollaborators => "action.manageCollaborators",
        CrmAction.ManageRoles => "action.manageRoles",
        CrmAction.CreateClient => "action.createClient",
        CrmAction.UpdateClient => "action.updateClient",
        CrmAction.ReassignClient => "action.reassignClient",
        CrmAction.DeleteClient => "action.deleteClient",
        CrmAction.CreateContract => "action.createContract",
        CrmAction.UpdateContractAmounts => "action.updateContractAmounts",
        CrmAction.RequestSignature => "action.requestSignature",
        CrmAction.SignContract => "action.signContract",
        CrmAction.CancelContract => "action.cancelContract",
        CrmAction.CreateEvent => "action.createEvent",
        CrmAction.UpdateEvent => "action.updateEvent",
        CrmAction.AssignSupport => "action.assignSupport",
        CrmAction.AcknowledgeSupport => "action.acknowledgeSupport",
        CrmAction.DeleteEvent => "action.deleteEvent",
        CrmAction.ReadAuditTrail => "action.readAuditTrail",
        CrmAction.ManageNotifications => "action.manageNotifications",
        CrmAction.ChooseOwnSettings => "action.chooseOwnSettings",
        CrmAction.ReadDigest => "action.readDigest",
        _ => "action.other",
    });

    private sealed record Rights(Reach Management, Reach Sales, Reach Support);
}
