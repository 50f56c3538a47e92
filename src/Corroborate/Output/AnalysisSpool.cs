using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Corroborate.Model;
using Corroborate.Pipeline;

namespace Corroborate.Output;

/// <summary>
/// Holds analyzed articles on disk between the streaming pass and the per-story reconciliation,
/// so that memory stays flat in the length of the stream: only each story's list of offsets
/// stays in memory. Records are JSON with compact spans and tokens. Not thread-safe.
/// </summary>
public sealed class AnalysisSpool : IDisposable
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private readonly SpoolFile _file = new();
    private readonly Dictionary<string, List<SpoolFile.Record>> _byStory = new(StringComparer.Ordinal);

    public void Add(string story, AnalyzedDocument article)
    {
        var record = _file.Append(stream => JsonSerializer.Serialize(stream, article, Options));
        if (!_byStory.TryGetValue(story, out var list))
            _byStory[story] = list = [];
        list.Add(record);
    }

    /// <summary>The articles of a story, in the order they were added.</summary>
    public IEnumerable<AnalyzedDocument> Read(string story)
    {
        foreach (var record in _byStory.GetValueOrDefault(story) ?? [])
            yield return Deserialize(record);
    }

    private AnalyzedDocument Deserialize(SpoolFile.Record record) =>
        JsonSerializer.Deserialize<AnalyzedDocument>(_file.Read(record), Options)
        ?? throw new InvalidDataException($"spool record at {record.Offset} is empty");

    public void Dispose() => _file.Dispose();

    private static JsonSerializerOptions CreateOptions()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        // Derived views of the article ("Text", "Present", "AllErrors") are not stored: they follow from the rest.
        resolver.Modifiers.Add(info =>
        {
            if (info.Type != typeof(AnalyzedDocument))
                return;
            foreach (var p in info.Properties.Where(p => p.Name is nameof(AnalyzedDocument.Text) or nameof(AnalyzedDocument.Present) or nameof(AnalyzedDocument.AllErrors)).ToList())
                info.Properties.Remove(p);
        });
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = resolver,
            // Article text is untrusted but never rendered from here; no escaping keeps records small.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new SpanConverter());
        options.Converters.Add(new TokensConverter());
        options.Converters.Add(new ArrayConverterFactory());
        return options;
    }

    /// <summary>A span as [start, end].</summary>
    private sealed class SpanConverter : JsonConverter<TextSpan>
    {
        public override TextSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            Expect(ref reader, JsonTokenType.StartArray);
            reader.Read();
            var start = reader.GetInt32();
            reader.Read();
            var end = reader.GetInt32();
            reader.Read();
            Expect(ref reader, JsonTokenType.EndArray);
            return new TextSpan(start, end);
        }

        public override void Write(Utf8JsonWriter writer, TextSpan value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(value.Start);
            writer.WriteNumberValue(value.End);
            writer.WriteEndArray();
        }
    }

    /// <summary>
    /// Tokens as one base64 string of 7-bit varints (gap from the previous token's end, length,
    /// kind): about three bytes a token, where JSON objects would take thirty.
    /// </summary>
    private sealed class TokensConverter : JsonConverter<ImmutableArray<Token>>
    {
        public override bool HandleNull => true;

        public override ImmutableArray<Token> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
                return default;
            var bytes = reader.GetBytesFromBase64();
            var tokens = ImmutableArray.CreateBuilder<Token>();
            var at = 0;
            var end = 0;
            while (at < bytes.Length)
            {
                var start = end + ReadVarint(bytes, ref at);
                end = start + ReadVarint(bytes, ref at);
                tokens.Add(new Token(new TextSpan(start, end), (TokenKind)ReadVarint(bytes, ref at)));
            }
            return tokens.ToImmutable();
        }

        public override void Write(Utf8JsonWriter writer, ImmutableArray<Token> value, JsonSerializerOptions options)
        {
            if (value.IsDefault)
            {
                writer.WriteNullValue();
                return;
            }
            var buffer = new List<byte>(value.Length * 3);
            var end = 0;
            foreach (var t in value)
            {
                WriteVarint(buffer, t.Span.Start - end);
                WriteVarint(buffer, t.Span.Length);
                WriteVarint(buffer, (int)t.Kind);
                end = t.Span.End;
            }
            writer.WriteBase64StringValue(buffer.ToArray());
        }

        private static void WriteVarint(List<byte> buffer, int value)
        {
            var v = (uint)value; // tokens are in text order: gaps and lengths are never negative
            while (v >= 0x80)
            {
                buffer.Add((byte)(v | 0x80));
                v >>= 7;
            }
            buffer.Add((byte)v);
        }

        private static int ReadVarint(byte[] bytes, ref int at)
        {
            var value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = bytes[at++];
                value |= (b & 0x7f) << shift;
                if (b < 0x80)
                    return value;
            }
        }
    }

    /// <summary>Immutable arrays that keep "absent" (default) apart from "empty": a layer a stage did not produce.</summary>
    private sealed class ArrayConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ImmutableArray<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(ArrayConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }

    private sealed class ArrayConverter<T> : JsonConverter<ImmutableArray<T>>
    {
        public override bool HandleNull => true;

        public override ImmutableArray<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? default : [.. JsonSerializer.Deserialize<T[]>(ref reader, options) ?? []];

        public override void Write(Utf8JsonWriter writer, ImmutableArray<T> value, JsonSerializerOptions options)
        {
            if (value.IsDefault)
            {
                writer.WriteNullValue();
                return;
            }
            writer.WriteStartArray();
            foreach (var item in value)
                JsonSerializer.Serialize(writer, item, options);
            writer.WriteEndArray();
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
            throw new JsonException($"expected {type}, found {reader.TokenType}");
    }
}
