using System.Diagnostics;
using EpicEvents.Bot.Notifications;
using EpicEvents.Bot.Protocol;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Telemetry;
using EpicEvents.Crm.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EpicEvents.Bot.Hosting;

/// <summary>The bot's HTTP surface.</summary>
public static class BotEndpoints
{
    // Teams activities are a few KB; a card submission with long notes stays far below this.
    private const long MaxActivityBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The Teams channel's protocol, not part of the CRM's API contract.
        endpoints.MapPost("/api/messages", HandleMessageAsync).ExcludeFromDescription();

        // The Agents Playground checks the endpoint with HEAD before it starts.
        endpoints.MapMethods("/api/messages", [HttpMethods.Head], () => Results.Ok()).ExcludeFromDescription();
        // Liveness: the process answers. Readiness: it can serve (database, schema, signing keys).
        endpoints.MapGet("/healthz", () => Results.Json(new { status = "alive" })).ExcludeFromDescription();
        endpoints.MapGet("/readyz", CheckReadinessAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task HandleMessageAsync(
        HttpContext http, CloudAdapter adapter, CrmBot bot, OutboxSignal outbox, NotificationsSaved notifications, Readiness readiness, ILogger<CrmBot> logger)
    {
        if (!await readiness.SchemaIsCurrentAsync(http.RequestAborted))
        {
            // The Bot Connector retries a 503; a turn on a database without the schema could only fail.
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        try
        {
            var saved = notifications.Count;
            await HandleAsync(http, adapter, bot);

            // The turn wrote notifications: deliver them now rather than at the next poll. Waking the
            // sender after every turn instead cost two outbox queries per message under load.
            if (notifications.Count != saved)
            {
                outbox.Pulse();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The turn pipeline answers its own failures; what escapes it failed before the turn.
            BotLog.RequestFailed(logger, exception, exception.GetType().Name);
            throw;
        }
    }

    private static async Task HandleAsync(HttpContext http, CloudAdapter adapter, CrmBot bot)
    {
        if (http.Request.ContentLength > MaxActivityBytes)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize = MaxActivityBytes;
        ProtocolResponse response;
        try
        {
            response = await adapter.ProcessAsync(http.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null, http.Request.Body, bot, http.RequestAborted);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        http.Response.StatusCode = response.StatusCode;
        if (response.JsonBody is { } body)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(body, http.RequestAborted);
        }
    }

    private static async Task<IResult> CheckReadinessAsync(Readiness readiness, CancellationToken cancellationToken)
    {
        var report = await readiness.CheckAsync(cancellationToken);
        return Results.Json(report, statusCode: report.IsReady ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
