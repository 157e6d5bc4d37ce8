using System.CommandLine;
using EpicEvents.Cli.Remote;
using EpicEvents.Cli.Output;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Roles;

namespace EpicEvents.Cli.Commands;

/// <summary><c>collaborator list | show | create | update | deactivate | reactivate | reset-password | link-teams</c>.</summary>
internal static class CollaboratorCommands
{
    public static Command Build(CommandRunner runner)
    {
        var collaborator = new Command("collaborator", runner.Texts.Phrase("collaborator.help"));
        collaborator.Subcommands.Add(List(runner));
        collaborator.Subcommands.Add(Show(runner));
        collaborator.Subcommands.Add(Create(runner));
        collaborator.Subcommands.Add(Update(runner));
        collaborator.Subcommands.Add(Deactivate(runner));
        collaborator.Subcommands.Add(Reactivate(runner));
        collaborator.Subcommands.Add(ResetPassword(runner));
        collaborator.Subcommands.Add(LinkTeams(runner));
        return collaborator;
    }

    public static IReadOnlyList<Column<CollaboratorView>> Columns(CliContext context) =>
    [
        new("ID", c => c.Id.ToString(context.Texts.Culture), Right: true),
        new(context.Texts.Phrase("collaborator.number"), c => c.EmployeeNumber),
        new(context.Texts.Phrase("collaborator.name"), c => c.FullName),
        new(context.Texts.Phrase("common.column.email"), c => c.Email),
        new(context.Texts.Phrase("collaborator.role"), c => c.RoleName),
        new(context.Texts.Phrase("collaborator.department"), c => context.Texts.Department(c.Department)),
        new(context.Texts.Phrase("collaborator.active"), c => context.Texts.YesNo(c.IsActive)),
    ];

    public static void ShowDetails(CliContext context, CollaboratorView c)
    {
        var texts = context.Texts;
        context.Terminal.Details($"{c.EmployeeNumber} · {c.FullName}",
        [
            ("ID", c.Id.ToString(texts.Culture)),
            (texts.Phrase("common.column.email"), c.Email),
            (texts.Phrase("collaborator.role"), $"{c.RoleName} ({texts.Department(c.Department)})"),
            (texts.Phrase("collaborator.active"), texts.YesNo(c.IsActive)),
            (texts.Phrase("collaborator.temporaryPassword"), c.MustChangePassword is { } must ? texts.YesNo(must) : null),
            (texts.Phrase("collaborator.teamsAccountLinked"), c.TeamsLinked is { } linked ? texts.YesNo(linked) : null),
            (texts.Phrase("collaborator.created"), texts.Date(c.CreatedAt, context.TimeZone)),
            (texts.Phrase("collaborator.updated"), texts.Date(c.UpdatedAt, context.TimeZone)),
        ]);
    }

    private static Command List(CommandRunner runner)
    {
        var department = new Option<string?>("--department") { Description = runner.Texts.Phrase("collaborator.list.department.help"), HelpName = "management|sales|support" };
        department.AcceptOnlyFromAmong("management", "sales", "support");
        var inactive = new Option<bool>("--inactive") { Description = runner.Texts.Phrase("collaborator.list.inactive.help") };
        var paging = new ListOptions(runner.Texts);
        var command = new Command("list", runner.Texts.Phrase("collaborator.list.help")) { department, inactive };
        paging.AddTo(command);
        runner.Authenticated(command, (context, actor, cancellationToken) =>
        {
            var filter = new CollaboratorFilter(
                DepartmentNames.TryParse(context.Value(department), out var chosen) ? chosen : null,
                context.Value(inactive));
            return Listing.RunAsync(context, paging, (page, token) => context.Crm(
                () => context.Get<ListCollaborators>().ExecuteAsync(actor, filter, page, token),
                api => api.GetAsync<Page<CollaboratorView>>(ApiPaths.Collaborators(filter, page), token)), Columns(context), cancellationToken);
        }, quiet: false);
        return command;
    }

    private static Command Show(CommandRunner runner)
    {
        var id = Shared.Id(runner.Texts.Phrase("collaborator.id.help"));
        var command = new Command("show", runner.Texts.Phrase("collaborator.show.help")) { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(await context.Crm(
                () => context.Get<GetCollaborator>().ExecuteAsync(actor, context.Value(id), cancellationToken),
                api => api.GetAsync<CollaboratorView>($"collaborators/{context.Value(id)}", cancellationToken)), c => ShowDetails(context, c)));
        return command;
    }

    private static Command Create(CommandRunner runner)
    {
        var name = new Option<string>("--name") { Description = runner.Texts.Phrase("collaborator.create.name.help"), Required = true };
        var email = new Option<string>("--email") { Description = runner.Texts.Phrase("collaborator.create.email.help"), Required = true };
        var role = new Option<string>("--role") { Description = runner.Texts.Phrase("collaborator.create.role.help"), Required = true };
        var passwordStdin = Shared.PasswordStdin(runner.Texts.Phrase("collaborator.create.passwordStdin.help"));
        var command = new Command("create", runner.Texts.Phrase("collaborator.create.help")) { name, email, role, passwordStdin };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
        {
            var roleId = await ResolveRoleAsync(context, actor, context.Value(role)!, cancellationToken);
            if (!roleId.IsOk)
            {
                return context.Fail(roleId.AsFailure(), OptionNames.Verbatim);
            }

            var password = context.Value(passwordStdin) ? context.ReadLine() : null;
            var result = await context.Crm(
                () => context.Get<CreateCollaborator>().ExecuteAsync(actor, new CreateCollaboratorRequest(context.Value(name), context.Value(email), roleId.Value, password), cancellationToken),
                api => api.PostAsync<NewCollaborator>("collaborators", new { fullName = context.Value(name), email = context.Value(email), roleId = roleId.Value, temporaryPassword = password }, cancellationToken));
            return context.Complete(
                result,
                created =>
                {
                    context.Terminal.Success(context.Texts.Phrase("collaborator.collaboratorCreated", created.Collaborator.Id, created.Collaborator.EmployeeNumber));
                    if (password is null)
                    {
                        context.Terminal.Line(context.Texts.Phrase("collaborator.temporaryPasswordShownOnce") + created.TemporaryPassword);
                    }
                },
                created => new { collaborator = created.Collaborator, temporaryPassword = password is null ? created.TemporaryPassword : null });
        });
        return command;
    }

    private static Command Update(CommandRunner runner)
    {
        var id = Shared.Id(runner.Texts.Phrase("collaborator.id.help"));
        var name = new Option<string?>("--name") { Description = runner.Texts.Phrase("collaborator.update.name.help") };
        var email = new Option<string?>("--email") { Description = runner.Texts.Phrase("collaborator.update.email.help") };
        var role = new Option<string?>("--role") { Description = runner.Texts.Phrase("collaborator.update.role.help") };
        var command = new Command("update", runner.Texts.Phrase("collaborator.update.help")) { id, name, email, role };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
        {
            int? roleId = null;
            if (context.Value(role) is { } roleText)
            {
                var resolved = await ResolveRoleAsync(context, actor, roleText, cancellationToken);
                if (!resolved.IsOk)
                {
                    return context.Fail(resolved.AsFailure(), OptionNames.Verbatim);
                }

                roleId = resolved.Value;
            }

            var result = await context.Crm(
                () => context.Get<UpdateCollaborator>().ExecuteAsync(actor, new UpdateCollaboratorRequest(context.Value(id), context.Value(name), context.Value(email), roleId), cancellationToken),
                api => api.PatchAsync<CollaboratorView>($"collaborators/{context.Value(id)}", new { fullName = context.Value(name), email = context.Value(email), roleId }, cancellationToken));
            return context.Complete(result, c =>
            {
                context.Terminal.Success(context.Texts.Phrase("collaborator.collaboratorUpdated", c.Id));
                ShowDetails(context, c);
            });
        });
        return command;
    }

    private static Command Deactivate(CommandRunner runner)
    {
        var id = Shared.Id(runner.Texts.Phrase("collaborator.id.help"));
        var reassignTo = new Option<int?>("--reassign-to") { Description = runner.Texts.Phrase("collaborator.deactivate.reassignTo.help"), HelpName = "ID" };
        var command = new Command("deactivate", runner.Texts.Phrase("collaborator.deactivate.help")) { id, reassignTo };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
        {
            var result = await context.Crm(
                () => context.Get<DeactivateCollaborator>().ExecuteAsync(actor, new DeactivateCollaboratorRequest(context.Value(id), context.Value(reassignTo)), cancellationToken),
                api => api.PostAsync<CollaboratorDeactivated>($"collaborators/{context.Value(id)}/deactivate", new { reassignToId = context.Value(reassignTo) }, cancellationToken));
            return context.Complete(result, done =>
            {
                context.Terminal.Success(context.Texts.Phrase("collaborator.collaboratorDeactivated", done.Collaborator.Id));
                if (done.ReassignedToId is { } heir)
                {
                    context.Terminal.Line(context.Texts.Phrase("collaborator.handedOverCollaboratorClients", heir, done.ReassignedClientIds.Count, done.ReassignedEventIds.Count));
                }
            });
        });
        return command;
    }

    private static Command Reactivate(CommandRunner runner)
    {
        var id = Shared.Id(runner.Texts.Phrase("collaborator.id.help"));
        var command = new Command("reactivate", runner.Texts.Phrase("collaborator.reactivate.help")) { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(
                await context.Crm(
                    () => context.Get<ReactivateCollaborator>().ExecuteAsync(actor, new ReactivateCollaboratorRequest(context.Value(id)), cancellationToken),
                    api => api.PostAsync<CollaboratorView>($"collaborators/{context.Value(id)}/reactivate", null, cancellationToken)),
                c => context.Terminal.Success(context.Texts.Phrase("collaborator.collaboratorReactivated", c.Id))));
        return command;
    }

    private static Command ResetPassword(CommandRunner runner)
    {
        var id = Shared.Id(runner.Texts.Phrase("collaborator.id.help"));
        var command = new Command("reset-password", runner.Texts.Phrase("collaborator.resetPassword.help")) { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(
                await context.Crm(
                    () => context.Get<Crm.Collaborators.ResetPassword>().ExecuteAsync(actor, new ResetPasswordRequest(context.Value(id)), cancellationToken),
                    api => api.PostAsync<PasswordReset>($"collaborators/{context.Value(id)}/reset-password", new { }, cancellationToken)),
                reset =>
                {
                    context.Terminal.Success(context.Texts.Phrase("collaborator.passwordCollaboratorReset", reset.Collaborator.Id));
                    context.Terminal.Line(context.Texts.Phrase("collaborator.temporaryPasswordShownOnce") + reset.TemporaryPassword);
                },
                reset => new { collaborator = reset.Collaborator, temporaryPassword = reset.TemporaryPassword }));
        return command;
    }

    private static Command LinkTeams(CommandRunner runner)
    {
        var id = Shared.Id(runner.Texts.Phrase("collaborator.id.help"));
        var aadObjectId = new Option<string>("--aad-object-id") { Description = runner.Texts.Phrase("collaborator.linkteams.aadObjectId.help"), Required = true, HelpName = "GUID" };
        var tenantId = new Option<string>("--tenant-id") { Description = runner.Texts.Phrase("collaborator.linkteams.tenantId.help"), Required = true, HelpName = "GUID" };
        var command = new Command("link-teams", runner.Texts.Phrase("collaborator.linkTeams.help")) { id, aadObjectId, tenantId };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
        {
            if (!Guid.TryParse(context.Value(aadObjectId), out var objectId))
            {
                return context.Invalid("aad-object-id", context.Texts.Phrase("collaborator.notGuid"));
            }

            if (!Guid.TryParse(context.Value(tenantId), out var tenant))
            {
                return context.Invalid("tenant-id", context.Texts.Phrase("collaborator.notGuid"));
            }

            return context.Complete(
                await context.Crm(
                    () => context.Get<LinkTeamsIdentity>().ExecuteAsync(actor, new LinkTeamsIdentityRequest(context.Value(id), tenant, objectId), cancellationToken),
                    api => api.PutAsync<CollaboratorView>($"collaborators/{context.Value(id)}/teams", new { tenantId = tenant, aadObjectId = objectId }, cancellationToken)),
                c => context.Terminal.Success(context.Texts.Phrase("collaborator.collaboratorLinkedTheirTeams", c.Id)));
        });
        return command;
    }

    /// <summary>A role typed as its number or its name.</summary>
    private static async Task<Result<int>> ResolveRoleAsync(CliContext context, Actor actor, string text, CancellationToken cancellationToken)
    {
        var roles = await context.Crm(
            () => context.Get<ListRoles>().ExecuteAsync(actor, PageRequest.First(PageRequest.MaxLimit), cancellationToken),
            api => api.GetAsync<Page<RoleView>>(ApiPaths.Roles(PageRequest.First(PageRequest.MaxLimit)), cancellationToken));
        if (!roles.IsOk)
        {
            return roles.AsFailure();
        }

        var match = roles.Value.Items.FirstOrDefault(r => int.TryParse(text, out var number) ? r.Id == number : string.Equals(r.Name, text.Trim(), StringComparison.OrdinalIgnoreCase));
        return match is null
            ? Failure.Invalid("role", Text.Worded(context.Texts.Phrase("collaborator.thereNoRoleSee", text)))
            : match.Id;
    }
}
