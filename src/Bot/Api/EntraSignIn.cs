using EpicEvents.Bot.Hosting;
using EpicEvents.Crm.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Tokens;

using EpicEvents.Crm.Telemetry;
namespace EpicEvents.Bot.Api;

/// <summary>
/// Microsoft Entra ID access tokens on the API, when the server has an <c>AzureAd</c> section:
/// Microsoft.Identity.Web validates them (issuer of the configured tenant or, for a multi-tenant
/// registration, of the token's own tenant; audience; signature from the tenant's published keys;
/// lifetime), then the token's <c>tid</c> and <c>oid</c> name the collaborator through the same Teams
/// link the bot uses, in the tenants the bot allows. A valid token of someone the CRM does not know,
/// or no longer lets in, is a 403 that says so; a token that is not valid is a 401.
/// </summary>
internal static class EntraSignIn
{
    public const string SchemeName = "Entra";
    public const string SectionName = "AzureAd";
    public const string DefaultScope = "access_as_user";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{SectionName}:ClientId"]);

    public static void AddTo(AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var settings = EntraSettings.From(section);
        authentication.AddMicrosoftIdentityWebApi(section, jwtBearerScheme: SchemeName, subscribeToJwtBearerMiddlewareDiagnosticsEvents: false);
        authentication.Services.AddSingleton(settings);
        authentication.Services.Configure<JwtBearerOptions>(SchemeName, options =>
        {
            var validatedByIdentityWeb = options.Events.OnTokenValidated;
            options.Events.OnTokenValidated = async context =>
            {
                await validatedByIdentityWeb(context);
                if (context.Result is null)
                {
                    await IdentifyAsync(context, settings);
                }
            };
            options.Events.OnAuthenticationFailed = context =>
            {
                context.HttpContext.Items[ApiRefusal.Key] ??= ApiRefusal.NotLoggedIn(context.Exception switch
                {
                    SecurityTokenExpiredException => BotTexts.Sentence("api.entra.expired"),
                    _ => BotTexts.Sentence("api.entra.refused"),
                });
                return Task.CompletedTask;
            };
            options.Events.OnChallenge = async context =>
            {
                context.HandleResponse();
                await ApiRefusal.WriteAsync(context.HttpContext);
            };
        });
    }

    /// <summary>The collaborator behind a valid token, or the refusal that ends the request.</summary>
    private static async Task IdentifyAsync(TokenValidatedContext context, EntraSettings settings)
    {
        var refusal = await CallerOfAsync(context.Principal!, context.SecurityToken.ValidTo, settings, context.HttpContext);
        if (refusal is not null)
        {
            context.HttpContext.Items[ApiRefusal.Key] = refusal;
            context.Fail(refusal.Detail.ToString());
        }
    }

    private static async Task<ApiRefusal?> CallerOfAsync(System.Security.Claims.ClaimsPrincipal principal, DateTime expiresAt, EntraSettings settings, HttpContext http)
    {
        var scopes = (principal.FindFirst(ClaimConstants.Scp)?.Value ?? principal.FindFirst(ClaimConstants.Scope)?.Value ?? string.Empty)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!scopes.Contains(settings.Scope, StringComparer.Ordinal))
        {
            return ApiRefusal.NotLoggedIn(BotTexts.Sentence("api.entra.noScope", settings.Scope));
        }

        if (!Guid.TryParse(principal.GetTenantId(), out var tenant) || !Guid.TryParse(principal.GetObjectId(), out var person))
        {
            return ApiRefusal.NotLoggedIn(BotTexts.Sentence("api.entra.noPerson"));
        }

        var services = http.RequestServices;
        if (!services.GetRequiredService<TeamsSettings>().Allows(tenant))
        {
            return ApiRefusal.Forbidden(BotTexts.Sentence("api.entra.tenantNotServed"));
        }

        var actor = await services.GetRequiredService<ActorLoader>().LoadByTeamsIdentityAsync(tenant, person, http.RequestAborted, ChangeSource.Api);
        if (actor is null)
        {
            return ApiRefusal.Forbidden(BotTexts.Sentence("api.entra.notLinked"));
        }

        if (!actor.IsActive)
        {
            return ApiRefusal.Forbidden(BotTexts.Sentence("api.entra.deactivated"));
        }

        http.Features.Set(new ApiCaller(actor, expiresAt));
        CrmTelemetry.SignedIn(actor.Id);
        return null;
    }
}

/// <summary>The <c>AzureAd</c> settings: the scope the API requires, and what a client needs to sign someone in.</summary>
internal sealed record EntraSettings(string Authority, string ClientId, string Scope, string RequestedScope)
{
    public EntraSignInAnswer Answer => new(Authority, ClientId, [RequestedScope]);

    internal static EntraSettings From(IConfigurationSection section)
    {
        var instance = (section["Instance"] is { Length: > 0 } configured ? configured : "https://login.microsoftonline.com/").TrimEnd('/');
        var tenant = section["TenantId"] is { Length: > 0 } id ? id : "organizations";
        var apiClient = section["ClientId"]!;
        var scope = section["Scope"] is { Length: > 0 } s ? s : EntraSignIn.DefaultScope;
        // Identity.Web accepts tokens for AzureAd:Audience when set, else for ClientId and api://ClientId.
        var appIdUri = (section["Audience"] is { Length: > 0 } uri ? uri : $"api://{apiClient}").TrimEnd('/');
        var cliClient = section["CliClientId"] is { Length: > 0 } cli ? cli : apiClient;
        return new EntraSettings($"{instance}/{tenant}/", cliClient, scope, $"{appIdUri}/{scope}");
    }
}

/// <summary>How to sign in with Microsoft Entra ID: the authority, the public client to sign in as, the scopes to ask.</summary>
public sealed record EntraSignInAnswer(string Authority, string ClientId, IReadOnlyList<string> Scopes);
