using System.CommandLine;
using EpicEvents.Crm.Demo;
using EpicEvents.Crm.Setup;
using Spectre.Console;

namespace EpicEvents.Cli.Commands;

/// <summary>
/// <c>db init | migrate | seed --demo</c>. They need access to the database, not a session: they
/// are how an installation gets its first manager.
/// </summary>
internal static class DatabaseCommands
{
    public static Command Build(CommandRunner runner)
    {
        var db = new Command("db", runner.Texts.Phrase("database.help"));
        db.Subcommands.Add(Init(runner));
        db.Subcommands.Add(Migrate(runner));
        db.Subcommands.Add(Seed(runner));
        return db;
    }

    private static Command Init(CommandRunner runner)
    {
        var email = new Option<string?>("--admin-email") { Description = runner.Texts.Phrase("database.init.adminEmail.help", DatabaseSetup.DefaultAdminEmail) };
        var name = new Option<string?>("--admin-name") { Description = runner.Texts.Phrase("database.init.adminName.help") };
        var passwordStdin = Shared.PasswordStdin(runner.Texts.Phrase("database.init.passwordStdin.help"));
        var command = new Command("init", runner.Texts.Phrase("database.init.help"))
        {
            email, name, passwordStdin,
        };
        runner.Operator(command, async (context, cancellationToken) =>
        {
            var password = context.Value(passwordStdin) ? context.ReadLine() : null;
            var result = await context.Get<DatabaseSetup>().InitializeAsync(new DatabaseInitRequest(context.Value(email), context.Value(name), password), cancellationToken);
            return context.Complete(
                result,
                report =>
                {
                    context.Terminal.Success(report.Schema.Changed
                        ? context.Texts.Phrase("database.readyUpgraded", context.Database.Describe(), report.Schema.ToVersion, report.Schema.FromVersion)
                        : context.Texts.Phrase("database.ready", context.Database.Describe(), report.Schema.ToVersion));
                    if (report.RolesCreated.Count > 0)
                    {
                        context.Terminal.Line(context.Texts.Phrase("database.rolesCreated") + string.Join(", ", report.RolesCreated));
                    }

                    if (report.FirstManager is { } manager)
                    {
                        context.Terminal.Line(context.Texts.Phrase("database.firstManager", manager.Collaborator.FullName, manager.Collaborator.Email));
                        if (password is null)
                        {
                            context.Terminal.Line(context.Texts.Phrase("database.temporaryPasswordShownOnce") + manager.TemporaryPassword);
                        }

                        context.Terminal.Note(context.Texts.Phrase("database.logEpiceventsAuthLogin"));
                    }
                    else
                    {
                        context.Terminal.Note(context.Texts.Phrase("database.activeManagerAlreadyExists"));
                    }
                },
                report => new
                {
                    database = context.Database.Describe().ToString(),
                    schema = new { from = report.Schema.FromVersion, to = report.Schema.ToVersion },
                    rolesCreated = report.RolesCreated,
                    firstManager = report.FirstManager is { } manager
                        ? new { manager.Collaborator.Id, manager.Collaborator.Email, temporaryPassword = password is null ? manager.TemporaryPassword : null }
                        : null,
                });
        });
        return command;
    }

    private static Command Migrate(CommandRunner runner)
    {
        var command = new Command("migrate", runner.Texts.Phrase("database.migrate.help"));
        runner.Operator(command, async (context, cancellationToken) =>
        {
            var status = await context.Get<DatabaseSetup>().MigrateAsync(cancellationToken);
            if (context.Json)
            {
                context.Terminal.WriteJson(new { database = context.Database.Describe().ToString(), from = status.FromVersion, to = status.ToVersion });
            }
            else
            {
                context.Terminal.Success(status.Changed
                    ? context.Texts.Phrase("database.schemaUpgradedFromVersion", status.FromVersion, status.ToVersion)
                    : context.Texts.Phrase("database.schemaAlreadyAtVersion", status.ToVersion));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Seed(CommandRunner runner)
    {
        var demo = new Option<bool>("--demo") { Description = runner.Texts.Phrase("database.seed.demo.help") };
        var clients = new Option<int?>("--clients") { Description = runner.Texts.Phrase("database.seed.clients.help", DemoDataSeeder.DefaultClients, DemoDataSeeder.MaxClients) };
        var demoAccounts = new Option<bool>("--demo-accounts")
        {
            Description = runner.Texts.Phrase("database.seed.demoAccounts.help"),
        };
        var unsigned = new Option<int?>("--unsigned-percent") { Description = runner.Texts.Phrase("database.seed.unsignedPercent.help"), HelpName = runner.Texts.Phrase("common.percent.name") };
        var command = new Command("seed", runner.Texts.Phrase("database.seed.help")) { demo, clients, demoAccounts, unsigned };
        runner.Operator(command, async (context, cancellationToken) =>
        {
            if (!context.Value(demo))
            {
                return context.Usage(context.Texts.Phrase("database.onlyDemoDataCan"));
            }

            // A developer's machine (DOTNET_ENVIRONMENT or ASPNETCORE_ENVIRONMENT=Development) gets accounts
            // ready to use; anywhere else the operator confirms, and the shared password is temporary.
            var development = context.IsDevelopment;
            if (!development && !context.Value(demoAccounts))
            {
                return context.Usage(context.Texts.Phrase("database.demoDataCreatesStaff", DemoDataSeeder.DefaultPassword));
            }

            var request = new DemoDataRequest(context.Value(clients) ?? DemoDataSeeder.DefaultClients, TemporaryPasswords: !development, UnsignedPercent: context.Value(unsigned));
            var seeder = context.Create<DemoDataSeeder>();
            var result = context.Terminal.CanShowProgress
                ? await SeedWithProgressAsync(context, seeder, request, cancellationToken)
                : await seeder.SeedAsync(request, null, cancellationToken);
            return context.Complete(result, report => Describe(context, report, request.TemporaryPasswords));
        }, quiet: false);
        return command;
    }

    private static async Task<Crm.Common.Result<DemoDataReport>> SeedWithProgressAsync(CliContext context, DemoDataSeeder seeder, DemoDataRequest request, CancellationToken cancellationToken)
    {
        Crm.Common.Result<DemoDataReport>? result = null;
        await context.Terminal.Err.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var staff = progress.AddTask(context.Texts.Phrase("database.staff"), maxValue: 1);
                var clients = progress.AddTask(context.Texts.Phrase("database.seed.progress.clients"), maxValue: request.Clients);
                var reporter = new Progress<DemoDataProgress>(step =>
                {
                    var task = step.Stage == DemoDataStage.Collaborators ? staff : clients;
                    task.MaxValue = Math.Max(step.Total, 1);
                    task.Value = step.Done;
                });
                result = await seeder.SeedAsync(request, reporter, cancellationToken);
                staff.Value = staff.MaxValue;
                clients.Value = clients.MaxValue;
            });
        return result!;
    }

    private static void Describe(CliContext context, DemoDataReport report, bool temporaryPasswords)
    {
        var texts = context.Texts;
        context.Terminal.Success(texts.Phrase("database.demoCompanyReadyS", report.Elapsed.TotalSeconds, report.Clients, report.Contracts, report.Events, report.UpcomingEvents, report.EventsWithoutSupport));
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(texts.Phrase("database.department"))
            .AddColumn(texts.Phrase("database.name"))
            .AddColumn(context.Texts.Phrase("common.column.email"));
        foreach (var login in report.Logins)
        {
            table.AddRow(new Text(texts.Department(login.Department)), new Text(login.FullName), new Text(login.Email));
        }

        context.Terminal.Render(table);
        context.Terminal.Line(temporaryPasswords
            ? texts.Phrase("database.everyDemoAccountS", report.Password)
            : texts.Phrase("database.everyDemoAccountS2", report.Password));
    }
}
