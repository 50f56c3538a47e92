using System.Text.Json;
using AngleSharp.Dom;
using Corroborate.Model;

namespace Corroborate.Ingest.Html;

/// <summary>A page's metadata as its markup states it. Immutable; thread-safe.</summary>
public sealed record PageMetadata(string? Title, string? Outlet, string? Url, Published? Published, string? Author)
{
    /// <summary>
    /// Reads meta tags (Open Graph, Dublin Core, article:*), JSON-LD and &lt;time&gt;. JSON-LD is read
    /// from the page's source: the parser skips script text, which is most of a page's bytes.
    /// </summary>
    /// <param name="articleBody">The JSON-LD articleBody, when the page gives one: a check on the extracted text, not the text.</param>
    internal static PageMetadata Read(IDocument document, string html, out string? articleBody)
    {
        var marks = Marks.Collect(document);
        var metas = marks.Metas;
        var ld = JsonLd.Read(html);
        articleBody = ld.Body;
        var title = Meta(metas, "og:title") ?? ld.Headline ?? Meta(metas, "twitter:title") ?? Meta(metas, "dc.title") ?? Clean(document.Title);
        var outlet = Meta(metas, "og:site_name") ?? ld.Publisher ?? Meta(metas, "application-name");
        var url = Absolute(marks.Canonical) ?? Absolute(Meta(metas, "og:url"));
        var published = FirstDate(
                            Meta(metas, "article:published_time"), Meta(metas, "datePublished"), Meta(metas, "og:published_time"),
                            ld.Published, Meta(metas, "dc.date.issued"), Meta(metas, "dcterms.created"), Meta(metas, "dc.date"),
                            Meta(metas, "date"), Meta(metas, "pubdate"), Meta(metas, "publishdate"), Meta(metas, "publish-date"),
                            Meta(metas, "publish_date"), Meta(metas, "parsely-pub-date"), Meta(metas, "sailthru.date"),
                            Meta(metas, "article.published"), Meta(metas, "published_time"))
                        ?? FirstDate(marks.Times);
        var author = ld.Author ?? NotUrl(Meta(metas, "author")) ?? NotUrl(Meta(metas, "article:author")) ?? Meta(metas, "parsely-author")
                     ?? Meta(metas, "dc.creator") ?? Meta(metas, "sailthru.author") ?? Meta(metas, "byl") ?? AuthorText(marks.Author);
        return new PageMetadata(title, outlet, url, published, author);
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

    private static string? AuthorText(IElement? e)
    {
        if (e is null)
            return null;
        var name = e.GetAttribute("itemprop") is not null ? e.QuerySelector("[itemprop=name]") ?? e : e;
        var text = name.TagName == "META" ? Clean(name.GetAttribute("content")) : Clean(name.TextContent);
        return text is { Length: > 1 and < 100 } ? text : null;
    }

    /// <summary>The metadata-bearing elements of a page, collected in one walk (selector queries walk the page each).</summary>
    private sealed record Marks(Dictionary<string, string> Metas, string? Canonical, List<string?> Times, IElement? Author)
    {
        public static Marks Collect(IDocument document)
        {
            var metas = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string? canonical = null;
            var marked = new List<string?>();
            var times = new List<string?>();
            IElement? author = null, relAuthor = null;
            if (document.DocumentElement is { } root)
            {
                foreach (var e in DomWalk.PreOrder(root))
                {
                    switch (e.TagName)
                    {
                        case "META":
                            var key = e.GetAttribute("property") ?? e.GetAttribute("name") ?? e.GetAttribute("itemprop");
                            if (key is not null && Clean(e.GetAttribute("content")) is { } content)
                                metas.TryAdd(key.Trim(), content);
                            break;
                        case "LINK" when canonical is null && string.Equals(e.GetAttribute("rel"), "canonical", StringComparison.OrdinalIgnoreCase):
                            canonical = e.GetAttribute("href");
                            break;
                        case "TIME" when e.GetAttribute("datetime") is { } dt:
                            // A <time> marked as the publication date wins over the first one on the page.
                            (e.HasAttribute("pubdate") || (e.GetAttribute("itemprop") ?? "").Contains("datePublished", StringComparison.OrdinalIgnoreCase) ? marked : times).Add(dt);
                            break;
                        case "A" when relAuthor is null && string.Equals(e.GetAttribute("rel"), "author", StringComparison.OrdinalIgnoreCase):
                            relAuthor = e;
                            break;
                    }
                    if (author is null && string.Equals(e.GetAttribute("itemprop"), "author", StringComparison.OrdinalIgnoreCase))
                        author = e;
                }
            }
            marked.AddRange(times);
            return new Marks(metas, canonical, marked, author ?? relAuthor);
        }
    }

    private static string? NotUrl(string? s) => s is null || s.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? null : s;

    private static string? Absolute(string? url) =>
        url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u.ToString() : null;

    internal static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
            return null;
        var sb = new System.Text.StringBuilder(Math.Min(s.Length, 2000));
        var space = false;
        foreach (var c in s.AsSpan().Trim())
        {
            if (sb.Length >= 2000)
                break;
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && sb.Length > 0)
                sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>What a page's JSON-LD says of the article it holds.</summary>
    private sealed record JsonLd(string? Published, string? Publisher, string? Headline, string? Author, string? Body)
    {
        private static readonly JsonLd None = new(null, null, null, null, null);

        public static JsonLd Read(string html)
        {
            foreach (var script in Scripts(html))
            {
                try
                {
                    using var json = JsonDocument.Parse(script, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
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

        /// <summary>The text of the page's JSON-LD script elements, found by scanning the source.</summary>
        private static IEnumerable<string> Scripts(string html)
        {
            const string type = "application/ld+json";
            for (var at = html.IndexOf(type, StringComparison.OrdinalIgnoreCase); at >= 0; at = html.IndexOf(type, at + type.Length, StringComparison.OrdinalIgnoreCase))
            {
                var open = html.LastIndexOf('<', at);
                if (open < 0 || string.Compare(html, open, "<script", 0, 7, StringComparison.OrdinalIgnoreCase) != 0 || at - open > 500)
                    continue;
                var start = html.IndexOf('>', at);
                if (start < 0)
                    yield break;
                var end = html.IndexOf("</script", start, StringComparison.OrdinalIgnoreCase);
                if (end < 0)
                    yield break;
                yield return System.Net.WebUtility.HtmlDecode(html[(start + 1)..end]) is var text && text.Length < 4 * 1024 * 1024 ? text : "";
                at = end;
            }
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
