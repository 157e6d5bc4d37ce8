using System.CommandLine;

namespace EpicEvents.Cli;

/// <summary>Options every command accepts.</summary>
internal sealed class GlobalOptions(Output.Texts texts)
{
    public Option<bool> Json { get; } = new("--json")
    {
        Description = texts.Phrase("global.json.help"),
        Recursive = true,
    };

    public Option<string?> Language { get; } = new Option<string?>("--lang")
    {
        Description = texts.Phrase("global.lang.help"),
        Recursive = true,
        HelpName = "en|fr",
    }.AcceptOnlyFromAmong("en", "fr");

    public Option<bool> NoColor { get; } = new("--no-color")
    {
        Description = texts.Phrase("global.noColor.help"),
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Json);
        root.Options.Add(Language);
        root.Options.Add(NoColor);
    }
}
