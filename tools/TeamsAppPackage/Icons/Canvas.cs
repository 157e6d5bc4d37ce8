namespace EpicEvents.TeamsAppPackage.Icons;

/// <summary>An RGB colour, channels 0–1.</summary>
public readonly record struct Colour(double R, double G, double B)
{
    public static Colour White { get; } = new(1, 1, 1);

    public static Colour FromHex(string hex) => new(
        Convert.ToInt32(hex[1..3], 16) / 255.0,
        Convert.ToInt32(hex[3..5], 16) / 255.0,
        Convert.ToInt32(hex[5..7], 16) / 255.0);
}

/// <summary>A shape in pixel coordinates: whether a point lies inside it.</summary>
public delegate bool Shape(double x, double y);

/// <summary>
/// A transparent picture that shapes are painted on, each pixel covered in proportion to how many of
/// its 4×4 sample points the shape holds, so that rounded edges come out smooth.
/// </summary>
public sealed class Canvas(int width, int height)
{
    private const int Samples = 4;

    // Premultiplied: colour channels already scaled by alpha.
    private readonly double[] _pixels = new double[width * height * 4];

    public int Width { get; } = width;

    public int Height { get; } = height;

    public void Paint(Shape shape, Colour colour)
    {
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var inside = 0;
                for (var sy = 0; sy < Samples; sy++)
                {
                    for (var sx = 0; sx < Samples; sx++)
                    {
                        if (shape(x + ((sx + 0.5) / Samples), y + ((sy + 0.5) / Samples)))
                        {
                            inside++;
                        }
                    }
                }

                if (inside == 0)
                {
                    continue;
                }

                var coverage = inside / (double)(Samples * Samples);
                var i = ((y * Width) + x) * 4;
                _pixels[i] = (colour.R * coverage) + (_pixels[i] * (1 - coverage));
                _pixels[i + 1] = (colour.G * coverage) + (_pixels[i + 1] * (1 - coverage));
                _pixels[i + 2] = (colour.B * coverage) + (_pixels[i + 2] * (1 - coverage));
                _pixels[i + 3] = coverage + (_pixels[i + 3] * (1 - coverage));
            }
        }
    }

    /// <summary>Straight (not premultiplied) 8-bit RGBA; fully transparent pixels are white with alpha 0.</summary>
    public byte[] ToRgba()
    {
        var rgba = new byte[Width * Height * 4];
        for (var i = 0; i < rgba.Length; i += 4)
        {
            var alpha = _pixels[i + 3];
            for (var c = 0; c < 3; c++)
            {
                rgba[i + c] = alpha == 0 ? (byte)255 : ToByte(_pixels[i + c] / alpha);
            }

            rgba[i + 3] = ToByte(alpha);
        }

        return rgba;
    }

    private static byte ToByte(double value) => (byte)Math.Round(Math.Clamp(value, 0, 1) * 255);
}

/// <summary>The few shapes the icons are made of.</summary>
public static class Shapes
{
    public static Shape Rectangle(double left, double top, double right, double bottom) =>
        (x, y) => x >= left && x < right && y >= top && y < bottom;

    public static Shape RoundedRectangle(double left, double top, double right, double bottom, double radius) =>
        (x, y) =>
        {
            if (x < left || x >= right || y < top || y >= bottom)
            {
                return false;
            }

            // Distance to the nearest corner's centre, for points in a corner square.
            var cx = Math.Clamp(x, left + radius, right - radius);
            var cy = Math.Clamp(y, top + radius, bottom - radius);
            return ((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) <= radius * radius;
        };

    public static Shape Except(this Shape shape, Shape hole) => (x, y) => shape(x, y) && !hole(x, y);

    public static Shape Within(this Shape shape, Shape bounds) => (x, y) => shape(x, y) && bounds(x, y);

    /// <summary>The letter E: a stem and three bars, <paramref name="stroke"/> thick.</summary>
    public static Shape LetterE(double left, double top, double width, double height, double stroke)
    {
        var stem = Rectangle(left, top, left + stroke, top + height);
        var upper = Rectangle(left, top, left + width, top + stroke);
        var middleTop = top + ((height - stroke) / 2);
        var middle = Rectangle(left, middleTop, left + (width * 0.85), middleTop + stroke);
        var lower = Rectangle(left, top + height - stroke, left + width, top + height);
        return (x, y) => stem(x, y) || upper(x, y) || middle(x, y) || lower(x, y);
    }
}
