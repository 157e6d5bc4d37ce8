using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Microsoft.Extensions.Logging;

namespace EpicEvents.Crm.Telemetry;

/// <summary>
/// Traces and logs of one front end, exported over OTLP/HTTP (protobuf) to each configured
/// destination — Sentry's OTLP endpoints, any other OTLP receiver, or both — without the hosting
/// packages: a <see cref="TracerProvider"/> built here and an OpenTelemetry logger provider added to
/// whatever <see cref="ILoggingBuilder"/> the front end has. Everything is scrubbed before export,
/// batched and bounded: exporting never makes a user wait and never fails a user's action.
/// </summary>
public sealed class TelemetryPipeline : IDisposable
{
    private readonly TelemetrySettings _settings;
    private readonly ResourceBuilder _resource;
    private readonly Action<string> _warn;
    private readonly List<BoundedLogExport> _logExports = [];
    private readonly List<BoundedTraceExport> _traceExports = [];
    private readonly TracerProvider _tracerProvider;
    private bool _disposed;

    private TelemetryPipeline(TelemetrySettings settings, string serviceName, IEnumerable<string> sources, Action<string> warn)
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

        var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(_resource)
            // Every command and turn is kept: ASP.NET Core starts an unsampled activity for each
            // request, which a parent-based sampler would take as "drop the turn".
            .SetSampler(new AlwaysOnSampler())
            .AddSource([CrmTelemetry.SourceName, .. sources])
            .AddProcessor(new ActivityScrubbingProcessor());
        foreach (var destination in settings.Destinations)
        {
            var export = BoundedTraceExport.Create(ExporterOptions(destination.TracesEndpoint, destination.Headers), destination.Name, settings.MaxQueueSize, warn);
            _traceExports.Add(export);
            tracing.AddProcessor(export);
        }

        _tracerProvider = tracing.Build();
    }

    public TelemetrySettings Settings => _settings;

    /// <summary>
    /// The pipeline for the configured destinations, or null when there are none (nothing is built
    /// then, so an unconfigured program pays nothing). Configuration problems go to
    /// <paramref name="warn"/>, never to the user's command.
    /// </summary>
    public static TelemetryPipeline? Start(TelemetrySettings settings, string serviceName, IEnumerable<string> sources, Action<string> warn)
    {
        foreach (var problem in settings.Problems)
        {
            warn(problem);
        }

        return settings.Enabled ? new TelemetryPipeline(settings, serviceName, sources, warn) : null;
    }

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
                var export = BoundedLogExport.Create(exporterOptions, destination.Name, _settings.MaxQueueSize, _warn);
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
        foreach (var stop in _traceExports.Select(p => (Func<int, bool>)p.Shutdown).Concat(_logExports.Select(p => (Func<int, bool>)p.Shutdown)))
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
        _tracerProvider.Dispose();
    }

    private OtlpExporterOptions ExporterOptions(Uri endpoint, string? headers) => new()
    {
        Endpoint = endpoint,
        Protocol = OtlpExportProtocol.HttpProtobuf,
        Headers = headers,
        TimeoutMilliseconds = (int)_settings.ExportTimeout.TotalMilliseconds,
    };
}
