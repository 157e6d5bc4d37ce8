using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using EpicEvents.Crm.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace EpicEvents.Crm.Tests.Telemetry;

/// <summary>
/// A collector that accepts connections and never answers holds every export request until its
/// time-out: what is produced meanwhile beyond the bounded queue is dropped on the spot, and the
/// operator is told once, locally, instead of the user's action waiting.
/// </summary>
public sealed class ExportQueueTests : IDisposable
{
    private const int QueueSize = 4;
    private readonly TcpListener _silentCollector = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<Socket> _held = [];
    private readonly ConcurrentQueue<string> _warnings = new();
    private readonly TelemetryPipeline _pipeline;

    public ExportQueueTests()
    {
        _silentCollector.Start();
        _ = HoldConnectionsAsync();
        var port = ((IPEndPoint)_silentCollector.LocalEndpoint).Port;
        var settings = TelemetrySettings.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Otlp:Endpoint"] = $"http://127.0.0.1:{port}" })
            .Build()) with { MaxQueueSize = QueueSize, ExportTimeout = TimeSpan.FromSeconds(2), MaxTracesPerSecond = 0 };
        _pipeline = TelemetryPipeline.Start(settings, "epicevents-queue-test", [], _warnings.Enqueue)!;
    }

    [Fact]
    public void Spans_beyond_the_queue_are_dropped_and_one_local_warning_says_so()
    {
        for (var i = 0; i < 200; i++)
        {
            using var span = CrmTelemetry.Source.StartActivity("queue test span");
        }

        _warnings.Should().ContainSingle(w => w.Contains("spans have been dropped", StringComparison.Ordinal), "the warning is said once, not per span")
            .Which.Should().Contain("otlp").And.Contain("queue is full");
    }

    [Fact]
    public void Log_records_beyond_the_queue_are_dropped_and_one_local_warning_says_so()
    {
        BoundedLogExport.CanSeeDrops.Should().BeTrue("the SDK's count of dropped records is what the warning is based on");
        using (var loggers = LoggerFactory.Create(logging => _pipeline.AddLogging(logging)))
        {
            var logger = loggers.CreateLogger("EpicEvents.Crm.QueueTest");
            for (var i = 0; i < 200; i++)
            {
#pragma warning disable CA1848 // A test's one-off message: no LoggerMessage needed.
                logger.LogInformation("Queue test record {Number}", i);
#pragma warning restore CA1848
            }

            _warnings.Should().ContainSingle(w => w.Contains("log records have been dropped", StringComparison.Ordinal), "the warning is said once, not per record")
                .Which.Should().Contain("otlp").And.Contain("queue is full");
        }
    }

    public void Dispose()
    {
        _pipeline.Shutdown(TimeSpan.FromMilliseconds(200));
        _silentCollector.Stop();
        foreach (var socket in _held)
        {
            socket.Dispose();
        }
    }

    private async Task HoldConnectionsAsync()
    {
        try
        {
            while (true)
            {
                _held.Add(await _silentCollector.AcceptSocketAsync());
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopped.
        }
    }
}
