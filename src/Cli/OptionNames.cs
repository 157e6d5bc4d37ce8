using System.Collections.Frozen;

namespace EpicEvents.Cli;

/// <summary>
/// Crm.Core names the fields of its requests; the user typed options. Errors name the option, so the
/// user knows which one to fix.
/// </summary>
internal static class OptionNames
{
    /// <summary>Field names that already are option names.</summary>
    public static readonly IReadOnlyDictionary<string, string> Verbatim = FrozenDictionary<string, string>.Empty;

    private static readonly FrozenDictionary<string, string> Common = new Dictionary<string, string>
    {
        ["fullName"] = "name",
        ["companyName"] = "company",
        ["salesContactId"] = "sales-contact",
        ["totalAmount"] = "total",
        ["amountDue"] = "due",
        ["clientId"] = "client",
        ["contractId"] = "contract",
        ["startsAt"] = "start",
        ["endsAt"] = "end",
        ["expectedAttendees"] = "attendees",
        ["actualAttendees"] = "actual-attendees",
        ["supportContactId"] = "support",
        ["reassignToId"] = "reassign-to",
        ["roleId"] = "role",
        ["temporaryPassword"] = "password",
        ["newPassword"] = "new password",
        ["currentPassword"] = "current password",
        ["withinDays"] = "days",
        ["entityId"] = "id",
        ["entityType"] = "entity",
        ["tenantId"] = "tenant-id",
        ["aadObjectId"] = "aad-object-id",
    }.ToFrozenDictionary();

    public static string For(string field, IReadOnlyDictionary<string, string>? overrides) =>
        overrides is not null && overrides.TryGetValue(field, out var special) ? special
        : Common.TryGetValue(field, out var name) ? name
        : field;
}
