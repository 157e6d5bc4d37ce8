using System.CommandLine;
using System.CommandLine.Help;
using System.Data.Common;
using System.Globalization;
using EpicEvents.Cli.Commands;
using EpicEvents.Cli.Output;
using EpicEvents.Crm.Auth;

namespace EpicEvents.Cli;

/// <summary>
/// The program: builds the command tree in the reader's language, turns parse errors into exit code
/// 2, runs the chosen command and turns infrastructure faults into one clear line and exit code 1
/// (never a stack trace).
/// </summary>
public static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        // Built when a command runs: help and usage errors read no configuration file.
        var configuration = new Lazy<Microsoft.Extensions.Configuration.IConfiguration>(() => CliContext.ConfigurationOf(environment));
        var texts = Texts.For(LanguageOf(args) ?? CliContext.LanguageOfEnvironment(environment) ?? CliContext.ConfiguredLanguage(configuration.Value));
        var runner = new CommandRunner(environment, configuration, texts);
        var root = CommandTree.Build(runner);
        // System.CommandLine's own words (Usage:, Options:, its parse errors) follow the UI culture;
        // the package ships them in French.
        var uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = texts.Culture;
        try
        {
            var parseResult = root.Parse(args);
            if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction)
            {
                return runner.UsageError(parseResult);
            }

            // Help is written aside first: a few of System.CommandLine's words have no French in its resources.
            using var help = parseResult.Action is HelpAction ? new StringWriter() : null;
            var invocation = new InvocationConfiguration
            {
                Output = help ?? environment.Output,
                Error = environment.Error,
                EnableDefaultExceptionHandler = false,
            };
            var exitCode = await parseResult.InvokeAsync(invocation, cancellationToken);
            if (help is not null)
            {
                await environment.Output.WriteAsync(texts.Help(help.ToString()));
            }

            return exitCode;
        }
        finally
        {
            CultureInfo.CurrentUICulture = uiCulture;
            await environment.Output.FlushAsync(CancellationToken.None);
            await environment.Error.FlushAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// The value of <c>--lang</c> on the command line, read before the command tree is built: the
    /// tree's descriptions (<c>--help</c>) are already in the reader's language.
    /// </summary>
    internal static string? LanguageOf(string[] args)
    {
        for (var i = 0; i < args.Length && args[i] != "--"; i++)
        {
            if (args[i] == "--lang")
            {
                return i + 1 < args.Length ? args[i + 1] : null;
            }

            if (args[i].StartsWith("--lang=", StringComparison.Ordinal) || args[i].StartsWith("--lang:", StringComparison.Ordinal))
            {
                return args[i]["--lang=".Length..];
            }
        }

        return null;
    }

    /// <summary>The one line a user sees for a fault that is not theirs, or null for a bug.</summary>
    internal static string? DescribeFault(Exception exception, Texts texts) => exception switch
    {
        SigningKeyMissingException missingKey => missingKey.Message,
        Remote.ServerFaultException server => server.Message,
        DbException database => texts.Phrase("cliApplication.databaseCannotBeUsed", FirstLine(database.Message)),
        InvalidOperationException { InnerException: DbException database } => texts.Phrase("cliApplication.databaseCannotBeUsed", FirstLine(database.Message)),
        TimeZoneNotFoundException => texts.Phrase("cliApplication.timeZoneUnknown"),
        IOException io => texts.Phrase("cliApplication.fileUnusable", FirstLine(io.Message)),
        UnauthorizedAccessException access => texts.Phrase("cliApplication.fileUnusable", FirstLine(access.Message)),
        _ => null,
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
