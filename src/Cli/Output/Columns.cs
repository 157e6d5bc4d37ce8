using Spectre.Console;

namespace EpicEvents.Cli.Output;

/// <summary>One column of a list: its header and how a row fills it.</summary>
internal sealed record Column<T>(string Header, Func<T, string> Value, bool Right = false, int? Width = null);

/// <summary>Builds the Spectre tables of lists, page by page.</summary>
internal static class Tables
{
    public static Table Build<T>(IReadOnlyList<Column<T>> columns, IEnumerable<T> rows, bool showHeaders)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in columns)
        {
            var tableColumn = new TableColumn(new Text(column.Header, new Style(decoration: Decoration.Bold)));
            if (column.Right)
            {
                tableColumn.RightAligned();
            }

            if (column.Width is { } width)
            {
                tableColumn.Width(width).NoWrap();
            }

            table.AddColumn(tableColumn);
        }

        foreach (var row in rows)
        {
            table.AddRow(columns.Select(c => new Text(c.Value(row))).ToArray());
        }

        if (!showHeaders)
        {
            table.HideHeaders();
        }

        return table;
    }
}
