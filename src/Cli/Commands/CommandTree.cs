using System.CommandLine;

namespace EpicEvents.Cli.Commands;

/// <summary>The whole grammar of <c>epicevents</c>; each group is built in its own file.</summary>
internal static class CommandTree
{
    public static RootCommand Build(CommandRunner runner)
    {
        var root = new RootCommand($"""
            Epic Events CRM from a terminal: clients, contracts, events and staff.
            Log in first with `epicevents auth login`; a new installation starts with `epicevents db init`.

            {ExitCodes.Help}
            """);
        runner.Globals.AddTo(root);
        root.Subcommands.Add(AuthCommands.Build(runner));
        root.Subcommands.Add(PasswordCommands.Build(runner));
        root.Subcommands.Add(SettingsCommands.Build(runner));
        root.Subcommands.Add(DatabaseCommands.Build(runner));
        root.Subcommands.Add(CollaboratorCommands.Build(runner));
        root.Subcommands.Add(RoleCommands.Build(runner));
        root.Subcommands.Add(ClientCommands.Build(runner));
        root.Subcommands.Add(ContractCommands.Build(runner));
        root.Subcommands.Add(EventCommands.Build(runner));
        root.Subcommands.Add(NotificationCommands.Build(runner));
        root.Subcommands.Add(DigestCommands.Build(runner));
        root.Subcommands.Add(AuditCommands.Build(runner));
        return root;
    }
}

/// <summary>Arguments and options several commands share.</summary>
internal static class Shared
{
    public static Argument<int> Id(string what) => new("ID") { Description = $"The {what}'s number." };

    public static Option<bool> PasswordStdin(string what) => new("--password-stdin")
    {
        Description = $"Read {what} from standard input (one per line) instead of prompting.",
    };
}
