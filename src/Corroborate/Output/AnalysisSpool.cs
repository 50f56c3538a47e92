using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using Corroborate.Model;
using Corroborate.Pipeline;
using Corroborate.Reconcile;

namespace Corroborate.Output;

/// <summary>
/// Holds analyzed articles on disk between the streaming pass and the per-story reconciliation,
/// so that memory stays flat in the length of the stream: only each story's list of offsets
/// and its counts stay in memory. Articles are added from one thread; once adding is over, stories
/// are read from any number of threads at once.
/// </summary>
/// <remarks>
/// Records are a compact binary form read back only by this process: 7-bit varints for numbers,
/// strings as their UTF-16 code units (exact for any text, lone surrogates included, and no
/// transcoding), decimals as their four words (scale kept). JSON through the reflection
/// serializer cost about a tenth of a brief's CPU time.
/// </remarks>
public sealed class AnalysisSpool : IDisposable
{
    private readonly SpoolFile _file = new();
    private readonly Dictionary<string, SpooledStory> _byStory = new(StringComparer.Ordinal);
    private readonly RecordWriter _writer = new();
    private readonly Lock _gate = new();
    private Microsoft.Win32.SafeHandles.SafeFileHandle? _reading;

    /// <summary>A story's records, and how many figures, quotations and entity mentions its articles hold.</summary>
    private sealed class SpooledStory
    {
        public List<SpoolFile.Record> Records { get; } = [];
        public int Quantities { get; set; }
        public int Quotes { get; set; }
        public int Mentions { get; set; }
    }

    public void Add(string story, AnalyzedDocument article)
    {
        if (_reading is not null)
            throw new InvalidOperationException("the spool is being read: no article can be added");
        _writer.Clear();
        Write(_writer, article);
        var record = _file.Append(_writer.Written);
        if (!_byStory.TryGetValue(story, out var spooled))
            _byStory[story] = spooled = new SpooledStory();
        spooled.Records.Add(record);
        spooled.Quantities += Count(article.Quantities);
        spooled.Quotes += Count(article.Quotes);
        spooled.Mentions += Count(article.Entities);
    }

    private static int Count<T>(ImmutableArray<T> layer) => layer.IsDefault ? 0 : layer.Length;

    /// <summary>
    /// Id numbers a story's reconciliation may use at most: one per figure, quotation and entity
    /// mention, and a group at most per figure. Adding these up over the stories before one numbers
    /// that story's ids without waiting for theirs to be reconciled.
    /// </summary>
    public DossierIds Numbers(string story) => _byStory.GetValueOrDefault(story) is { } s
        ? new DossierIds(s.Quantities, s.Quotes, s.Mentions, s.Quantities)
        : new DossierIds();

    /// <summary>The articles of a story, in the order they were added. Safe from several threads at once; no article can be added after.</summary>
    public IEnumerable<AnalyzedDocument> Read(string story)
    {
        var handle = Reading();
        var buffer = Array.Empty<byte>();
        foreach (var record in _byStory.GetValueOrDefault(story)?.Records ?? [])
        {
            if (buffer.Length < record.Length)
                buffer = new byte[Math.Max(record.Length, buffer.Length * 2)];
            SpoolFile.ReadAt(handle, record, buffer);
            yield return Deserialize(buffer.AsSpan(0, record.Length), record);
        }
    }

    /// <summary>The file's handle for reading by position, its appended records written through on the first call.</summary>
    private Microsoft.Win32.SafeHandles.SafeFileHandle Reading()
    {
        lock (_gate)
            return _reading ??= _file.Flush();
    }

    private static AnalyzedDocument Deserialize(ReadOnlySpan<byte> bytes, SpoolFile.Record record)
    {
        var reader = new RecordReader(bytes);
        var article = ReadArticle(ref reader);
        if (!reader.AtEnd)
            throw new InvalidDataException($"spool record at {record.Offset} has trailing bytes");
        return article;
    }

    public void Dispose() => _file.Dispose();

    // Derived views of the article (Text, Present, AllErrors) are not stored: they follow from the rest.
    private static void Write(RecordWriter w, AnalyzedDocument a)
    {
        WriteDocument(w, a.Document);
        w.Array(a.Furniture, static (w, f) => { w.Span(f.Span); w.Int((int)f.Kind); });
        w.Array(a.Paragraphs, static (w, p) => { w.Span(p.Span); w.Int(p.Index); });
        w.Array(a.Sentences, static (w, s) => { w.Span(s.Span); w.Int(s.Paragraph); });
        WriteTokens(w, a.Tokens);
        w.Array(a.Times, static (w, t) => { w.Span(t.Span); w.Int((int)t.Type); w.String(t.Value); w.String(t.Mod); });
        w.Array(a.Entities, static (w, e) => { w.Span(e.Span); w.Int((int)e.Kind); w.String(e.Name); w.String(e.Role); w.String(e.Honorific); w.String(e.Title); });
        w.Array(a.Quotes, static (w, q) => { w.Span(q.Span); w.Int((int)q.Kind); WriteAttribution(w, q.Speaker); w.String(q.Cue); });
        w.Array(a.Quantities, static (w, q) => WriteQuantity(w, q));
        w.Array(a.Failures, static (w, e) => WriteError(w, e));
    }

    private static AnalyzedDocument ReadArticle(ref RecordReader r) => new(ReadDocument(ref r))
    {
        Furniture = r.Array(static (ref RecordReader r) => new Furniture(r.Span(), (FurnitureKind)r.Int())),
        Paragraphs = r.Array(static (ref RecordReader r) => new Paragraph(r.Span(), r.Int())),
        Sentences = r.Array(static (ref RecordReader r) => new Sentence(r.Span(), r.Int())),
        Tokens = ReadTokens(ref r),
        Times = r.Array(static (ref RecordReader r) => new TimeExpression(r.Span(), (TimeType)r.Int(), r.String()!, r.String())),
        Entities = r.Array(static (ref RecordReader r) => new EntityMention(r.Span(), (EntityKind)r.Int(), r.String()!, r.String(), r.String(), r.String())),
        Quotes = r.Array(static (ref RecordReader r) => new Quote(r.Span(), (QuoteKind)r.Int(), ReadAttribution(ref r), r.String())),
        Quantities = r.Array(static (ref RecordReader r) => ReadQuantity(ref r)),
        Failures = r.Array(static (ref RecordReader r) => ReadError(ref r)),
    };

    private static void WriteDocument(RecordWriter w, NewsDocument d)
    {
        w.String(d.Id);
        w.String(d.Source);
        w.String(d.Text);
        w.String(d.Title);
        w.String(d.Outlet);
        w.String(d.Url);
        w.Bool(d.Published is not null);
        if (d.Published is { } p)
        {
            w.Int(p.Date.DayNumber);
            w.Bool(p.Moment is not null);
            if (p.Moment is { } m)
            {
                w.Long(m.Ticks);
                w.Int((int)m.Offset.TotalMinutes);
            }
            w.Int((int)p.From);
        }
        w.String(d.Story);
        // Unknown input fields as their JSON text, parsed again on reading.
        w.Int(d.Extra.Count);
        foreach (var (key, value) in d.Extra)
        {
            w.String(key);
            w.String(value.GetRawText());
        }
        w.Array(d.Errors, static (w, e) => WriteError(w, e));
    }

    private static NewsDocument ReadDocument(ref RecordReader r)
    {
        var id = r.String()!;
        var source = r.String()!;
        var text = r.String()!;
        var title = r.String();
        var outlet = r.String();
        var url = r.String();
        Published? published = null;
        if (r.Bool())
        {
            var date = DateOnly.FromDayNumber(r.Int());
            DateTimeOffset? moment = r.Bool() ? new DateTimeOffset(r.Long(), TimeSpan.FromMinutes(r.Int())) : null;
            published = new Published(date, moment, (PublishedFrom)r.Int());
        }
        var story = r.String();
        var extraCount = r.Int();
        var extra = ImmutableDictionary<string, JsonElement>.Empty;
        if (extraCount > 0)
        {
            var pairs = new KeyValuePair<string, JsonElement>[extraCount];
            for (var i = 0; i < extraCount; i++)
            {
                var key = r.String()!;
                using var json = JsonDocument.Parse(r.String()!);
                pairs[i] = new(key, json.RootElement.Clone());
            }
            extra = ImmutableDictionary.CreateRange(pairs);
        }
        var errors = r.Array(static (ref RecordReader r) => ReadError(ref r));
        return new NewsDocument(id, source, text)
        {
            Title = title, Outlet = outlet, Url = url, Published = published, Story = story, Extra = extra, Errors = errors,
        };
    }

    private static void WriteError(RecordWriter w, DocumentError e)
    {
        w.String(e.Source);
        w.String(e.Location);
        w.String(e.Message);
    }

    private static DocumentError ReadError(ref RecordReader r) => new(r.String()!, r.String(), r.String()!);

    private static void WriteAttribution(RecordWriter w, Attribution? a)
    {
        w.Bool(a is not null);
        if (a is not null)
        {
            w.Span(a.Span);
            w.String(a.Text);
        }
    }

    private static Attribution? ReadAttribution(ref RecordReader r) => r.Bool() ? new Attribution(r.Span(), r.String()!) : null;

    private static void WriteQuantity(RecordWriter w, Quantity q)
    {
        w.Span(q.Span);
        w.Decimal(q.Value);
        w.Bool(q.Low is not null);
        if (q.Low is { } low)
            w.Decimal(low);
        w.Bool(q.High is not null);
        if (q.High is { } high)
            w.Decimal(high);
        w.Int((int)q.Hedge);
        w.String(q.Unit);
        w.String(q.Subject);
        w.String(q.Where);
        w.String(q.When);
        w.String(q.Rate);
        WriteAttribution(w, q.Source);
        w.Int((q.Vague ? 1 : 0) | (q.Implicit ? 2 : 0) | (q.Presumed ? 4 : 0));
    }

    private static Quantity ReadQuantity(ref RecordReader r)
    {
        var span = r.Span();
        var value = r.Decimal();
        decimal? low = r.Bool() ? r.Decimal() : null;
        decimal? high = r.Bool() ? r.Decimal() : null;
        var hedge = (Hedge)r.Int();
        var unit = r.String();
        var subject = r.String();
        var where = r.String();
        var when = r.String();
        var rate = r.String();
        var source = ReadAttribution(ref r);
        var flags = r.Int();
        return new Quantity(span, value, low, high, hedge, unit, subject, where, when, rate, source,
            Vague: (flags & 1) != 0, Implicit: (flags & 2) != 0, Presumed: (flags & 4) != 0);
    }

    /// <summary>Tokens as gap from the previous token's end, length and kind: about three bytes a token.</summary>
    private static void WriteTokens(RecordWriter w, ImmutableArray<Token> tokens)
    {
        if (tokens.IsDefault)
        {
            w.Int(0);
            return;
        }
        w.Int(tokens.Length + 1);
        var end = 0;
        foreach (var t in tokens)
        {
            w.Int(t.Span.Start - end); // tokens are in text order: gaps and lengths are never negative
            w.Int(t.Span.Length);
            w.Int((int)t.Kind);
            end = t.Span.End;
        }
    }

    private static ImmutableArray<Token> ReadTokens(ref RecordReader r)
    {
        var count = r.Int() - 1;
        if (count < 0)
            return default;
        var tokens = new Token[count];
        var end = 0;
        for (var i = 0; i < count; i++)
        {
            var start = end + r.Int();
            end = start + r.Int();
            tokens[i] = new Token(new TextSpan(start, end), (TokenKind)r.Int());
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(tokens);
    }

    /// <summary>A growable byte buffer with the primitive writes of a record; reused from one record to the next.</summary>
    private sealed class RecordWriter
    {
        private byte[] _buffer = new byte[1 << 16];
        private int _length;

        public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

        public void Clear() => _length = 0;

        private Span<byte> Take(int count)
        {
            if (_buffer.Length - _length < count)
                System.Array.Resize(ref _buffer, Math.Max(_length + count, _buffer.Length * 2));
            var span = _buffer.AsSpan(_length, count);
            _length += count;
            return span;
        }

        /// <summary>A 7-bit varint; a negative value takes five bytes and reads back the same.</summary>
        public void Int(int value)
        {
            var v = (uint)value;
            var span = Take(5);
            var n = 0;
            while (v >= 0x80)
            {
                span[n++] = (byte)(v | 0x80);
                v >>= 7;
            }
            span[n++] = (byte)v;
            _length -= 5 - n;
        }

        public void Bool(bool value) => Take(1)[0] = value ? (byte)1 : (byte)0;

        public void Long(long value) => BinaryPrimitives.WriteInt64LittleEndian(Take(8), value);

        public void Decimal(decimal value)
        {
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(value, bits);
            MemoryMarshal.AsBytes(bits).CopyTo(Take(16));
        }

        public void Span(TextSpan span)
        {
            Int(span.Start);
            Int(span.Length);
        }

        /// <summary>Length + 1 (0 for null), then the UTF-16 code units.</summary>
        public void String(string? value)
        {
            if (value is null)
            {
                Int(0);
                return;
            }
            Int(value.Length + 1);
            MemoryMarshal.AsBytes(value.AsSpan()).CopyTo(Take(value.Length * 2));
        }

        /// <summary>Count + 1 (0 for an absent layer, kept apart from an empty one), then the items.</summary>
        public void Array<T>(ImmutableArray<T> items, Action<RecordWriter, T> write)
        {
            if (items.IsDefault)
            {
                Int(0);
                return;
            }
            Int(items.Length + 1);
            foreach (var item in items)
                write(this, item);
        }
    }

    private delegate T ReadItem<out T>(ref RecordReader reader);

    /// <summary>Reads what <see cref="RecordWriter"/> wrote, in the same order.</summary>
    private ref struct RecordReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public readonly bool AtEnd => _at == _bytes.Length;

        public int Int()
        {
            uint value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = _bytes[_at++];
                value |= (uint)(b & 0x7f) << shift;
                if (b < 0x80)
                    return (int)value;
            }
        }

        public bool Bool() => _bytes[_at++] != 0;

        public long Long()
        {
            var value = BinaryPrimitives.ReadInt64LittleEndian(_bytes.Slice(_at, 8));
            _at += 8;
            return value;
        }

        public decimal Decimal()
        {
            Span<int> bits = stackalloc int[4];
            _bytes.Slice(_at, 16).CopyTo(MemoryMarshal.AsBytes(bits));
            _at += 16;
            return new decimal(bits);
        }

        public TextSpan Span()
        {
            var start = Int();
            return new TextSpan(start, start + Int());
        }

        public string? String()
        {
            var length = Int() - 1;
            if (length < 0)
                return null;
            var value = new string(MemoryMarshal.Cast<byte, char>(_bytes.Slice(_at, length * 2)));
            _at += length * 2;
            return value;
        }

        public ImmutableArray<T> Array<T>(ReadItem<T> read)
        {
            var count = Int() - 1;
            if (count < 0)
                return default;
            var items = new T[count];
            for (var i = 0; i < count; i++)
                items[i] = read(ref this);
            return ImmutableCollectionsMarshal.AsImmutableArray(items);
        }
    }
}
