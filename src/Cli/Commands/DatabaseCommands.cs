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
        var db = new Command("db", "Create, upgrade and fill the database: operator's commands, run where the database is, never through a CRM server.");
        db.Subcommands.Add(Init(runner));
        db.Subcommands.Add(Migrate(runner));
        db.Subcommands.Add(Seed(runner));
        return db;
    }

    private static Command Init(CommandRunner runner)
    {
        var email = new Option<string?>("--admin-email") { Description = $"The first manager's email (default {DatabaseSetup.DefaultAdminEmail})." };
        var name = new Option<string?>("--admin-name") { Description = "The first manager's name (default Administrator)." };
        var passwordStdin = Shared.PasswordStdin("the first manager's temporary password");
        var command = new Command("init", "Create or upgrade the database, the three default roles and a first manager (with no configuration: a SQLite file in your data directory).")
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
                    context.Terminal.Success(context.Texts.Say(
                        $"Database ready: {context.Database.Describe()} (schema version {report.Schema.ToVersion}{(report.Schema.Changed ? $", was {report.Schema.FromVersion}" : string.Empty)}).",
                        $"Base prête : {context.Database.Describe()} (schéma version {report.Schema.ToVersion}{(report.Schema.Changed ? $", était {report.Schema.FromVersion}" : string.Empty)})."));
                    if (report.RolesCreated.Count > 0)
                    {
                        context.Terminal.Line(context.Texts.Say("Roles created: ", "Rôles créés : ") + string.Join(", ", report.RolesCreated));
                    }

                    if (report.FirstManager is { } manager)
                    {
                        context.Terminal.Line(context.Texts.Say(
                            $"First manager: {manager.Collaborator.FullName} <{manager.Collaborator.Email}>",
                            $"Premier gestionnaire : {manager.Collaborator.FullName} <{manager.Collaborator.Email}>"));
                        if (password is null)
                        {
                            context.Terminal.Line(context.Texts.Say("Temporary password (shown once): ", "Mot de passe provisoire (affiché une seule fois) : ") + manager.TemporaryPassword);
                        }

                        context.Terminal.Note(context.Texts.Say(
                            "Log in with `epicevents auth login`, then change the password with `epicevents password change`.",
                            "Connectez-vous avec `epicevents auth login`, puis changez le mot de passe avec `epicevents password change`."));
                    }
                    else
                    {
                        context.Terminal.Note(context.Texts.Say("An active manager already exists: none was created.", "Un gestionnaire actif existe déjà : aucun n'a été créé."));
                    }
                },
                report => new
                {
                    database = context.Database.Describe(),
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
        var command = new Command("migrate", "Create or upgrade the schema only.");
        runner.Operator(command, async (context, cancellationToken) =>
        {
            var status = await context.Get<DatabaseSetup>().MigrateAsync(cancellationToken);
            if (context.Json)
            {
                context.Terminal.WriteJson(new { database = context.Database.Describe(), from = status.FromVersion, to = status.ToVersion });
            }
            else
            {
                context.Terminal.Success(status.Changed
                    ? context.Texts.Say($"Schema upgraded from version {status.FromVersion} to {status.ToVersion}.", $"Schéma mis à jour de la version {status.FromVersion} à {status.ToVersion}.")
                    : context.Texts.Say($"Schema already at version {status.ToVersion}.", $"Schéma déjà en version {status.ToVersion}."));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Seed(CommandRunner runner)
    {
        var demo = new Option<bool>("--demo") { Description = "Fill an empty database with a demo events company (required: demo data is the only kind)." };
        var clients = new Option<int?>("--clients") { Description = $"How many clients (default {DemoDataSeeder.DefaultClients}, at most {DemoDataSeeder.MaxClients:N0}); staff, contracts and events scale with them." };
        var demoAccounts = new Option<bool>("--demo-accounts")
        {
            Description = "Outside Development: yes, create demo accounts that share a published password (each must change it at first login).",
        };
        var unsigned = new Option<int?>("--unsigned-percent") { Description = "The share of contracts left unsigned (draft or awaiting signature), 0 to 100 (default: about 27).", HelpName = "PERCENT" };
        var command = new Command("seed", "Fill an empty database with demo data.") { demo, clients, demoAccounts, unsigned };
        runner.Operator(command, async (context, cancellationToken) =>
        {
            if (!context.Value(demo))
            {
                return context.Usage(context.Texts.Say("Only demo data can be seeded: add --demo.", "Seules des données de démonstration peuvent être créées : ajoutez --demo."));
            }

            // A developer's machine (DOTNET_ENVIRONMENT or ASPNETCORE_ENVIRONMENT=Development) gets accounts
            // ready to use; anywhere else the operator confirms, and the shared password is temporary.
            var development = context.IsDevelopment;
            if (!development && !context.Value(demoAccounts))
            {
                return context.Usage(context.Texts.Say(
                    $"Demo data creates staff accounts that share the published password {DemoDataSeeder.DefaultPassword}. Outside Development, confirm with --demo-accounts (each account must then change it at first login).",
                    $"Les données de démonstration créent des comptes qui partagent le mot de passe publié {DemoDataSeeder.DefaultPassword}. Hors Development, confirmez avec --demo-accounts (chaque compte devra alors le changer à la première connexion)."));
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
                var staff = progress.AddTask(context.Texts.Say("Staff", "Personnel"), maxValue: 1);
                var clients = progress.AddTask("Clients", maxValue: request.Clients);
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
        context.Terminal.Success(texts.Say(
            $"Demo company ready in {report.Elapsed.TotalSeconds:0.0} s: {report.Clients} clients, {report.Contracts} contracts, {report.Events} events ({report.UpcomingEvents} upcoming, {report.EventsWithoutSupport} without support).",
            $"Entreprise de démonstration prête en {report.Elapsed.TotalSeconds:0.0} s : {report.Clients} clients, {report.Contracts} contrats, {report.Events} événements ({report.UpcomingEvents} à venir, {report.EventsWithoutSupport} sans support)."));
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(texts.Say("Department", "Département"))
            .AddColumn(texts.Say("Name", "Nom"))
            .AddColumn("Email");
        foreach (var login in report.Logins)
        {
            table.AddRow(new Text(texts.Department(login.Department)), new Text(login.FullName), new Text(login.Email));
        }

        context.Terminal.Render(table);
        context.Terminal.Line(temporaryPasswords
            ? texts.Say($"Every demo account's temporary password (to change at first login): {report.Password}", $"Mot de passe provisoire de tous les comptes de démonstration (à changer à la première connexion) : {report.Password}")
            : texts.Say($"Every demo account's password: {report.Password}", $"Mot de passe de tous les comptes de démonstration : {report.Password}"));
    }
}
