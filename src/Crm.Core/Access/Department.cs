namespace EpicEvents.Crm.Access;

/// <summary>
/// The three departments that carry permissions. <see cref="Unknown"/> is what an unreadable value
/// becomes, and it has no rights at all (fail closed).
/// </summary>
public enum Department
{
    Unknown = 0,
    Management = 1,
    Sales = 2,
    Support = 3,
}

public static class DepartmentNames
{
    /// <summary>Reads "management", "gestion", "sales", "commercial", "support" in any case.</summary>
    public static bool TryParse(string? text, out Department department)
    {
        department = (text ?? string.Empty).Trim().ToLowerInvariant() switch
        {
            "management" or "gestion" => Department.Management,
            "sales" or "commercial" => Department.Sales,
            "support" => Department.Support,
            _ => Department.Unknown,
        };
        return department != Department.Unknown;
    }

    /// <summary>Reads a stored department; anything unreadable is <see cref="Department.Unknown"/>.</summary>
    public static Department ParseOrUnknown(string? text) => TryParse(text, out var department) ? department : Department.Unknown;

    public static string Key(this Department department) => department switch
    {
        Department.Management => "management",
        Department.Sales => "sales",
        Department.Support => "support",
        _ => "unknown",
    };
}
