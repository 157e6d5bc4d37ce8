using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace EpicEvents.Manifest.Tests.Infrastructure;

/// <summary>
/// A PNG read from its bytes: the IHDR header (width and height are bytes 16–23 of the file, after
/// the 8-byte signature and the chunk's length and type) and, for 8-bit RGBA without interlacing,
/// the pixels, inflated from the IDAT chunks and unfiltered row by row.
/// </summary>
public sealed class PngImage
{
    public const byte ColourTypeRgba = 6;

    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly byte[] _compressed;

    private PngImage(int width, int height, byte bitDepth, byte colourType, byte interlace, byte[] compressed)
    {
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColourType = colourType;
        Interlace = interlace;
        _compressed = compressed;
    }

    public int Width { get; }

    public int Height { get; }

    public byte BitDepth { get; }

    /// <summary>0 grey, 2 RGB, 3 palette, 4 grey with alpha, 6 RGB with alpha.</summary>
    public byte ColourType { get; }

    public byte Interlace { get; }

    public static PngImage Read(byte[] file)
    {
        if (file.Length < 33 || !file.AsSpan(0, 8).SequenceEqual(Signature) || Encoding.ASCII.GetString(file, 12, 4) != "IHDR")
        {
            throw new InvalidDataException("Not a PNG file: no signature followed by an IHDR chunk.");
        }

        var width = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(20, 4));
        using var idat = new MemoryStream();
        for (var at = 8; at + 12 <= file.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at, 4));
            if (Encoding.ASCII.GetString(file, at + 4, 4) == "IDAT")
            {
                idat.Write(file, at + 8, length);
            }

            at += 12 + length;
        }

        return new PngImage(width, height, file[24], file[25], file[28], idat.ToArray());
    }

    /// <summary>Straight RGBA, 4 bytes a pixel, rows top to bottom.</summary>
    public byte[] RgbaPixels()
    {
        if (BitDepth != 8 || ColourType != ColourTypeRgba || Interlace != 0)
        {
            throw new NotSupportedException($"Only 8-bit RGBA without interlacing is decoded here (bit depth {BitDepth}, colour type {ColourType}, interlace {Interlace}).");
        }

        const int bytesPerPixel = 4;
        var stride = Width * bytesPerPixel;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(_compressed), CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var data = inflated.ToArray();
        if (data.Length != Height * (stride + 1))
        {
            throw new InvalidDataException($"The image data holds {data.Length} bytes, not {Height * (stride + 1)}.");
        }

        var pixels = new byte[Height * stride];
        for (var row = 0; row < Height; row++)
        {
            var filter = data[row * (stride + 1)];
            var source = data.AsSpan((row * (stride + 1)) + 1, stride);
            var current = pixels.AsSpan(row * stride, stride);
            var previous = row == 0 ? new byte[stride] : pixels.AsSpan((row - 1) * stride, stride);
            for (var i = 0; i < stride; i++)
            {
                var left = i >= bytesPerPixel ? current[i - bytesPerPixel] : 0;
                var up = previous[i];
                var upLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
                var predicted = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Row {row} has the unknown filter type {filter}."),
                };
                current[i] = (byte)(source[i] + predicted);
            }
        }

        return pixels;
    }

    private static int Paeth(int left, int up, int upLeft)
    {
        var estimate = left + up - upLeft;
        var toLeft = Math.Abs(estimate - left);
        var toUp = Math.Abs(estimate - up);
        var toUpLeft = Math.Abs(estimate - upLeft);
        return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
    }
}
