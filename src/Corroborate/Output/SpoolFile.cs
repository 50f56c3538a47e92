namespace Corroborate.Output;

/// <summary>
/// Records appended one after another to a temporary file, deleted when closed, and read back by
/// position: what lets a long stream pass through the brief with memory flat in its length. A
/// span returned by <see cref="Read"/> is valid until the next call. Not thread-safe.
/// </summary>
internal sealed class SpoolFile : IDisposable
{
    private readonly FileStream _file;
    private byte[] _buffer = [];
    private long _end;

    public SpoolFile()
    {
        try
        {
            _file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot create a temporary file in {Path.GetTempPath()} (set TMPDIR to a writable folder with room): {e.Message}", e);
        }
    }

    /// <summary>Where one record lies in the file.</summary>
    public readonly record struct Record(long Offset, int Length)
    {
        /// <summary>Where the next record begins.</summary>
        public long End => Offset + Length;
    }

    /// <summary>Appends what <paramref name="write"/> writes to the stream as one record.</summary>
    public Record Append(Action<Stream> write)
    {
        var offset = ToEnd();
        write(_file);
        _end = _file.Position;
        return new Record(offset, checked((int)(_end - offset)));
    }

    /// <summary>Appends the bytes as one record.</summary>
    public Record Append(ReadOnlySpan<byte> bytes)
    {
        var offset = ToEnd();
        _file.Write(bytes);
        _end = _file.Position;
        return new Record(offset, bytes.Length);
    }

    // A seek flushes the stream's write buffer (a system call per record): only seek when a read moved away from the end.
    private long ToEnd()
    {
        if (_file.Position != _end)
            _file.Position = _end;
        return _end;
    }

    /// <summary>
    /// Writes the appended records through to the file and returns its handle, for <see cref="ReadAt"/>.
    /// Call once, after the last append and before reading from several threads.
    /// </summary>
    public Microsoft.Win32.SafeHandles.SafeFileHandle Flush()
    {
        _file.Flush();
        return _file.SafeFileHandle;
    }

    /// <summary>Reads a record by position into <paramref name="into"/>: safe from several threads at once, once <see cref="Flush"/> has run.</summary>
    public static void ReadAt(Microsoft.Win32.SafeHandles.SafeFileHandle handle, Record record, Span<byte> into)
    {
        var read = 0;
        while (read < record.Length)
        {
            var n = RandomAccess.Read(handle, into[read..record.Length], record.Offset + read);
            if (n == 0)
                throw new EndOfStreamException($"spool record at {record.Offset} is cut short");
            read += n;
        }
    }

    public ReadOnlySpan<byte> Read(Record record)
    {
        if (_buffer.Length < record.Length)
            _buffer = new byte[Math.Max(record.Length, _buffer.Length * 2)];
        _file.Position = record.Offset;
        _file.ReadExactly(_buffer, 0, record.Length);
        return _buffer.AsSpan(0, record.Length);
    }

    public void Dispose() => _file.Dispose();
}
