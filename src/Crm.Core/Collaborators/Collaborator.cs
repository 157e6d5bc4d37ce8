using EpicEvents.Crm.Common;
using EpicEvents.Crm.Roles;

namespace EpicEvents.Crm.Collaborators;

/// <summary>A member of staff. Never deleted: deactivated, so that history stays readable.</summary>
public sealed class Collaborator : IVersioned
{
    private Collaborator()
    {
        EmployeeNumber = FullName = Email = PasswordHash = SecurityStamp = string.Empty;
        Role = null!;
    }

    internal Collaborator(string fullName, string email, Role role, string passwordHash, DateTime now)
    {
        EmployeeNumber = string.Empty;
        FullName = fullName;
        Email = email;
        Role = role;
        RoleId = role.Id;
        PasswordHash = passwordHash;
        MustChangePassword = true;
        IsActive = true;
        CreatedAt = UpdatedAt = now;
        SecurityStamp = NewStamp();
    }

    public int Id { get; private set; }

    /// <summary>"EE-00042", derived from the id once it is known.</summary>
    public string EmployeeNumber { get; private set; }

    public string FullName { get; private set; }

    public string Email { get; private set; }

    public string PasswordHash { get; private set; }

    public bool MustChangePassword { get; private set; }

    public int RoleId { get; private set; }

    public Role Role { get; private set; }

    public bool IsActive { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public Guid? TeamsTenantId { get; private set; }

    public Guid? TeamsAadObjectId { get; private set; }

    /// <summary>The language the bot speaks to them in (<c>fr</c> or <c>en</c>), whatever their Teams client's; null: their Teams locale.</summary>
    public string? PreferredLanguage { get; private set; }

    /// <summary>Changes whenever every token issued before must stop working.</summary>
    public string SecurityStamp { get; private set; }

    public DateTime? LockedUntil { get; private set; }

    public int Version { get; private set; }

    void IVersioned.NextVersion() => Version++;

    internal static string FormatEmployeeNumber(int id) => $"EE-{id:D5}";

    internal void AssignEmployeeNumber() => EmployeeNumber = FormatEmployeeNumber(Id);

    internal void Rename(string fullName, DateTime now) => Touch(() => FullName = fullName, now);

    internal void ChangeEmail(string email, DateTime now) => Touch(() => Email = email, now);

    internal void ChangeRole(Role role, DateTime now)
    {
        if (RoleId == role.Id)
        {
            return;
        }

        Role = role;
        RoleId = role.Id;
        UpdatedAt = now;
        RotateStamp();
    }

    internal void Deactivate(DateTime now)
    {
        IsActive = false;
        UpdatedAt = now;
        RotateStamp();
    }

    internal void Reactivate(DateTime now) => Touch(() => IsActive = true, now);

    /// <summary>A password the collaborator chose: the temporary-password flag is cleared.</summary>
    internal void SetOwnPassword(string hash, DateTime now)
    {
        PasswordHash = hash;
        MustChangePassword = false;
        UpdatedAt = now;
        RotateStamp();
    }

    /// <summary>A password Management set: it must be changed at the next login.</summary>
    internal void SetTemporaryPassword(string hash, DateTime now)
    {
        PasswordHash = hash;
        MustChangePassword = true;
        ClearFailedLogins();
        UpdatedAt = now;
        RotateStamp();
    }

    /// <summary>Re-hashes with current parameters after a successful login; no session is revoked.</summary>
    internal void UpgradePasswordHash(string hash) => PasswordHash = hash;

    internal void LinkTeams(Guid tenantId, Guid aadObjectId, DateTime now)
    {
        TeamsTenantId = tenantId;
        TeamsAadObjectId = aadObjectId;
        UpdatedAt = now;
    }

    internal void PreferLanguage(string? language, DateTime now)
    {
        PreferredLanguage = language;
        UpdatedAt = now;
    }

    internal void UnlinkTeams(DateTime now)
    {
        TeamsTenantId = null;
        TeamsAadObjectId = null;
        UpdatedAt = now;
    }

    internal void RotateStamp() => SecurityStamp = NewStamp();

    internal bool IsLockedOut(DateTime now) => LockedUntil is { } until && until > now;

    internal void LockOut(DateTime until) => LockedUntil = until;

    internal void ClearFailedLogins() => LockedUntil = null;

    private void Touch(Action change, DateTime now)
    {
        change();
        UpdatedAt = now;
    }

    private static string NewStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
