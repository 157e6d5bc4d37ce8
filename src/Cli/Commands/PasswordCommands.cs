using System.CommandLine;
using EpicEvents.Crm.Auth;

namespace EpicEvents.Cli.Commands;

/// <summary><c>password change</c>.</summary>
internal static class PasswordCommands
{
    public static Command Build(CommandRunner runner)
    {
        var password = new Command("password", "Your own password.");
        var passwordStdin = Shared.PasswordStdin("the current password, then the new one (and optionally the new one again)");
        var change = new Command("change", "Change your password: the current one, then the new one twice. Other sessions end.") { passwordStdin };
        runner.Authenticated(change, async (context, actor, cancellationToken) =>
        {
            string current;
            string replacement;
            string? confirmation;
            if (context.Value(passwordStdin))
            {
                current = context.ReadLine() ?? string.Empty;
                replacement = context.ReadLine() ?? string.Empty;
                confirmation = context.ReadLine();
            }
            else if (context.Terminal.CanPrompt)
            {
                current = context.Terminal.PromptSecret(context.Texts.Say("Current password:", "Mot de passe actuel :"));
                replacement = context.Terminal.PromptSecret(context.Texts.Say("New password (10 characters or more):", "Nouveau mot de passe (10 caractères ou plus) :"));
                confirmation = context.Terminal.PromptSecret(context.Texts.Say("New password again:", "Nouveau mot de passe, encore :"));
            }
            else
            {
                return context.Usage(context.Texts.NoPromptWithoutTerminal);
            }

            if (confirmation is not null && confirmation != replacement)
            {
                return context.Invalid("new password", context.Texts.Say("The two entries of the new password differ.", "Les deux saisies du nouveau mot de passe diffèrent."));
            }

            var result = await context.Crm(
                () => context.Get<ChangeOwnPassword>().ExecuteAsync(actor, new ChangeOwnPasswordRequest(current, replacement), cancellationToken),
                api => api.PostAsync<SessionToken>("auth/password", new { currentPassword = current, newPassword = replacement }, cancellationToken));
            if (result.IsOk)
            {
                context.SessionFile.Save(result.Value.Token);
            }

            return context.Complete(
                result,
                _ => context.Terminal.Success(context.Texts.Say(
                    "Password changed. You stay logged in here; every other session has ended.",
                    "Mot de passe changé. Vous restez connecté ici ; toutes les autres sessions sont terminées.")),
                token => new { changed = true, expiresAt = token.ExpiresAt });
        }, quiet: false);
        password.Subcommands.Add(change);
        return password;
    }
}
