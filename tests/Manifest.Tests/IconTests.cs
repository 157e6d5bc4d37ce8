using EpicEvents.Manifest.Tests.Infrastructure;
using EpicEvents.TeamsAppPackage.Icons;

namespace EpicEvents.Manifest.Tests;

/// <summary>The committed icons, read from their PNG bytes: the sizes and colours Teams asks for.</summary>
public sealed class IconTests
{
    [Fact]
    public void The_colour_icon_is_192_by_192()
    {
        var icon = Icon("color.png");

        (icon.Width, icon.Height).Should().Be((192, 192));
    }

    [Fact]
    public void The_colour_icon_is_opaque_on_the_accent_colour()
    {
        var icon = Icon("color.png");
        var pixels = icon.RgbaPixels();
        var accent = Colour.FromHex(TeamsIcons.AccentColour);

        Enumerable.Range(0, pixels.Length / 4).Should().OnlyContain(p => pixels[(p * 4) + 3] == 255, "the colour icon has no transparency");
        pixels[..3].Should().Equal((byte)Math.Round(accent.R * 255), (byte)Math.Round(accent.G * 255), (byte)Math.Round(accent.B * 255));
        Enumerable.Range(0, pixels.Length / 4).Select(p => (pixels[p * 4], pixels[(p * 4) + 1], pixels[(p * 4) + 2])).Distinct()
            .Should().HaveCountGreaterThan(2, "it is a drawing, not a plain square");
    }

    [Fact]
    public void The_outline_icon_is_32_by_32_with_an_alpha_channel()
    {
        var icon = Icon("outline.png");

        (icon.Width, icon.Height).Should().Be((32, 32));
        icon.ColourType.Should().Be(PngImage.ColourTypeRgba);
    }

    [Fact]
    public void The_outline_icon_is_white_on_transparent()
    {
        var pixels = Icon("outline.png").RgbaPixels();
        var all = Enumerable.Range(0, pixels.Length / 4).Select(p => (R: pixels[p * 4], G: pixels[(p * 4) + 1], B: pixels[(p * 4) + 2], A: pixels[(p * 4) + 3])).ToList();

        all.Should().OnlyContain(p => p.A == 0 || (p.R == 255 && p.G == 255 && p.B == 255), "every visible pixel is white");
        all.Count(p => p.A == 255).Should().BeGreaterThan(100, "the outline is drawn");
        all.Count(p => p.A == 0).Should().BeGreaterThan(all.Count / 2, "the background is transparent");
    }

    private static PngImage Icon(string name) => PngImage.Read(File.ReadAllBytes(Path.Combine(Repository.ManifestDirectory, name)));
}
