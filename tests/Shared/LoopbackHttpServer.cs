using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Tests.Loopback;

/// <summary>
/// A real HTTP server for the tests: Kestrel bound to 127.0.0.1 on port 0, so the operating system
/// picks a port that nobody else holds, read back once the server listens. Every request goes to
/// one handler. Unlike <c>HttpListener</c>, nothing is shared across the process: two servers, or a
/// server and a probe socket, cannot trip over each other's bookkeeping.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    private LoopbackHttpServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c> (ends with a slash).</summary>
    public Uri BaseUrl { get; }

    public int Port => BaseUrl.Port;

    private const string TelemetryName = "EpicEvents.Tests.LoopbackHttpServer";

    /// <summary>Cancelled when the server begins to stop: handlers that wait on purpose wait on it.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Starts a server answering every request with <paramref name="handler"/>; over TLS with <paramref name="certificate"/> when given.</summary>
    public static LoopbackHttpServer Start(Func<HttpContext, CancellationToken, Task> handler, System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        // Its requests stay out of the telemetry of the program under test, which runs in the same
        // process and listens to ASP.NET Core's activities by name: a stand-in for a remote service
        // (the Bot Connector, an OTLP receiver) is not part of the program's traces.
        builder.Services.AddSingleton(new System.Diagnostics.ActivitySource(TelemetryName));
        builder.Services.AddSingleton(new System.Diagnostics.DiagnosticListener(TelemetryName));
        if (certificate is not null)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
        }

        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        LoopbackHttpServer? server = null;
        app.Run(context => handler(context, server!.Stopping));
        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server = new LoopbackHttpServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        using (var timeout = new CancellationTokenSource(StopTimeout))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}

/// <summary>
/// A loopback address where nothing answers: a socket bound to 127.0.0.1 on a port of its own that
/// never listens, held until disposed. A connection to it is refused at once, and no other server
/// of the test run can be given that port meanwhile.
/// </summary>
public sealed class DeadEndpoint : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public DeadEndpoint()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public void Dispose() => _socket.Dispose();
}
