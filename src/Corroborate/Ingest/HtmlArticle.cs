using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Corroborate.Model;

namespace Corroborate.Ingest;

/// <summary>
/// Reads an HTML page: its metadata (title, meta tags, JSON-LD) and the text of its body.
/// Body extraction here is a first cut: the article element when there is one, else the body,
/// without scripts, navigation, headers, footers and forms, one block a paragraph.
/// Thread-safe: holds no state between calls.
/// </summary>
public static class HtmlArticle
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    private static readonly HashSet<string> Dropped =
    [
        "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "NAV", "HEADER", "FOOTER", "ASIDE", "FORM", "IFRAME", "SVG",
        "BUTTON", "SELECT", "OPTION", "INPUT", "TEXTAREA", "CANVAS", "VIDEO", "AUDIO", "OBJECT", "EMBED", "MENU", "DIALOG",
    ];

    private static readonly HashSet<string> Blocks =
    [
        "P", "DIV", "SECTION", "ARTICLE", "MAIN", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "UL", "OL", "DL", "DT", "DD",
        "BLOCKQUOTE", "PRE", "TABLE", "TR", "TD", "TH", "FIGURE", "FIGCAPTION", "BR", "HR", "ADDRESS", "CENTER",
    ];

    /// <summary>The page's article text and metadata; the text is empty when the page has none.</summary>
    public sealed record Page(string Text, string? Title, string? Outlet, string? Url, Published? Published);

    public static Page Parse(string html)
    {
        using var document = Parser.ParseDocument(html);
        var (ldPublished, ldPublisher, ldHeadline) = ReadJsonLd(document);
        var title = Meta(document, "og:title") ?? ldHeadline ?? Clean(document.Title);
        var outlet = Meta(document, "og:site_name") ?? ldPublisher;
        var url = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta(document, "og:url");
        var published = DateParsing.TryParse(Meta(document, "article:published_time") ?? Meta(document, "datePublished")
                                             ?? Meta(document, "date") ?? Meta(document, "pubdate") ?? ldPublished, PublishedFrom.Metadata)
                        ?? DateParsing.TryParse(document.QuerySelector("time[datetime]")?.GetAttribute("datetime"), PublishedFrom.Metadata);
        return new Page(BodyText(document), title, outlet, url, published);
    }

    /// <summary>Text of an HTML fragment (a feed item's content), one block a paragraph.</summary>
    public static string FragmentText(string html)
    {
        using var document = Parser.ParseDocument("<body>" + html + "</body>");
        return document.Body is { } body ? Render(body) : "";
    }

    private static string BodyText(IDocument document)
    {
        var root = document.QuerySelector("[itemprop=articleBody]")
                   ?? document.QuerySelectorAll("article").OrderByDescending(a => a.TextContent.Length).FirstOrDefault()
                   ?? document.QuerySelector("main")
                   ?? document.Body;
        return root is null ? "" : Render(root);
    }

    private static string Render(IElement root)
    {
        var sb = new StringBuilder();
        var line = new StringBuilder();
        Walk(root, sb, line, depth: 0);
        Flush(sb, line);
        return sb.ToString().TrimEnd();
    }

    private static void Walk(INode node, StringBuilder sb, StringBuilder line, int depth)
    {
        // Bounded recursion: pathological nesting is flattened rather than overflowing the stack.
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                AppendCollapsed(line, text.Data);
            }
            else if (child is IElement element)
            {
                if (Dropped.Contains(element.TagName) || element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true")
                    continue;
                var block = Blocks.Contains(element.TagName);
                if (block)
                    Flush(sb, line);
                if (depth < 400)
                    Walk(element, sb, line, depth + 1);
                else
                    AppendCollapsed(line, element.TextContent);
                if (block)
                    Flush(sb, line);
            }
        }
    }

    private static void AppendCollapsed(StringBuilder line, string data)
    {
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                if (line.Length > 0 && line[^1] != ' ')
                    line.Append(' ');
            }
            else
            {
                line.Append(c);
            }
        }
    }

    private static void Flush(StringBuilder sb, StringBuilder line)
    {
        var s = line.ToString().Trim();
        line.Clear();
        if (s.Length == 0)
            return;
        if (sb.Length > 0)
            sb.Append("\n\n");
        sb.Append(s);
    }

    private static string? Meta(IDocument document, string name)
    {
        foreach (var m in document.QuerySelectorAll("meta"))
        {
            var key = m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop");
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                return Clean(m.GetAttribute("content"));
        }
        return null;
    }

    private static (string? Published, string? Publisher, string? Headline) ReadJsonLd(IDocument document)
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
                    var publisher = item.TryGetProperty("publisher", out var p)
                        ? p.ValueKind == JsonValueKind.Object && p.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : p.ValueKind == JsonValueKind.String ? p.GetString() : null
                        : null;
                    return (StringOf(item, "datePublished"), Clean(publisher), Clean(StringOf(item, "headline")));
                }
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common on real pages; the page's other metadata still counts.
            }
        }
        return (null, null, null);
    }

    private static IEnumerable<JsonElement> Items(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in root.EnumerateArray())
                foreach (var i in Items(e))
                    yield return i;
        }
        else if (root.ValueKind == JsonValueKind.Object)
        {
            yield return root;
            if (root.TryGetProperty("@graph", out var graph))
                foreach (var i in Items(graph))
                    yield return i;
        }
    }

    private static bool IsArticle(JsonElement item)
    {
        if (!item.TryGetProperty("@type", out var type))
            return false;
        static bool Named(string? t) => t is not null && t.EndsWith("Article", StringComparison.Ordinal) || t == "Report" || t == "BlogPosting";
        return type.ValueKind switch
        {
            JsonValueKind.String => Named(type.GetString()),
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && Named(t.GetString())),
            _ => false,
        };
    }

    private static string? StringOf(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : System.Text.RegularExpressions.Regex.Replace(s.Trim(), @"\s+", " ", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
}
