using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Crm.Tests.Infrastructure;

/// <summary>
/// Base of every use-case test class: each test gets its own company on its own database. Each
/// class is declared twice, once per database kind, so that the suite runs on SQLite and PostgreSQL.
/// </summary>
public abstract class WorldTest<TDatabase> : IAsyncLifetime
    where TDatabase : IDatabaseKind
{
    protected CrmWorld World { get; private set; } = null!;

    public async Task InitializeAsync() => World = await CrmWorld.CreateAsync<TDatabase>(ConfigureServices);

    /// <summary>Registrations a test class adds to the world's services.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task DisposeAsync() => await World.DisposeAsync();
}
