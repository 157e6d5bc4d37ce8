using EpicEvents.Crm.Access;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Roles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EpicEvents.Bot.Api;

/// <summary><c>/api/v1/collaborators</c> and <c>/api/v1/roles</c>: <c>epicevents collaborator …</c> and <c>role …</c>.</summary>
internal static class StaffApi
{
    public static void Map(RouteGroupBuilder signedIn)
    {
        MapCollaborators(signedIn.MapGroup("/collaborators").WithTags("Collaborators"));
        MapRoles(signedIn.MapGroup("/roles").WithTags("Roles"));
    }

    private static void MapCollaborators(RouteGroupBuilder collaborators)
    {
        collaborators.MapGet("/", async (Department? department, bool? includeInactive, int? limit, string? after, ApiCaller caller, ListCollaborators useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new CollaboratorFilter(department, includeInactive ?? false), ApiPaging.Page(limit, after), cancellationToken)))
            .Answers<Page<CollaboratorView>>().WithSummary("The staff directory, by id, keyset-paged.");
        collaborators.MapGet("/{id:int}", async (int id, ApiCaller caller, GetCollaborator useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, id, cancellationToken)))
            .Answers<CollaboratorView>().WithSummary("One collaborator.");
        collaborators.MapPost("/", async (NewCollaboratorBody body, ApiCaller caller, CreateCollaborator useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new CreateCollaboratorRequest(body.FullName, body.Email, body.RoleId ?? 0, body.TemporaryPassword), cancellationToken), StatusCodes.Status201Created))
            .Answers<NewCollaborator>(StatusCodes.Status201Created).WithSummary("Creates a collaborator with a temporary password, shown this once.");
        collaborators.MapPatch("/{id:int}", async (int id, CollaboratorChanges body, ApiCaller caller, UpdateCollaborator useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new UpdateCollaboratorRequest(id, body.FullName, body.Email, body.RoleId, body.ExpectedVersion), cancellationToken)))
            .Answers<CollaboratorView>().WithSummary("Changes a collaborator's name, email or role.");
        collaborators.MapPost("/{id:int}/deactivate", async (int id, Deactivation? body, ApiCaller caller, DeactivateCollaborator useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new DeactivateCollaboratorRequest(id, body?.ReassignToId), cancellationToken)))
            .Answers<CollaboratorDeactivated>().WithSummary("Deactivates a collaborator, handing their clients or events over.");
        collaborators.MapPost("/{id:int}/reactivate", async (int id, ApiCaller caller, ReactivateCollaborator useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new ReactivateCollaboratorRequest(id), cancellationToken)))
            .Answers<CollaboratorView>().WithSummary("Brings a deactivated collaborator back.");
        collaborators.MapPost("/{id:int}/reset-password", async (int id, PasswordResetBody? body, ApiCaller caller, ResetPassword useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new ResetPasswordRequest(id, body?.TemporaryPassword), cancellationToken)))
            .Answers<PasswordReset>().WithSummary("Sets a temporary password, shown this once; every session of theirs ends.");
        collaborators.MapPut("/{id:int}/teams", async (int id, TeamsLink body, ApiCaller caller, LinkTeamsIdentity useCase, CancellationToken cancellationToken) =>
                body.TenantId is { } tenant && body.AadObjectId is { } objectId
                    ? ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new LinkTeamsIdentityRequest(id, tenant, objectId), cancellationToken))
                    : ApiResults.Problem(body.TenantId is null
                        ? Failure.Invalid(FieldNames.TenantId, new Text("collaborator.teams.tenantRequired"))
                        : Failure.Invalid(FieldNames.AadObjectId, new Text("collaborator.teams.objectRequired"))))
            .Answers<CollaboratorView>().WithSummary("Links a Teams (Entra) account to a collaborator.");
        collaborators.MapDelete("/{id:int}/teams", async (int id, ApiCaller caller, UnlinkTeamsIdentity useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new UnlinkTeamsIdentityRequest(id), cancellationToken)))
            .Answers<CollaboratorView>().WithSummary("Removes the Teams link of a collaborator.");
    }

    private static void MapRoles(RouteGroupBuilder roles)
    {
        roles.MapGet("/", async (int? limit, string? after, ApiCaller caller, ListRoles useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, ApiPaging.Page(limit, after), cancellationToken)))
            .Answers<Page<RoleView>>().WithSummary("Roles (job titles) and their department.");
        roles.MapPost("/", async (NewRole body, ApiCaller caller, CreateRole useCase, CancellationToken cancellationToken) =>
                body.Department is { } department
                    ? ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new CreateRoleRequest(body.Name, department), cancellationToken), StatusCodes.Status201Created)
                    : ApiResults.Problem(Failure.Invalid(FieldNames.Department, new Text("department.required"))))
            .Answers<RoleView>(StatusCodes.Status201Created).WithSummary("Adds a job title to a department.");
        roles.MapPatch("/{id:int}", async (int id, RoleChanges body, ApiCaller caller, RenameRole useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new RenameRoleRequest(id, body.Name, body.ExpectedVersion), cancellationToken)))
            .Answers<RoleView>().WithSummary("Renames a role.");
        roles.MapDelete("/{id:int}", async (int id, ApiCaller caller, DeleteRole useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new DeleteRoleRequest(id), cancellationToken), _ => Removal.Of(id)))
            .Answers<Removal>().WithSummary("Deletes a role nobody holds.");
    }
}

public sealed record NewCollaboratorBody(string? FullName, string? Email, int? RoleId, string? TemporaryPassword);

public sealed record CollaboratorChanges(string? FullName, string? Email, int? RoleId, int? ExpectedVersion);

public sealed record Deactivation(int? ReassignToId);

public sealed record PasswordResetBody(string? TemporaryPassword);

public sealed record TeamsLink(Guid? TenantId, Guid? AadObjectId);

public sealed record NewRole(string? Name, Department? Department);

public sealed record RoleChanges(string? Name, int? ExpectedVersion);
