using System.Text.Json.Serialization;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Telemetry;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Bot.Api;

/// <summary>
/// The CRM server's JSON API, <c>/api/v1</c>: every command of <c>epicevents</c> but the operator's
/// database commands, each endpoint one Crm.Core use case and its result mapped to HTTP. Bearer
/// session tokens signed by this server only; problems as RFC 9457 documents; no CORS (the API serves
/// programs, not other sites' pages); the OpenAPI document at <c>/openapi/v1.json</c>.
/// </summary>
public static class CrmApi
{
    public const string Prefix = "/api/v1";
    public const string SignedInPolicy = "crm.signed-in";

    /// <summary>A bearer token: this server's session token, or a Microsoft Entra ID access token.</summary>
    private const string BearerScheme = "CrmBearer";

    /// <summary>The largest body the API reads; the longest request (an event with notes) is a few KB.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    public static IServiceCollection AddCrmApi(this IServiceCollection services, IConfiguration configuration)
    {
        var entra = EntraSignIn.IsConfigured(configuration);
        var authentication = services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, SessionAuthentication>(SessionAuthentication.SchemeName, _ => { })
            .AddPolicyScheme(BearerScheme, null, options => options.ForwardDefaultSelector = context =>
                entra && !IsSessionToken(context) ? EntraSignIn.SchemeName : SessionAuthentication.SchemeName);
        if (entra)
        {
            EntraSignIn.AddTo(authentication, configuration);
        }

        services.AddAuthorizationBuilder().AddPolicy(SignedInPolicy, policy => policy
            .AddAuthenticationSchemes(BearerScheme)
            .RequireAuthenticatedUser());
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddProblemDetails();
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Epic Events CRM";
            document.Info.Description = "The CRM server's API: the same use cases and permission matrix as the Teams bot and the epicevents CLI.";
            // The address the document was fetched from is not part of the contract.
            document.Servers?.Clear();
            return Task.CompletedTask;
        }));
        LoginThrottle.AddTo(services, configuration);
        return services;
    }

    public static WebApplication UseCrmApi(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = AnswerUnexpectedAsync, StatusCodeSelector = StatusOf });
        app.UseStatusCodePages(async context =>
        {
            // Routing and binding answer some statuses with no body; under /api they get a problem too.
            if (context.HttpContext.Request.Path.StartsWithSegments(Prefix) && context.HttpContext.Response.ContentLength is null)
            {
                var status = context.HttpContext.Response.StatusCode;
                await ApiResults.Problem(status, CodeOf(status), DetailOf(status)).ExecuteAsync(context.HttpContext);
            }
        });
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(Prefix))
            {
                if (context.Request.ContentLength > MaxBodyBytes)
                {
                    await ApiResults.Problem(StatusCodes.Status413PayloadTooLarge, ProblemCodes.TooLarge, BotTexts.Sentence("api.bodyTooLarge", MaxBodyBytes / 1024)).ExecuteAsync(context);
                    return;
                }

                context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize = MaxBodyBytes;

                // The API's command is its route (never the address, which can carry ids and searches).
                if (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route })
                {
                    // A group's own route ("/clients" + "/") ends with a slash no one types.
                    CrmTelemetry.Runs($"{context.Request.Method} {(route.Length > 1 ? route.TrimEnd('/') : route)}");
                }

                if (!await context.RequestServices.GetRequiredService<Hosting.Readiness>().SchemaIsCurrentAsync(context.RequestAborted))
                {
                    await ApiResults.Problem(StatusCodes.Status503ServiceUnavailable, ProblemCodes.Unavailable, BotTexts.Sentence("api.databaseNotReady")).ExecuteAsync(context);
                    return;
                }
            }

            await next(context);
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json");

        var api = app.MapGroup(Prefix);
        var signedIn = api.MapGroup(string.Empty).RequireAuthorization(SignedInPolicy);
        AuthApi.Map(api, signedIn);
        StaffApi.Map(signedIn);
        ClientApi.Map(signedIn);
        ContractApi.Map(signedIn);
        EventApi.Map(signedIn);
        RecordsApi.Map(signedIn);
        DigestApi.Map(signedIn);
        return app;
    }

    /// <summary>Whether the bearer token is one of this server's sessions (by its issuer, read unverified to pick the scheme that verifies it).</summary>
    private static bool IsSessionToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (!header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(header[bearer.Length..].Trim());
            return token.Issuer == context.RequestServices.GetRequiredService<Crm.Auth.AuthOptions>().Issuer;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static int StatusOf(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>What escaped an endpoint: a malformed request (400/413) or a fault, never with its stack trace.</summary>
    private static async Task AnswerUnexpectedAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = exception is null ? StatusCodes.Status500InternalServerError : StatusOf(exception);
        var detail = exception switch
        {
            BadHttpRequestException { InnerException: System.Text.Json.JsonException { Path: { Length: > 1 } path } } =>
                BotTexts.Sentence("api.jsonValueWrong", path),
            BadHttpRequestException { InnerException: System.Text.Json.JsonException } => BotTexts.Sentence("api.jsonMalformed"),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => BotTexts.Sentence("api.bodyTooLarge", MaxBodyBytes / 1024),
            BadHttpRequestException { StatusCode: var badStatus } => DetailOf(badStatus),
            _ => BotTexts.Sentence("api.unexpected"),
        };
        await ApiResults.Problem(status, CodeOf(status), detail).ExecuteAsync(context);
    }

    private static string CodeOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest or StatusCodes.Status422UnprocessableEntity => ProblemCodes.Invalid,
        StatusCodes.Status401Unauthorized => ProblemCodes.NotLoggedIn,
        StatusCodes.Status403Forbidden => ProblemCodes.Forbidden,
        StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed => ProblemCodes.NotFound,
        StatusCodes.Status409Conflict => ProblemCodes.Conflict,
        StatusCodes.Status413PayloadTooLarge => ProblemCodes.TooLarge,
        StatusCodes.Status429TooManyRequests => ProblemCodes.TooManyRequests,
        _ => ProblemCodes.Unexpected,
    };

    private static Text DetailOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => BotTexts.Sentence("api.unreadable"),
        StatusCodes.Status404NotFound => BotTexts.Sentence("api.noSuchAddress"),
        StatusCodes.Status405MethodNotAllowed => BotTexts.Sentence("api.methodNotAllowed"),
        StatusCodes.Status415UnsupportedMediaType => BotTexts.Sentence("api.sendJson"),
        _ => ProblemCodes.Title(CodeOf(status)),
    };
}
