namespace EpicEvents.TeamsAppPackage.Icons;

/// <summary>
/// Draws the app's two icons, a calendar page marked "EE": <c>color.png</c> (192×192, white page on
/// the accent colour) and <c>outline.png</c> (32×32, white lines on transparent), as Teams asks.
/// </summary>
public static class TeamsIcons
{
    /// <summary>The manifest's <c>accentColor</c>.</summary>
    public const string AccentColour = "#5A2D82";

    private const string HeaderColour = "#3B1A57";

    public static void Draw(string manifestDirectory)
    {
        var color = Color();
        PngFile.WriteRgba(Path.Combine(manifestDirectory, AppPackage.ColorIconFile), color.Width, color.Height, color.ToRgba());
        var outline = Outline();
        PngFile.WriteRgba(Path.Combine(manifestDirectory, AppPackage.OutlineIconFile), outline.Width, outline.Height, outline.ToRgba());
    }

    private static Canvas Color()
    {
        var accent = Colour.FromHex(AccentColour);
        var canvas = new Canvas(192, 192);
        canvas.Paint(Shapes.Rectangle(0, 0, 192, 192), accent);
        canvas.Paint(Shapes.RoundedRectangle(36, 44, 156, 156, 14), Colour.White);
        canvas.Paint(Shapes.RoundedRectangle(36, 44, 156, 156, 14).Within(Shapes.Rectangle(36, 44, 156, 78)), Colour.FromHex(HeaderColour));
        canvas.Paint(Shapes.RoundedRectangle(60, 30, 72, 60, 6), Colour.White);
        canvas.Paint(Shapes.RoundedRectangle(120, 30, 132, 60, 6), Colour.White);
        canvas.Paint(Shapes.LetterE(64, 92, 26, 50, 10), accent);
        canvas.Paint(Shapes.LetterE(102, 92, 26, 50, 10), accent);
        return canvas;
    }

    private static Canvas Outline()
    {
        var canvas = new Canvas(32, 32);
        var page = Shapes.RoundedRectangle(2, 5, 30, 30, 3).Except(Shapes.RoundedRectangle(4, 7, 28, 28, 1.5));
        canvas.Paint(page, Colour.White);
        canvas.Paint(Shapes.Rectangle(2, 10, 30, 12), Colour.White);
        canvas.Paint(Shapes.RoundedRectangle(9, 2, 11, 8, 1), Colour.White);
        canvas.Paint(Shapes.RoundedRectangle(21, 2, 23, 8, 1), Colour.White);
        canvas.Paint(Shapes.LetterE(8, 14, 6, 12, 2), Colour.White);
        canvas.Paint(Shapes.LetterE(18, 14, 6, 12, 2), Colour.White);
        return canvas;
    }
}
