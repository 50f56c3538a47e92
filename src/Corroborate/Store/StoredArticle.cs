using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Corroborate.Model;

namespace Corroborate.Store;

/// <summary>
/// One article version in the store: the document as read, its place in arrival order
/// (<see cref="Seq"/>), the story assigned when it was ingested and its content hash.
/// Immutable; thread-safe.
/// </summary>
public sealed record StoredArticle(long Seq, NewsDocument Document, string Story, string Hash);

/// <summary>
/// The SHA-256 over what an article says: text and metadata, each field length-prefixed so that
/// no two different articles serialize alike. The source path and read errors are left out: the
/// same article read from another path (or a folder moved) is the same article. Thread-safe.
/// </summary>
public static class ContentHash
{
    public static string Of(NewsDocument doc)
    {
        var buffer = new ArrayBufferWriter<byte>(doc.Text.Length * 2 + 256);
        Field(buffer, doc.Text);
        Field(buffer, doc.Title);
        Field(buffer, doc.Outlet);
        Field(buffer, doc.Url);
        Field(buffer, doc.Story);
        Field(buffer, StoredFields.DateOf(doc.Published));
        Field(buffer, StoredFields.MomentOf(doc.Published));
        Field(buffer, doc.Published?.From.ToString());
        Field(buffer, StoredFields.ExtraJson(doc.Extra));
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void Field(ArrayBufferWriter<byte> buffer, string? value)
    {
        // -1 marks null, so null and "" differ.
        var length = value is null ? -1 : Encoding.UTF8.GetByteCount(value);
        BitConverter.TryWriteBytes(buffer.GetSpan(4), length);
        buffer.Advance(4);
        if (value is null)
            return;
        var written = Encoding.UTF8.GetBytes(value, buffer.GetSpan(length));
        buffer.Advance(written);
    }
}

/// <summary>How the document's fields are written to and read from the store's columns. Thread-safe.</summary>
internal static class StoredFields
{
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string? DateOf(Published? p) => p?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Round-trip form: keeps the offset the source gave.</summary>
    public static string? MomentOf(Published? p) => p?.Moment?.ToString("o", CultureInfo.InvariantCulture);

    public static Published? PublishedOf(string? date, string? moment, string? from)
    {
        if (date is null || from is null)
            return null;
        return new Published(
            DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            moment is null ? null : DateTimeOffset.ParseExact(moment, "o", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            Enum.Parse<PublishedFrom>(from));
    }

    /// <summary>The unknown input fields as one JSON object, keys in ordinal order (stable for hashing).</summary>
    public static string ExtraJson(ImmutableDictionary<string, JsonElement> extra)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, Writer))
        {
            w.WriteStartObject();
            foreach (var (key, value) in extra.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.WritePropertyName(key);
                value.WriteTo(w);
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static ImmutableDictionary<string, JsonElement> ExtraOf(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var extra = ImmutableDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in doc.RootElement.EnumerateObject())
            extra[p.Name] = p.Value.Clone();
        return extra.Count == 0 ? ImmutableDictionary<string, JsonElement>.Empty : extra.ToImmutable();
    }

    public static string ErrorsJson(ImmutableArray<DocumentError> errors)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, Writer))
        {
            w.WriteStartArray();
            foreach (var e in errors)
            {
                w.WriteStartObject();
                w.WriteString("source", e.Source);
                w.WriteString("location", e.Location);
                w.WriteString("message", e.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static ImmutableArray<DocumentError> ErrorsOf(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var errors = ImmutableArray.CreateBuilder<DocumentError>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            errors.Add(new DocumentError(e.GetProperty("source").GetString()!,
                e.GetProperty("location").GetString(), e.GetProperty("message").GetString()!));
        }
        return errors.ToImmutable();
    }
}
