using System.CommandLine;
using EpicEvents.Crm.Common;
using EpicEvents.Cli.Remote;
using EpicEvents.Cli.Output;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Roles;

namespace EpicEvents.Cli.Commands;

/// <summary><c>role list | create | rename | delete</c>.</summary>
internal static class RoleCommands
{
    public static Command Build(CommandRunner runner)
    {
        var role = new Command("role", runner.Texts.Phrase("role.help"));
        role.Subcommands.Add(List(runner));
        role.Subcommands.Add(Create(runner));
        role.Subcommands.Add(Rename(runner));
        role.Subcommands.Add(Delete(runner));
        return role;
    }

    private static Command List(CommandRunner runner)
    {
        var paging = new ListOptions(runner.Texts);
        var command = new Command("list", runner.Texts.Phrase("role.list.help"));
        paging.AddTo(command, withAll: false);
        runner.Authenticated(command, (context, actor, cancellationToken) =>
            Listing.RunAsync(
                context,
                paging,
                (page, token) => context.Crm(
                    () => context.Get<ListRoles>().ExecuteAsync(actor, page, token),
                    api => api.GetAsync<Page<RoleView>>(ApiPaths.Roles(page), token)),
                [
                    new("ID", r => r.Id.ToString(context.Texts.Culture), Right: true),
                    new(context.Texts.Phrase("role.name"), r => r.Name),
                    new(context.Texts.Phrase("role.department"), r => context.Texts.Department(r.Department)),
                ],
                cancellationToken));
        return command;
    }

    private static Command Create(CommandRunner runner)
    {
        var name = new Argument<string>("NAME") { Description = runner.Texts.Phrase("role.create.name.help") };
        var department = new Option<string>("--department") { Description = runner.Texts.Phrase("role.create.department.help"), Required = true, HelpName = "management|sales|support" };
        department.AcceptOnlyFromAmong("management", "sales", "support");
        var command = new Command("create", runner.Texts.Phrase("role.create.help")) { name, department };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
        {
            DepartmentNames.TryParse(context.Value(department), out var chosen);
            return context.Complete(
                await context.Crm(
                    () => context.Get<CreateRole>().ExecuteAsync(actor, new CreateRoleRequest(context.Value(name), chosen), cancellationToken),
                    api => api.PostAsync<RoleView>("roles", new { name = context.Value(name), department = chosen }, cancellationToken)),
                r => context.Terminal.Success(context.Texts.Phrase("role.roleCreated", r.Id, r.Name)));
        });
        return command;
    }

    private static Command Rename(CommandRunner runner)
    {
        var id = Shared.Id(runner.Texts.Phrase("role.id.help"));
        var name = new Argument<string>("NAME") { Description = runner.Texts.Phrase("role.rename.name.help") };
        var command = new Command("rename", runner.Texts.Phrase("role.rename.help")) { id, name };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(
                await context.Crm(
                    () => context.Get<RenameRole>().ExecuteAsync(actor, new RenameRoleRequest(context.Value(id), context.Value(name)), cancellationToken),
                    api => api.PatchAsync<RoleView>($"roles/{context.Value(id)}", new { name = context.Value(name) }, cancellationToken)),
                r => context.Terminal.Success(context.Texts.Phrase("role.roleRenamed", r.Id, r.Name))));
        return command;
    }

    private static Command Delete(CommandRunner runner)
    {
        var id = Shared.Id(runner.Texts.Phrase("role.id.help"));
        var command = new Command("delete", runner.Texts.Phrase("role.delete.help")) { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(
                await context.Crm(
                    () => context.Get<DeleteRole>().ExecuteAsync(actor, new DeleteRoleRequest(context.Value(id)), cancellationToken),
                    api => api.DeleteAsync<Done>($"roles/{context.Value(id)}", cancellationToken)),
                _ => context.Terminal.Success(context.Texts.Phrase("role.roleDeleted", context.Value(id))),
                _ => new { deleted = true, id = context.Value(id) }));
        return command;
    }
}
