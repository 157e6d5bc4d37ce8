using EpicEvents.Crm.Access;

namespace EpicEvents.Crm.Digests;

/// <summary>The three digests, one per department: each goes to collaborators of its department only.</summary>
public enum DigestKind
{
    /// <summary>Every morning: what waits for a decision, events without support, ended events still unpaid.</summary>
    Management,

    /// <summary>The day before: one support collaborator's events of the next day.</summary>
    Support,

    /// <summary>Weekly: one salesperson's old drafts, unpaid signed contracts and clients without a contract.</summary>
    Sales,
}

public static class DigestKinds
{
    /// <summary>The department whose collaborators receive a kind of digest.</summary>
    public static Department Audience(this DigestKind kind) => kind switch
    {
        DigestKind.Management => Department.Management,
        DigestKind.Sales => Department.Sales,
        DigestKind.Support => Department.Support,
        _ => Department.Unknown,
    };

    /// <summary>The digest a department's collaborators receive; none for an unknown department.</summary>
    public static DigestKind? Of(Department department) => department switch
    {
        Department.Management => DigestKind.Management,
        Department.Sales => DigestKind.Sales,
        Department.Support => DigestKind.Support,
        _ => null,
    };

    /// <summary>Reads "management", "gestion", "sales", "commercial", "support" in any case.</summary>
    public static bool TryParse(string? text, out DigestKind kind)
    {
        var parsed = Of(DepartmentNames.ParseOrUnknown(text));
        kind = parsed ?? default;
        return parsed is not null;
    }
}
