using EpicEvents.Crm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Cli.Tests.Infrastructure;

/// <summary>
/// Crm.Core's own services on a <see cref="CliWorld"/>'s database, for what happens outside any
/// command: the bot delivering, or failing to deliver, the notifications the commands queued.
/// </summary>
public sealed class CoreServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly AsyncServiceScope _scope;

    internal CoreServices(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Crm"] = connectionString,
                ["Auth:SigningKey"] = CliWorld.SigningKey,
            })
            .Build();
        _provider = new ServiceCollection().AddCrmCore(configuration).BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        _scope = _provider.CreateAsyncScope();
    }

    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _provider.DisposeAsync();
    }
}
