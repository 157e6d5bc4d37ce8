using System.Linq.Expressions;
using EpicEvents.Crm.Access;

namespace EpicEvents.Crm.Collaborators;

/// <summary>A collaborator as the staff directory shows them: never the hash or the stamp.</summary>
public sealed record CollaboratorView(
    int Id,
    string EmployeeNumber,
    string FullName,
    string Email,
    int RoleId,
    string RoleName,
    Department Department,
    bool IsActive,
    bool? MustChangePassword,
    bool? TeamsLinked,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int Version)
{
    internal static Expression<Func<Collaborator, CollaboratorView>> Projection { get; } = c => new CollaboratorView(
        c.Id,
        c.EmployeeNumber,
        c.FullName,
        c.Email,
        c.RoleId,
        c.Role.Name,
        c.Role.Department,
        c.IsActive,
        (bool?)c.MustChangePassword,
        (bool?)(c.TeamsAadObjectId != null),
        c.CreatedAt,
        c.UpdatedAt,
        c.Version);

    private static readonly Func<Collaborator, CollaboratorView> FromLoaded = Projection.Compile();

    /// <summary>
    /// The view as <paramref name="reader"/> may see it: the staff directory is name, email,
    /// department and role; whether an account still has a temporary password or a Teams link is
    /// Management's business (null for everyone else).
    /// </summary>
    internal CollaboratorView For(Actor reader) =>
        PermissionMatrix.For(reader, CrmAction.ManageCollaborators) == Reach.None
            ? this with { MustChangePassword = null, TeamsLinked = null }
            : this;

    /// <summary>The view of a collaborator loaded with their role.</summary>
    internal static CollaboratorView From(Collaborator collaborator) => FromLoaded(collaborator);
}
