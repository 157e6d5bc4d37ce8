using System.CommandLine;

namespace EpicEvents.Cli;

/// <summary>Options every command accepts.</summary>
internal sealed class GlobalOptions
{
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Machine-readable output: one JSON document on stdout; errors as {\"error\":{…}} on stderr.",
        Recursive = true,
    };

    public Option<string?> Language { get; } = new Option<string?>("--lang")
    {
        Description = "Language of the messages: en or fr (default: EPICEVENTS_LANG, then LANG).",
        Recursive = true,
        HelpName = "en|fr",
    }.AcceptOnlyFromAmong("en", "fr");

    public Option<bool> NoColor { get; } = new("--no-color")
    {
        Description = "No colours, even on a terminal (NO_COLOR is honoured too).",
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Json);
        root.Options.Add(Language);
        root.Options.Add(NoColor);
    }
}
