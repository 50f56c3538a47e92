using System.Xml.Linq;
using Corroborate.Model;

namespace Corroborate.Ingest;

/// <summary>Articles from an RSS 2.0 or Atom feed: one per item or entry, HTML content turned to text.</summary>
internal static class FeedItems
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    public static IEnumerable<IngestItem> Read(XDocument feed, string path, string stem)
    {
        var root = feed.Root!;
        if (root.Name.LocalName == "rss" || root.Name.LocalName == "RDF")
            return ReadRss(root, path, stem);
        if (root.Name == Atom + "feed")
            return ReadAtom(root, path, stem);
        return [IngestItem.Failed(path, $"line {LineOf(root)}", $"not an RSS or Atom feed (root element <{root.Name.LocalName}>)")];
    }

    private static IEnumerable<IngestItem> ReadRss(XElement root, string path, string stem)
    {
        var channel = root.Element("channel") ?? root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel");
        var outlet = Clean(channel?.Element("title")?.Value) ?? Clean(channel?.Elements().FirstOrDefault(e => e.Name.LocalName == "title")?.Value);
        var items = root.Descendants().Where(e => e.Name.LocalName == "item").ToList();
        if (items.Count == 0)
            yield return IngestItem.Failed(path, null, "feed has no items");
        var n = 0;
        foreach (var item in items)
        {
            n++;
            string? Field(string local) => Clean(item.Elements().FirstOrDefault(e => e.Name.LocalName == local && e.Name.Namespace != Content)?.Value);
            var html = item.Element(Content + "encoded")?.Value ?? item.Elements().FirstOrDefault(e => e.Name.LocalName == "description")?.Value;
            var link = Field("link");
            var key = Field("guid") ?? link ?? $"{n}";
            var published = DateParsing.TryParse(Field("pubDate") ?? item.Element(DublinCore + "date")?.Value, PublishedFrom.Metadata);
            yield return Make(path, stem, n, LineOf(item), key, Field("title"), link, outlet, published, html);
        }
    }

    private static IEnumerable<IngestItem> ReadAtom(XElement root, string path, string stem)
    {
        var outlet = Clean(root.Element(Atom + "title")?.Value);
        var entries = root.Elements(Atom + "entry").ToList();
        if (entries.Count == 0)
            yield return IngestItem.Failed(path, null, "feed has no entries");
        var n = 0;
        foreach (var entry in entries)
        {
            n++;
            var link = entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value;
            var key = Clean(entry.Element(Atom + "id")?.Value) ?? link ?? $"{n}";
            var published = DateParsing.TryParse(entry.Element(Atom + "published")?.Value ?? entry.Element(Atom + "updated")?.Value, PublishedFrom.Metadata);
            var body = entry.Element(Atom + "content") ?? entry.Element(Atom + "summary");
            var html = body is null ? null
                : (string?)body.Attribute("type") is "xhtml" ? string.Concat(body.Nodes().Select(x => x.ToString()))
                : (string?)body.Attribute("type") is "html" ? body.Value
                : System.Net.WebUtility.HtmlEncode(body.Value);
            yield return Make(path, stem, n, LineOf(entry), key, Clean(entry.Element(Atom + "title")?.Value), link, outlet, published, html);
        }
    }

    private static IngestItem Make(string path, string stem, int n, int line, string key, string? title, string? link,
        string? outlet, Published? published, string? html)
    {
        var location = $"item {n}, line {line}";
        var text = html is null ? "" : HtmlArticle.FragmentText(html);
        if (string.IsNullOrWhiteSpace(text))
            return IngestItem.Failed(path, location, "feed item has no content or description");
        var doc = new NewsDocument($"{stem}-{ArticleReader.ShortHash(key)}", $"{path}#item{n}", text)
        {
            Title = title, Url = link, Outlet = outlet, Published = published,
        };
        return IngestItem.Read(doc);
    }

    private static int LineOf(XElement e) => e is System.Xml.IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
