using System.Text;

namespace EpicEvents.Cli.Output;

/// <summary>
/// The rows of a streamed table (every column of a fixed width, Spectre's simple border, no
/// headers) written straight to the output: Spectre lays out every cell of every row (word
/// wrapping, cell widths, segments), which made a table of 100 000 clients take ten seconds. A row
/// whose cells are in characters one cell wide, and each fits its column or is one word (cut every
/// width characters, as Spectre folds it), is written here as Spectre would write it; any other row
/// is laid out by Spectre (<c>PlainTableTests</c> compares both).
/// </summary>
internal static class PlainTable
{
    private const int Padding = 1;

    /// <summary>Whether a table of these columns is as wide as their widths say on an output this wide.</summary>
    public static bool Fits<T>(IReadOnlyList<Column<T>> columns, int outputWidth) =>
        columns.All(c => c.Width is > 0) && LineWidth(columns) <= outputWidth;

    /// <summary>
    /// The block: the border's blank line, each row, the border's blank line.
    /// <paramref name="spectreRow"/> lays out a row as a table of its own, border lines included.
    /// </summary>
    public static void Write<T>(TextWriter output, IReadOnlyList<Column<T>> columns, IReadOnlyList<T> rows, Func<T, string> spectreRow)
    {
        var width = LineWidth(columns);
        var line = new StringBuilder(width + 2);
        var blank = new string(' ', width);
        output.WriteLine(blank);
        var cells = new string[columns.Count];
        foreach (var row in rows)
        {
            if (!TryLayOut(columns, row, cells, out var height))
            {
                WithoutBorderLines(output, spectreRow(row));
                continue;
            }

            for (var part = 0; part < height; part++)
            {
                line.Clear().Append(' ');
                for (var i = 0; i < columns.Count; i++)
                {
                    var column = columns[i];
                    var cellWidth = column.Width!.Value;
                    var text = cells[i];
                    var start = part * cellWidth;
                    var piece = start >= text.Length ? ReadOnlySpan<char>.Empty : text.AsSpan(start, Math.Min(cellWidth, text.Length - start));
                    var gap = cellWidth - piece.Length;
                    line.Append(' ', Padding);
                    if (column.Right)
                    {
                        line.Append(' ', gap).Append(piece);
                    }
                    else
                    {
                        line.Append(piece).Append(' ', gap);
                    }

                    line.Append(' ', Padding);
                    if (i < columns.Count - 1)
                    {
                        line.Append(' ');
                    }
                }

                output.WriteLine(line.Append(' '));
            }
        }

        output.WriteLine(blank);
    }

    /// <summary>Spectre's lines of a one-row table, less its first and last (the border's blank lines).</summary>
    private static void WithoutBorderLines(TextWriter output, string table)
    {
        var lines = table.Split('\n');
        var count = lines.Length;
        while (count > 0 && lines[count - 1].Length == 0)
        {
            count--;
        }

        for (var i = 1; i < count - 1; i++)
        {
            output.WriteLine(lines[i].TrimEnd('\r'));
        }
    }

    /// <summary>The cells of a row and its height in lines, or false for a row left to Spectre.</summary>
    private static bool TryLayOut<T>(IReadOnlyList<Column<T>> columns, T row, string[] cells, out int height)
    {
        height = 1;
        for (var i = 0; i < columns.Count; i++)
        {
            var text = columns[i].Value(row);
            var width = columns[i].Width!.Value;
            if (!IsPlain(text) || (text.Length > width && (columns[i].Right || text.Contains(' ', StringComparison.Ordinal))))
            {
                return false;
            }

            cells[i] = text;
            height = Math.Max(height, (text.Length + width - 1) / width);
        }

        return true;
    }

    /// <summary>
    /// Text Spectre writes as it is on one line: characters one cell wide (printable ASCII, Latin-1's
    /// and Latin Extended's letters, the dash of an empty cell), with no space at either end or twice in
    /// a row, where word wrapping could matter.
    /// </summary>
    private static bool IsPlain(string text)
    {
        if (text.Length > 0 && (text[0] == ' ' || text[^1] == ' '))
        {
            return false;
        }

        var previous = 'x';
        foreach (var c in text)
        {
            var plain = c is (>= ' ' and <= '~') or (>= '\u00A1' and <= '\u024F') or '\u2014';
            if (!plain || (c == ' ' && previous == ' ') || c == '\u00AD')
            {
                return false;
            }

            previous = c;
        }

        return true;
    }

    private static int LineWidth<T>(IReadOnlyList<Column<T>> columns) =>
        columns.Sum(c => (c.Width ?? 0) + (2 * Padding)) + (columns.Count - 1) + 2;
}
