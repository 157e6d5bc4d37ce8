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
        var collaborator = new Command("collaborator", "The staff directory: Management hires, updates and deactivates collaborators.");
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
        new(context.Texts.Say("Number", "Matricule"), c => c.EmployeeNumber),
        new(context.Texts.Say("Name", "Nom"), c => c.FullName),
        new("Email", c => c.Email),
        new(context.Texts.Say("Role", "Rôle"), c => c.RoleName),
        new(context.Texts.Say("Department", "Département"), c => context.Texts.Department(c.Department)),
        new(context.Texts.Say("Active", "Actif"), c => context.Texts.YesNo(c.IsActive)),
    ];

    public static void ShowDetails(CliContext context, CollaboratorView c)
    {
        var texts = context.Texts;
        context.Terminal.Details($"{c.EmployeeNumber} · {c.FullName}",
        [
            ("ID", c.Id.ToString(texts.Culture)),
            ("Email", c.Email),
            (texts.Say("Role", "Rôle"), $"{c.RoleName} ({texts.Department(c.Department)})"),
            (texts.Say("Active", "Actif"), texts.YesNo(c.IsActive)),
            (texts.Say("Temporary password", "Mot de passe provisoire"), c.MustChangePassword is { } must ? texts.YesNo(must) : null),
            (texts.Say("Teams account linked", "Compte Teams lié"), c.TeamsLinked is { } linked ? texts.YesNo(linked) : null),
            (texts.Say("Created", "Créé"), texts.Date(c.CreatedAt, context.TimeZone)),
            (texts.Say("Updated", "Modifié"), texts.Date(c.UpdatedAt, context.TimeZone)),
        ]);
    }

    private static Command List(CommandRunner runner)
    {
        var department = new Option<string?>("--department") { Description = "Only this department.", HelpName = "management|sales|support" };
        department.AcceptOnlyFromAmong("management", "sales", "support");
        var inactive = new Option<bool>("--inactive") { Description = "Include deactivated collaborators (Management only)." };
        var paging = new ListOptions();
        var command = new Command("list", "List collaborators.") { department, inactive };
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
        var id = Shared.Id("collaborator");
        var command = new Command("show", "Show one collaborator.") { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(await context.Crm(
                () => context.Get<GetCollaborator>().ExecuteAsync(actor, context.Value(id), cancellationToken),
                api => api.GetAsync<CollaboratorView>($"collaborators/{context.Value(id)}", cancellationToken)), c => ShowDetails(context, c)));
        return command;
    }

    private static Command Create(CommandRunner runner)
    {
        var name = new Option<string>("--name") { Description = "Full name.", Required = true };
        var email = new Option<string>("--email") { Description = "Work email, unique.", Required = true };
        var role = new Option<string>("--role") { Description = "Role name or number (see `role list`).", Required = true };
        var passwordStdin = Shared.PasswordStdin("the temporary password");
        var command = new Command("create", "Hire a collaborator; they get a temporary password to change at first login.") { name, email, role, passwordStdin };
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
                    context.Terminal.Success(context.Texts.Say(
                        $"Collaborator {created.Collaborator.Id} ({created.Collaborator.EmployeeNumber}) created.",
                        $"Collaborateur {created.Collaborator.Id} ({created.Collaborator.EmployeeNumber}) créé."));
                    if (password is null)
                    {
                        context.Terminal.Line(context.Texts.Say("Temporary password (shown once): ", "Mot de passe provisoire (affiché une seule fois) : ") + created.TemporaryPassword);
                    }
                },
                created => new { collaborator = created.Collaborator, temporaryPassword = password is null ? created.TemporaryPassword : null });
        });
        return command;
    }

    private static Command Update(CommandRunner runner)
    {
        var id = Shared.Id("collaborator");
        var name = new Option<string?>("--name") { Description = "New full name." };
        var email = new Option<string?>("--email") { Description = "New email." };
        var role = new Option<string?>("--role") { Description = "New role, by name or number; a change of role ends their sessions." };
        var command = new Command("update", "Change a collaborator's name, email or role.") { id, name, email, role };
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
                context.Terminal.Success(context.Texts.Say($"Collaborator {c.Id} updated.", $"Collaborateur {c.Id} modifié."));
                ShowDetails(context, c);
            });
        });
        return command;
    }

    private static Command Deactivate(CommandRunner runner)
    {
        var id = Shared.Id("collaborator");
        var reassignTo = new Option<int?>("--reassign-to") { Description = "A colleague of the same department who takes over their clients or upcoming events.", HelpName = "ID" };
        var command = new Command("deactivate", "Deactivate a collaborator (history stays); their sessions end at once.") { id, reassignTo };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
        {
            var result = await context.Crm(
                () => context.Get<DeactivateCollaborator>().ExecuteAsync(actor, new DeactivateCollaboratorRequest(context.Value(id), context.Value(reassignTo)), cancellationToken),
                api => api.PostAsync<CollaboratorDeactivated>($"collaborators/{context.Value(id)}/deactivate", new { reassignToId = context.Value(reassignTo) }, cancellationToken));
            return context.Complete(result, done =>
            {
                context.Terminal.Success(context.Texts.Say($"Collaborator {done.Collaborator.Id} deactivated.", $"Collaborateur {done.Collaborator.Id} désactivé."));
                if (done.ReassignedToId is { } heir)
                {
                    context.Terminal.Line(context.Texts.Say(
                        $"Handed over to collaborator {heir}: {done.ReassignedClientIds.Count} clients, {done.ReassignedEventIds.Count} events.",
                        $"Repris par le collaborateur {heir} : {done.ReassignedClientIds.Count} clients, {done.ReassignedEventIds.Count} événements."));
                }
            });
        });
        return command;
    }

    private static Command Reactivate(CommandRunner runner)
    {
        var id = Shared.Id("collaborator");
        var command = new Command("reactivate", "Reactivate a collaborator.") { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(
                await context.Crm(
                    () => context.Get<ReactivateCollaborator>().ExecuteAsync(actor, new ReactivateCollaboratorRequest(context.Value(id)), cancellationToken),
                    api => api.PostAsync<CollaboratorView>($"collaborators/{context.Value(id)}/reactivate", null, cancellationToken)),
                c => context.Terminal.Success(context.Texts.Say($"Collaborator {c.Id} reactivated.", $"Collaborateur {c.Id} réactivé."))));
        return command;
    }

    private static Command ResetPassword(CommandRunner runner)
    {
        var id = Shared.Id("collaborator");
        var command = new Command("reset-password", "Give a collaborator a new temporary password (shown once); their sessions end.") { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(
                await context.Crm(
                    () => context.Get<Crm.Collaborators.ResetPassword>().ExecuteAsync(actor, new ResetPasswordRequest(context.Value(id)), cancellationToken),
                    api => api.PostAsync<PasswordReset>($"collaborators/{context.Value(id)}/reset-password", new { }, cancellationToken)),
                reset =>
                {
                    context.Terminal.Success(context.Texts.Say($"Password of collaborator {reset.Collaborator.Id} reset.", $"Mot de passe du collaborateur {reset.Collaborator.Id} réinitialisé."));
                    context.Terminal.Line(context.Texts.Say("Temporary password (shown once): ", "Mot de passe provisoire (affiché une seule fois) : ") + reset.TemporaryPassword);
                },
                reset => new { collaborator = reset.Collaborator, temporaryPassword = reset.TemporaryPassword }));
        return command;
    }

    private static Command LinkTeams(CommandRunner runner)
    {
        var id = Shared.Id("collaborator");
        var aadObjectId = new Option<string>("--aad-object-id") { Description = "Their Microsoft Entra ID object id.", Required = true, HelpName = "GUID" };
        var tenantId = new Option<string>("--tenant-id") { Description = "Their Microsoft 365 tenant id.", Required = true, HelpName = "GUID" };
        var command = new Command("link-teams", "Link a collaborator to their Teams account, so the bot knows them.") { id, aadObjectId, tenantId };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
        {
            if (!Guid.TryParse(context.Value(aadObjectId), out var objectId))
            {
                return context.Invalid("aad-object-id", context.Texts.Say("Not a GUID.", "Ce n'est pas un GUID."));
            }

            if (!Guid.TryParse(context.Value(tenantId), out var tenant))
            {
                return context.Invalid("tenant-id", context.Texts.Say("Not a GUID.", "Ce n'est pas un GUID."));
            }

            return context.Complete(
                await context.Crm(
                    () => context.Get<LinkTeamsIdentity>().ExecuteAsync(actor, new LinkTeamsIdentityRequest(context.Value(id), tenant, objectId), cancellationToken),
                    api => api.PutAsync<CollaboratorView>($"collaborators/{context.Value(id)}/teams", new { tenantId = tenant, aadObjectId = objectId }, cancellationToken)),
                c => context.Terminal.Success(context.Texts.Say($"Collaborator {c.Id} is linked to their Teams account.", $"Le collaborateur {c.Id} est lié à son compte Teams.")));
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
            ? Failure.Invalid("role", Text.Worded(context.Texts.Say($"There is no role \"{text}\"; see `epicevents role list`.", $"Il n'y a pas de rôle « {text} » ; voir `epicevents role list`.")))
            : match.Id;
    }
}
