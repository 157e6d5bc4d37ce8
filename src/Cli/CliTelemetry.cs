using System.Diagnostics;
using EpicEvents.Crm.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sentry.Extensions.Logging;
using Sentry;

namespace EpicEvents.Cli;

/// <summary>
/// One command's telemetry: a span named after the command, Crm.Core's spans, metrics and logs under
/// it, exported when Sentry or an OTLP endpoint is configured, and its errors as Sentry events through
/// the Sentry SDK (<see cref="SentryReporting"/>) when a DSN is. Nothing is built otherwise. Before the
/// process exits everything is flushed for at most <see cref="FlushBudget"/> in all, after the
/// command's output has been written, so a slow or dead endpoint delays the prompt by that much at most
/// and changes neither the output nor the exit code.
/// </summary>
internal sealed class CliTelemetry : IDisposable
{
    public const string ServiceName = "epicevents-cli";

    /// <summary>The default of <c>Telemetry:FlushTimeout</c> for a command.</summary>
    public static readonly TimeSpan FlushBudget = TimeSpan.FromSeconds(2);

    public static readonly ActivitySource Source = new("EpicEvents.Cli", CrmTelemetry.Version);

    private readonly TelemetryPipeline? _pipeline;
    private readonly ILoggerFactory? _loggers;
    private readonly IDisposable? _sentry;
    private bool _disposed;

    private readonly TimeSpan _flushBudget;

    private CliTelemetry(TelemetryPipeline? pipeline, TimeSpan flushBudget)
    {
        _pipeline = pipeline;
        _flushBudget = flushBudget;
        if (pipeline?.Settings.Sentry is not null)
        {
            _sentry = StartSentry(pipeline.Settings with { FlushTimeout = flushBudget });
        }

        _loggers = pipeline is null ? null : LoggerFactory.Create(logging =>
        {
            pipeline.AddLogging(logging);
            if (_sentry is not null)
            {
                AddSentryLogging(logging);
            }
        });
    }

    public ILoggerFactory Loggers => _loggers ?? NullLoggerFactory.Instance;

    public static CliTelemetry Start(IConfiguration configuration, TextWriter warnings)
    {
        var read = TelemetrySettings.FromConfiguration(configuration);
        var budget = read.FlushTimeout ?? FlushBudget;
        var settings = read with { ExportTimeout = budget };
        // Nothing configured and nothing to warn about: OpenTelemetry is not even loaded.
        var pipeline = settings.Enabled || settings.Problems.Count > 0 ? StartPipeline(settings, warnings) : null;
        return new CliTelemetry(pipeline, budget);
    }

    /// <summary>Apart, so that a command without telemetry never loads OpenTelemetry's assemblies.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static TelemetryPipeline? StartPipeline(TelemetrySettings settings, TextWriter warnings) =>
        TelemetryPipeline.Start(settings, ServiceName, [Source.Name], message => warnings.WriteLine($"epicevents: warning: {message}"));

    /// <summary>
    /// Starts the SDK and enters the command's reporting scope (who runs it and what it is, set as they
    /// become known), for the rest of the program's flow. Apart, so that a command without a DSN never
    /// loads the SDK.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static IDisposable StartSentry(TelemetrySettings settings)
    {
        var sdk = SentrySdk.Init(options => SentryReporting.Configure(options, settings));
        new ReportingScope().Enter();
        return sdk;
    }

    /// <summary>Logs at Error become Sentry events; lower ones are the breadcrumbs before them.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddSentryLogging(ILoggingBuilder logging) =>
        SentryReporting.FilterSentryLogging(logging.AddSentry());

    /// <summary>Exports what the command produced, within the flush budget.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        // Spans, metrics and log records leave through the pipeline's processors while the Sentry SDK
        // sends its events: both within the one budget.
        var sentry = _sentry is null ? Task.CompletedTask : Task.Run(_sentry.Dispose);
        _pipeline?.Shutdown(_flushBudget);
        sentry.Wait(_flushBudget);
        _loggers?.Dispose();
    }
}
