using System.Net;
using System.Text.Json;
using EpicEvents.Cli;
using Microsoft.Playwright;

namespace EpicEvents.Bot.EndToEnd.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEndWorld>
{
    public const string Name = "Bot and playground";
}

/// <summary>
/// The whole product on this machine, started once for the test collection: a SQLite database set
/// up through the <c>epicevents</c> commands (a manager, a Sales and a Support collaborator, each
/// linked to their mock Teams account), the real bot process on a free port, and — on first use —
/// one Agents Playground per person the tests talk as, plus headless Chromium. Everything is killed
/// and deleted at the end.
/// </summary>
public sealed class EndToEndWorld : IAsyncLifetime
{
    public const string Password = "Correct-Horse-Battery-9";
    private const string TemporaryPassword = "Temporary-Password-1";
    private const string SigningKey = "ZW5kLXRvLWVuZC10ZXN0cy1zaWduaW5nLWtleS0wMTIzNDU2Nzg5YWJjZGVm";
    private static readonly TimeSpan BotStartTimeout = TimeSpan.FromSeconds(60);

    private readonly Dictionary<MockPerson, Playground> _playgrounds = [];
    private readonly Dictionary<MockPerson, int> _collaboratorIds = [];
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private ChildProcess? _bot;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "epicevents-e2e", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(Root, "crm.db");

    public Uri BotUrl { get; private set; } = null!;

    public Uri BotEndpoint => new(BotUrl, "api/messages");

    /// <summary>The collaborator id of each of the staff (Maud Manager, Sam Sales, Sue Support).</summary>
    public IReadOnlyDictionary<MockPerson, int> CollaboratorIds => _collaboratorIds;

    public ChildProcess Bot => _bot ?? throw new InvalidOperationException("The bot is started in InitializeAsync.");

    /// <summary>Every process started so far (the bot first), for failure reports.</summary>
    public IEnumerable<ChildProcess> Processes => new[] { _bot }.Concat(_playgrounds.Values.Select(p => p.Process)).OfType<ChildProcess>();

    public async Task InitializeAsync()
    {
        if (Prerequisites.Missing() is { } missing)
        {
            if (!Prerequisites.InCi)
            {
                return;
            }

            throw new InvalidOperationException($"CI=true and the end-to-end tests cannot run. {missing}");
        }

        Directory.CreateDirectory(Root);
        await SetUpCompanyAsync();
        StartBot();
        await Bot.WaitUntilAsync("200 on /readyz", async () => (await _http.GetAsync(new Uri(BotUrl, "readyz"))).StatusCode == HttpStatusCode.OK, BotStartTimeout);
    }

    /// <summary>The playground with <paramref name="person"/> as its current user, started on first use.</summary>
    public async Task<Playground> PlaygroundAsync(MockPerson person)
    {
        await _startLock.WaitAsync();
        try
        {
            if (!_playgrounds.TryGetValue(person, out var playground))
            {
                playground = await Playground.StartAsync(person, BotEndpoint, Path.Combine(Root, "playground-" + person.GivenName.ToLowerInvariant()));
                _playgrounds[person] = playground;
            }

            return playground;
        }
        finally
        {
            _startLock.Release();
        }
    }

    /// <summary>Headless Debian Chromium, launched on first use (Playwright never downloads a browser here).</summary>
    public async Task<IBrowser> BrowserAsync()
    {
        await _startLock.WaitAsync();
        try
        {
            Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            _playwright ??= await Microsoft.Playwright.Playwright.CreateAsync();
            return _browser ??= await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Prerequisites.ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            });
        }
        finally
        {
            _startLock.Release();
        }
    }

    /// <summary>Runs <c>epicevents</c> in-process as <paramref name="person"/> (their own session), against the test database.</summary>
    public async Task<CliRun> CliAsync(MockPerson person, string[] arguments, string? stdin = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(new StringReader(stdin ?? string.Empty), output, error, false, false, false, AppContext.BaseDirectory, Root)
        {
            Overrides = new Dictionary<string, string?>
            {
                ["ConnectionStrings:Crm"] = $"Data Source={DatabasePath}",
                ["EPICEVENTS_CONFIG_DIR"] = Path.Combine(Root, "cli-" + person.GivenName.ToLowerInvariant()),
                ["Auth:SigningKey"] = SigningKey,
                ["EPICEVENTS_TOKEN"] = null,
                // Digests come only to whoever turns theirs on, and Management's on any day: a test
                // chooses who gets one and when, whatever the day and hour the suite runs at.
                ["Crm__Digests__Management__Enabled"] = "false",
                ["Crm__Digests__Management__Days"] = "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday",
                ["Crm__Digests__Support__Enabled"] = "false",
                ["Crm__Digests__Sales__Enabled"] = "false",
                ["Bot__Digests__Interval"] = "00:00:02",
                ["EPICEVENTS_LANG"] = "en",
                ["LANG"] = null,
            },
        };
        var exitCode = await CliApplication.RunAsync(arguments, environment);
        return new CliRun(arguments, exitCode, output.ToString(), error.ToString());
    }

    public async Task DisposeAsync()
    {
        foreach (var playground in _playgrounds.Values)
        {
            await playground.DisposeAsync();
        }

        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _bot?.Dispose();
        _http.Dispose();
        _startLock.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the system cleans its temporary directory.
        }
    }

    /// <summary>db init, the manager's first login, Sales and Support collaborators, and the three Teams links.</summary>
    private async Task SetUpCompanyAsync()
    {
        var manager = MockTenant.Manager;
        (await CliAsync(manager, ["db", "init", "--admin-email", manager.Email, "--admin-name", manager.Name, "--password-stdin"], TemporaryPassword + "\n")).Succeeds();
        await FirstLoginAsync(manager);
        var ids = _collaboratorIds;
        ids[manager] = (await CliAsync(manager, ["auth", "whoami", "--json"])).Succeeds().Json.GetProperty("collaboratorId").GetInt32();
        foreach (var (person, role) in new[] { (MockTenant.Sales, "commercial"), (MockTenant.Support, "support") })
        {
            var created = (await CliAsync(manager, ["collaborator", "create", "--name", person.Name, "--email", person.Email, "--role", role, "--password-stdin", "--json"], TemporaryPassword + "\n")).Succeeds();
            ids[person] = created.Json.GetProperty("collaborator").GetProperty("id").GetInt32();
            await FirstLoginAsync(person);
        }

        foreach (var (person, id) in ids)
        {
            (await CliAsync(manager, ["collaborator", "link-teams", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--aad-object-id", person.AadObjectId.ToString(), "--tenant-id", MockTenant.TenantId.ToString()])).Succeeds();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private async Task FirstLoginAsync(MockPerson person)
    {
        (await CliAsync(person, ["auth", "login", "--email", person.Email, "--password-stdin"], TemporaryPassword + "\n")).Succeeds();
        (await CliAsync(person, ["password", "change", "--password-stdin"], $"{TemporaryPassword}\n{Password}\n{Password}\n")).Succeeds();
    }

    private void StartBot()
    {
        var assembly = Prerequisites.BotAssembly();
        BotUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        _bot = ChildProcess.Start(
            "bot",
            "dotnet",
            [assembly, "--urls", BotUrl.ToString().TrimEnd('/')],
            Root,
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["DOTNET_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__Crm"] = $"Data Source={DatabasePath}",
                ["DATABASE_URL"] = null,
                ["Teams__AllowedTenants__0"] = MockTenant.TenantId.ToString(),
                ["Auth__SigningKey"] = SigningKey,
                ["EPICEVENTS_CONFIG_DIR"] = Path.Combine(Root, "bot-config"),
                // Local mode: no app id, so the playground's unsigned requests are accepted.
                ["MicrosoftAppId"] = null,
                ["MicrosoftAppPassword"] = null,
                // Digests come only to whoever turns theirs on, and Management's on any day: a test
                // chooses who gets one and when, whatever the day and hour the suite runs at.
                ["Crm__Digests__Management__Enabled"] = "false",
                ["Crm__Digests__Management__Days"] = "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday",
                ["Crm__Digests__Support__Enabled"] = "false",
                ["Crm__Digests__Sales__Enabled"] = "false",
                ["Bot__Digests__Interval"] = "00:00:02",
                ["EPICEVENTS_LANG"] = "en",
                ["LANG"] = "en_US.UTF-8",
            });
    }
}

/// <summary>What one <c>epicevents</c> command printed and returned.</summary>
public sealed record CliRun(string[] Arguments, int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;

    /// <summary>The id of the record a <c>--json</c> command printed.</summary>
    public int Id => Json.GetProperty("id").GetInt32();

    public CliRun Succeeds()
    {
        ExitCode.Should().Be(ExitCodes.Ok, "`epicevents {0}` should succeed; stdout: {1} stderr: {2}", string.Join(' ', Arguments), Stdout, Stderr);
        return this;
    }
}
