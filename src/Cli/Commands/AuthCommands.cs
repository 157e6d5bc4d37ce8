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
        var auth = new Command("auth", "Log in and out, and see who is logged in.");
        auth.Subcommands.Add(Login(runner));
        auth.Subcommands.Add(Logout(runner));
        auth.Subcommands.Add(WhoAmI(runner));
        return auth;
    }

    private static Command Login(CommandRunner runner)
    {
        var email = new Option<string?>("--email") { Description = "Your email address (asked for when left out)." };
        var passwordStdin = Shared.PasswordStdin("the password");
        var server = new Option<string?>("--server")
        {
            Description = "Log in to the company's CRM server (https://…); every later command goes there. Default: EPICEVENTS_SERVER, then the server of the last login.",
            HelpName = "URL",
        };
        var local = new Option<bool>("--local") { Description = "Work on this machine's own database again, forgetting the server." };
        var entra = new Option<bool>("--entra")
        {
            Description = "Sign in to the CRM server with your Microsoft work account (a code to type on a sign-in page), when the server offers it; the sign-in renews itself.",
        };
        var command = new Command("login", "Log in; the session is kept in your config directory (mode 0600) for 8 hours.") { email, passwordStdin, server, local, entra };
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
                address ??= context.Terminal.PromptText(context.Texts.Say("Email:", "E-mail :"));
                password = context.Terminal.PromptSecret(context.Texts.Say("Password:", "Mot de passe :"));
            }
            else
            {
                return context.Usage(context.Texts.NoPromptWithoutTerminal);
            }

            if (string.IsNullOrWhiteSpace(address))
            {
                return context.Usage(context.Texts.Say("Give your email with --email.", "Indiquez votre e-mail avec --email."));
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
            context.Terminal.Success(context.Texts.Say(
                $"Logged in as {session.FullName} ({context.Texts.Department(session.Department)}) until {context.Texts.Date(session.ExpiresAt, context.TimeZone)}{where}.",
                $"Connecté en tant que {session.FullName} ({context.Texts.Department(session.Department)}) jusqu'au {context.Texts.Date(session.ExpiresAt, context.TimeZone)}{where}."));
            if (session.MustChangePassword)
            {
                context.Terminal.Warning(context.Texts.Say(
                    "Your password is temporary: change it now with `epicevents password change`; nothing else is allowed until then.",
                    "Votre mot de passe est provisoire : changez-le avec `epicevents password change` ; rien d'autre n'est permis d'ici là."));
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
            Description = "End every password session of your account, on every machine (a Microsoft sign-in on another machine ends when your organisation signs you out of Microsoft).",
        };
        var command = new Command("logout", "Forget this machine's session (harmless when there is none).") { everywhere };
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
                ? context.Texts.Say("Logged out.", "Déconnecté.")
                : context.Texts.Say("You were not logged in on this machine.", "Vous n'étiez pas connecté sur cette machine."));
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
            _ => context.Terminal.Success(context.Texts.Say("Every session of your account has ended.", "Toutes les sessions de votre compte sont terminées.")),
            _ => new LogoutDocument(LoggedOut: true, Everywhere: true));
    }

    private static Command WhoAmI(CommandRunner runner)
    {
        var command = new Command("whoami", "Who is logged in, in which department, and until when.");
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
                    (context.Texts.Say("Collaborator", "Collaborateur"), session.CollaboratorId.ToString(context.Texts.Culture)),
                    (context.Texts.Say("Department", "Département"), context.Texts.Department(session.Department)),
                    (context.Texts.Say("Session ends", "Fin de session"), context.Texts.Date(session.ExpiresAt, context.TimeZone)),
                    (context.Texts.Say("Temporary password", "Mot de passe provisoire"), context.Texts.YesNo(session.MustChangePassword)),
                ]);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed record LogoutDocument(bool LoggedOut, bool Everywhere);
}
