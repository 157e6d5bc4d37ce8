using System.Text;

namespace EpicEvents.Cli;

/// <summary>
/// What the program runs in: its standard streams, whether they are terminals, where it reads its
/// configuration, and settings that override every other source (used by tests and embedding hosts).
/// </summary>
public sealed record CliEnvironment(
    TextReader Input,
    TextWriter Output,
    TextWriter Error,
    bool InputIsTerminal,
    bool OutputIsTerminal,
    bool ErrorIsTerminal,
    string AppSettingsDirectory,
    string WorkingDirectory)
{
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    public static CliEnvironment FromProcess()
    {
        // A buffered standard output: a 50 000-row listing would otherwise cost one write call per row.
        var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16)
        {
            AutoFlush = false,
        };
        return new CliEnvironment(
            Console.In,
            output,
            Console.Error,
            !Console.IsInputRedirected,
            !Console.IsOutputRedirected,
            !Console.IsErrorRedirected,
            AppContext.BaseDirectory,
            Directory.GetCurrentDirectory());
    }
}
