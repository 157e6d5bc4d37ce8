using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;

namespace EpicEvents.Crm.Roles;

/// <summary>A job title mapped to exactly one department; permissions come from the department only.</summary>
public sealed class Role : IVersioned
{
    private Role()
    {
        Name = string.Empty;
    }

    public Role(string name, Department department)
    {
        Name = name;
        Department = department;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public Department Department { get; private set; }

    public int Version { get; private set; }

    internal void Rename(string name) => Name = name;

    void IVersioned.NextVersion() => Version++;
}
