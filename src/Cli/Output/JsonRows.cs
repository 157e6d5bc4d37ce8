using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EpicEvents.Cli.Output;

/// <summary>
/// A JSON document written straight to standard output with a <see cref="Utf8JsonWriter"/>: rows are
/// encoded into one reused buffer and written out every 32 KB, with no string per row. The bytes are
/// those of <see cref="CliJson"/> (compact, relaxed escaping), then a line break.
/// </summary>
internal sealed class JsonRows : IDisposable
{
    private const int FlushAt = 1 << 15;
    private static readonly byte[] NewLine = Encoding.UTF8.GetBytes(Environment.NewLine);

    private readonly ArrayBufferWriter<byte> _buffer = new(FlushAt + 4096);
    private readonly TextWriter _output;
    private readonly Stream? _stream;

    public JsonRows(TextWriter output)
    {
        _output = output;
        if (output is StreamWriter { BaseStream.CanWrite: true } writer)
        {
            // What was written through the text writer goes first; the document's bytes follow it.
            writer.Flush();
            _stream = writer.BaseStream;
        }

        Writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public Utf8JsonWriter Writer { get; }

    /// <summary>Writes out what is buffered once it passes 32 KB; call it after each row.</summary>
    public void FlushIfFull()
    {
        if (Writer.BytesPending + _buffer.WrittenCount >= FlushAt)
        {
            Flush();
        }
    }

    /// <summary>Ends the document with a line break and writes everything out.</summary>
    public void Complete()
    {
        Writer.Flush();
        _buffer.Write(NewLine);
        Flush();
    }

    public void Dispose() => Writer.Dispose();

    private void Flush()
    {
        Writer.Flush();
        if (_stream is not null)
        {
            _stream.Write(_buffer.WrittenSpan);
        }
        else
        {
            _output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        }

        _buffer.ResetWrittenCount();
    }
}
