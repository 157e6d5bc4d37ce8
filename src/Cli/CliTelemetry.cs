using System.Diagnostics;
using EpicEvents.Crm.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EpicEvents.Cli;

/// <summary>
/// One command's telemetry: a span named after the command, Crm.Core's spans and logs under it,
/// exported when Sentry or an OTLP endpoint is configured. Nothing is built otherwise. Before the
/// process exits the queue is flushed for at most <see cref="FlushBudget"/>, after the command's
/// output has been written, so a slow or dead endpoint delays the prompt by that much at most.
/// </summary>
internal sealed class CliTelemetry : IDisposable
{
    public const string ServiceName = "epicevents-cli";

    /// <summary>The default of <c>Telemetry:FlushTimeout</c> for a command.</summary>
    public static readonly TimeSpan FlushBudget = TimeSpan.FromSeconds(2);

    public static readonly ActivitySource Source = new("EpicEvents.Cli", CrmTelemetry.Version);

    private readonly TelemetryPipeline? _pipeline;
    private readonly ILoggerFactory? _loggers;
    private bool _disposed;

    private readonly TimeSpan _flushBudget;

    private CliTelemetry(TelemetryPipeline? pipeline, TimeSpan flushBudget)
    {
        _pipeline = pipeline;
        _flushBudget = flushBudget;
        _loggers = pipeline is null ? null : LoggerFactory.Create(logging => pipeline.AddLogging(logging));
    }

    public ILoggerFactory Loggers => _loggers ?? NullLoggerFactory.Instance;

    public static CliTelemetry Start(IConfiguration configuration, TextWriter warnings)
    {
        var read = TelemetrySettings.FromConfiguration(configuration);
        var budget = read.FlushTimeout ?? FlushBudget;
        var settings = read with { ExportTimeout = budget };
        return new CliTelemetry(TelemetryPipeline.Start(settings, ServiceName, [Source.Name], message => warnings.WriteLine($"epicevents: warning: {message}")), budget);
    }

    /// <summary>Exports what the command produced, within the flush budget.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        // Log records go through the logger factory's processors, spans through the pipeline's.
        _pipeline?.Shutdown(_flushBudget);
        _loggers?.Dispose();
    }
}
