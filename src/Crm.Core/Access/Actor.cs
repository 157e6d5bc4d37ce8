namespace EpicEvents.Crm.Access;

/// <summary>Where a change comes from; recorded in the audit trail.</summary>
public enum ChangeSource
{
    Cli,
    Bot,
    System,

    /// <summary>The CRM server's HTTP API (the CLI in remote mode, or any other client).</summary>
    Api,
}

/// <summary>
/// The collaborator acting in a use case, as freshly loaded from the database by
/// <see cref="ActorLoader"/>. Front ends never build one from what a user typed.
/// </summary>
public sealed record Actor(
    int Id,
    string FullName,
    Department Department,
    bool IsActive,
    bool MustChangePassword,
    ChangeSource Source,
    string? Language = null)
{
    /// <summary>The department whose rights apply: none unless the collaborator is active and known.</summary>
    public Department EffectiveDepartment => IsActive ? Department : Department.Unknown;

    /// <summary>The system itself (seeding, database set-up): never used for a person.</summary>
    internal static Actor System { get; } =
        new(0, "system", Department.Management, IsActive: true, MustChangePassword: false, ChangeSource.System);

    internal int? AuditId => Source == ChangeSource.System && Id == 0 ? null : Id;
}
