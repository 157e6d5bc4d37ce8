using EpicEvents.Crm.Common;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EpicEvents.Cli.Output;

/// <summary>
/// Everything the program prints goes through here: Spectre.Console for people, one JSON document
/// for programs (<c>--json</c>), errors on stderr. Colours only on a terminal.
/// </summary>
internal sealed class Terminal
{
    // Redirected output is read by programs and pagers: tables may be as wide as their content.
    private const int RedirectedWidth = 400;

    private readonly CliEnvironment _environment;
    private readonly Texts _texts;
    private readonly bool _color;
    private readonly Lock _consoles = new();
    private IAnsiConsole? _out;
    private IAnsiConsole? _err;

    public Terminal(CliEnvironment environment, bool json, bool color, Texts texts)
    {
        _environment = environment;
        _texts = texts;
        _color = color;
        IsJson = json;
    }

    public bool IsJson { get; }

    // Built on first use, and nothing of Spectre.Console is touched before: a --json command neither
    // pays for terminal detection nor loads the library (no Lazy<IAnsiConsole> in the constructor).
    public IAnsiConsole Out
    {
        get
        {
            lock (_consoles)
            {
                return _out ??= CreateConsole(_environment.Output, _environment.OutputIsTerminal, _color);
            }
        }
    }

    public IAnsiConsole Err
    {
        get
        {
            lock (_consoles)
            {
                return _err ??= CreateConsole(new OrderedErrorWriter(_environment.Output, _environment.Error), _environment.ErrorIsTerminal, _color);
            }
        }
    }

    public TextWriter Output => _environment.Output;

    /// <summary>Progress is drawn on stderr, and only for a person watching it.</summary>
    public bool CanShowProgress => !IsJson && _environment.ErrorIsTerminal;

    public bool CanPrompt => _environment.InputIsTerminal && _environment.OutputIsTerminal;

    public void WriteJson(object value) => Output.WriteLine(CliJson.Serialize(value));

    public void Success(string message) => Out.Write(new Markup($"[green]✓[/] {Markup.Escape(message)}{Environment.NewLine}"));

    public void Line(string text) => Out.WriteLine(text);

    public void Note(string text) => Err.Write(new Markup($"[grey]{Markup.Escape(text)}[/]{Environment.NewLine}"));

    public void Warning(string text) => Err.Write(new Markup($"[yellow]{Markup.Escape(text)}[/]{Environment.NewLine}"));

    public void Render(IRenderable renderable) => Out.Write(renderable);

    /// <summary>
    /// Rows of a streamed table that follow its first block, written by <see cref="PlainTable"/>
    /// where standard output is not a terminal (no colours, a fixed width), else by Spectre.
    /// </summary>
    public void RenderMoreRows<T>(IReadOnlyList<Column<T>> columns, IReadOnlyList<T> rows)
        where T : notnull
    {
        if (_environment.OutputIsTerminal || !PlainTable.Fits(columns, RedirectedWidth))
        {
            Render(Tables.Build(columns, rows, showHeaders: false));
            return;
        }

        PlainTable.Write(Output, columns, rows, row => RenderToText(Tables.Build(columns, [row], showHeaders: false)));
    }

    /// <summary>What Spectre writes for <paramref name="renderable"/> on redirected output.</summary>
    internal static string RenderToText(IRenderable renderable)
    {
        var (console, text) = _textConsole ??= NewTextConsole();
        text.GetStringBuilder().Clear();
        console.Write(renderable);
        return text.ToString();
    }

    [ThreadStatic]
    private static (IAnsiConsole Console, StringWriter Text)? _textConsole;

    private static (IAnsiConsole, StringWriter) NewTextConsole()
    {
        var text = new StringWriter();
        return (CreateConsole(text, isTerminal: false, color: false), text);
    }

    /// <summary>A label/value panel for one record.</summary>
    public void Details(string title, IEnumerable<(string Label, string? Value)> rows)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        foreach (var (label, value) in rows)
        {
            grid.AddRow(new Text(label, new Style(decoration: Decoration.Bold)), new Text(value ?? "—"));
        }

        Out.Write(new Panel(grid).Header(Markup.Escape(title)).Border(BoxBorder.Rounded));
    }

    /// <summary>
    /// An error: one line (or a JSON document) on stderr, then each wrong field. The exit code is the
    /// caller's to return.
    /// </summary>
    public void Error(int exitCode, Crm.Presentation.Text message, IReadOnlyList<FieldError> fields, string? hint = null) =>
        Error(exitCode, _texts.Render(message), fields, hint);

    /// <summary>
    /// An error: one line (or a JSON document) on stderr, then each wrong field. The exit code is the
    /// caller's to return.
    /// </summary>
    public void Error(int exitCode, string message, IReadOnlyList<FieldError> fields, string? hint = null)
    {
        if (IsJson)
        {
            var byField = new Dictionary<string, string>();
            foreach (var field in fields)
            {
                var worded = _texts.Render(field.Message);
                byField[field.Field] = byField.TryGetValue(field.Field, out var earlier) ? $"{earlier} {worded}" : worded;
            }

            Output.Flush();
            _environment.Error.WriteLine(CliJson.Serialize(new ErrorDocument(new ErrorBody(ExitCodes.ErrorCode(exitCode), message, byField))));
            return;
        }

        Err.Write(new Markup($"[red]{Markup.Escape(_texts.ErrorPrefix)}[/] {Markup.Escape(message)}{Environment.NewLine}"));
        foreach (var field in fields)
        {
            var name = field.Field.Contains(' ', StringComparison.Ordinal) ? field.Field : $"--{field.Field}";
            Err.Write(new Markup($"  [yellow]{Markup.Escape(name)}[/]: {Markup.Escape(_texts.Render(field.Message))}{Environment.NewLine}"));
        }

        if (hint is not null)
        {
            Err.Write(new Markup($"[grey]{Markup.Escape(hint)}[/]{Environment.NewLine}"));
        }
    }

    /// <summary>Shows a spinner on stderr until <paramref name="work"/> ends.</summary>
    public async Task<T> WhileWaitingAsync<T>(string label, Task<T> work)
    {
        T result = default!;
        await Err.Status().Spinner(Spinner.Known.Dots).StartAsync(label, async _ => result = await work);
        return result;
    }

    public string PromptText(string label) =>
        Prompting(() => Out.Prompt(new TextPrompt<string>(label)));

    /// <summary>A password: nothing of it is shown, not even stars.</summary>
    public string PromptSecret(string label) =>
        Prompting(() => Out.Prompt(new TextPrompt<string>(label).Secret(null).AllowEmpty()));

    /// <summary>
    /// Standard output is buffered (a long listing would otherwise cost a write per row): while a prompt
    /// waits for the person, what was printed so far and the label appear at once, and so does the echo
    /// of what they type.
    /// </summary>
    private T Prompting<T>(Func<T> prompt)
    {
        if (_environment.Output is not StreamWriter { AutoFlush: false } buffered)
        {
            return prompt();
        }

        buffered.Flush();
        buffered.AutoFlush = true;
        try
        {
            return prompt();
        }
        finally
        {
            buffered.AutoFlush = false;
        }
    }

    private static IAnsiConsole CreateConsole(TextWriter writer, bool isTerminal, bool color)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal && color ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal && color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!isTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}

/// <summary>
/// Standard error that first flushes the buffered standard output, so that on a terminal a note or an
/// error appears after the lines printed before it.
/// </summary>
internal sealed class OrderedErrorWriter(TextWriter output, TextWriter error) : TextWriter
{
    public override System.Text.Encoding Encoding => error.Encoding;

    public override void Write(char value)
    {
        output.Flush();
        error.Write(value);
    }

    public override void Write(string? value)
    {
        output.Flush();
        error.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        output.Flush();
        error.Write(buffer, index, count);
    }

    public override void Flush() => error.Flush();
}
