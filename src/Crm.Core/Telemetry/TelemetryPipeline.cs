using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Microsoft.Extensions.Logging;

namespace EpicEvents.Crm.Telemetry;

/// <summary>
/// Traces, metrics and logs of one front end, exported over OTLP/HTTP (protobuf) to each configured
/// destination — Sentry's OTLP endpoints, any other OTLP receiver, or both. A host configures the
/// OpenTelemetry builders it has (<see cref="ConfigureTracing"/>, <see cref="ConfigureMetrics"/>,
/// <see cref="AddLogging"/>); a short-lived program lets <see cref="Start"/> build the providers.
/// Everything is scrubbed before export, batched and bounded: exporting never makes a user wait and
/// never fails a user's action. Errors go to Sentry through the Sentry SDK (<see cref="SentryReporting"/>),
/// not through this pipeline.
/// </summary>
public sealed class TelemetryPipeline : IDisposable
{
    private readonly TelemetrySettings _settings;
    private readonly ResourceBuilder _resource;
    private readonly Action<string> _warn;
    private readonly List<BoundedLogExport> _logExports = [];
    private readonly List<BoundedTraceExport> _traceExports = [];
    private readonly List<MetricReader> _metricReaders = [];
    private TracerProvider? _tracerProvider;
    private MeterProvider? _meterProvider;
    private bool _disposed;

    private TelemetryPipeline(TelemetrySettings settings, string serviceName, Action<string> warn)
    {
        _settings = settings;
        _warn = warn;
        var attributes = new List<KeyValuePair<string, object>> { new("service.version", CrmTelemetry.Version) };
        if (settings.Environment is { } environment)
        {
            attributes.Add(new("deployment.environment", environment));
            attributes.Add(new("deployment.environment.name", environment));
        }

        _resource = ResourceBuilder.CreateEmpty()
            .AddService(serviceName, serviceVersion: CrmTelemetry.Version, autoGenerateServiceInstanceId: true)
            .AddAttributes(attributes);
    }

    /// <summary>
    /// The pipeline for the configured destinations, its providers left to the host that calls the
    /// <c>Configure…</c> methods; null when there are none (nothing is built then, so an unconfigured
    /// program pays nothing). Configuration problems go to <paramref name="warn"/>, never to the user.
    /// </summary>
    public static TelemetryPipeline? Prepare(TelemetrySettings settings, string serviceName, Action<string> warn)
    {
        foreach (var problem in settings.Problems)
        {
            warn(problem);
        }

        return settings.Enabled ? new TelemetryPipeline(settings, serviceName, warn) : null;
    }

    /// <summary>
    /// Like <see cref="Prepare"/>, and builds the tracer and meter providers too: the spans of
    /// Crm.Core and of <paramref name="sources"/>, the metrics of Crm.Core and of <paramref name="meters"/>.
    /// </summary>
    public static TelemetryPipeline? Start(TelemetrySettings settings, string serviceName, IEnumerable<string> sources, Action<string> warn, IEnumerable<string>? meters = null)
    {
        var pipeline = Prepare(settings, serviceName, warn);
        if (pipeline is not null)
        {
            pipeline._tracerProvider = pipeline.ConfigureTracing(Sdk.CreateTracerProviderBuilder(), sources).Build();
            if (settings.HasMetrics)
            {
                pipeline._meterProvider = pipeline.ConfigureMetrics(Sdk.CreateMeterProviderBuilder(), meters ?? []).Build();
            }
        }

        return pipeline;
    }

    /// <summary>Crm.Core's spans and <paramref name="sources"/>, scrubbed, to every destination.</summary>
    public TracerProviderBuilder ConfigureTracing(TracerProviderBuilder tracing, IEnumerable<string> sources)
    {
        tracing
            .SetResourceBuilder(_resource)
            // Every command and turn up to a rate, whatever an incoming request says about sampling.
            .SetSampler(new TraceRateSampler(_settings.MaxTracesPerSecond))
            .AddSource([CrmTelemetry.SourceName, .. sources])
            .AddProcessor(new ActivityScrubbingProcessor());
        foreach (var destination in _settings.Destinations)
        {
            var export = BoundedTraceExport.Create(ExporterOptions(destination.TracesEndpoint, destination.Headers), destination.Name, _settings.MaxQueueSize, _warn);
            _traceExports.Add(export);
            tracing.AddProcessor(export);
        }

        return tracing;
    }

    /// <summary>
    /// Crm.Core's meters and <paramref name="meters"/> to each destination that takes metrics, every
    /// <see cref="TelemetrySettings.MetricExportInterval"/>; attributes hold ids and names of commands, never people.
    /// </summary>
    public MeterProviderBuilder ConfigureMetrics(MeterProviderBuilder metrics, IEnumerable<string> meters)
    {
        metrics.SetResourceBuilder(_resource).AddMeter([CrmTelemetry.MeterName, .. meters]);
        foreach (var destination in _settings.Destinations)
        {
            if (destination.MetricsEndpoint is { } endpoint)
            {
                var exporter = new OtlpMetricExporter(ExporterOptions(endpoint, destination.Headers));
                var reader = new PeriodicExportingMetricReader(exporter, (int)_settings.MetricExportInterval.TotalMilliseconds, (int)_settings.ExportTimeout.TotalMilliseconds);
                _metricReaders.Add(reader);
                metrics.AddReader(reader);
            }
        }

        return metrics;
    }

    public TelemetrySettings Settings => _settings;

    /// <summary>Adds the OpenTelemetry logger provider: Information and above, scrubbed, to every destination.</summary>
    public ILoggingBuilder AddLogging(ILoggingBuilder logging)
    {
        logging.AddOpenTelemetry(options =>
        {
            options.SetResourceBuilder(_resource);
            options.IncludeFormattedMessage = true;
            options.IncludeScopes = false;
            options.ParseStateValues = true;
            options.AddProcessor(new LogScrubbingProcessor());
            foreach (var destination in _settings.Destinations)
            {
                var exporterOptions = ExporterOptions(destination.LogsEndpoint, destination.Headers);
                var export = BoundedLogExport.Create(exporterOptions, destination.Name, _settings.MaxQueueSize, _warn, destination.ErrorsThroughSdk);
                _logExports.Add(export);
                options.AddProcessor(export);
            }
        });
        logging.AddFilter<OpenTelemetryLoggerProvider>(null, LogLevel.Information);
        // The framework's own chatter stays local unless it is a warning or worse.
        logging.AddFilter<OpenTelemetryLoggerProvider>("Microsoft", LogLevel.Warning);
        logging.AddFilter<OpenTelemetryLoggerProvider>("System", LogLevel.Warning);
        return logging;
    }

    /// <summary>
    /// Exports what is queued and stops, waiting at most <paramref name="timeout"/> in all. Each batch
    /// processor is shut down rather than flushed: a flush can return while the last export request
    /// is still being sent, and stopping the exporter then would cancel it.
    /// </summary>
    public void Shutdown(TimeSpan timeout)
    {
        if (_disposed)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        var complete = true;
        var stops = _traceExports.Select(p => (Func<int, bool>)p.Shutdown)
            .Concat(_logExports.Select(p => (Func<int, bool>)p.Shutdown))
            .Concat(_metricReaders.Select(r => (Func<int, bool>)r.Shutdown));
        foreach (var stop in stops)
        {
            complete &= stop((int)Math.Max(0, (timeout - clock.Elapsed).TotalMilliseconds));
        }

        if (!complete)
        {
            _warn($"Telemetry could not all be exported within {timeout.TotalSeconds:0.#} s; the rest is dropped.");
        }

        Dispose();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        // Providers a host built are the host's to dispose.
        _tracerProvider?.Dispose();
        _meterProvider?.Dispose();
    }

    private OtlpExporterOptions ExporterOptions(Uri endpoint, string? headers) => new()
    {
        Endpoint = endpoint,
        Protocol = OtlpExportProtocol.HttpProtobuf,
        Headers = headers,
        TimeoutMilliseconds = (int)_settings.ExportTimeout.TotalMilliseconds,
    };
}
