using System.CommandLine;
using System.CommandLine.Help;
using System.Data.Common;
using EpicEvents.Cli.Commands;
using EpicEvents.Crm.Auth;

namespace EpicEvents.Cli;

/// <summary>
/// The program: builds the command tree, turns parse errors into exit code 2, runs the chosen
/// command and turns infrastructure faults into one clear line and exit code 1 (never a stack trace).
/// </summary>
public static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var runner = new CommandRunner(environment);
        var root = CommandTree.Build(runner);
        var parseResult = root.Parse(args);
        try
        {
            if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction)
            {
                return runner.UsageError(parseResult);
            }

            var invocation = new InvocationConfiguration
            {
                Output = environment.Output,
                Error = environment.Error,
                EnableDefaultExceptionHandler = false,
            };
            return await parseResult.InvokeAsync(invocation, cancellationToken);
        }
        finally
        {
            await environment.Output.FlushAsync(CancellationToken.None);
            await environment.Error.FlushAsync(CancellationToken.None);
        }
    }

    /// <summary>The one line a user sees for a fault that is not theirs, or null for a bug.</summary>
    internal static string? DescribeFault(Exception exception) => exception switch
    {
        SigningKeyMissingException missingKey => missingKey.Message,
        Remote.ServerFaultException server => server.Message,
        DbException database => $"The database cannot be used: {FirstLine(database.Message)}",
        InvalidOperationException { InnerException: DbException database } => $"The database cannot be used: {FirstLine(database.Message)}",
        TimeZoneNotFoundException => "The configured time zone (Crm:TimeZone) is not known on this machine.",
        IOException io => $"A file could not be read or written: {FirstLine(io.Message)}",
        UnauthorizedAccessException access => $"A file could not be read or written: {FirstLine(access.Message)}",
        _ => null,
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
