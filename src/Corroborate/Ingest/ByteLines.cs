namespace Corroborate.Ingest;

/// <summary>
/// Splits a stream into lines of bytes with a bounded buffer; a line longer than the bound is
/// reported as too long and skipped. Not thread-safe.
/// </summary>
internal sealed class ByteLines(Stream stream, int maxLineBytes, bool leaveOpen) : IDisposable
{
    public readonly record struct Line(long Number, ReadOnlyMemory<byte> Bytes, bool TooLong);

    private readonly byte[] _chunk = new byte[64 * 1024];
    private int _chunkStart;
    private int _chunkEnd;
    private readonly MemoryStream _line = new();
    private bool _eof;

    public long LineNumber { get; private set; }

    public bool TryRead(out Line line)
    {
        _line.SetLength(0);
        var tooLong = false;
        while (true)
        {
            if (_chunkStart == _chunkEnd)
            {
                if (_eof)
                    break;
                _chunkEnd = stream.Read(_chunk, 0, _chunk.Length);
                _chunkStart = 0;
                if (_chunkEnd == 0)
                {
                    _eof = true;
                    break;
                }
            }
            var span = _chunk.AsSpan(_chunkStart, _chunkEnd - _chunkStart);
            var nl = span.IndexOf((byte)'\n');
            var take = nl >= 0 ? span[..nl] : span;
            if (!tooLong && _line.Length + take.Length > maxLineBytes)
            {
                tooLong = true;
                _line.SetLength(0);
            }
            if (!tooLong)
                _line.Write(take);
            _chunkStart += take.Length + (nl >= 0 ? 1 : 0);
            if (nl >= 0)
            {
                LineNumber++;
                line = new Line(LineNumber, Trimmed(), tooLong);
                return true;
            }
        }
        if (_line.Length > 0 || tooLong)
        {
            LineNumber++;
            line = new Line(LineNumber, Trimmed(), tooLong);
            return true;
        }
        line = default;
        return false;
    }

    private ReadOnlyMemory<byte> Trimmed()
    {
        var memory = new ReadOnlyMemory<byte>(_line.GetBuffer(), 0, (int)_line.Length);
        return memory.Length > 0 && memory.Span[^1] == (byte)'\r' ? memory[..^1] : memory;
    }

    public void Dispose()
    {
        if (!leaveOpen)
            stream.Dispose();
        _line.Dispose();
    }
}
