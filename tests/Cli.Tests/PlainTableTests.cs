using EpicEvents.Cli.Output;

namespace EpicEvents.Cli.Tests;

/// <summary>The rows of a streamed table written without Spectre are the lines Spectre writes for them.</summary>
public sealed class PlainTableTests
{
    private static readonly IReadOnlyList<Column<string[]>> Columns =
    [
        new("ID", r => r[0], Right: true, Width: 7),
        new("Name", r => r[1], Width: 12),
        new("Email", r => r[2], Width: 16),
        new("Contact", r => r[3], Width: 9),
    ];

    [Fact]
    public void A_block_of_rows_is_written_as_Spectre_writes_it_whatever_the_cells_hold()
    {
        string[][] rows =
        [
            ["1", "Frédéric", "f@x.fr", "Zoë Ng"],
            ["1234567", "Exactly 12ch", "sixteen-chars-ok", "nine char"],
            ["99999", "Much too long a name", "a.very.long.address@example.com", "—"],
            ["42", "Ünïcödé Åß", "", "Ÿ ŒŁ"],
            ["7", " leading", "trailing ", "two  sp"],
            ["8", "Emoji 😀", "中文 wide", "tab\there"],
            ["9", "O'Brien & Co", "<b>[x]</b>", "(inactive)"],
            ["10", "Jean-Édouard Dubois-Lefèvre", "jean@x.fr", "Anne"],
            ["11", "Short", "forty.characters.long.address@example.org", "Bartholomew"],
            ["12", "Exactlytwelve", "exactly-thirty-two-characters-ok", "—"],
            ["123456789", "x", "y", "z"],
            ["13", "", "", ""],
        ];

        var plain = new StringWriter();
        PlainTable.Write(plain, Columns, rows, row => Terminal.RenderToText(Tables.Build(Columns, [row], showHeaders: false)));

        plain.ToString().Should().Be(Terminal.RenderToText(Tables.Build(Columns, rows, showHeaders: false)));
    }

    [Fact]
    public void Columns_wider_than_the_output_are_left_to_Spectre()
    {
        PlainTable.Fits(Columns, 400).Should().BeTrue();
        PlainTable.Fits(Columns, 40).Should().BeFalse();
        PlainTable.Fits([new Column<string[]>("Free", r => r[0])], 400).Should().BeFalse();
    }
}
