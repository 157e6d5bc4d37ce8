using System.Collections.Frozen;
using EpicEvents.Crm.Common;

namespace EpicEvents.Cli;

/// <summary>
/// Crm.Core names the fields of its requests (<see cref="FieldNames"/>); the user typed options.
/// Errors name the option, so the user knows which one to fix. Every map here goes from a Crm.Core
/// field to an option: a field not mapped is an option of the same name.
/// </summary>
internal static class OptionNames
{
    /// <summary>Field names that already are option names.</summary>
    public static readonly IReadOnlyDictionary<string, string> Verbatim = FrozenDictionary<string, string>.Empty;

    /// <summary><c>client reassign ID --to ID</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> Reassign = new Dictionary<string, string>
    {
        [FieldNames.SalesContactId] = "to",
    }.ToFrozenDictionary();

    /// <summary><c>settings set [--digest on|off] [--at HH:MM] [--language fr|en|auto]</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        [FieldNames.DigestEnabled] = "digest",
        [FieldNames.DigestAt] = "at",
        [FieldNames.Language] = "language",
        [FieldNames.Settings] = "digest/--at/--language",
    }.ToFrozenDictionary();

    /// <summary><c>notification retry ID…</c>: the retry's ids are arguments, not an option.</summary>
    public static readonly IReadOnlyDictionary<string, string> Retry = new Dictionary<string, string>
    {
        [FieldNames.Ids] = "ID arguments",
    }.ToFrozenDictionary();

    /// <summary>The options of every command that does not say otherwise.</summary>
    public static readonly IReadOnlyDictionary<string, string> Common = new Dictionary<string, string>
    {
        [FieldNames.FullName] = "name",
        [FieldNames.CompanyName] = "company",
        [FieldNames.SalesContactId] = "sales-contact",
        [FieldNames.TotalAmount] = "total",
        [FieldNames.AmountDue] = "due",
        [FieldNames.ClientId] = "client",
        [FieldNames.ContractId] = "contract",
        [FieldNames.StartsAt] = "start",
        [FieldNames.EndsAt] = "end",
        [FieldNames.ExpectedAttendees] = "attendees",
        [FieldNames.ActualAttendees] = "actual-attendees",
        [FieldNames.SupportContactId] = "support",
        [FieldNames.ReassignToId] = "reassign-to",
        [FieldNames.RoleId] = "role",
        [FieldNames.TemporaryPassword] = "password",
        [FieldNames.NewPassword] = "new password",
        [FieldNames.CurrentPassword] = "current password",
        [FieldNames.WithinDays] = "days",
        [FieldNames.EntityId] = "id",
        [FieldNames.EntityType] = "entity",
        [FieldNames.TenantId] = "tenant-id",
        [FieldNames.AadObjectId] = "aad-object-id",
    }.ToFrozenDictionary();

    public static string For(string field, IReadOnlyDictionary<string, string>? overrides) =>
        overrides is not null && overrides.TryGetValue(field, out var special) ? special
        : Common.TryGetValue(field, out var name) ? name
        : field;
}
