using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Roles;

/// <summary>Role names: one line, at most 50 characters, unique whatever their case.</summary>
internal static class RoleNames
{
    public static Text Taken { get; } = new("role.name.taken");

    public static string Normalize(string? name) => FieldRules.NormalizeText(name);

    public static Text? Error(string normalized) => FieldRules.RequiredLineError(normalized, Limits.RoleName, new Text("fieldName.roleName"));

    /// <summary>"Commercial" and "commercial" would read as one role in a list, so they cannot both exist.</summary>
    public static Task<bool> TakenAsync(this CrmDbContext db, string name, int exceptRoleId, CancellationToken cancellationToken)
    {
        var folded = name.ToLowerInvariant();
        return db.Roles.AnyAsync(r => r.Name.ToLower() == folded && r.Id != exceptRoleId, cancellationToken);
    }
}
