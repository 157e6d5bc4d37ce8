using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Setup;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Crm.Tests.Setup;

/// <summary>
/// A database as an administrator finds it before <c>db init</c> — no roles, no staff, unlike
/// <c>CrmWorld</c> — with Crm.Core's real registrations and a clock the test controls.
/// </summary>
public sealed class BareCompany : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BareCompany(TestDatabase database, ServiceProvider services, TestClock clock)
    {
        Database = database;
        _services = services;
        Clock = clock;
    }

    public TestDatabase Database { get; }

    public TestClock Clock { get; }

    /// <param name="withSchema">False: not even the schema exists yet.</param>
    /// <param name="addServices">Registrations beyond Crm.Core's (the demo seeder's, for its tests).</param>
    public static async Task<BareCompany> CreateAsync<TDatabase>(bool withSchema = true, Action<IServiceCollection>? addServices = null)
        where TDatabase : IDatabaseKind
    {
        var database = withSchema ? await TDatabase.CreateAsync() : await TDatabase.CreateEmptyAsync();
        var clock = new TestClock();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddCrmCore(database.Settings, TestAuth.Options);
        addServices?.Invoke(services);
        return new BareCompany(database, services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }), clock);
    }

    /// <summary>A service from a fresh scope, as the CLI resolves it for one command.</summary>
    public T Get<T>()
        where T : notnull => _services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public CrmDbContext NewContext() => Database.NewContext();

    public async Task<DatabaseInitReport> InitializeAsync() =>
        (await Get<DatabaseSetup>().InitializeAsync(new DatabaseInitRequest())).ShouldBeOk();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
