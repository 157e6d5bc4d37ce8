using System.CommandLine;
using EpicEvents.Crm.Auth;

namespace EpicEvents.Cli.Commands;

/// <summary><c>password change</c>.</summary>
internal static class PasswordCommands
{
    public static Command Build(CommandRunner runner)
    {
        var password = new Command("password", runner.Texts.Phrase("password.help"));
        var passwordStdin = Shared.PasswordStdin(runner.Texts.Phrase("password.change.passwordStdin.help"));
        var change = new Command("change", runner.Texts.Phrase("password.change.help")) { passwordStdin };
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
                current = context.Terminal.PromptSecret(context.Texts.Phrase("password.currentPassword"));
                replacement = context.Terminal.PromptSecret(context.Texts.Phrase("password.newPasswordCharactersMore"));
                confirmation = context.Terminal.PromptSecret(context.Texts.Phrase("password.newPasswordAgain"));
            }
            else
            {
                return context.Usage(context.Texts.NoPromptWithoutTerminal);
            }

            if (confirmation is not null && confirmation != replacement)
            {
                return context.Invalid("new password", context.Texts.Phrase("password.twoEntriesNewPassword"));
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
                _ => context.Terminal.Success(context.Texts.Phrase("password.passwordChangedYouStay")),
                token => new { changed = true, expiresAt = token.ExpiresAt });
        }, quiet: false);
        password.Subcommands.Add(change);
        return password;
    }
}
