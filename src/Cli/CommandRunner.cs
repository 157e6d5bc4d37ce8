using System.CommandLine;
using System.Diagnostics;
using EpicEvents.Cli.Output;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Telemetry;

namespace EpicEvents.Cli;

/// <summary>
/// Runs one command's handler in a fresh <see cref="CliContext"/>: resolves the session when the
/// command needs one, shows a spinner when a quiet command runs for more than a second, and maps
/// faults to exit codes.
/// </summary>
internal sealed class CommandRunner(CliEnvironment environment, Lazy<Microsoft.Extensions.Configuration.IConfiguration> configuration, Texts texts)
{
    private static readonly TimeSpan SpinnerDelay = TimeSpan.FromSeconds(1);

    public GlobalOptions Globals { get; } = new(texts);

    /// <summary>The reader's language, known before the command tree is built: the tree's help is in it.</summary>
    public Texts Texts { get; } = texts;

    /// <summary>A command that needs a logged-in collaborator.</summary>
    public void Authenticated(Command command, Func<CliContext, Actor, CancellationToken, Task<int>> handler, bool quiet = true) =>
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, async (context, token) =>
        {
            var actor = await context.SignInAsync(token);
            return actor is null ? ExitCodes.NotLoggedIn : await handler(context, actor, token);
        }, quiet, cancellationToken));

    /// <summary>A command that works without a session (login, database set-up).</summary>
    public void Anonymous(Command command, Func<CliContext, CancellationToken, Task<int>> handler, bool quiet = true) =>
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, handler, quiet, cancellationToken));

    /// <summary>
    /// An operator's command on the database itself (<c>db init | migrate | seed</c>): it runs where the
    /// database is, never through a CRM server.
    /// </summary>
    public void Operator(Command command, Func<CliContext, CancellationToken, Task<int>> handler, bool quiet = true) =>
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, (context, token) =>
            context.Server is { } server
                ? Task.FromResult(context.Usage(context.Texts.Phrase("commandRunner.worksDatabaseFromMachine", context.Command, Remote.CrmServerAddress.Display(server))))
                : handler(context, token), quiet, cancellationToken));

    public int UsageError(ParseResult parseResult)
    {
        using var context = new CliContext(environment, configuration.Value, parseResult, Globals, Texts);
        var command = string.Join(' ', CommandPath(parseResult));
        var message = string.Join(Environment.NewLine, parseResult.Errors.Select(e => e.Message).Distinct());
        context.Terminal.Error(ExitCodes.Usage, message, [], context.Texts.SeeHelp(command));
        return ExitCodes.Usage;
    }

    private static IEnumerable<string> CommandPath(ParseResult parseResult)
    {
        var names = new Stack<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(result.Parent is null ? "epicevents" : result.Command.Name);
        }

        return names;
    }

    public async Task<int> RunAsync(ParseResult parseResult, Func<CliContext, CancellationToken, Task<int>> handler, bool quiet, CancellationToken cancellationToken)
    {
        using var context = new CliContext(environment, configuration.Value, parseResult, Globals, Texts);
        var telemetry = context.Telemetry;
        var command = string.Join(' ', CommandPath(parseResult));
        var span = CliTelemetry.Source.StartActivity(command, ActivityKind.Internal);
        CrmTelemetry.Runs(command);
        try
        {
            var exitCode = await RunHandlerAsync(context, command, handler, quiet, cancellationToken);
            span?.SetTag("process.exit.code", exitCode);
            if (exitCode == ExitCodes.Unexpected)
            {
                span?.SetStatus(ActivityStatusCode.Error);
            }

            return exitCode;
        }
        finally
        {
            span?.Dispose();
            // The user gets the answer first; the export waits at most CliTelemetry.FlushBudget after it.
            await environment.Output.FlushAsync(CancellationToken.None);
            await environment.Error.FlushAsync(CancellationToken.None);
            telemetry.Dispose();
        }
    }

    private static async Task<int> RunHandlerAsync(CliContext context, string command, Func<CliContext, CancellationToken, Task<int>> handler, bool quiet, CancellationToken cancellationToken)
    {
        context.Command = command;
        try
        {
            var work = handler(context, cancellationToken);
            if (quiet && context.Terminal.CanShowProgress)
            {
                if (await Task.WhenAny(work, Task.Delay(SpinnerDelay, cancellationToken)) != work)
                {
                    return await context.Terminal.WhileWaitingAsync(context.Texts.Working, work);
                }
            }

            return await work;
        }
        catch (Remote.SessionRefusedException refused)
        {
            context.Terminal.Error(ExitCodes.NotLoggedIn, refused.Message, [], context.Texts.LogInAgain);
            return ExitCodes.NotLoggedIn;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Terminal.Error(ExitCodes.Unexpected, context.Texts.Cancelled, []);
            return ExitCodes.Unexpected;
        }
        catch (Exception exception) when (CliApplication.DescribeFault(exception, context.Texts) is { } message)
        {
            CliLog.CommandFault(context.Logger, exception, command, exception.GetType().Name);
            Activity.Current.RecordFailure(exception);
            context.Terminal.Error(ExitCodes.Unexpected, message, []);
            return ExitCodes.Unexpected;
        }
        catch (Exception exception)
        {
            // A bug: say so in one line and keep the details for whoever runs with EPICEVENTS_DEBUG.
            CliLog.CommandCrashed(context.Logger, exception, command, exception.GetType().Name);
            Activity.Current.RecordFailure(exception);
            var details = context.Configuration["EPICEVENTS_DEBUG"] is { Length: > 0 } ? exception.ToString() : null;
            context.Terminal.Error(ExitCodes.Unexpected, context.Texts.Unexpected(exception.GetType().Name), [], details);
            return ExitCodes.Unexpected;
        }
    }
}
