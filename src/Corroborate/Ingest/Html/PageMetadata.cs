using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Corroborate.Model;

namespace Corroborate.Ingest.Html;

/// <summary>A page's metadata as its markup states it. Immutable; thread-safe.</summary>
public sealed partial record PageMetadata(string? Title, string? Outlet, string? Url, Published? Published, string? Author)
{
    /// <summary>
    /// Reads meta tags (Open Graph, Dublin Core, article:*), JSON-LD and &lt;time&gt;; call before the
    /// page is cleaned, since cleaning removes the head's scripts.
    /// </summary>
    internal static PageMetadata Read(IDocument document)
    {
        var metas = MetaTags(document);
        var ld = JsonLd.Read(document);
        var title = Meta(metas, "og:title") ?? ld.Headline ?? Meta(metas, "twitter:title") ?? Meta(metas, "dc.title") ?? Clean(document.Title);
        var outlet = Meta(metas, "og:site_name") ?? ld.Publisher ?? Meta(metas, "application-name");
        var url = Absolute(document.QuerySelector("link[rel=canonical]")?.GetAttribute("href")) ?? Absolute(Meta(metas, "og:url"));
        var published = FirstDate(
                            Meta(metas, "article:published_time"), Meta(metas, "datePublished"), Meta(metas, "og:published_time"),
                            ld.Published, Meta(metas, "dc.date.issued"), Meta(metas, "dcterms.created"), Meta(metas, "dc.date"),
                            Meta(metas, "date"), Meta(metas, "pubdate"), Meta(metas, "publishdate"), Meta(metas, "publish-date"),
                            Meta(metas, "publish_date"), Meta(metas, "parsely-pub-date"), Meta(metas, "sailthru.date"),
                            Meta(metas, "article.published"), Meta(metas, "published_time"))
                        ?? FirstDate(TimeElements(document));
        var author = ld.Author ?? NotUrl(Meta(metas, "author")) ?? NotUrl(Meta(metas, "article:author")) ?? Meta(metas, "parsely-author")
                     ?? Meta(metas, "dc.creator") ?? Meta(metas, "sailthru.author") ?? Meta(metas, "byl") ?? AuthorElement(document);
        return new PageMetadata(title, outlet, url, published, author);
    }

    private static Dictionary<string, string> MetaTags(IDocument document)
    {
        var metas = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in document.QuerySelectorAll("meta"))
        {
            var key = m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop");
            if (key is not null && Clean(m.GetAttribute("content")) is { } content)
                metas.TryAdd(key.Trim(), content);
        }
        return metas;
    }

    private static string? Meta(Dictionary<string, string> metas, string name) => metas.GetValueOrDefault(name);

    private static Published? FirstDate(params IEnumerable<string?> values)
    {
        foreach (var v in values)
        {
            if (DateParsing.TryParse(v, PublishedFrom.Metadata) is { } p)
                return p;
        }
        return null;
    }

    private static IEnumerable<string?> TimeElements(IDocument document)
    {
        var times = document.QuerySelectorAll("time[datetime]").ToList();
        // A <time> marked as the publication date wins over the first one on the page.
        foreach (var t in times.Where(t => t.HasAttribute("pubdate") || (t.GetAttribute("itemprop") ?? "").Contains("datePublished", StringComparison.OrdinalIgnoreCase)))
            yield return t.GetAttribute("datetime");
        foreach (var t in times)
            yield return t.GetAttribute("datetime");
    }

    private static string? AuthorElement(IDocument document)
    {
        var e = document.QuerySelector("[itemprop=author] [itemprop=name]") ?? document.QuerySelector("[itemprop=author]") ?? document.QuerySelector("a[rel=author]");
        var text = Clean(e?.TextContent);
        return text is { Length: > 1 and < 100 } ? text : null;
    }

    private static string? NotUrl(string? s) => s is null || s.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? null : s;

    private static string? Absolute(string? url) =>
        url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u.ToString() : null;

    internal static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
            return null;
        var cleaned = Spaces().Replace(s.Trim(), " ");
        return cleaned.Length > 2000 ? cleaned[..2000] : cleaned;
    }

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Spaces();

    /// <summary>What a page's JSON-LD says of the article it holds.</summary>
    private sealed record JsonLd(string? Published, string? Publisher, string? Headline, string? Author, string? Body)
    {
        private static readonly JsonLd None = new(null, null, null, null, null);

        public static JsonLd Read(IDocument document)
        {
            foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
            {
                try
                {
                    using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                    foreach (var item in Items(json.RootElement))
                    {
                        if (!IsArticle(item))
                            continue;
                        return new JsonLd(StringOf(item, "datePublished"), Clean(NameOf(item, "publisher")), Clean(StringOf(item, "headline")),
                            Clean(NameOf(item, "author")), StringOf(item, "articleBody"));
                    }
                }
                catch (JsonException)
                {
                    // Broken JSON-LD is common on real pages; the page's other metadata still counts.
                }
            }
            return None;
        }

        /// <summary>A name given as a string, an object with "name", or a list of either (joined).</summary>
        private static string? NameOf(JsonElement item, string property)
        {
            if (!item.TryGetProperty(property, out var p))
                return null;
            return p.ValueKind switch
            {
                JsonValueKind.String => p.GetString(),
                JsonValueKind.Object => StringOf(p, "name"),
                JsonValueKind.Array => string.Join(", ", p.EnumerateArray()
                    .Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() : x.ValueKind == JsonValueKind.Object ? StringOf(x, "name") : null)
                    .Where(x => !string.IsNullOrWhiteSpace(x)).Take(10)) is { Length: > 0 } joined ? joined : null,
                _ => null,
            };
        }

        private static IEnumerable<JsonElement> Items(JsonElement root)
        {
            // Iterative: JSON-LD nesting is bounded by MaxDepth, but a list of graphs needs no recursion either.
            var stack = new Stack<JsonElement>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var e = stack.Pop();
                if (e.ValueKind == JsonValueKind.Array)
                {
                    foreach (var x in e.EnumerateArray().Reverse())
                        stack.Push(x);
                }
                else if (e.ValueKind == JsonValueKind.Object)
                {
                    yield return e;
                    if (e.TryGetProperty("@graph", out var graph))
                        stack.Push(graph);
                    if (e.TryGetProperty("mainEntity", out var main))
                        stack.Push(main);
                }
            }
        }

        private static bool IsArticle(JsonElement item)
        {
            if (!item.TryGetProperty("@type", out var type))
                return false;
            static bool Named(string? t) => t is not null && (t.EndsWith("Article", StringComparison.Ordinal) || t is "Report" or "BlogPosting" or "LiveBlogPosting" or "Recipe");
            return type.ValueKind switch
            {
                JsonValueKind.String => Named(type.GetString()),
                JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && Named(t.GetString())),
                _ => false,
            };
        }

        private static string? StringOf(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }
}
