using EpicEvents.Cli.Remote;
using Microsoft.Identity.Client;

namespace EpicEvents.Cli.Commands;

/// <summary>
/// <c>auth login --entra</c>: asks the CRM server how to sign in with Microsoft Entra ID, signs the
/// person in with a device code, then lets the server say who they are in the CRM (the token's tenant
/// and object id, through their Teams link) before keeping anything on the machine.
/// </summary>
internal static class EntraLoginCommand
{
    public static async Task<int> RunAsync(CliContext context, string? typedServer, CancellationToken cancellationToken)
    {
        var texts = context.Texts;
        if (typedServer is not null)
        {
            if (!CrmServerAddress.TryParse(typedServer, texts, out var chosen, out var error))
            {
                return context.Usage(error);
            }

            context.UseServer(chosen);
        }

        if (context.Server is not { } server)
        {
            return context.Usage(texts.Phrase("entraLogin.entraSignsCrmServer"));
        }

        Crm.Common.Result<EntraSignInDocument> offered;
        using (var anonymous = new CrmApiClient(server, token: null, texts))
        {
            offered = await anonymous.GetAsync<EntraSignInDocument>("auth/entra", cancellationToken);
        }

        if (!offered.IsOk)
        {
            context.Terminal.Error(ExitCodes.NotLoggedIn, offered.AsFailure().Message, []);
            return ExitCodes.NotLoggedIn;
        }

        var settings = offered.Value;
        var login = await EntraLogin.OpenAsync(settings.Authority, settings.ClientId, settings.Scopes, context.ConfigDirectory, keyring: null);
        if (!login.InKeyring)
        {
            context.Terminal.Note(texts.Phrase("entraLogin.noKeyringWorksMachine", login.CachePath));
        }

        AuthenticationResult signedIn;
        try
        {
            signedIn = await login.SignInAsync(
                (page, code, until) => context.Terminal.Warning(texts.Phrase("entraLogin.signOpenBrowserEnter", page, code, texts.Date(until.UtcDateTime, context.TimeZone))),
                cancellationToken);
        }
        catch (MsalException exception) when (exception is not MsalClientException { ErrorCode: MsalError.AuthenticationCanceledError })
        {
            context.Terminal.Error(ExitCodes.NotLoggedIn, texts.Phrase("entraLogin.microsoftSignDidNot", exception.Message), []);
            return ExitCodes.NotLoggedIn;
        }

        var account = signedIn.Account.HomeAccountId.Identifier;
        var who = await WhoIsAsync(context, server, signedIn.AccessToken, cancellationToken);
        if (!who.IsOk)
        {
            await login.SignOutAsync(account);
            return who.Error;
        }

        context.SessionFile.Save(new EntraSession(settings.Authority, settings.ClientId, settings.Scopes, account, signedIn.Account.Username, login.InKeyring));
        if (context.Configuration["EPICEVENTS_SERVER"] is not { Length: > 0 })
        {
            context.ServerFile.Save(server);
        }

        var session = who.Session!;
        if (context.Json)
        {
            context.Terminal.WriteJson(session);
            return ExitCodes.Ok;
        }

        context.Terminal.Success(texts.Phrase("entraLogin.loggedAsMicrosoftAccount", session.FullName, texts.Department(session.Department), signedIn.Account.Username, CrmServerAddress.Display(server)));
        return ExitCodes.Ok;
    }

    /// <summary>Forgets this machine's Microsoft sign-in, if the session is one.</summary>
    public static async Task SignOutAsync(CliContext context)
    {
        if (context.SessionFile.ReadEntra() is { } entra)
        {
            var login = await EntraLogin.OpenAsync(entra.Authority, entra.ClientId, entra.Scopes, context.ConfigDirectory, entra.InKeyring);
            await login.SignOutAsync(entra.Account);
        }
    }

    /// <summary>The collaborator the server maps the Microsoft token to, or the exit code of its refusal (already said).</summary>
    private static async Task<(bool IsOk, SessionDocument? Session, int Error)> WhoIsAsync(CliContext context, Uri server, string accessToken, CancellationToken cancellationToken)
    {
        using var api = new CrmApiClient(server, accessToken, context.Texts);
        try
        {
            var answer = await api.GetAsync<SessionDocument>("auth/whoami", cancellationToken);
            return answer.IsOk ? (true, answer.Value, ExitCodes.Ok) : (false, null, context.Fail(answer.AsFailure()));
        }
        catch (SessionRefusedException refused)
        {
            context.Terminal.Error(ExitCodes.NotLoggedIn, refused.Message, []);
            return (false, null, ExitCodes.NotLoggedIn);
        }
    }
}
