using AngleSharp.Html.Parser;
using Corroborate.Ingest.Html;
using Corroborate.Model;

namespace Corroborate.Ingest;

/// <summary>
/// Reads an HTML page: its metadata (meta tags, JSON-LD, &lt;time&gt;) and the article's body text,
/// found by page structure, text and link density and semantic markup (see <see cref="ArticleBody"/>).
/// Thread-safe: holds no state between calls.
/// </summary>
public static class HtmlArticle
{
    // Script and style text, comments and source positions are never read; skipping them is most of the parse time.
    private static readonly HtmlParser Parser = new(new HtmlParserOptions
    {
        IsScripting = false, SkipScriptText = true, SkipRawText = true, SkipComments = true, DisableElementPositionTracking = true,
    });

    /// <summary>
    /// The page's article text and metadata. The text is empty when the page holds no article;
    /// paragraphs, headings and list items are separated by blank lines.
    /// </summary>
    public sealed record Page(string Text, string? Title, string? Outlet, string? Url, Published? Published, string? Author = null);

    public static Page Parse(string html)
    {
        using var document = Parser.ParseDocument(html);
        var meta = PageMetadata.Read(document, html, out var ldBody);
        var text = ArticleBody.Extract(document, ldBody);
        return new Page(text, meta.Title, meta.Outlet, meta.Url, meta.Published, meta.Author);
    }

    /// <summary>Text of an HTML fragment (a feed item's content), one block a paragraph.</summary>
    public static string FragmentText(string html)
    {
        using var document = Parser.ParseDocument("<body>" + html + "</body>");
        if (document.Body is not { } body)
            return "";
        foreach (var e in DomWalk.PreOrder(body))
        {
            if (e != body && MarkupSignals.NeverText.Contains(e.TagName))
                e.Remove();
        }
        return BlockText.Join(BlockText.Render([body]));
    }
}
