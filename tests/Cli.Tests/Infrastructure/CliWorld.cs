using EpicEvents.Tests.Postgres;

namespace EpicEvents.Cli.Tests.Infrastructure;

/// <summary>How the CLI of a test reaches the CRM.</summary>
public enum CliMode
{
    /// <summary>The local mode: the CLI opens the SQLite file itself.</summary>
    Local,

    /// <summary>The remote mode: every command goes to a CRM server on the SQLite file; the CLI holds no connection string and no key.</summary>
    Server,

    /// <summary>The remote mode, the server on a PostgreSQL database.</summary>
    ServerOnPostgres,
}

/// <summary>
/// A company driven only through <c>epicevents</c> commands run in-process with captured output: a
/// manager, two Sales and two Support collaborators, each logged in from their own config directory.
/// The company is built once through the commands themselves (db init, password change, collaborator
/// create), then each test gets its own copy of the files (and of the PostgreSQL database). In the
/// server modes each world has its own CRM server, and each person's config directory names it.
/// </summary>
public sealed class CliWorld : IAsyncDisposable
{
    public const string Password = "Correct-Horse-Battery-9";
    public const string SigningKey = "dGVzdC1zaWduaW5nLWtleS1mb3ItdGhlLWNsaS10ZXN0cy0wMTIzNDU2Nzg5";

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;
    private static (string Files, string Database)? _postgresTemplate;
    private Func<Task> _dropDatabase = () => Task.CompletedTask;

    private CliWorld(string root, CliMode mode = CliMode.Local, string? connectionString = null)
    {
        Root = root;
        Mode = mode;
        DatabasePath = Path.Combine(root, "crm.db");
        ConnectionString = connectionString ?? $"Data Source={DatabasePath}";
        Manager = NewUser("manager", "Maud Manager", "maud.manager@epicevents.test");
        Sales = NewUser("sales", "Sam Sales", "sam.sales@epicevents.test");
        Sales2 = NewUser("sales2", "Sacha Sales", "sacha.sales@epicevents.test");
        Support = NewUser("support", "Sue Support", "sue.support@epicevents.test");
        Support2 = NewUser("support2", "Solal Support", "solal.support@epicevents.test");
        Stranger = NewUser("stranger", "Nobody", "nobody@epicevents.test");
    }

    public string Root { get; }

    /// <summary>The SQLite file (unused on PostgreSQL).</summary>
    public string DatabasePath { get; }

    public CliMode Mode { get; }

    /// <summary>The database: what the CLI opens in local mode, what the server opens otherwise.</summary>
    public string ConnectionString { get; }

    /// <summary>The CRM server of a server mode.</summary>
    public CrmTestServer? Server { get; private set; }

    public CliUser Manager { get; }

    public CliUser Sales { get; }

    public CliUser Sales2 { get; }

    public CliUser Support { get; }

    public CliUser Support2 { get; }

    /// <summary>Someone with no account and no session.</summary>
    public CliUser Stranger { get; }

    public IEnumerable<CliUser> Staff => [Manager, Sales, Sales2, Support, Support2];

    /// <summary>A fresh copy of the logged-in company, reached the way <paramref name="mode"/> says.</summary>
    public static async Task<CliWorld> CreateAsync(CliMode mode = CliMode.Local)
    {
        CliWorld world;
        string template;
        if (mode == CliMode.ServerOnPostgres)
        {
            var (files, database) = await PostgresTemplateAsync();
            var (connectionString, drop) = await TestPostgres.CreateDatabaseAsync(database);
            world = new CliWorld(NewDirectory(), mode, connectionString) { _dropDatabase = drop };
            template = files;
        }
        else
        {
            world = new CliWorld(NewDirectory(), mode);
            template = await TemplateAsync();
        }

        CopyDirectory(template, world.Root);
        if (mode != CliMode.Local)
        {
            world.Server = await CrmTestServer.StartAsync(world.ConnectionString);
            foreach (var user in world.Staff.Append(world.Stranger))
            {
                Directory.CreateDirectory(user.ConfigDirectory);
                await File.WriteAllTextAsync(Path.Combine(user.ConfigDirectory, "server"), world.Server.Address.ToString());
            }
        }

        foreach (var line in await File.ReadAllLinesAsync(Path.Combine(world.Root, "ids.txt")))
        {
            var parts = line.Split('=');
            world.Staff.Single(u => u.Name == parts[0]).Id = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        }

        return world;
    }

    /// <summary>An empty directory and no database at all: a machine where nothing was set up.</summary>
    public static CliWorld Empty() => new(NewDirectory());

    /// <summary>Crm.Core's services on this company's database (dispose them after use).</summary>
    public CoreServices Core() => new(ConnectionString);

    /// <summary>Changes the database behind the commands' back (imported data, a fault).</summary>
    public async Task<int> ExecuteSqlAsync(string sql)
    {
        await using var core = Core();
        return await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(core.Get<Crm.Persistence.CrmDbContext>().Database, sql);
    }

    public CliUser User(string name) => name switch
    {
        "manager" => Manager,
        "sales" => Sales,
        "sales2" => Sales2,
        "support" => Support,
        "support2" => Support2,
        _ => Stranger,
    };

    public async Task<CliRun> RunAsync(string configDirectory, string[] arguments, string? stdin, IReadOnlyDictionary<string, string?>? settings)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var local = Mode == CliMode.Local;
        var overrides = new Dictionary<string, string?>
        {
            // In a server mode the CLI is given neither the database nor the key: it must not need them.
            ["ConnectionStrings:Crm"] = local ? ConnectionString : null,
            ["DATABASE_URL"] = null,
            ["EPICEVENTS_CONFIG_DIR"] = configDirectory,
            ["Auth:SigningKey"] = local ? SigningKey : null,
            ["EPICEVENTS_SIGNING_KEY"] = null,
            ["EPICEVENTS_SERVER"] = null,
            ["DOTNET_ENVIRONMENT"] = null,
            ["ASPNETCORE_ENVIRONMENT"] = null,
            ["Auth:PasswordHashIterations"] = "100000",
            ["Crm:TimeZone"] = "Europe/Paris",
            ["EPICEVENTS_TOKEN"] = null,
            ["EPICEVENTS_LANG"] = null,
            ["LANG"] = null,
            // Telemetry from the machine's environment stays out of the tests; a test turns it on.
            ["SENTRY_DSN"] = null,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
            ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = null,
            ["OTEL_EXPORTER_OTLP_LOGS_ENDPOINT"] = null,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var environment = new CliEnvironment(new StringReader(stdin ?? string.Empty), output, error, false, false, false, AppContext.BaseDirectory, Root)
        {
            Overrides = overrides,
        };
        var exitCode = await CliApplication.RunAsync(arguments, environment);
        return new CliRun(arguments, exitCode, output.ToString(), error.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        await _dropDatabase();
        EpicEvents.Tests.Databases.SqlitePools.Clear(ConnectionString);
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on a slow machine: the temporary directory is cleaned by the system.
        }
    }

    private CliUser NewUser(string name, string fullName, string email) =>
        new(this, name, fullName, email, Path.Combine(Root, "config", name));

    private static async Task<string> TemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            return _template ??= await BuildTemplateAsync();
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    /// <summary>
    /// The company on a PostgreSQL database nobody stays connected to (so that it can be copied with
    /// <c>CREATE DATABASE … TEMPLATE</c>), built by the operator's commands in local mode, as on a server.
    /// </summary>
    private static async Task<(string Files, string Database)> PostgresTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_postgresTemplate is null)
            {
                var (connectionString, _) = await TestPostgres.CreateDatabaseAsync();
                var files = await BuildTemplateAsync(connectionString);
                Npgsql.NpgsqlConnection.ClearAllPools();
                _postgresTemplate = (files, new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database!);
            }

            return _postgresTemplate.Value;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task<string> BuildTemplateAsync(string? connectionString = null)
    {
        var world = new CliWorld(NewDirectory(), CliMode.Local, connectionString);
        const string temporary = "Temporary-Password-1";
        (await world.Manager.RunAsync($"db init --admin-email {world.Manager.Email} --admin-name \"Maud Manager\" --password-stdin", temporary + "\n")).Succeeds();
        await FirstLoginAsync(world.Manager, temporary);
        foreach (var (user, role) in new[] { (world.Sales, "commercial"), (world.Sales2, "commercial"), (world.Support, "support"), (world.Support2, "support") })
        {
            var created = (await world.Manager.RunAsync(["collaborator", "create", "--name", user.FullName, "--email", user.Email, "--role", role, "--password-stdin", "--json"], temporary + "\n")).Succeeds();
            user.Id = created.Json.GetProperty("collaborator").GetProperty("id").GetInt32();
            await FirstLoginAsync(user, temporary);
        }

        world.Manager.Id = (await world.Manager.RunAsync("auth whoami --json")).Succeeds().Json.GetProperty("collaboratorId").GetInt32();
        await File.WriteAllLinesAsync(Path.Combine(world.Root, "ids.txt"), world.Staff.Select(u => $"{u.Name}={u.Id}"));
        EpicEvents.Tests.Databases.SqlitePools.Clear(world.ConnectionString);
        return world.Root;
    }

    private static async Task FirstLoginAsync(CliUser user, string temporary)
    {
        (await user.LoginAsync(temporary)).Succeeds();
        (await user.RunAsync("password change --password-stdin", $"{temporary}\n{Password}\n{Password}\n")).Succeeds();
    }

    private static string NewDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "epicevents-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(source, target, StringComparison.Ordinal));
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = file.Replace(source, target, StringComparison.Ordinal);
            File.Copy(file, copy);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(copy, File.GetUnixFileMode(file));
            }
        }
    }
}
