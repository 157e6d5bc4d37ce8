using EpicEvents.Crm.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sentry;

namespace EpicEvents.Bot.Hosting;

/// <summary>
/// Sentry's part of every request, in place of the middleware <c>Sentry.AspNetCore</c> puts first in
/// the pipeline (whose options, logger, hub and flush on stop stay): the request gets a
/// <see cref="ReportingScope"/> — one small object, where that middleware pushed a copy of the whole
/// Sentry scope, continued Sentry's own trace and made an event id on every request (ADR 23) — and an
/// exception that escapes the pipeline, or that the API's handler answered with a server error, is
/// reported once. A client error the handler answered (malformed JSON, a body too large) is the
/// caller's input, not a fault; nor is a request its caller gave up.
/// </summary>
internal sealed class SentryRequests(RequestDelegate next, IHub hub)
{
    public async Task InvokeAsync(HttpContext context)
    {
        new RequestReportingScope(context.Request).Enter();
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            Report(exception, "EpicEvents.Bot.Unhandled");
            throw;
        }

        if (context.Response.StatusCode >= StatusCodes.Status500InternalServerError
            && context.Features.Get<IExceptionHandlerFeature>() is { Error: { } handled })
        {
            Report(handled, "EpicEvents.Bot.AnsweredWithServerError");
        }
    }

    /// <summary>Reports an exception, its mechanism saying how it ended the request.</summary>
    private void Report(Exception exception, string mechanism)
    {
        exception.SetSentryMechanism(mechanism, handled: false);
        hub.CaptureException(exception);
    }

    /// <summary>A request's reporting scope: its method, and its address built only if an event is sent.</summary>
    private sealed class RequestReportingScope(HttpRequest request) : ReportingScope
    {
        // Copied now: the request object is reused once the response is sent.
        private readonly string _method = request.Method;
        private readonly string _scheme = request.Scheme;
        private readonly HostString _host = request.Host;
        private readonly PathString _pathBase = request.PathBase;
        private readonly PathString _path = request.Path;
        private readonly QueryString _query = request.QueryString;

        public override string RequestMethod => _method;

        public override string RequestUrl => UriHelper.BuildAbsolute(_scheme, _host, _pathBase, _path, _query);
    }
}

/// <summary>
/// Puts <see cref="SentryRequests"/> where <c>Sentry.AspNetCore</c>'s startup filter put its own
/// middleware — first — and closes the SDK when the host has stopped, as that filter did.
/// </summary>
internal sealed class SentryRequestsStartup : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(SentrySdk.Close);
        app.UseMiddleware<SentryRequests>();
        next(app);
    };

    /// <summary>Takes the place of <c>Sentry.AspNetCore</c>'s startup filter in the services <c>UseSentry</c> filled.</summary>
    public static void ReplaceSentrys(IServiceCollection services)
    {
        var sentrys = services.FirstOrDefault(service => service.ServiceType == typeof(IStartupFilter) && service.ImplementationType == typeof(Sentry.AspNetCore.SentryStartupFilter))
            ?? throw new InvalidOperationException("Sentry.AspNetCore no longer registers its startup filter: review SentryRequestsStartup against the package's new version.");
        services[services.IndexOf(sentrys)] = ServiceDescriptor.Transient<IStartupFilter, SentryRequestsStartup>();
    }
}
