using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sentry;

namespace EpicEvents.Crm.Telemetry;

/// <summary>
/// Errors as Sentry issues, through the Sentry SDK, the same way in every front end: each event
/// carries the release, the environment, the command as transaction and tag, the collaborator id as
/// the user (never a name or an email) and the trace id of the span it happened in, and is scrubbed
/// like every other signal before it leaves. The SDK sends errors only: traces and logs go through
/// <see cref="TelemetryPipeline"/>, so nothing reaches Sentry twice.
/// </summary>
public static class SentryReporting
{
    /// <summary>The release events are grouped under (first seen, regressed).</summary>
    public static string Release { get; } = $"epicevents@{CrmTelemetry.Version}";

    /// <summary>The tag naming what the person was doing: a CLI command or a bot turn's command.</summary>
    public const string CommandTag = "crm.command";

    /// <summary>The span tag the front ends set to the signed-in collaborator's id.</summary>
    public const string UserTag = "enduser.id";

    public static void Configure(SentryOptions options, TelemetrySettings settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        options.Dsn = settings.Sentry?.Text;
        options.Release = Release;
        if (settings.Environment is { } environment)
        {
            options.Environment = environment;
        }

        options.SendDefaultPii = false;
        options.IsEnvironmentUser = false;
        options.AttachStacktrace = true;
        options.AutoSessionTracking = false;
        options.SendClientReports = false;
        options.DisableFileWrite = true;
        options.CacheDirectoryPath = null;
        options.Debug = false;
        // Errors only: HTTP failures are the callers' to report, spans and metrics go over OTLP.
        options.CaptureFailedRequests = false;
        options.DisableSentryHttpMessageHandler = true;
        // No sample rate at all (not 0): with one, the SDK runs its performance machinery on every
        // request even when it keeps nothing. And no sentry-trace or baggage header on outgoing calls.
        options.TracesSampleRate = null;
        options.TracesSampler = null;
        options.TracePropagationTargets = [];
        options.DisableDiagnosticSourceIntegration();
        options.DisableSystemDiagnosticsMetricsIntegration();
        options.ShutdownTimeout = settings.FlushTimeout ?? TimeSpan.FromSeconds(2);
        options.FlushTimeout = options.ShutdownTimeout;
        options.SetBeforeSend(Prepare);
        options.MaxBreadcrumbs = ReportingScope.MaxBreadcrumbs;
        options.SetBeforeBreadcrumb(KeepWithItsRequest);
        // Logs and metrics leave over OTLP, scrubbed; the SDK's own would send them a second time,
        // and its logs hold what the OTLP route drops (EF Core's SQL text, for one).
        options.SetBeforeSendLog(_ => null!);
        options.SetBeforeSendMetric(_ => null!);
    }

    /// <summary>
    /// What the Sentry logger is given, decided by the logging rules so that nothing is even formatted
    /// for it otherwise: EF Core nothing (the program reports a database fault where it handles it,
    /// and EF Core's messages hold SQL text), the framework's warnings and worse, the product's own
    /// entries from Information (as breadcrumbs; events from Error). ASP.NET Core's hosting category
    /// nothing: it writes the start and end of requests, and a failed start-up, which then escapes as
    /// an unhandled exception the SDK reports; and the log scope it opens for every request would have
    /// the Sentry logger copy a whole Sentry scope per request. The exception handler's category
    /// nothing either: it logs at Error every exception it answers, a malformed body (the caller's
    /// input) as much as a fault, and the server reports the faults it answers with a 5xx itself.
    /// </summary>
    public static ILoggingBuilder FilterSentryLogging(ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        // The providers' types are internal to the SDK; a rule names each by its full name.
        string[] providers =
        [
            "Sentry.Extensions.Logging.SentryLoggerProvider", "Sentry.AspNetCore.SentryAspNetCoreLoggerProvider",
            "Sentry.Extensions.Logging.SentryStructuredLoggerProvider", "Sentry.AspNetCore.SentryAspNetCoreStructuredLoggerProvider",
        ];
        logging.Services.Configure<LoggerFilterOptions>(options =>
        {
            foreach (var provider in providers)
            {
                options.Rules.Add(new LoggerFilterRule(provider, "Microsoft.EntityFrameworkCore", LogLevel.None, null));
                options.Rules.Add(new LoggerFilterRule(provider, "Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None, null));
                options.Rules.Add(new LoggerFilterRule(provider, "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", LogLevel.None, null));
                options.Rules.Add(new LoggerFilterRule(provider, "Microsoft", LogLevel.Warning, null));
                options.Rules.Add(new LoggerFilterRule(provider, "System", LogLevel.Warning, null));
            }
        });
        return logging;
    }

    /// <summary>Stamps the event with the current span's trace, command and collaborator, then scrubs it.</summary>
    public static SentryEvent Prepare(SentryEvent sentryEvent)
    {
        ArgumentNullException.ThrowIfNull(sentryEvent);
        StampFromCurrentSpan(sentryEvent);
        Scrub(sentryEvent);
        return sentryEvent;
    }

    private static void StampFromCurrentSpan(SentryEvent sentryEvent)
    {
        if (Activity.Current is { } span)
        {
            sentryEvent.Contexts.Trace.TraceId = SentryId.Parse(span.TraceId.ToHexString());
            sentryEvent.Contexts.Trace.SpanId = SpanId.Parse(span.SpanId.ToHexString());
        }

        // The request or command named the collaborator and the command (CrmTelemetry.SignedIn, Runs);
        // the user is their id and nothing else, and the command names the transaction whatever the
        // host said. Outside any (a background service), the event names neither.
        var scope = ReportingScope.Current;
        sentryEvent.User = new SentryUser { Id = scope?.CollaboratorId?.ToString(CultureInfo.InvariantCulture) };
        if (scope?.Command is { } command)
        {
            sentryEvent.SetTag(CommandTag, command);
            sentryEvent.TransactionName = command;
        }

        if (scope?.RequestMethod is { } method)
        {
            sentryEvent.Request = new SentryRequest { Method = method, Url = scope.RequestUrl };
        }

        foreach (var breadcrumb in scope?.Breadcrumbs() ?? [])
        {
            sentryEvent.AddBreadcrumb(breadcrumb);
        }
    }

    private static void Scrub(SentryEvent sentryEvent)
    {
        if (sentryEvent.Message is { } message)
        {
            message.Message = TelemetryScrubber.Scrub(message.Message);
            message.Formatted = TelemetryScrubber.Scrub(message.Formatted);
        }

        foreach (var exception in sentryEvent.SentryExceptions ?? [])
        {
            exception.Value = TelemetryScrubber.Scrub(exception.Value);
            if (exception.Mechanism is { } mechanism)
            {
                // The exception's Data (a database's server details, for one) travels here.
                mechanism.Description = TelemetryScrubber.Scrub(mechanism.Description);
                foreach (var (key, value) in mechanism.Data.ToList())
                {
                    mechanism.Data[key] = TelemetryScrubber.ScrubValue(key, value) ?? string.Empty;
                }
            }
        }

        foreach (var (key, value) in sentryEvent.Tags.ToList())
        {
            sentryEvent.SetTag(key, Convert.ToString(TelemetryScrubber.ScrubValue(key, value), CultureInfo.InvariantCulture) ?? string.Empty);
        }

        foreach (var (key, value) in sentryEvent.Extra.ToList())
        {
            sentryEvent.SetExtra(key, TelemetryScrubber.ScrubValue(key, value));
        }

        // What a request carried stays here: its method and its scrubbed URL are enough to find it.
        var request = sentryEvent.Request;
        sentryEvent.Request = new SentryRequest
        {
            Method = request.Method,
            Url = request.Url is { } url ? TelemetryScrubber.ScrubUrl(url) : null,
        };
        sentryEvent.ServerName = null;
    }

    /// <summary>
    /// A breadcrumb left while serving a request or running a command goes with that request's or
    /// command's events only (<see cref="ReportingScope"/>); one left elsewhere (a background service)
    /// stays with the process's scope. Scrubbed either way.
    /// </summary>
    public static Breadcrumb? KeepWithItsRequest(Breadcrumb breadcrumb)
    {
        ArgumentNullException.ThrowIfNull(breadcrumb);
        var scrubbed = Scrub(breadcrumb);
        if (ReportingScope.Current is not { } scope)
        {
            return scrubbed;
        }

        scope.Keep(scrubbed);
        return null;
    }

    private static Breadcrumb Scrub(Breadcrumb breadcrumb) => new(
        TelemetryScrubber.Scrub(breadcrumb.Message) ?? string.Empty,
        breadcrumb.Type ?? "default",
        breadcrumb.Data?.ToDictionary(pair => pair.Key, pair => Convert.ToString(TelemetryScrubber.ScrubValue(pair.Key, pair.Value), CultureInfo.InvariantCulture) ?? string.Empty),
        breadcrumb.Category,
        breadcrumb.Level);
}
