using System.Collections.Frozen;
using EpicEvents.Crm.Common;

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
        Failure.Forbidden($"The {actor.Department} department can only {Describe(action)} for its own records.");

    public static Failure Refusal(Actor actor, CrmAction action)
    {
        if (!actor.IsActive)
        {
            return Failure.Forbidden("This account is deactivated.");
        }

        if (actor.MustChangePassword && action != CrmAction.ChangeOwnPassword)
        {
            return Failure.Forbidden("Change your temporary password before doing anything else.");
        }

        return actor.EffectiveDepartment == Department.Unknown
            ? Failure.Forbidden($"Your role has no department, so you cannot {Describe(action)}.")
            : Failure.Forbidden($"The {actor.Department} department cannot {Describe(action)}.");
    }

    public static string Describe(CrmAction action) => action switch
    {
        CrmAction.ReadRecords => "read the records",
        CrmAction.ReadInactiveCollaborators => "list deactivated collaborators",
        CrmAction.ChangeOwnPassword => "change its password",
        CrmAction.ManageCollaborators => "manage collaborators",
        CrmAction.ManageRoles => "manage roles",
        CrmAction.CreateClient => "create a client",
        CrmAction.UpdateClient => "update a client",
        CrmAction.ReassignClient => "reassign a client's sales contact",
        CrmAction.DeleteClient => "delete a client",
        CrmAction.CreateContract => "create a contract",
        CrmAction.UpdateContractAmounts => "update a contract's amounts",
        CrmAction.RequestSignature => "request a contract signature",
        CrmAction.SignContract => "sign a contract or decide a signature request",
        CrmAction.CancelContract => "cancel a contract",
        CrmAction.CreateEvent => "create an event",
        CrmAction.UpdateEvent => "update an event",
        CrmAction.AssignSupport => "assign support to an event",
        CrmAction.AcknowledgeSupport => "acknowledge a support assignment",
        CrmAction.DeleteEvent => "delete an event",
        CrmAction.ReadAuditTrail => "read the audit trail",
        CrmAction.ManageNotifications => "see or retry the delivery of notifications",
        CrmAction.ChooseOwnSettings => "change its own settings",
        CrmAction.ReadDigest => "build a digest",
        _ => "do this",
    };

    private sealed record Rights(Reach Management, Reach Sales, Reach Support);
}
