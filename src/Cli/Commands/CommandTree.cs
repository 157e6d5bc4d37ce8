using System.CommandLine;
using System.CommandLine.Help;
using EpicEvents.Cli.Output;

namespace EpicEvents.Cli.Commands;

/// <summary>The whole grammar of <c>epicevents</c>; each group is built in its own file.</summary>
internal static class CommandTree
{
    public static RootCommand Build(CommandRunner runner)
    {
        var root = new RootCommand($"{runner.Texts.Phrase("root.help")}{Environment.NewLine}{Environment.NewLine}{runner.Texts.Phrase("root.exitCodes")}");
        foreach (var option in root.Options)
        {
            option.Description = option switch
            {
                HelpOption => runner.Texts.Phrase("root.helpOption.help"),
                VersionOption => runner.Texts.Phrase("root.versionOption.help"),
                _ => option.Description,
            };
        }

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
        NamePlaceholders(root, runner.Texts);
        return root;
    }

    /// <summary>
    /// The placeholder of a value in the help (<c>--name &lt;name&gt;</c>) is the option's own name
    /// unless told otherwise; each is said once here, for every command that has the option.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> Placeholders = new Dictionary<string, string>
    {
        ["--name"] = "placeholder.name",
        ["--admin-name"] = "placeholder.name",
        ["--email"] = "placeholder.email",
        ["--admin-email"] = "placeholder.email",
        ["--phone"] = "placeholder.phone",
        ["--company"] = "placeholder.company",
        ["--days"] = "placeholder.days",
        ["--limit"] = "placeholder.limit",
        ["--location"] = "placeholder.location",
        ["--notes"] = "placeholder.notes",
        ["--reason"] = "placeholder.reason",
        ["--role"] = "placeholder.role",
        ["--attendees"] = "placeholder.attendees",
        ["--actual-attendees"] = "placeholder.actualAttendees",
        ["--clients"] = "placeholder.clients",
        ["language"] = "placeholder.language",
    };

    private static void NamePlaceholders(Command command, Texts texts)
    {
        foreach (var option in command.Options)
        {
            if (option.HelpName is null && Placeholders.TryGetValue(option.Name, out var key))
            {
                option.HelpName = texts.Phrase(key);
            }
        }

        foreach (var argument in command.Arguments)
        {
            if (argument.HelpName is null && Placeholders.TryGetValue(argument.Name, out var key))
            {
                argument.HelpName = texts.Phrase(key);
            }
        }

        foreach (var subcommand in command.Subcommands)
        {
            NamePlaceholders(subcommand, texts);
        }
    }
}

/// <summary>Arguments and options several commands share.</summary>
internal static class Shared
{
    public static Argument<int> Id(string description) => new("ID") { Description = description };

    public static Option<bool> PasswordStdin(string description) => new("--password-stdin") { Description = description };
}
