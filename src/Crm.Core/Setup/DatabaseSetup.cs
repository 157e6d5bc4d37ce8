using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Roles;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Setup;

/// <param name="AdminEmail">The first manager's email; "admin@epicevents.local" when not given.</param>
/// <param name="AdminPassword">Left null, a temporary password is generated and returned once.</param>
public sealed record DatabaseInitRequest(string? AdminEmail = null, string? AdminName = null, string? AdminPassword = null);

/// <summary>What <c>db init</c> did: the schema versions, the roles it added, and the first manager if it created one.</summary>
public sealed record DatabaseInitReport(SchemaStatus Schema, IReadOnlyList<string> RolesCreated, NewCollaborator? FirstManager);

/// <summary>
/// <c>db init</c>: creates or upgrades the schema, makes sure the three default roles exist, and
/// creates a first Management collaborator when there is no active one. Running it again is harmless.
/// </summary>
public sealed class DatabaseSetup(CrmDbContext db, CreateCollaborator createCollaborator, TimeProvider clock)
{
    public const string DefaultAdminEmail = "admin@epicevents.local";

    /// <summary>The default role of each department, named as in the original product.</summary>
    public static IReadOnlyList<(string Name, Department Department)> DefaultRoles { get; } =
    [
        ("gestion", Department.Management),
        ("commercial", Department.Sales),
        ("support", Department.Support),
    ];

    public async Task<Result<DatabaseInitReport>> InitializeAsync(DatabaseInitRequest request, CancellationToken cancellationToken = default)
    {
        var schema = await MigrateAsync(cancellationToken);
        var created = new List<string>();
        foreach (var (name, department) in DefaultRoles)
        {
            if (!await db.Roles.AnyAsync(r => r.Department == department, cancellationToken))
            {
                db.Roles.Add(new Role(name, department));
                created.Add(name);
            }
        }

        if (created.Count > 0)
        {
            db.Record(Actor.System, clock.GetUtcNow().UtcDateTime, "roles.defaults_created", AuditEntity.Role, null, new FieldChanges().Add(FieldNames.Names, null, string.Join(", ", created)));
            if (await db.TrySaveAsync(cancellationToken) is { } failed)
            {
                return failed;
            }
        }

        var hasManager = await db.Collaborators.AnyAsync(c => c.IsActive && c.Role.Department == Department.Management, cancellationToken);
        if (hasManager)
        {
            return new DatabaseInitReport(schema, created, null);
        }

        var managementRole = await db.Roles.Where(r => r.Department == Department.Management).OrderBy(r => r.Id).FirstAsync(cancellationToken);
        var admin = await createCollaborator.ExecuteAsync(
            Actor.System,
            new CreateCollaboratorRequest(request.AdminName ?? "Administrator", request.AdminEmail ?? DefaultAdminEmail, managementRole.Id, request.AdminPassword),
            cancellationToken);
        return admin.IsOk ? new DatabaseInitReport(schema, created, admin.Value) : admin.AsFailure();
    }

    /// <summary><c>db migrate</c>: creates or upgrades the schema only.</summary>
    public Task<SchemaStatus> MigrateAsync(CancellationToken cancellationToken = default) =>
        SchemaMigrator.MigrateAsync(db, cancellationToken: cancellationToken);
}
