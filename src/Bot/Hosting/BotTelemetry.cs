using System.Diagnostics;
using EpicEvents.Bot.Protocol.Connector;
using EpicEvents.Crm.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EpicEvents.Bot.Hosting;

/// <summary>
/// The bot's telemetry: a server span per request to <c>/api/messages</c>, a span per turn (named
/// after the activity, tagged with the command and the collaborator id), a client span per call to
/// the Bot Connector, and the host's logging pipeline exported with Crm.Core's business events —
/// when Sentry or an OTLP endpoint is configured; nothing is built otherwise.
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
        var pipeline = TelemetryPipeline.Start(settings, ServiceName, [Source.Name], Warn);
        if (pipeline is not null)
        {
            pipeline.AddLogging(builder.Logging);
            // Disposed with the host, which flushes what is queued.
            builder.Services.AddSingleton(_ => pipeline);
            builder.Services.AddTransient<ConnectorCallSpans>();
            builder.Services.AddHttpClient(ConnectorClientFactory.HttpClientName).AddHttpMessageHandler<ConnectorCallSpans>();
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
}

/// <summary>
/// A client span per Bot Connector call: method, host and status only — the path carries
/// conversation ids and the body what users wrote.
/// </summary>
internal sealed class ConnectorCallSpans : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var span = BotTelemetry.Source.StartActivity($"connector {request.Method.Method}", ActivityKind.Client);
        span?.SetTag("http.request.method", request.Method.Method);
        span?.SetTag("server.address", request.RequestUri?.Host);
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            span?.SetTag("http.response.status_code", (int)response.StatusCode);
            if (!response.IsSuccessStatusCode)
            {
                span?.SetStatus(ActivityStatusCode.Error);
            }

            return response;
        }
        catch (Exception exception)
        {
            span.RecordFailure(exception);
            throw;
        }
    }
}
