using System.Diagnostics;
using EpicEvents.Bot.Protocol.Connector;
using EpicEvents.Crm.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sentry.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace EpicEvents.Bot.Hosting;

/// <summary>
/// The bot's telemetry, when Sentry or an OTLP endpoint is configured (nothing is built otherwise):
/// OpenTelemetry through the hosting extension — ASP.NET Core's server spans and HTTP metrics, the
/// HTTP client's spans (Bot Connector, sign-in metadata), runtime metrics, a span per turn, Crm.Core's
/// database spans, the bot's metrics (<see cref="BotMetrics"/>) and the host's logs —, and errors as
/// Sentry events through <c>Sentry.AspNetCore</c> (<see cref="SentryReporting"/>), each request in a
/// reporting scope of its own (<see cref="SentryRequests"/>).
/// </summary>
public static class BotTelemetry
{
    public const string ServiceName = "epicevents-bot";

    public static readonly ActivitySource Source = new("EpicEvents.Bot", CrmTelemetry.Version);

    /// <summary>Wires the pipeline into the host being built; returns a callback that reports configuration problems once the host can log.</summary>
    internal static Action<WebApplication> AddBotTelemetry(this WebApplicationBuilder builder)
    {
        ILogger? logger = null;
        var early = new List<string>();
        void Warn(string problem)
        {
            if (logger is null)
            {
                lock (early)
                {
                    early.Add(problem);
                }
            }
            else
            {
                BotLog.TelemetryProblem(logger, problem);
            }
        }

        var settings = TelemetrySettings.FromConfiguration(builder.Configuration);
        var pipeline = TelemetryPipeline.Prepare(settings, ServiceName, Warn);
        if (pipeline is not null)
        {
            // Built once: every outgoing request is compared with it.
            var sentryEnvelope = settings.Sentry?.EnvelopeEndpoint;
            pipeline.AddLogging(builder.Logging);
            // Disposed with the host, after the host's providers.
            builder.Services.AddSingleton(_ => pipeline);
            var telemetry = builder.Services.AddOpenTelemetry().WithTracing(tracing => pipeline.ConfigureTracing(tracing, [Source.Name])
                .AddAspNetCoreInstrumentation(options => options.Filter = IsTraced)
                .AddHttpClientInstrumentation(options => options.FilterHttpRequestMessage = request => !IsSentryEnvelope(request, sentryEnvelope)));
            if (settings.HasMetrics)
            {
                telemetry.WithMetrics(metrics => DropPerRequestExtras(pipeline.ConfigureMetrics(metrics, [BotMetrics.MeterName])
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()));
            }

            builder.Services.AddTransient<ConnectorThrottleCount>();
            builder.Services.AddHttpClient(ConnectorClientFactory.HttpClientName).AddHttpMessageHandler<ConnectorThrottleCount>();
            if (settings.Sentry is not null)
            {
                builder.WebHost.UseSentry(options =>
                {
                    SentryReporting.Configure(options, settings);
                    // Errors only: no Sentry transactions (spans go over OTLP), no logs, no request bodies.
                    options.AutoRegisterTracing = false;
                    options.EnableLogs = false;
                    options.MaxRequestBodySize = Sentry.Extensibility.RequestSize.None;
                });
                SentryRequestsStartup.ReplaceSentrys(builder.Services);
                SentryReporting.FilterSentryLogging(builder.Logging);
            }
        }

        return app =>
        {
            logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("EpicEvents.Bot.Telemetry");
            lock (early)
            {
                early.ForEach(Warn);
            }

            if (pipeline is not null)
            {
                // Resolving it ties its lifetime to the host's; stopping flushes for a few seconds at most.
                app.Services.GetRequiredService<TelemetryPipeline>();
                app.Lifetime.ApplicationStopping.Register(() => pipeline.Shutdown(settings.FlushTimeout ?? TimeSpan.FromSeconds(5)));
            }
        };
    }

    /// <summary>
    /// Instruments of ASP.NET Core and of the HTTP client that are updated on every request and that
    /// no one reads here — routing attempts, and the client's queue time, active requests and
    /// connections' idle/active moves (four updates per outgoing call). A dropped instrument is not
    /// even listened to. The request durations, the server's active requests, Kestrel's connections and
    /// the client's connection durations stay.
    /// </summary>
    private static MeterProviderBuilder DropPerRequestExtras(MeterProviderBuilder metrics)
    {
        string[] dropped = ["aspnetcore.routing.match_attempts", "http.client.request.time_in_queue", "http.client.active_requests", "http.client.open_connections"];
        foreach (var instrument in dropped)
        {
            metrics.AddView(instrument, MetricStreamConfiguration.Drop);
        }

        return metrics;
    }

    /// <summary>Probes and the Playground's HEAD check are not worth a trace.</summary>
    private static bool IsTraced(HttpContext http) =>
        !HttpMethods.IsHead(http.Request.Method)
        && !http.Request.Path.StartsWithSegments("/healthz", StringComparison.Ordinal)
        && !http.Request.Path.StartsWithSegments("/readyz", StringComparison.Ordinal);

    /// <summary>The Sentry SDK's own requests: tracing them would send a span to Sentry per error sent.</summary>
    private static bool IsSentryEnvelope(HttpRequestMessage request, Uri? envelope) =>
        envelope is not null && request.RequestUri is { } uri
        && uri.Port == envelope.Port
        && string.Equals(uri.Host, envelope.Host, StringComparison.OrdinalIgnoreCase)
        && Uri.Compare(uri, envelope, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}

/// <summary>Counts the Bot Connector's 429 answers (Teams throttling this bot) for the metrics.</summary>
internal sealed class ConnectorThrottleCount : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
        {
            BotMetrics.Throttled(request.RequestUri?.Host);
        }

        return response;
    }
}
