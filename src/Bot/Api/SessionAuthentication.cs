using System.Security.Claims;
using System.Text.Encodings.Web;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using EpicEvents.Crm.Telemetry;
namespace EpicEvents.Bot.Api;

/// <summary>
/// <c>Authorization: Bearer</c> with a session token this server signed at login, checked by
/// Crm.Core's <see cref="Sessions"/>: signature, lifetime, and the collaborator's security stamp,
/// reloaded at every request (a password change, deactivation or "log out everywhere" revokes it).
/// A refusal is a 401 problem saying why, never which part of the check failed beyond that.
/// </summary>
internal sealed class SessionAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggers, UrlEncoder encoder, Sessions sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    public const string SchemeName = "CrmSession";
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var session = await sessions.ResolveAsync(header[BearerPrefix.Length..].Trim(), ChangeSource.Api, Context.RequestAborted);
        if (session is not { State: SessionState.Active, Actor: { } actor })
        {
            Context.Items[ApiRefusal.Key] = ApiRefusal.NotLoggedIn(session.Message!);
            return AuthenticateResult.Fail(session.Message!.ToString());
        }

        Context.Features.Set(new ApiCaller(actor, session.ExpiresAt));
        CrmTelemetry.SignedIn(actor.Id);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, actor.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Claim(ClaimTypes.Role, actor.Department.ToString())],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => ApiRefusal.WriteAsync(Context);
}
