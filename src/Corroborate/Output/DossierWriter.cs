using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Corroborate.Model;
using Corroborate.Pipeline;
using Corroborate.Reconcile;

namespace Corroborate.Output;

/// <summary>
/// Writes the JSON dossier of <c>spec/dossier.md</c> as articles arrive: each document (with its
/// text) is written and forgotten, so memory stays flat in the number of articles. Layers that
/// no stage produces yet are written as empty lists, never omitted. Not thread-safe.
/// </summary>
public sealed class DossierWriter : IDisposable
{
    public const int Version = 1;

    // Escapes HTML-significant characters (so the JSON can sit inside a page) but not letters.
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private readonly Stream _output;

    // Documents go to a spool file as they arrive, since their off-topic passages are known only
    // once the whole story has been read; the spool is spliced into the dossier at the end.
    private readonly SpoolFile _spool = new();
    private readonly Utf8JsonWriter _spoolJson = new(Stream.Null, new JsonWriterOptions { Encoder = Options.Encoder });
    // Records are written to memory first: a writer's Flush on the file stream would flush the stream too, a system call per record.
    private readonly ArrayBufferWriter<byte> _record = new(1 << 16);
    private readonly List<(string Id, SpoolFile.Record Record)> _spooled = [];
    // The cross-article sections, written story by story as each is reconciled, and spliced at the end.
    private readonly ValueSpool _entities = new(), _times = new(), _quantities = new(), _quotes = new(), _groups = new(), _origins = new(), _timeline = new();
    private readonly Dictionary<string, ImmutableArray<TextSpan>> _offTopic = new(StringComparer.Ordinal);

    public DossierWriter(Stream output) => _output = output;

    /// <summary>
    /// One JSON value after another in a spool file, copied into the dossier in order. Each value
    /// is preceded by its length in the file, so nothing per value stays in memory (a list of
    /// positions grew with the stream: about 770,000 values for ten times gva-dev).
    /// </summary>
    private sealed class ValueSpool : IDisposable
    {
        private readonly SpoolFile _file = new();
        private long _length;

        /// <summary>Appends values as <see cref="Render"/> wrote them, each after its length.</summary>
        public void Append(ReadOnlySpan<byte> values)
        {
            if (!values.IsEmpty)
                _length = _file.Append(values).End;
        }

        public void CopyTo(Utf8JsonWriter w, string name)
        {
            w.WriteStartArray(name);
            for (long at = 0; at < _length;)
            {
                var length = BinaryPrimitives.ReadInt32LittleEndian(_file.Read(new SpoolFile.Record(at, sizeof(int))));
                w.WriteRawValue(_file.Read(new SpoolFile.Record(at + sizeof(int), length)), skipInputValidation: true);
                at += sizeof(int) + length;
                FlushSometimes(w);
            }
            w.WriteEndArray();
        }

        public void Dispose() => _file.Dispose();
    }

    /// <summary>A story's values of the cross-article sections, rendered by <see cref="Render"/> on any thread and added in order by <see cref="WriteStory(StorySections)"/>.</summary>
    internal sealed record StorySections(byte[] Entities, byte[] Times, byte[] Quantities, byte[] Quotes, byte[] Groups, byte[] Origins, byte[] Timeline,
        IReadOnlyDictionary<string, ImmutableArray<TextSpan>> OffTopic);

    /// <summary>The story's values of the cross-article sections. Thread-safe: it touches no writer.</summary>
    internal static StorySections Render(Reconciliation r)
    {
        var entities = r.Entities;
        using var json = new Utf8JsonWriter(Stream.Null, new JsonWriterOptions { Encoder = Options.Encoder });
        var record = new ArrayBufferWriter<byte>(1 << 12);
        // Values one after another, each after its length, as a ValueSpool keeps them.
        byte[] Section<T>(IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
        {
            var values = new ArrayBufferWriter<byte>();
            foreach (var item in items)
            {
                record.ResetWrittenCount();
                json.Reset(record);
                write(json, item);
                json.Flush();
                BinaryPrimitives.WriteInt32LittleEndian(values.GetSpan(sizeof(int)), record.WrittenCount);
                values.Advance(sizeof(int));
                values.Write(record.WrittenSpan);
            }
            return values.WrittenSpan.ToArray();
        }
        return new StorySections(
            Section(entities.Entities, WriteEntity),
            Section(r.Times, WriteTime),
            Section(r.Claims, (w, c) => WriteQuantity(w, entities, r, c)),
            Section(r.Quotes, (w, q) => WriteQuote(w, entities, q)),
            Section(r.Groups, WriteGroup),
            Section(r.Origins, WriteOrigin),
            Section(r.Timeline, WriteTimelineEvent),
            r.OffTopic);
    }

    /// <summary>Adds one reconciled story (or any set of stories) to the cross-article sections.</summary>
    public void WriteStory(Reconciliation r) => WriteStory(Render(r));

    /// <summary>Adds one story's sections rendered by <see cref="Render"/>, in the stories' order.</summary>
    internal void WriteStory(StorySections s)
    {
        _entities.Append(s.Entities);
        _times.Append(s.Times);
        _quantities.Append(s.Quantities);
        _quotes.Append(s.Quotes);
        _groups.Append(s.Groups);
        _origins.Append(s.Origins);
        _timeline.Append(s.Timeline);
        foreach (var (doc, spans) in s.OffTopic)
            _offTopic[doc] = spans;
    }

    public void WriteDocument(AnalyzedDocument analyzed, string story)
    {
        _record.ResetWrittenCount();
        WriteOpenDocument(_spoolJson, _record, analyzed, story);
        _spooled.Add((analyzed.Document.Id, _spool.Append(_record.WrittenSpan)));
    }

    /// <summary>The document's object without its off-topic passages and closing brace, added when the dossier is completed.</summary>
    private static void WriteOpenDocument(Utf8JsonWriter w, IBufferWriter<byte> output, AnalyzedDocument analyzed, string story)
    {
        var doc = analyzed.Document;
        w.Reset(output);
        w.WriteStartObject();
        w.WriteString("id", doc.Id);
        w.WriteString("source", doc.Source);
        w.WriteString("title", doc.Title);
        w.WriteString("outlet", doc.Outlet);
        w.WriteString("url", doc.Url);
        w.WriteString("published", doc.Published?.ToIso());
        w.WriteString("publishedFrom", doc.Published is { } p ? Camel(p.From.ToString()) : null);
        w.WriteString("story", story);
        w.WriteStartArray("boilerplate");
        foreach (var f in analyzed.Furniture.IsDefault ? [] : analyzed.Furniture)
        {
            w.WriteStartObject();
            WriteSpan(w, f.Span);
            w.WriteString("kind", f.Kind.ToString().ToLowerInvariant());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("paragraphs");
        foreach (var pa in analyzed.Paragraphs.IsDefault ? [] : analyzed.Paragraphs)
        {
            w.WriteStartObject();
            WriteSpan(w, pa.Span);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("sentences");
        foreach (var s in analyzed.Sentences.IsDefault ? [] : analyzed.Sentences)
        {
            w.WriteStartObject();
            WriteSpan(w, s.Span);
            w.WriteNumber("paragraph", s.Paragraph);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("text", doc.Text);
        w.WriteStartArray("errors");
        foreach (var e in analyzed.AllErrors)
            WriteError(w, e);
        w.WriteEndArray();
        if (doc.Extra.Count > 0)
        {
            // Unknown input fields travel with the document, as given.
            w.WriteStartObject("extra");
            foreach (var (key, value) in doc.Extra.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.WritePropertyName(key);
                value.WriteTo(w);
            }
            w.WriteEndObject();
        }
        w.Flush();
    }

    /// <summary>Writes the dossier: the spooled documents with their off-topic passages, then the cross-article sections.</summary>
    public void Complete(IReadOnlyList<Story> stories, IReadOnlyList<DocumentError> failures)
    {
        using var w = new Utf8JsonWriter(_output, Options);
        w.WriteStartObject();
        w.WriteNumber("version", Version);
        w.WriteStartArray("documents");
        WriteSpooledDocuments(w);
        w.WriteEndArray();
        _entities.CopyTo(w, "entities");
        _times.CopyTo(w, "times");
        _quantities.CopyTo(w, "quantities");
        _quotes.CopyTo(w, "quotes");
        _groups.CopyTo(w, "groups");
        _origins.CopyTo(w, "origins");
        w.WriteStartArray("stories");
        foreach (var s in stories)
        {
            w.WriteStartObject();
            w.WriteString("id", s.Id);
            w.WriteString("key", s.Key);
            w.WriteString("title", s.Title);
            w.WriteStartArray("documents");
            foreach (var d in s.Documents)
                w.WriteStringValue(d.Id);
            w.WriteEndArray();
            w.WriteString("first", Iso(s.First));
            w.WriteString("last", Iso(s.Last));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        _timeline.CopyTo(w, "timeline");
        // Inputs that produced no document at all: the file (and line or record) and why.
        w.WriteStartArray("failures");
        foreach (var f in failures)
            WriteError(w, f);
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
    }

    private static void WriteEntity(Utf8JsonWriter w, ResolvedEntity e)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteString("kind", e.Kind.ToString().ToLowerInvariant());
        w.WriteString("name", e.Name);
        WriteStrings(w, "aliases", e.Aliases);
        WriteStrings(w, "roles", e.Roles);
        w.WriteStartArray("mentions");
        foreach (var (doc, span, text) in e.Mentions)
        {
            w.WriteStartObject();
            w.WriteString("doc", doc);
            WriteSpan(w, span);
            w.WriteString("text", text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter w, TimeRecord record)
    {
        var (doc, t, text) = record;
        w.WriteStartObject();
        w.WriteString("doc", doc);
        WriteSpan(w, t.Span);
        w.WriteString("text", text);
        w.WriteString("type", t.Type.ToString().ToLowerInvariant());
        w.WriteString("value", t.Value);
        w.WriteString("mod", t.Mod);
        w.WriteEndObject();
    }

    private static void WriteQuantity(Utf8JsonWriter w, EntityResolver entities, Reconciliation r, Claim claim)
    {
        var (doc, q, text) = (claim.Doc, claim.Quantity, claim.Text);
        w.WriteStartObject();
        w.WriteString("id", claim.Id);
        w.WriteString("doc", doc);
        WriteSpan(w, q.Span);
        w.WriteString("text", text);
        w.WriteNumber("value", q.Value);
        WriteNumberOrNull(w, "low", q.Low);
        WriteNumberOrNull(w, "high", q.High);
        w.WriteString("hedge", q.Hedge.ToString().ToLowerInvariant());
        w.WriteBoolean("vague", q.Vague);
        w.WriteBoolean("implicit", q.Implicit);
        if (q.Presumed)
            w.WriteBoolean("presumed", true);
        w.WriteString("unit", q.Unit);
        w.WriteString("subject", q.Subject);
        w.WriteString("where", q.Where);
        w.WriteString("when", q.When);
        w.WriteString("rate", q.Rate);
        WriteAttribution(w, "source", doc, q.Source, entities);
        w.WriteString("group", r.GroupOfClaim.TryGetValue(claim.Id, out var g) ? g : null);
        w.WriteEndObject();
    }

    private static void WriteQuote(Utf8JsonWriter w, EntityResolver entities, QuoteRecord record)
    {
        var (id, doc, q, text) = record;
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("doc", doc);
        WriteSpan(w, q.Span);
        w.WriteString("text", text);
        w.WriteString("kind", q.Kind.ToString().ToLowerInvariant());
        WriteAttribution(w, "speaker", doc, q.Speaker, entities);
        w.WriteString("cue", q.Cue);
        w.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter w, ClaimGroup g)
    {
        w.WriteStartObject();
        w.WriteString("id", g.Id);
        w.WriteString("story", g.Story);
        w.WriteString("label", g.Label);
        w.WriteString("unit", g.Unit);
        WriteStrings(w, "members", g.Members);
        w.WriteStartArray("values");
        foreach (var v in g.Values)
        {
            w.WriteStartObject();
            w.WriteNumber("value", v.Value);
            w.WriteString("hedge", v.Hedge.ToString().ToLowerInvariant());
            WriteStrings(w, "sources", v.Sources);
            WriteStrings(w, "docs", v.Docs);
            w.WriteString("first", Iso(v.First));
            w.WriteNumber("independentSources", v.Independent);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("consensus");
        w.WriteNumber("value", g.Consensus.Value);
        w.WriteNumber("low", g.Consensus.Low);
        w.WriteNumber("high", g.Consensus.High);
        w.WriteString("rule", g.Consensus.Rule);
        w.WriteEndObject();
        w.WriteNumber("conservative", g.Conservative);
        w.WriteString("verdict", g.Verdict switch { Verdict.SingleSource => "single-source", var v => v.ToString().ToLowerInvariant() });
        w.WriteNumber("independentSources", g.IndependentSources);
        w.WriteEndObject();
    }

    private static void WriteOrigin(Utf8JsonWriter w, SharedOrigin o)
    {
        w.WriteStartObject();
        WriteStrings(w, "docs", o.Docs);
        w.WriteString("evidence", o.Evidence);
        w.WriteString("sample", o.Sample);
        w.WriteEndObject();
    }

    private static void WriteTimelineEvent(Utf8JsonWriter w, TimelineEvent e)
    {
        w.WriteStartObject();
        w.WriteString("date", e.Date);
        w.WriteString("story", e.Story);
        w.WriteString("text", e.Text);
        WriteStrings(w, "docs", e.Docs);
        w.WriteStartArray("evidence");
        foreach (var ev in e.Evidence)
        {
            w.WriteStartObject();
            w.WriteString("doc", ev.Doc);
            WriteSpan(w, ev.Span);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteAttribution(Utf8JsonWriter w, string name, string doc, Attribution? attribution, EntityResolver entities)
    {
        if (attribution is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteString("entity", entities.EntityFor(doc, attribution));
        w.WriteString("text", attribution.Text);
        w.WriteNumber("start", attribution.Span.Start);
        w.WriteNumber("end", attribution.Span.End);
        w.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
            w.WriteNumber(name, v);
        else
            w.WriteNull(name);
    }

    public void Dispose()
    {
        foreach (var spool in (ReadOnlySpan<ValueSpool>)[_entities, _times, _quantities, _quotes, _groups, _origins, _timeline])
            spool.Dispose();
        _spoolJson.Dispose();
        _spool.Dispose();
    }

    private void WriteSpooledDocuments(Utf8JsonWriter w)
    {
        var buffer = new MemoryStream();
        foreach (var (id, record) in _spooled)
        {
            buffer.SetLength(0);
            buffer.Write(_spool.Read(record));
            buffer.WriteByte((byte)',');
            using (var tail = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Options.Encoder, SkipValidation = true }))
            {
                // Completes the object left open in the spool.
                tail.WriteStartArray("offTopic");
                foreach (var span in _offTopic.GetValueOrDefault(id, []))
                {
                    tail.WriteStartObject();
                    WriteSpan(tail, span);
                    tail.WriteEndObject();
                }
                tail.WriteEndArray();
                tail.WriteEndObject();
            }
            w.WriteRawValue(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), skipInputValidation: true);
            FlushSometimes(w);
        }
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
            w.WriteStringValue(value);
        w.WriteEndArray();
    }

    /// <summary>A writer over a stream holds everything until flushed: flushing as it goes keeps memory flat.</summary>
    private static void FlushSometimes(Utf8JsonWriter w)
    {
        if (w.BytesPending > 1 << 16)
            w.Flush();
    }

    private static void WriteSpan(Utf8JsonWriter w, TextSpan span)
    {
        w.WriteNumber("start", span.Start);
        w.WriteNumber("end", span.End);
    }

    private static void WriteError(Utf8JsonWriter w, DocumentError e)
    {
        w.WriteStartObject();
        w.WriteString("source", e.Source);
        w.WriteString("location", e.Location);
        w.WriteString("message", e.Message);
        w.WriteEndObject();
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Camel(string s) => char.ToLowerInvariant(s[0]) + s[1..];
}
