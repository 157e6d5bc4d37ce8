using System.CommandLine;
using EpicEvents.Cli.Remote;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Auth;

namespace EpicEvents.Cli.Commands;

/// <summary><c>auth login | logout | whoami | status</c>.</summary>
internal static class AuthCommands
{
    public static Command Build(CommandRunner runner)
    {
        var auth = new Command("auth", runner.Texts.Phrase("auth.help"));
        auth.Subcommands.Add(Login(runner));
        auth.Subcommands.Add(Logout(runner));
        auth.Subcommands.Add(WhoAmI(runner));
        return auth;
    }

    private static Command Login(CommandRunner runner)
    {
        var email = new Option<string?>("--email") { Description = runner.Texts.Phrase("auth.login.email.help") };
        var passwordStdin = Shared.PasswordStdin(runner.Texts.Phrase("auth.login.passwordStdin.help"));
        var server = new Option<string?>("--server")
        {
            Description = runner.Texts.Phrase("auth.login.server.help"),
            HelpName = "URL",
        };
        var local = new Option<bool>("--local") { Description = runner.Texts.Phrase("auth.login.local.help") };
        var entra = new Option<bool>("--entra")
        {
            Description = runner.Texts.Phrase("auth.login.entra.help"),
        };
        var command = new Command("login", runner.Texts.Phrase("auth.login.help")) { email, passwordStdin, server, local, entra };
        command.Validators.Add(result =>
        {
            if (result.GetValue(server) is not null && result.GetValue(local))
            {
                result.AddError("--server and --local cannot be used together.");
            }

            if (result.GetValue(entra) && (result.GetValue(local) || result.GetValue(email) is not null || result.GetValue(passwordStdin)))
            {
                result.AddError("--entra signs in with Microsoft: it takes no --local, --email or --password-stdin.");
            }
        });
        runner.Anonymous(command, async (context, cancellationToken) =>
        {
            if (context.Value(entra))
            {
                return await EntraLoginCommand.RunAsync(context, context.Value(server), cancellationToken);
            }

            var address = context.Value(email);
            string password;
            if (context.Value(passwordStdin))
            {
                password = context.ReadLine() ?? string.Empty;
            }
            else if (context.Terminal.CanPrompt)
            {
                address ??= context.Terminal.PromptText(context.Texts.Phrase("auth.email"));
                password = context.Terminal.PromptSecret(context.Texts.Phrase("auth.password"));
            }
            else
            {
                return context.Usage(context.Texts.NoPromptWithoutTerminal);
            }

            if (string.IsNullOrWhiteSpace(address))
            {
                return context.Usage(context.Texts.Phrase("auth.giveYourEmailEmail"));
            }

            if (context.Value(local))
            {
                context.ServerFile.Delete();
            }
            else if (context.Value(server) is { } typed)
            {
                if (!CrmServerAddress.TryParse(typed, context.Texts, out var chosen, out var error))
                {
                    return context.Usage(error);
                }

                context.UseServer(chosen);
            }

            var session = context.IsRemote
                ? await LoginRemotelyAsync(context, address, password, cancellationToken)
                : await LoginLocallyAsync(context, address, password, cancellationToken);
            if (session is null)
            {
                return ExitCodes.NotLoggedIn;
            }

            context.SessionFile.Save(session.Token);
            if (context.Server is { } remote && context.Configuration["EPICEVENTS_SERVER"] is not { Length: > 0 })
            {
                context.ServerFile.Save(remote);
            }

            if (context.Json)
            {
                context.Terminal.WriteJson(new SessionDocument(session.CollaboratorId, session.FullName, session.Department, session.ExpiresAt, session.MustChangePassword));
                return ExitCodes.Ok;
            }

            var where = context.Server is { } at ? $" ({CrmServerAddress.Display(at)})" : string.Empty;
            context.Terminal.Success(context.Texts.Phrase("auth.loggedAsUntil", session.FullName, context.Texts.Department(session.Department), context.Texts.Date(session.ExpiresAt, context.TimeZone), where));
            if (session.MustChangePassword)
            {
                context.Terminal.Warning(context.Texts.Phrase("auth.yourPasswordTemporaryChange"));
            }

            return ExitCodes.Ok;
        }, quiet: false);
        return command;
    }

    private static async Task<LoginDocument?> LoginLocallyAsync(CliContext context, string email, string password, CancellationToken cancellationToken)
    {
        var result = await context.Get<Login>().ExecuteAsync(email, password, ChangeSource.Cli, cancellationToken);
        if (!result.Succeeded)
        {
            context.Terminal.Error(ExitCodes.NotLoggedIn, result.Message, []);
            return null;
        }

        var actor = result.Actor!;
        return new LoginDocument(result.Session!.Token, result.Session.ExpiresAt, actor.Id, actor.FullName, actor.Department, result.MustChangePassword);
    }

    /// <summary>The server checks the password, applies the lockout and signs the session with a key only it has.</summary>
    private static async Task<LoginDocument?> LoginRemotelyAsync(CliContext context, string email, string password, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await context.Api.PostAsync<LoginDocument>("auth/login", new { email, password }, cancellationToken);
            if (answer.IsOk)
            {
                return answer.Value;
            }

            context.Fail(answer.AsFailure());
            return null;
        }
        catch (SessionRefusedException refused)
        {
            context.Terminal.Error(ExitCodes.NotLoggedIn, refused.Message, []);
            return null;
        }
    }

    private static Command Logout(CommandRunner runner)
    {
        var everywhere = new Option<bool>("--everywhere")
        {
            Description = runner.Texts.Phrase("auth.logout.everywhere.help"),
        };
        var command = new Command("logout", runner.Texts.Phrase("auth.logout.help")) { everywhere };
        command.SetAction((parseResult, cancellationToken) =>
            runner.RunAsync(parseResult, parseResult.GetValue(everywhere) ? LogoutEverywhereAsync : LogoutHereAsync, quiet: true, cancellationToken));
        return command;
    }

    private static async Task<int> LogoutHereAsync(CliContext context, CancellationToken cancellationToken)
    {
        await EntraLoginCommand.SignOutAsync(context);
        var hadSession = context.SessionFile.Delete();
        if (context.Json)
        {
            context.Terminal.WriteJson(new LogoutDocument(hadSession, Everywhere: false));
        }
        else
        {
            context.Terminal.Success(hadSession
                ? context.Texts.Phrase("auth.loggedOut")
                : context.Texts.Phrase("auth.youWereNotLogged"));
        }

        return ExitCodes.Ok;
    }

    private static async Task<int> LogoutEverywhereAsync(CliContext context, CancellationToken cancellationToken)
    {
        var actor = await context.SignInAsync(cancellationToken);
        if (actor is null)
        {
            return ExitCodes.NotLoggedIn;
        }

        var result = await context.Crm(
            () => context.Get<LogoutEverywhere>().ExecuteAsync(actor, cancellationToken),
            api => api.PostAsync<Crm.Common.Done>("auth/logout-everywhere", null, cancellationToken));
        if (result.IsOk)
        {
            await EntraLoginCommand.SignOutAsync(context);
            context.SessionFile.Delete();
        }

        return context.Complete(
            result,
            _ => context.Terminal.Success(context.Texts.Phrase("auth.everySessionYourAccount")),
            _ => new LogoutDocument(LoggedOut: true, Everywhere: true));
    }

    private static Command WhoAmI(CommandRunner runner)
    {
        var command = new Command("whoami", runner.Texts.Phrase("auth.whoami.help"));
        command.Aliases.Add("status");
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
        {
            SessionDocument session;
            if (context.IsRemote)
            {
                var answer = await context.Api.GetAsync<SessionDocument>("auth/whoami", cancellationToken);
                if (!answer.IsOk)
                {
                    return context.Fail(answer.AsFailure());
                }

                session = answer.Value;
            }
            else
            {
                session = new SessionDocument(actor.Id, actor.FullName, actor.Department, context.SessionExpiresAt, actor.MustChangePassword);
            }

            if (context.Json)
            {
                context.Terminal.WriteJson(session);
            }
            else
            {
                context.Terminal.Details(session.FullName,
                [
                    (context.Texts.Phrase("auth.collaborator"), session.CollaboratorId.ToString(context.Texts.Culture)),
                    (context.Texts.Phrase("auth.department"), context.Texts.Department(session.Department)),
                    (context.Texts.Phrase("auth.sessionEnds"), context.Texts.Date(session.ExpiresAt, context.TimeZone)),
                    (context.Texts.Phrase("auth.temporaryPassword"), context.Texts.YesNo(session.MustChangePassword)),
                ]);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed record LogoutDocument(bool LoggedOut, bool Everywhere);
}
