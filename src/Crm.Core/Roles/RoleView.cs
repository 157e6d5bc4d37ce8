using System.Linq.Expressions;
using EpicEvents.Crm.Access;

namespace EpicEvents.Crm.Roles;

/// <summary>A role as front ends show it.</summary>
public sealed record RoleView(int Id, string Name, Department Department, int Version)
{
    internal static Expression<Func<Role, RoleView>> Projection { get; } = r => new RoleView(r.Id, r.Name, r.Department, r.Version);

    internal static RoleView From(Role role) => new(role.Id, role.Name, role.Department, role.Version);
}
