using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace EpicEvents.Tests.Texts;

/// <summary>
/// The checks a project's texts pass, read from its files alone (the resource files and the C#
/// sources), so that any project can run them: every key is in English and French with the same
/// holes, every key is used, every key the code names exists, and no sentence shown to people is
/// written inline in code. Each check returns what is wrong, one line each, empty when all is well.
/// </summary>
public sealed partial class ResourceTextsCheck
{
    private readonly string _sourceFolder;
    private readonly IReadOnlyList<string> _resourceBases;
    private readonly Lazy<IReadOnlyList<SourceFile>> _sources;

    /// <param name="sourceFolder">The project's folder; its <c>.cs</c> files are read (not bin/obj).</param>
    /// <param name="resourceBases">Each resource pair, without <c>.resx</c>: <c>Resources/CliTexts</c> stands for <c>CliTexts.resx</c> and <c>CliTexts.fr.resx</c>.</param>
    public ResourceTextsCheck(string sourceFolder, params string[] resourceBases)
    {
        _sourceFolder = sourceFolder;
        _resourceBases = resourceBases.Select(b => Path.IsPathRooted(b) ? b : Path.Combine(sourceFolder, b)).ToList();
        _sources = new(() => Directory.EnumerateFiles(sourceFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(sourceFolder, f)))
            .Order(StringComparer.Ordinal)
            .Select(f => new SourceFile(Path.GetRelativePath(sourceFolder, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList());
    }

    /// <summary>The repository's root: the folder of <c>EpicEvents.Bot.sln</c> above the tests' binaries.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>
    /// Resource files of another project whose keys the code may name too (Crm.Core's, from a front
    /// end): their keys exist for <see cref="UnknownKeys"/>, but need not be used here and do not make
    /// their areas look like keys of this project.
    /// </summary>
    public IReadOnlyList<string> OtherResourceBases { get; init; } = [];

    /// <summary>Methods whose first string argument (after an optional catalog) is a key: <c>Phrase("key")</c>, <c>new Text("key")</c>.</summary>
    public IReadOnlyList<string> KeyMethods { get; init; } = ["Phrase", "Text"];

    /// <summary>Every key in English and in French, neither empty, with the same holes (<c>{0}</c>, <c>{1:N0}</c>).</summary>
    public IReadOnlyList<string> IncompleteTranslations()
    {
        var problems = new List<string>();
        foreach (var resourceBase in _resourceBases)
        {
            var name = Path.GetFileName(resourceBase);
            var english = ReadResx(resourceBase + ".resx");
            var french = ReadResx(resourceBase + ".fr.resx");
            problems.AddRange(english.Keys.Except(french.Keys).Select(k => $"{name}: '{k}' has no French"));
            problems.AddRange(french.Keys.Except(english.Keys).Select(k => $"{name}: '{k}' has no English"));
            foreach (var (key, value) in english.Where(e => french.ContainsKey(e.Key)))
            {
                if (string.IsNullOrWhiteSpace(value) || string.IsNullOrWhiteSpace(french[key]))
                {
                    problems.Add($"{name}: '{key}' is empty in a language");
                }
                else if (!Holes(value).SetEquals(Holes(french[key])))
                {
                    problems.Add($"{name}: '{key}' has holes {string.Join(' ', Holes(value).Order())} in English but {string.Join(' ', Holes(french[key]).Order())} in French");
                }
            }
        }

        return problems;
    }

    /// <summary>Every key appears as a literal in the project's code.</summary>
    public IReadOnlyList<string> UnusedKeys()
    {
        var literals = _sources.Value.SelectMany(s => s.Literals).Select(l => l.Value).ToHashSet(StringComparer.Ordinal);
        return _resourceBases
            .SelectMany(b => ReadResx(b + ".resx").Keys.Where(k => !literals.Contains(k)).Select(k => $"{Path.GetFileName(b)}: '{k}' is not used"))
            .ToList();
    }

    /// <summary>
    /// Every key the code names exists: the literal given to a <see cref="KeyMethods"/> call, and any
    /// literal shaped as a key (<c>area.words</c>) whose area is one of the resource files'.
    /// </summary>
    public IReadOnlyList<string> UnknownKeys()
    {
        var keys = _resourceBases.SelectMany(b => ReadResx(b + ".resx").Keys).ToHashSet(StringComparer.Ordinal);
        var areas = keys.Select(k => k.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        keys.UnionWith(OtherResourceBases.SelectMany(b => ReadResx(Path.Combine(_sourceFolder, b) + ".resx").Keys));
        var call = new Regex($@"\b(?:{string.Join('|', KeyMethods)})\(\s*(?:[\w.]+,\s*)?$", RegexOptions.CultureInvariant);
        var problems = new List<string>();
        foreach (var file in _sources.Value)
        {
            foreach (var literal in file.Literals.Where(l => !l.Interpolated && !keys.Contains(l.Value)))
            {
                var passedAsKey = call.IsMatch(file.Code[Math.Max(0, literal.Start - 80)..literal.Start]) && !literal.Value.Any(c => char.IsWhiteSpace(c) || c is '{');
                var shapedAsKey = KeyShape().IsMatch(literal.Value) && areas.Contains(literal.Value.Split('.')[0]);
                if (passedAsKey || shapedAsKey)
                {
                    problems.Add($"{file.Path}:{file.Line(literal.Start)}: '{literal.Value}' is no key of the resource files");
                }
            }
        }

        return problems;
    }

    /// <summary>
    /// String literals in code that read as words shown to people (see <see cref="ReadsAsText"/>),
    /// except those of log templates, programmer errors and telemetry, and those of the allowlist:
    /// a file whose lines are <c>path | literal | why</c>. An entry that no longer matches is reported too.
    /// </summary>
    public IReadOnlyList<string> InlineTexts(string? allowlistFile = null)
    {
        var allowed = allowlistFile is null ? [] : ReadAllowlist(allowlistFile);
        var used = new HashSet<(string Path, string Literal)>();
        var problems = new List<string>();
        foreach (var file in _sources.Value)
        {
            foreach (var literal in file.Literals)
            {
                if (!ReadsAsText(literal.Value) || IsForProgrammers(file, literal.Start))
                {
                    continue;
                }

                if (allowed.Contains((file.Path, literal.Value.Trim())))
                {
                    used.Add((file.Path, literal.Value.Trim()));
                    continue;
                }

                problems.Add($"{file.Path}:{file.Line(literal.Start)}: \"{literal.Value}\" is written in code, not in a resource file");
            }
        }

        problems.AddRange(allowed.Except(used).Select(a => $"allowlist: \"{a.Literal}\" is no longer in {a.Path}"));
        return problems;
    }

    /// <summary>
    /// A literal reads as text for people when, its holes and markup taken out, it holds two words
    /// in a row (letters with a vowel, the first with a lower-case one, apart by spaces), or is one
    /// capitalised word (a column's title); SQL, addresses and keys do not.
    /// </summary>
    public static bool ReadsAsText(string literal)
    {
        var text = Markup().Replace(Hole().Replace(literal, " "), " ").Trim();
        if (text.Length == 0 || Sql().IsMatch(text) || text.Contains("://", StringComparison.Ordinal) || KeyShape().IsMatch(text))
        {
            return false;
        }

        return TwoWords().IsMatch(text) || OneWord().IsMatch(text);
    }

    /// <summary>Literals of log templates, programmer errors and telemetry: the call the literal is an argument of says so.</summary>
    private static bool IsForProgrammers(SourceFile file, int start)
    {
        var code = file.Code;
        var depth = 0;
        for (var i = start - 1; i >= 0 && i > start - 2000; i--)
        {
            if (file.LiteralEndingAt(i + 1) is { } earlier)
            {
                // Another argument's literal: its braces and parentheses are text, not code.
                i = earlier.Start;
                continue;
            }

            var c = code[i];
            if (c is ')' or ']')
            {
                depth++;
            }
            else if (c is '(' or '[')
            {
                if (depth-- > 0)
                {
                    continue;
                }

                var callee = Callee().Match(code[Math.Max(0, i - 80)..i]).Groups[1].Value;
                if (ForProgrammers().IsMatch(callee))
                {
                    return true;
                }
            }
            else if (c is ';' or '{' or '}' && depth == 0)
            {
                return false;
            }
        }

        return false;
    }

    private static HashSet<(string Path, string Literal)> ReadAllowlist(string path)
    {
        var entries = new HashSet<(string Path, string Literal)>();
        foreach (var line in File.ReadAllLines(path).Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')))
        {
            var parts = line.Split('|', 3, StringSplitOptions.TrimEntries);
            if (parts.Length != 3 || parts[2].Length == 0)
            {
                throw new InvalidDataException($"{path}: each entry is 'path | literal | why': {line}");
            }

            entries.Add((parts[0], parts[1]));
        }

        return entries;
    }

    private static Dictionary<string, string> ReadResx(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);

    private static HashSet<string> Holes(string sentence) =>
        FormatItem().Matches(sentence.Replace("{{", string.Empty, StringComparison.Ordinal)).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) is [var first, ..] && first is "bin" or "obj";

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "EpicEvents.Bot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("EpicEvents.Bot.sln is in no folder above the tests.");
    }

    [GeneratedRegex(@"\{\d+(,-?\d+)?(:[^}]*)?\}")]
    private static partial Regex FormatItem();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Hole();

    [GeneratedRegex(@"\[/?[a-z ]*\]")]
    private static partial Regex Markup();

    [GeneratedRegex(@"^(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|ALTER|DROP|PRAGMA)\s", RegexOptions.IgnoreCase)]
    private static partial Regex Sql();

    [GeneratedRegex(@"^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$")]
    private static partial Regex KeyShape();

    [GeneratedRegex(@"(?=\p{L}*\p{Ll})(?=\p{L}*[aeiouyàâéèêëîïôûùAEIOUY])\p{L}{2,}[,;:]?\s+(?=\p{L}*[aeiouyàâéèêëîïôûùAEIOUY])\p{L}{2,}")]
    private static partial Regex TwoWords();

    [GeneratedRegex(@"^\p{Lu}\p{Ll}+[:.]?$")]
    private static partial Regex OneWord();

    [GeneratedRegex(@"(?:new\s+)?([\w.]+)\s*(?:<[^<>()]*>)?\s*$")]
    private static partial Regex Callee();

    /// <summary>Log calls and templates, exceptions for bugs, telemetry names and tags, the HTTP API's OpenAPI summaries (written for programmers), the chat commands a button types (read in any language), and <c>nameof</c>.</summary>
    [GeneratedRegex(@"(^|\.)(LoggerMessage|Log\w*|\w*(InvalidOperation|Argument\w*|NotSupported|NotImplemented|Unreachable|MissingManifestResource|ObjectDisposed|Format)Exception|StartActivity|SetTag|AddTag|AddEvent|SetStatus|ActivityEvent|ActivitySource|Meter|Create(Observable)?(Counter|UpDownCounter|Histogram|Gauge)|With(Summary|Description|Tags|Name|DisplayName)|CardActions\.Command|nameof|Debug\.Assert|Assert)$")]
    private static partial Regex ForProgrammers();

    private sealed class SourceFile(string path, string code)
    {
        public string Path { get; } = path;

        public string Code { get; } = code;

        public IReadOnlyList<SourceLiteral> Literals => field ??= CSharpLiterals.Read(Code);

        private Dictionary<int, SourceLiteral> ByEnd => field ??= Literals.GroupBy(l => l.End).ToDictionary(g => g.Key, g => g.First());

        /// <summary>The literal whose text ends just before <paramref name="end"/>, if any.</summary>
        public SourceLiteral? LiteralEndingAt(int end) => ByEnd.GetValueOrDefault(end);

        public int Line(int position) => Code.AsSpan(0, position).Count('\n') + 1;
    }
}

/// <summary>A string literal of a C# file: where it starts, its value (holes as <c>{}</c>), whether it is interpolated.</summary>
public sealed record SourceLiteral(int Start, string Value, bool Interpolated)
{
    /// <summary>Where the literal's text ends in the file (after its closing quote).</summary>
    public int End { get; init; }
}

/// <summary>
/// The string literals of a C# file with their values: regular, verbatim, interpolated (holes kept
/// as written, their own literals read too) and raw; comments and character literals are skipped.
/// </summary>
internal static class CSharpLiterals
{
    public static IReadOnlyList<SourceLiteral> Read(string code)
    {
        var literals = new List<SourceLiteral>();
        Scan(code, 0, code.Length, literals);
        return literals;
    }

    private static void Scan(string code, int from, int to, List<SourceLiteral> literals)
    {
        var i = from;
        while (i < to)
        {
            if (code.AsSpan(i).StartsWith("//"))
            {
                var end = code.IndexOf('\n', i);
                i = end < 0 ? to : end;
            }
            else if (code.AsSpan(i).StartsWith("/*"))
            {
                i = code.IndexOf("*/", i + 2, StringComparison.Ordinal) + 2;
            }
            else if (code[i] == '\'')
            {
                i++;
                while (code[i] != '\'')
                {
                    i += code[i] == '\\' ? 2 : 1;
                }

                i++;
            }
            else if (StringStart(code, i) is { } prefix)
            {
                i = ReadString(code, i, prefix, literals);
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>The prefix (<c>$</c>, <c>@</c>, <c>$@</c>…) of a string literal starting at <paramref name="i"/>, or null.</summary>
    private static string? StringStart(string code, int i)
    {
        if (i > 0 && (char.IsLetterOrDigit(code[i - 1]) || code[i - 1] == '_'))
        {
            return null;
        }

        var j = i;
        while (j < code.Length && code[j] is '$' or '@')
        {
            j++;
        }

        return j < code.Length && code[j] == '"' ? code[i..j] : null;
    }

    private static int ReadString(string code, int start, string prefix, List<SourceLiteral> literals)
    {
        var interpolated = prefix.Contains('$');
        var verbatim = prefix.Contains('@');
        var i = start + prefix.Length;
        var value = new StringBuilder();
        if (code.AsSpan(i).StartsWith("\"\"\""))
        {
            var quotes = 0;
            while (code[i + quotes] == '"')
            {
                quotes++;
            }

            var end = code.IndexOf(new string('"', quotes), i + quotes, StringComparison.Ordinal);
            var raw = code[(i + quotes)..end];
            literals.Add(new(start, interpolated ? HolesBlanked(raw, prefix.Count(c => c == '$')) : raw, interpolated) { End = end + quotes });
            return end + quotes;
        }

        i++;
        while (true)
        {
            var c = code[i];
            if (c == '"')
            {
                if (verbatim && i + 1 < code.Length && code[i + 1] == '"')
                {
                    value.Append('"');
                    i += 2;
                    continue;
                }

                literals.Add(new(start, value.ToString(), interpolated) { End = i + 1 });
                return i + 1;
            }

            if (c == '\\' && !verbatim)
            {
                value.Append(code[i + 1] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', var other => other });
                i += code[i + 1] == 'u' ? 6 : 2;
                continue;
            }

            if (interpolated && c == '{')
            {
                if (code[i + 1] == '{')
                {
                    value.Append('{');
                    i += 2;
                    continue;
                }

                var close = HoleEnd(code, i + 1);
                Scan(code, i + 1, close, literals);
                value.Append("{}");
                i = close + 1;
                continue;
            }

            if (interpolated && c == '}' && code[i + 1] == '}')
            {
                value.Append('}');
                i += 2;
                continue;
            }

            value.Append(c);
            i++;
        }
    }

    /// <summary>The closing brace of an interpolation hole, past its nested literals and braces.</summary>
    private static int HoleEnd(string code, int i)
    {
        var depth = 0;
        while (true)
        {
            var c = code[i];
            if (StringStart(code, i) is { } prefix)
            {
                i = ReadString(code, i, prefix, []);
                continue;
            }

            if (c == '\'')
            {
                i++;
                while (code[i] != '\'')
                {
                    i += code[i] == '\\' ? 2 : 1;
                }

                i++;
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0)
                {
                    return i;
                }

                depth--;
            }

            i++;
        }
    }

    private static string HolesBlanked(string raw, int dollars) =>
        Regex.Replace(raw, dollars == 1 ? @"\{[^{}]*\}" : @"\{\{[^{}]*\}\}", "{}");
}
