using Microsoft.Extensions.Configuration;

namespace EpicEvents.Crm.Telemetry;

/// <summary>
/// One OTLP/HTTP receiver: where each signal goes and the headers it needs. Sentry takes no metrics
/// over OTLP (<paramref name="MetricsEndpoint"/> null), and its errors come through the Sentry SDK, so
/// its log endpoint gets the records below Error only (<paramref name="ErrorsThroughSdk"/>).
/// </summary>
public sealed record TelemetryDestination(string Name, Uri TracesEndpoint, Uri LogsEndpoint, Uri? MetricsEndpoint, string? Headers, bool ErrorsThroughSdk = false);

/// <summary>
/// Where telemetry goes, from configuration: <c>Sentry:Dsn</c> (or <c>SENTRY_DSN</c>) and/or
/// <c>Otlp:Endpoint</c> (or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, with <c>OTEL_EXPORTER_OTLP_HEADERS</c>
/// and the per-signal <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c> / <c>…_LOGS_ENDPOINT</c> /
/// <c>…_METRICS_ENDPOINT</c>). With neither, nothing is built and nothing is sent.
/// </summary>
public sealed record TelemetrySettings(IReadOnlyList<TelemetryDestination> Destinations, string? Environment, IReadOnlyList<string> Problems)
{
    /// <summary>The Sentry project errors are reported to through the Sentry SDK; null without a valid DSN.</summary>
    public SentryDsn? Sentry { get; init; }

    /// <summary>How often metrics are exported (<c>OTEL_METRIC_EXPORT_INTERVAL</c>, in milliseconds; 60 s by default).</summary>
    public TimeSpan MetricExportInterval { get; init; } = TimeSpan.FromSeconds(60);

    public bool HasMetrics => Destinations.Any(d => d.MetricsEndpoint is not null);

    /// <summary>Records waiting for export per signal; beyond this they are dropped, never waited for.</summary>
    public int MaxQueueSize { get; init; } = 2048;

    /// <summary>
    /// Traces recorded per second at most (<c>Telemetry:MaxTracesPerSecond</c>, 100 by default; 0 records
    /// every one): beyond it a request or turn still carries its trace id but its spans are not recorded,
    /// so that a flood of requests cannot make tracing cost more than it serves. Metrics and errors are
    /// not sampled.
    /// </summary>
    public int MaxTracesPerSecond { get; init; } = DefaultMaxTracesPerSecond;

    public const int DefaultMaxTracesPerSecond = 100;

    /// <summary>How long one export request may take before it is abandoned.</summary>
    public TimeSpan ExportTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a front end waits for the queue to drain when it exits (<c>Telemetry:FlushTimeout</c>);
    /// null for the front end's own default.
    /// </summary>
    public TimeSpan? FlushTimeout { get; init; }

    public bool Enabled => Destinations.Count > 0;

    public static TelemetrySettings FromConfiguration(IConfiguration configuration)
    {
        var destinations = new List<TelemetryDestination>();
        var problems = new List<string>();
        SentryDsn? sentry = null;

        if (FirstSet(configuration, "Sentry:Dsn", "SENTRY_DSN") is { } dsnText)
        {
            if (SentryDsn.TryParse(dsnText, out var dsn, out var problem))
            {
                sentry = dsn;
                destinations.Add(new TelemetryDestination(
                    "sentry", dsn.TracesEndpoint, dsn.LogsEndpoint, null, $"{SentryDsn.AuthHeader}={dsn.AuthValue}", ErrorsThroughSdk: true));
            }
            else
            {
                problems.Add($"{problem} Nothing is sent to Sentry.");
            }
        }

        var endpoint = FirstSet(configuration, "Otlp:Endpoint", "OTEL_EXPORTER_OTLP_ENDPOINT");
        var traces = FirstSet(configuration, "Otlp:TracesEndpoint", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        var logs = FirstSet(configuration, "Otlp:LogsEndpoint", "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT");
        var metrics = FirstSet(configuration, "Otlp:MetricsEndpoint", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT");
        if (endpoint is not null || traces is not null || logs is not null || metrics is not null)
        {
            var headers = FirstSet(configuration, "Otlp:Headers", "OTEL_EXPORTER_OTLP_HEADERS");
            var tracesUri = SignalEndpoint(traces, endpoint, "traces");
            var logsUri = SignalEndpoint(logs, endpoint, "logs");
            var metricsUri = SignalEndpoint(metrics, endpoint, "metrics");
            if (tracesUri is null || logsUri is null || metricsUri is null)
            {
                problems.Add("The OTLP endpoint is not an absolute http(s) URL (e.g. http://127.0.0.1:4318). Nothing is sent to it.");
            }
            else
            {
                destinations.Add(new TelemetryDestination("otlp", tracesUri, logsUri, metricsUri, headers));
            }
        }

        var interval = TimeSpan.FromSeconds(60);
        if (FirstSet(configuration, "OTEL_METRIC_EXPORT_INTERVAL") is { } intervalText)
        {
            if (int.TryParse(intervalText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var milliseconds) && milliseconds > 0)
            {
                interval = TimeSpan.FromMilliseconds(milliseconds);
            }
            else
            {
                problems.Add("OTEL_METRIC_EXPORT_INTERVAL is not a positive number of milliseconds; metrics are exported every 60 s.");
            }
        }

        TimeSpan? flush = null;
        if (FirstSet(configuration, "Telemetry:FlushTimeout") is { } flushText)
        {
            if (TimeSpan.TryParse(flushText, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed > TimeSpan.Zero)
            {
                flush = parsed;
            }
            else
            {
                problems.Add("Telemetry:FlushTimeout is not a positive duration such as 00:00:02; the default is used.");
            }
        }

        var tracesPerSecond = DefaultMaxTracesPerSecond;
        if (FirstSet(configuration, "Telemetry:MaxTracesPerSecond") is { } rateText)
        {
            if (int.TryParse(rateText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rate) && rate <= TraceRateSampler.MaxRate)
            {
                tracesPerSecond = rate;
            }
            else
            {
                problems.Add($"Telemetry:MaxTracesPerSecond is not a whole number from 0 (every trace) to {TraceRateSampler.MaxRate}; at most {DefaultMaxTracesPerSecond} traces a second are recorded.");
            }
        }

        return new TelemetrySettings(destinations, FirstSet(configuration, "Sentry:Environment", "SENTRY_ENVIRONMENT"), problems)
        {
            FlushTimeout = flush,
            Sentry = sentry,
            MetricExportInterval = interval,
            MaxTracesPerSecond = tracesPerSecond,
        };
    }

    /// <summary>A per-signal URL is used as given; a base URL gets the standard <c>/v1/{signal}</c> path.</summary>
    private static Uri? SignalEndpoint(string? specific, string? common, string signal)
    {
        var text = specific ?? (common is null ? null : common.TrimEnd('/') + "/v1/" + signal);
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;
    }

    private static string? FirstSet(IConfiguration configuration, params string[] keys) =>
        keys.Select(k => configuration[k]).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
