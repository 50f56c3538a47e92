using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Corroborate.Model;

namespace Corroborate.Ingest;

/// <summary>
/// Reads articles from files, folders and standard input, one at a time: nothing holds a whole
/// corpus in memory. Every input that cannot be read yields one <see cref="IngestItem"/> error
/// naming the file (and line, record or item), and reading goes on. Thread-safe.
/// </summary>
public sealed class ArticleReader(IngestLimits limits)
{
    public ArticleReader() : this(IngestLimits.Default) { }

    public IngestLimits Limits { get; } = limits;

    /// <summary>A file or folder left out when input folders are expanded (the output); null for none.</summary>
    public string? Skip { get; init; }

    /// <param name="paths">Files, folders, or "-" for JSON Lines on <paramref name="stdin"/>.</param>
    /// <param name="stdin">Opens standard input; only called when a path is "-".</param>
    public IEnumerable<IngestItem> Read(IEnumerable<string> paths, Func<Stream>? stdin = null)
    {
        foreach (var (path, format, error) in Inputs.Expand(paths, Skip))
        {
            if (error is not null)
            {
                yield return IngestItem.Failed(path, null, error);
                continue;
            }
            var items = format switch
            {
                InputFormat.JsonLines when path == Inputs.StandardInput =>
                    stdin is null ? [IngestItem.Failed("-", null, "standard input is not available")] : ReadJsonLines(stdin(), "stdin", "stdin", leaveOpen: true),
                InputFormat.JsonLines => ReadJsonLinesFile(path),
                InputFormat.Text => ReadText(path),
                InputFormat.Html => ReadHtml(path),
                InputFormat.Feed => ReadFeed(path),
                _ => [IngestItem.Failed(path, null, "unsupported file type")],
            };
            foreach (var item in items)
                yield return item;
        }
    }

    /// <summary>Reads a whole single-article file within the size bound; null with a reason otherwise.</summary>
    private string? ReadWhole(string path, out string? error, bool html = false)
    {
        error = null;
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > Limits.MaxFileBytes)
            {
                error = $"file too large ({info.Length / (1024.0 * 1024.0):F1} MB; the limit is {Limits.MaxFileBytes / (1024 * 1024)} MB for one article or feed); split it or use JSON Lines";
                return null;
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read: {e.Message}";
            return null;
        }
        if (bytes.AsSpan().IndexOfAnyExcept(" \n\r\t"u8) < 0)
        {
            error = "empty file";
            return null;
        }
        var text = html ? TextDecoding.TryDecodeHtml(bytes, out error) : TextDecoding.TryDecode(bytes, out error);
        if (text is not null && string.IsNullOrWhiteSpace(text.Replace('\uFEFF', ' ')))
        {
            error = "empty file";
            return null;
        }
        return text;
    }

    private IEnumerable<IngestItem> ReadText(string path)
    {
        var text = ReadWhole(path, out var error);
        if (text is null)
        {
            yield return IngestItem.Failed(path, null, error!);
            yield break;
        }
        yield return IngestItem.Read(WithSidecar(new NewsDocument(StemOf(path), path, text), path));
    }

    /// <summary>
    /// Reads one saved web page (in the charset it declares) and extracts its article; null with a
    /// reason when the file cannot be read. The page's text is empty when it holds no article.
    /// </summary>
    public HtmlArticle.Page? ReadHtmlPage(string path, out string? error)
    {
        var html = ReadWhole(path, out error, html: true);
        return html is null ? null : HtmlArticle.Parse(html);
    }

    private IEnumerable<IngestItem> ReadHtml(string path)
    {
        var page = ReadHtmlPage(path, out var error);
        if (page is null)
        {
            yield return IngestItem.Failed(path, null, error!);
            yield break;
        }
        if (string.IsNullOrWhiteSpace(page.Text))
        {
            yield return IngestItem.Failed(path, null, "HTML page has no body text (no article found on the page)");
            yield break;
        }
        var doc = new NewsDocument(StemOf(path), path, page.Text)
        {
            Title = page.Title, Outlet = page.Outlet, Url = page.Url, Published = page.Published,
        };
        yield return IngestItem.Read(WithSidecar(doc, path));
    }

    /// <summary>NAME.meta.json beside NAME.txt or NAME.html: its fields win over the file's own.</summary>
    private NewsDocument WithSidecar(NewsDocument doc, string path)
    {
        var sidecar = Path.Combine(Path.GetDirectoryName(path) ?? "", StemOf(path) + Inputs.SidecarSuffix);
        if (!File.Exists(sidecar))
            return doc;
        try
        {
            if (new FileInfo(sidecar).Length > 1024 * 1024)
                return doc with { Errors = doc.Errors.Add(new(sidecar, null, "metadata file too large (over 1 MB); ignored")) };
            using var json = JsonDocument.Parse(File.ReadAllBytes(sidecar));
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                return doc with { Errors = doc.Errors.Add(new(sidecar, null, "metadata must be a JSON object; ignored")) };
            return RecordMetadata.From(json.RootElement).ApplyTo(doc, sidecar);
        }
        catch (JsonException e)
        {
            return doc with { Errors = doc.Errors.Add(new(sidecar, e.LineNumber is { } l ? $"line {l + 1}" : null, $"metadata is not valid JSON ({e.Message}); ignored")) };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return doc with { Errors = doc.Errors.Add(new(sidecar, null, $"cannot read metadata: {e.Message}")) };
        }
    }

    private IEnumerable<IngestItem> ReadJsonLinesFile(string path)
    {
        Stream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [IngestItem.Failed(path, null, $"cannot read: {e.Message}")];
        }
        return ReadJsonLines(stream, path, StemOf(path), leaveOpen: false);
    }

    /// <summary>
    /// Streams JSON Lines records. Lines are split on bytes and decoded one by one, so invalid
    /// UTF-8 or a broken record costs that line only, and an over-long line is skipped without
    /// being held in memory.
    /// </summary>
    private IEnumerable<IngestItem> ReadJsonLines(Stream stream, string source, string stem, bool leaveOpen)
    {
        var lines = new ByteLines(stream, Limits.MaxRecordBytes, leaveOpen);
        using (lines)
        {
            var any = false;
            while (true)
            {
                ByteLines.Line line;
                string? readError = null;
                try
                {
                    if (!lines.TryRead(out line))
                        break;
                }
                catch (IOException e)
                {
                    line = default;
                    readError = e.Message;
                }
                if (readError is not null)
                {
                    yield return IngestItem.Failed(source, $"line {lines.LineNumber + 1}", $"cannot read: {readError}");
                    yield break;
                }
                any = true;
                var location = $"line {line.Number}";
                if (line.TooLong)
                {
                    yield return IngestItem.Failed(source, location, $"record too large (over {Limits.MaxRecordBytes / (1024 * 1024)} MB); skipped");
                    continue;
                }
                var bytes = line.Bytes.Span;
                if (line.Number == 1 && bytes.StartsWith(TextDecoding.Utf8Bom))
                    bytes = bytes[3..];
                if (bytes.Trim("\r\t "u8).IsEmpty)
                    continue;
                yield return ParseRecord(bytes, source, stem, line.Number);
            }
            if (!any && source != "stdin")
                yield return IngestItem.Failed(source, null, "empty file");
        }
    }

    private static IngestItem ParseRecord(ReadOnlySpan<byte> bytes, string source, string stem, long number)
    {
        var location = $"line {number}";
        if (bytes.IndexOf((byte)0) >= 0)
            return IngestItem.Failed(source, location, "binary data (a NUL byte); expected a JSON object");
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
            return IngestItem.Failed(source, location, "not valid UTF-8; JSON Lines must be UTF-8");
        JsonDocument json;
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64 });
            json = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
                return IngestItem.Failed(source, location, "more than one JSON value on the line");
        }
        catch (JsonException e)
        {
            return IngestItem.Failed(source, location, $"not a valid JSON record: {e.Message.Split(" Path:")[0]}");
        }
        catch (ArgumentException e)
        {
            return IngestItem.Failed(source, location, $"not valid UTF-8: {e.Message}");
        }
        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                return IngestItem.Failed(source, location, $"expected a JSON object, found {json.RootElement.ValueKind.ToString().ToLowerInvariant()}");
            var meta = RecordMetadata.From(json.RootElement);
            var where = meta.Id is null ? location : $"{location}, record {meta.Id}";
            string text;
            if (meta.Text is not null)
                text = meta.Text;
            else if (meta.Html is not null)
                text = HtmlArticle.Parse(meta.Html) is var page && !string.IsNullOrWhiteSpace(page.Text) ? page.Text : "";
            else
                return IngestItem.Failed(source, where, "record has neither \"text\" nor \"html\"");
            if (string.IsNullOrWhiteSpace(text))
                return IngestItem.Failed(source, where, "record has no article text");
            var id = meta.Id ?? $"{stem}-{number}";
            var doc = new NewsDocument(id, $"{source}#{location.Replace(" ", "")}", text);
            return IngestItem.Read(meta.ApplyTo(doc, $"{source} ({where})"));
        }
    }

    private IEnumerable<IngestItem> ReadFeed(string path)
    {
        var xml = ReadWhole(path, out var error);
        if (xml is null)
        {
            yield return IngestItem.Failed(path, null, error!);
            yield break;
        }
        var feed = ParseXml(xml, out var xmlError);
        if (feed is null)
        {
            yield return IngestItem.Failed(path, $"line {xmlError!.LineNumber}", $"not an XML feed: {xmlError.Message}");
            yield break;
        }
        foreach (var item in FeedItems.Read(feed, path, StemOf(path)))
            yield return item;
    }

    private static XDocument? ParseXml(string xml, out XmlException? error)
    {
        error = null;
        try
        {
            // No DTDs, no external entities: feeds are untrusted.
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersFromEntities = 1024 };
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            error = e;
            return null;
        }
    }

    internal static string StemOf(string path)
    {
        var name = Path.GetFileName(path);
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    internal static string ShortHash(string s) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)).AsSpan(0, 6));
}
