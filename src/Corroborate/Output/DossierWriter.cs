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

    private readonly Utf8JsonWriter _json;
    private bool _completed;

    // Cross-document sections are written after the documents; each item keeps its own text, not the article's.
    private readonly List<(string Doc, TimeExpression Time, string Text)> _times = [];
    private readonly List<(string Doc, Quantity Quantity, string Text)> _quantities = [];
    private readonly List<(string Doc, Quote Quote, string Text, string? SpeakerText)> _quotes = [];
    private readonly List<MentionRecord> _mentions = [];

    public DossierWriter(Stream stream)
    {
        _json = new Utf8JsonWriter(stream, Options);
        _json.WriteStartObject();
        _json.WriteNumber("version", Version);
        _json.WriteStartArray("documents");
    }

    public void WriteDocument(AnalyzedDocument analyzed, string story)
    {
        var doc = analyzed.Document;
        var w = _json;
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
        w.WriteStartArray("offTopic");
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
        w.WriteEndObject();
        if (w.BytesPending > 64 * 1024)
            w.Flush();
        Collect(analyzed, story);
    }

    private void Collect(AnalyzedDocument a, string story)
    {
        var id = a.Document.Id;
        foreach (var t in a.Times.IsDefault ? [] : a.Times)
            _times.Add((id, t, t.Span.Of(a.Text)));
        foreach (var q in a.Quantities.IsDefault ? [] : a.Quantities)
            _quantities.Add((id, q, q.Span.Of(a.Text)));
        foreach (var q in a.Quotes.IsDefault ? [] : a.Quotes)
            _quotes.Add((id, q, q.Span.Of(a.Text), q.Speaker?.Text));
        foreach (var m in a.Entities.IsDefault ? [] : a.Entities)
            _mentions.Add(new MentionRecord(id, story, m, m.Span.Of(a.Text)));
    }

    /// <summary>Closes the documents and writes the cross-article sections.</summary>
    public void Complete(IReadOnlyList<Story> stories, IReadOnlyList<DocumentError> failures)
    {
        var w = _json;
        w.WriteEndArray();
        var entities = new EntityResolver(_mentions);
        WriteEntities(w, entities);
        WriteTimes(w);
        WriteQuantities(w, entities);
        WriteQuotes(w, entities);
        foreach (var empty in new[] { "groups", "origins" })
        {
            w.WriteStartArray(empty);
            w.WriteEndArray();
        }
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
        w.WriteStartArray("timeline");
        w.WriteEndArray();
        // Inputs that produced no document at all: the file (and line or record) and why.
        w.WriteStartArray("failures");
        foreach (var f in failures)
            WriteError(w, f);
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        _completed = true;
    }

    private static void WriteEntities(Utf8JsonWriter w, EntityResolver entities)
    {
        w.WriteStartArray("entities");
        foreach (var e in entities.Entities)
        {
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            w.WriteString("kind", e.Kind.ToString().ToLowerInvariant());
            w.WriteString("name", e.Name);
            w.WriteStartArray("aliases");
            foreach (var a in e.Aliases)
                w.WriteStringValue(a);
            w.WriteEndArray();
            w.WriteStartArray("roles");
            foreach (var r in e.Roles)
                w.WriteStringValue(r);
            w.WriteEndArray();
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
        w.WriteEndArray();
    }

    private void WriteTimes(Utf8JsonWriter w)
    {
        w.WriteStartArray("times");
        foreach (var (doc, t, text) in _times)
        {
            w.WriteStartObject();
            w.WriteString("doc", doc);
            WriteSpan(w, t.Span);
            w.WriteString("text", text);
            w.WriteString("type", t.Type.ToString().ToLowerInvariant());
            w.WriteString("value", t.Value);
            w.WriteString("mod", t.Mod);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private void WriteQuantities(Utf8JsonWriter w, EntityResolver entities)
    {
        w.WriteStartArray("quantities");
        var n = 0;
        foreach (var (doc, q, text) in _quantities)
        {
            w.WriteStartObject();
            w.WriteString("id", $"q{++n}");
            w.WriteString("doc", doc);
            WriteSpan(w, q.Span);
            w.WriteString("text", text);
            w.WriteNumber("value", q.Value);
            WriteNumberOrNull(w, "low", q.Low);
            WriteNumberOrNull(w, "high", q.High);
            w.WriteString("hedge", q.Hedge.ToString().ToLowerInvariant());
            w.WriteBoolean("vague", q.Vague);
            w.WriteString("unit", q.Unit);
            w.WriteString("subject", q.Subject);
            w.WriteString("where", q.Where);
            w.WriteString("when", q.When);
            w.WriteString("rate", q.Rate);
            WriteAttribution(w, "source", doc, q.Source, entities);
            w.WriteNull("group");
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private void WriteQuotes(Utf8JsonWriter w, EntityResolver entities)
    {
        w.WriteStartArray("quotes");
        var n = 0;
        foreach (var (doc, q, text, _) in _quotes)
        {
            w.WriteStartObject();
            w.WriteString("id", $"u{++n}");
            w.WriteString("doc", doc);
            WriteSpan(w, q.Span);
            w.WriteString("text", text);
            w.WriteString("kind", q.Kind.ToString().ToLowerInvariant());
            WriteAttribution(w, "speaker", doc, q.Speaker, entities);
            w.WriteString("cue", q.Cue);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteAttribution(Utf8JsonWriter w, string name, string doc, Attribution? attribution, EntityResolver entities)
    {
        if (attribution is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteString("entity", entities.EntityFor(doc, attribution.Span));
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
        if (!_completed)
            _json.Flush();
        _json.Dispose();
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
