using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Corroborate.Model;
using Corroborate.Pipeline;

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
    }

    /// <summary>Closes the documents and writes the cross-article sections.</summary>
    public void Complete(IReadOnlyList<Story> stories, IReadOnlyList<DocumentError> failures)
    {
        var w = _json;
        w.WriteEndArray();
        foreach (var empty in new[] { "entities", "times", "quantities", "quotes", "groups", "origins" })
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
