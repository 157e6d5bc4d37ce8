using System.Text.RegularExpressions;
using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Bot.Commands;

/// <summary>
/// The commands closest to a message the bot did not understand, among those the person may use:
/// by edit distance between the words typed and each command's example (numbers count as one
/// symbol, so "contrat 18" is close to "contract 7"), in either language.
/// </summary>
public static partial class CommandSuggestions
{
    public const int Count = 3;

    /// <summary>The closest commands, each as the text to send: the person's own number in place of the example's.</summary>
    public static IReadOnlyList<string> For(string text, Department department, Wording words)
    {
        var typed = CommandParser.Normalize(text);
        var number = Number().Match(typed) is { Success: true } found ? found.Value : null;
        var shape = Number().Replace(typed, "#");
        // A command that changes data is suggested only with the person's own number, never the example's
        // ("sgin 7" → "sign 7"; "sgin" → no "sign 7" button that would sign contract 7); one that needs a
        // name (assign) is suggested without one, so the bot asks.
        return CommandTable.Default.For(department)
            .Where(c => !c.Changes || (number is not null && Number().IsMatch(c.English)))
            .SelectMany(c => new[] { (Usage: c, Example: c.English, Score: Distance(shape, c.English)), (Usage: c, Example: c.French, Score: Distance(shape, c.French)) })
            .GroupBy(s => s.Usage)
            .Select(g => (g.Key, Score: g.Min(s => s.Score)))
            .OrderBy(s => s.Score)
            .Take(Count)
            .Select(s => WithNumber(s.Key.Example(words), number))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static string WithNumber(string example, string? number)
    {
        var command = number is null ? example : Number().Replace(example, number, 1);
        var name = AssignTarget().Match(command);
        return name.Success ? command[..name.Index] : command;
    }

    /// <summary>Edit distance to the example, or to as many of the typed words as the example has (a command followed by extra words).</summary>
    private static int Distance(string shape, string example)
    {
        var target = Number().Replace(AssignTarget().Replace(CommandParser.Normalize(example), string.Empty), "#");
        var words = shape.Split(' ');
        var wanted = target.Split(' ').Length;
        var prefix = words.Length > wanted ? string.Join(' ', words.Take(wanted)) : shape;
        return Math.Min(Levenshtein(shape, target), Levenshtein(prefix, target) + 1);
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"#?\d+")]
    private static partial Regex Number();

    [GeneratedRegex(@" (to|à|a) \S+$")]
    private static partial Regex AssignTarget();
}
