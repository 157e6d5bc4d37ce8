using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Common;

/// <summary>
/// The name of each field of Crm.Core's requests and records, written once: a field error names it,
/// the audit trail records its changes under it, the API's JSON and the bot's form inputs use it, and
/// the CLI maps it to the option the user typed. The names are part of stored audit entries and of
/// the API: they never change.
/// </summary>
public static class FieldNames
{
    // Clients, and the people of collaborators.
    public const string FullName = "fullName";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string CompanyName = "companyName";
    public const string SalesContactId = "salesContactId";

    // Contracts and their payments.
    public const string ClientId = "clientId";
    public const string TotalAmount = "totalAmount";
    public const string AmountDue = "amountDue";
    public const string Amount = "amount";
    public const string Payment = "payment";
    public const string Status = "status";
    public const string SignedAt = "signedAt";
    public const string SignedById = "signedById";

    // Events; a role's name is a name too.
    public const string Name = "name";
    public const string ContractId = "contractId";
    public const string StartsAt = "startsAt";
    public const string EndsAt = "endsAt";
    public const string Location = "location";
    public const string ExpectedAttendees = "expectedAttendees";
    public const string ActualAttendees = "actualAttendees";
    public const string Notes = "notes";
    public const string SupportContactId = "supportContactId";
    public const string SupportAcknowledgedAt = "supportAcknowledgedAt";

    // Collaborators, roles and their Teams identities.
    public const string EmployeeNumber = "employeeNumber";
    public const string RoleId = "roleId";
    public const string Role = "role";
    public const string Department = "department";
    public const string IsActive = "isActive";
    public const string Password = "password";
    public const string TemporaryPassword = "temporaryPassword";
    public const string CurrentPassword = "currentPassword";
    public const string NewPassword = "newPassword";
    public const string ReassignToId = "reassignToId";
    public const string ReassignedToId = "reassignedToId";
    public const string TenantId = "tenantId";
    public const string AadObjectId = "aadObjectId";
    public const string TeamsTenantId = "teamsTenantId";
    public const string TeamsAadObjectId = "teamsAadObjectId";
    public const string Names = "names";

    // One's own settings.
    public const string Language = "language";
    public const string PreferredLanguage = "preferredLanguage";
    public const string DigestEnabled = "digestEnabled";
    public const string DigestAt = "digestAt";
    public const string Settings = "settings";

    // Signature requests, notifications and the bot's dialogs.
    public const string State = "state";
    public const string SignatureRequestId = "signatureRequestId";
    public const string Verdict = "verdict";
    public const string Reason = "reason";
    public const string DecidedById = "decidedById";
    public const string Ids = "ids";

    // The criteria of lists, pages and previews.
    public const string Mine = "mine";
    public const string WithinDays = "withinDays";
    public const string To = "to";
    public const string Search = "search";
    public const string EntityType = "entityType";
    public const string EntityId = "entityId";
    public const string Limit = "limit";
    public const string After = "after";
    public const string Kind = "kind";
    public const string For = "for";

    // The bot's dialogs, and any text the database cannot store.
    public const string ConversationKey = "conversationKey";
    public const string CardActivityId = "cardActivityId";
    public const string StoredText = "text";

    /// <summary>
    /// The field's name in a sentence (<c>fieldName.*</c>): "Full name: required." Every field a use
    /// case reports an error on has one; the fields only the audit trail records have none. The keys
    /// are written here whole, so that the resource files' checks find them. An event's and a role's
    /// <see cref="Name"/> and a dialog's <see cref="Kind"/> are worded by their record
    /// (<c>fieldName.eventName</c>, <c>fieldName.roleName</c>, <c>fieldName.dialogKind</c>).
    /// </summary>
    public static Text WordedName(string field) => field switch
    {
        FullName => new Text("fieldName.fullName"),
        Email => new Text("fieldName.email"),
        Phone => new Text("fieldName.phone"),
        CompanyName => new Text("fieldName.companyName"),
        SalesContactId => new Text("fieldName.salesContactId"),
        ClientId => new Text("fieldName.clientId"),
        TotalAmount => new Text("fieldName.totalAmount"),
        AmountDue => new Text("fieldName.amountDue"),
        Amount => new Text("fieldName.payment"),
        Status => new Text("fieldName.status"),
        Name => new Text("fieldName.name"),
        ContractId => new Text("fieldName.contractId"),
        StartsAt => new Text("fieldName.startsAt"),
        EndsAt => new Text("fieldName.endsAt"),
        Location => new Text("fieldName.location"),
        ExpectedAttendees => new Text("fieldName.expectedAttendees"),
        ActualAttendees => new Text("fieldName.actualAttendees"),
        Notes => new Text("fieldName.notes"),
        SupportContactId => new Text("fieldName.supportContactId"),
        RoleId => new Text("fieldName.roleId"),
        Department => new Text("fieldName.department"),
        TemporaryPassword => new Text("fieldName.temporaryPassword"),
        CurrentPassword => new Text("fieldName.currentPassword"),
        NewPassword => new Text("fieldName.newPassword"),
        ReassignToId => new Text("fieldName.reassignToId"),
        TenantId => new Text("fieldName.tenantId"),
        AadObjectId => new Text("fieldName.aadObjectId"),
        Language => new Text("fieldName.language"),
        DigestAt => new Text("fieldName.digestAt"),
        Settings => new Text("fieldName.settings"),
        Verdict => new Text("fieldName.verdict"),
        Reason => new Text("fieldName.reason"),
        Ids => new Text("fieldName.ids"),
        Mine => new Text("fieldName.mine"),
        WithinDays => new Text("fieldName.withinDays"),
        To => new Text("fieldName.to"),
        Search => new Text("fieldName.search"),
        EntityType => new Text("fieldName.entityType"),
        EntityId => new Text("fieldName.entityId"),
        Limit => new Text("fieldName.limit"),
        After => new Text("fieldName.after"),
        Kind => new Text("fieldName.kind"),
        For => new Text("fieldName.for"),
        ConversationKey => new Text("fieldName.conversationKey"),
        State => new Text("fieldName.state"),
        CardActivityId => new Text("fieldName.cardActivityId"),
        StoredText => new Text("fieldName.text"),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No sentence names this field."),
    };
}
