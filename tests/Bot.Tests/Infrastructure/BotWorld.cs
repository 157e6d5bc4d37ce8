using System.Text.Json;
using EpicEvents.Bot.Hosting;
using EpicEvents.Bot.Protocol;
using EpicEvents.Bot.Protocol.Schema;
using EpicEvents.Bot.Protocol.Testing;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Demo;
using EpicEvents.Crm.Setup;
using EpicEvents.Tests.Postgres;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Bot.Tests.Infrastructure;

/// <summary>A Teams user of the tests: their Teams identity and the collaborator it is linked to.</summary>
public sealed record TeamsUser(string Name, Guid AadObjectId, int CollaboratorId, Department Department)
{
    public string UserId => $"29:{AadObjectId:N}";
}

/// <summary>
/// The bot as the host builds it (same services), on its own SQLite file with a small demo company,
/// and three Teams users linked to a manager, a salesperson and a support collaborator. Turns go
/// through the protocol's <see cref="TestAdapter"/>, without HTTP.
/// </summary>
public sealed class BotWorld : IAsyncDisposable
{
    public static readonly Guid Tenant = Guid.Parse("6b0cd0a4-2f5e-4c7b-9a3b-1f2e3d4c5b6a");

    private readonly List<WebApplication> _hosts = [];
    private readonly List<RunningSender> _senders = [];
    private readonly Func<Task> _dropDatabase;

    private BotWorld(string directory, string? postgres, Func<Task>? dropDatabase)
    {
        Directory = directory;
        DatabasePath = Path.Combine(directory, "crm.db");
        ConnectionString = postgres ?? $"Data Source={DatabasePath}";
        _dropDatabase = dropDatabase ?? (() => Task.CompletedTask);
    }

    public string Directory { get; }

    /// <summary>The SQLite file (unused on PostgreSQL).</summary>
    public string DatabasePath { get; }

    public string ConnectionString { get; }

    public TeamsUser Manager { get; private set; } = null!;

    public TeamsUser Sales { get; private set; } = null!;

    public TeamsUser Support { get; private set; } = null!;

    /// <summary>A member of the tenant nobody linked.</summary>
    public TeamsUser Stranger { get; } = new("Stranger", Guid.Parse("0f0e0d0c-0b0a-0908-0706-050403020100"), 0, Department.Unknown);

    public IServiceProvider Services => _hosts[0].Services;

    /// <summary>The email of a demo collaborator of each department (password <see cref="DemoDataSeeder.DefaultPassword"/>).</summary>
    public IReadOnlyDictionary<Department, string> Emails { get; private set; } = new Dictionary<Department, string>();

    /// <summary>A world on its own SQLite file.</summary>
    public static Task<BotWorld> CreateAsync() => CreateAsync(null, null);

    /// <summary>A world on its own database of the PostgreSQL server the test command started (see <see cref="TestPostgres"/>).</summary>
    public static async Task<BotWorld> CreateOnPostgresAsync()
    {
        var (connectionString, drop) = await TestPostgres.CreateDatabaseAsync();
        return await CreateAsync(connectionString, drop);
    }

    private static async Task<BotWorld> CreateAsync(string? postgres, Func<Task>? drop)
    {
        var directory = Path.Combine(Path.GetTempPath(), "epicevents-bot-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var world = new BotWorld(directory, postgres, drop);
        world.StartInstance();
        await world.SeedAsync();
        return world;
    }

    /// <summary>Another bot instance on the same database (a restart, or a second server), with extra settings (<c>--Key=value</c>).</summary>
    public IServiceProvider StartInstance(Action<IServiceCollection>? services = null, params string[] settings)
    {
        var host = BotHost.Build(
            [
                "--environment=Development",
                $"--ConnectionStrings:Crm={ConnectionString}",
                $"--Teams:AllowedTenants:0={Tenant}",
                "--Crm:TimeZone=Europe/Paris",
                .. settings,
            ],
            builder => services?.Invoke(builder.Services));
        _hosts.Add(host);
        return host.Services;
    }

    /// <summary>
    /// Starts the outbox sender of a new bot instance on this database. The connector client gives
    /// up an attempt after <paramref name="attemptTimeout"/> (30 s unless told: a loaded machine must
    /// not turn a slow answer into a lost one) and backs off from 100 ms, so that injected faults
    /// cost the tests little time.
    /// </summary>
    public async Task<RunningSender> StartSenderAsync(TimeSpan? attemptTimeout = null, params string[] settings)
    {
        var instance = StartInstance(
            services => services.Configure<BotProtocolOptions>(options =>
            {
                options.ConnectorAttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(30);
                options.ConnectorBaseDelay = TimeSpan.FromMilliseconds(100);
                options.ConnectorMaxDelay = TimeSpan.FromSeconds(2);
            }),
            ["--Bot:Outbox:PollInterval=00:00:00.200", .. settings]);
        var sender = new RunningSender(instance.GetRequiredService<Notifications.OutboxSender>());
        _senders.Add(sender);
        await sender.Service.StartAsync(CancellationToken.None);
        return sender;
    }

    /// <summary>A chat between <paramref name="user"/> and the bot.</summary>
    public Chat ChatWith(TeamsUser user, string locale = "en-US", IServiceProvider? instance = null) =>
        OpenChat(user, locale, instance, new ConversationAccount { Id = $"a:{user.AadObjectId:N}", ConversationType = "personal", TenantId = Tenant.ToString() });

    /// <summary>
    /// A one-to-one chat of <paramref name="user"/> with a colleague, not with the bot: Teams calls it
    /// "personal" too, and only the compose box's searches reach the bot from there.
    /// </summary>
    public Chat ChatWithAColleagueOf(TeamsUser user, string locale = "en-US") =>
        OpenChat(user, locale, null, new ConversationAccount { Id = $"19:{user.AadObjectId:N}_colleague@unq.gbl.spaces", ConversationType = "personal", TenantId = Tenant.ToString() });

    private Chat OpenChat(TeamsUser user, string locale, IServiceProvider? instance, ConversationAccount conversation)
    {
        var reference = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = "https://smba.trafficmanager.net/emea/",
            User = new ChannelAccount { Id = user.UserId, Name = user.Name, AadObjectId = user.AadObjectId.ToString(), Role = "user" },
            Bot = new ChannelAccount { Id = "28:epicevents-test-bot", Name = "Epic Events", Role = "bot" },
            Conversation = conversation,
            Locale = locale,
        };
        return new Chat(new TestAdapter(reference), instance ?? Services);
    }

    /// <summary>A new draft contract of 12 000 €, created by <paramref name="sales"/> for one of their clients.</summary>
    public async Task<int> NewDraftContractAsync(TeamsUser sales)
    {
        var clientId = await QueryAsync(db => db.Clients.Where(c => c.SalesContactId == sales.CollaboratorId).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        await using var scope = Services.CreateAsyncScope();
        var actor = await scope.ServiceProvider.GetRequiredService<ActorLoader>().LoadAsync(sales.CollaboratorId, ChangeSource.Bot);
        var created = await scope.ServiceProvider.GetRequiredService<Crm.Contracts.CreateContract>().ExecuteAsync(actor!, new Crm.Contracts.CreateContractRequest(clientId, 12_000m, 12_000m));
        return created.Value.Id;
    }

    public async Task<T> QueryAsync<T>(Func<CrmDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CrmDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sender in _senders)
        {
            await sender.CrashAsync();
        }

        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        EpicEvents.Tests.Databases.SqlitePools.Clear(ConnectionString);
        await _dropDatabase();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temporary-file cleaning.
        }
    }

    private async Task SeedAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        (await provider.GetRequiredService<DatabaseSetup>().InitializeAsync(new DatabaseInitRequest())).IsOk.Should().BeTrue();
        var report = await ActivatorUtilities.CreateInstance<DemoDataSeeder>(provider).SeedAsync(new DemoDataRequest(Clients: 20, Seed: 7));
        report.IsOk.Should().BeTrue(report.ToString());
        var db = provider.GetRequiredService<CrmDbContext>();
        Emails = report.Value.Logins.GroupBy(l => l.Department).ToDictionary(g => g.Key, g => g.First().Email);
        async Task<TeamsUser> LinkAsync(Department department, string objectId)
        {
            var email = report.Value.Logins.First(l => l.Department == department).Email;
            var collaborator = await db.Collaborators.AsNoTracking().SingleAsync(c => c.Email == email);
            var managerEmail = report.Value.Logins.First(l => l.Department == Department.Management).Email;
            var managerId = await db.Collaborators.Where(c => c.Email == managerEmail).Select(c => c.Id).SingleAsync();
            var manager = await provider.GetRequiredService<ActorLoader>().LoadAsync(managerId, ChangeSource.Cli);
            var aad = Guid.Parse(objectId);
            (await provider.GetRequiredService<LinkTeamsIdentity>().ExecuteAsync(manager!, new LinkTeamsIdentityRequest(collaborator.Id, Tenant, aad))).IsOk.Should().BeTrue();
            return new TeamsUser(collaborator.FullName, aad, collaborator.Id, department);
        }

        Manager = await LinkAsync(Department.Management, "11111111-1111-4111-8111-111111111111");
        Sales = await LinkAsync(Department.Sales, "22222222-2222-4222-8222-222222222222");
        Support = await LinkAsync(Department.Support, "33333333-3333-4333-8333-333333333333");
    }
}

/// <summary>An outbox sender running in a bot instance of the tests.</summary>
public sealed class RunningSender(Notifications.OutboxSender service)
{
    public Notifications.OutboxSender Service { get; } = service;

    /// <summary>Stops as the host does on shutdown, waiting for the deliveries under way.</summary>
    public Task StopAsync() => Service.StopAsync(CancellationToken.None);

    /// <summary>Stops without waiting for anything, as a process that dies: claims are left to their leases.</summary>
    public Task CrashAsync() => Service.StopAsync(new CancellationToken(canceled: true));
}

/// <summary>One user's chat with the bot; each call is one turn on a fresh scope, as in the host.</summary>
public sealed class Chat(TestAdapter adapter, IServiceProvider services)
{
    public TestAdapter Adapter { get; } = adapter;

    public Task<TestTurnResult> SayAsync(string text) => TurnAsync(Adapter.MakeMessage(text));

    /// <summary>Clicks an <c>Action.Execute</c> button of a card with the inputs filled.</summary>
    public Task<TestTurnResult> ClickAsync(JsonElement card, string title, IReadOnlyDictionary<string, string>? inputs = null)
    {
        var action = Cards.Action(card, title);
        var data = new Dictionary<string, object?>();
        foreach (var property in action.GetProperty("data").EnumerateObject())
        {
            data[property.Name] = property.Value.GetString();
        }

        foreach (var (key, value) in inputs ?? new Dictionary<string, string>())
        {
            data[key] = value;
        }

        return action.GetProperty("type").GetString() == "Action.Execute"
            ? TurnAsync(Adapter.MakeCardAction(action.GetProperty("verb").GetString()!, data))
            : TurnAsync(Adapter.MakeSubmit(data));
    }

    /// <summary>Searches from the compose box: <paramref name="text"/> null is the query Teams sends as the box opens.</summary>
    public Task<TestTurnResult> SearchAsync(string commandId, string? text, int skip = 0, int count = 25, string parameterName = "query") =>
        TurnAsync(Adapter.MakeMessagingExtensionQuery(commandId, text, skip, count, parameterName));

    public Task<TestTurnResult> InstallAsync() => TurnAsync(Adapter.MakeActivity(ActivityTypes.InstallationUpdate, a => a.Action = "add"));

    public async Task<TestTurnResult> TurnAsync(Activity activity)
    {
        await using var scope = services.CreateAsyncScope();
        return await Adapter.ProcessActivityAsync(scope.ServiceProvider.GetRequiredService<CrmBot>(), activity);
    }
}
