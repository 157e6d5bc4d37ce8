using EpicEvents.Crm.Access;
using EpicEvents.Crm.Auth;
using EpicEvents.Crm.Collaborators;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Bot.Api;

/// <summary>Email and password login, who am I, password change and logging out everywhere.</summary>
internal static class AuthApi
{
    public static void Map(RouteGroupBuilder api, RouteGroupBuilder signedIn)
    {
        api.MapPost("/auth/login", LoginAsync)
            .RequireRateLimiting(LoginThrottle.Policy)
            .Answers<LoginAnswer>()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Logs in with email and password; answers a session token signed by this server.");

        api.MapGet("/auth/entra", (IServiceProvider services) => services.GetService<EntraSettings>() is { } entra
                ? Results.Json(entra.Answer)
                : ApiResults.Problem(StatusCodes.Status404NotFound, ProblemCodes.NotFound, BotTexts.Sentence("api.entra.notConfigured")))
            .Produces<EntraSignInAnswer>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("How to sign in with Microsoft Entra ID (device code), when the server is configured for it; then send the Entra access token as the bearer token.");

        var auth = signedIn.MapGroup("/auth");
        auth.MapGet("/whoami", (ApiCaller caller) => Results.Json(WhoAmI.Of(caller)))
            .Answers<WhoAmI>()
            .WithSummary("The collaborator behind the token, their department, and when the session ends.");
        auth.MapPost("/password", async (PasswordChange body, ApiCaller caller, ChangeOwnPassword useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new ChangeOwnPasswordRequest(body.CurrentPassword, body.NewPassword), cancellationToken)))
            .Answers<SessionToken>()
            .WithSummary("Changes one's own password: every other session ends; answers a fresh token for this one.");
        signedIn.MapPut("/me/language", async (LanguageChoice body, ApiCaller caller, Crm.Collaborators.ChooseLanguage useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, body.Language, cancellationToken)))
            .Answers<LanguageChoice>()
            .WithSummary("Chooses the language the Teams bot answers one in (fr, en; null: the Teams client's).");
        signedIn.MapGet("/me/settings", async (ApiCaller caller, Crm.Collaborators.ShowSettings useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, cancellationToken)))
            .Answers<Crm.Collaborators.SettingsView>()
            .WithSummary("One's own settings: the bot's language and one's digest (on or off, its local hour, its days, the time zone).");
        signedIn.MapPatch("/me/settings", async (Crm.Collaborators.SettingsChange body, ApiCaller caller, Crm.Collaborators.ChangeSettings useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, body, cancellationToken)))
            .Answers<Crm.Collaborators.SettingsView>()
            .WithSummary("Changes one's own settings, all or nothing: language (fr, en, auto), digestEnabled, digestAt (a local time of day such as 08:30); a field left out stays as it is.");
        auth.MapPost("/logout-everywhere", async (ApiCaller caller, LogoutEverywhere useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, cancellationToken), _ => new LoggedOut(true, true)))
            .Answers<LoggedOut>()
            .WithSummary("Ends every session this server signed for one's account, this one included; Microsoft Entra tokens last until they expire (an hour at most).");
    }

    private static async Task<IResult> LoginAsync(Credentials credentials, LoginThrottle throttle, HttpContext http, Login login, CancellationToken cancellationToken)
    {
        using var lease = throttle.TryAccount(credentials.Email);
        if (!lease.IsAcquired)
        {
            http.Response.Headers.RetryAfter = LoginThrottle.RetryAfterSeconds;
            return ApiResults.Problem(StatusCodes.Status429TooManyRequests, ProblemCodes.TooManyRequests, BotTexts.Sentence("api.tooManyLoginsForAccount"));
        }

        var result = await login.ExecuteAsync(credentials.Email, credentials.Password, ChangeSource.Api, cancellationToken);
        if (!result.Succeeded)
        {
            return ApiResults.Problem(StatusCodes.Status401Unauthorized, ProblemCodes.NotLoggedIn, result.Message);
        }

        var actor = result.Actor!;
        return Results.Json(new LoginAnswer(result.Session!.Token, result.Session.ExpiresAt, actor.Id, actor.FullName, actor.Department, result.MustChangePassword));
    }
}

/// <summary>The body of <c>POST /api/v1/auth/login</c>.</summary>
public sealed record Credentials(string? Email, string? Password);

/// <summary>A session: the bearer token for the next requests and who it is for.</summary>
public sealed record LoginAnswer(string Token, DateTime ExpiresAt, int CollaboratorId, string FullName, Department Department, bool MustChangePassword);

public sealed record WhoAmI(int CollaboratorId, string FullName, Department Department, DateTime ExpiresAt, bool MustChangePassword)
{
    internal static WhoAmI Of(ApiCaller caller) =>
        new(caller.Actor.Id, caller.Actor.FullName, caller.Actor.Department, caller.SessionExpiresAt, caller.Actor.MustChangePassword);
}

public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

public sealed record LoggedOut(bool LoggedOutNow, bool Everywhere);
