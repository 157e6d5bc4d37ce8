using EpicEvents.Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Cli.Tests.Infrastructure;

/// <summary>
/// The CRM server as <c>src/Bot</c> builds it (<see cref="BotHost"/>), listening on a loopback port of
/// its own: the CLI's remote mode talks to it over real HTTP. Its outbox sender is off, so that the
/// tests decide what happens to notifications, and login throttling is out of the way of the many
/// logins of a test run (it has tests of its own).
/// </summary>
public sealed class CrmTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _stopped;

    private CrmTestServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<CrmTestServer> StartAsync(string connectionString)
    {
        var app = BotHost.Build(
        [
            "--environment=Development",
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:Crm={connectionString}",
            $"--Auth:SigningKey={CliWorld.SigningKey}",
            "--Auth:PasswordHashIterations=100000",
            "--Crm:TimeZone=Europe/Paris",
            "--Bot:Outbox:Enabled=false",
            "--Bot:Digests:Enabled=false",
            "--Api:Login:PerAddressPerMinute=100000",
            "--Api:Login:PerAccountPerMinute=100000",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new CrmTestServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
