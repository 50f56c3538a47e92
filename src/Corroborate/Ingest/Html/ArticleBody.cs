using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Corroborate.Ingest.Html;

/// <summary>
/// Extracts an article's body text from a parsed page: clean the page of furniture, find the
/// container of the article by text density, render it as blocks, and drop the furniture that
/// sits inside the article (link lists, share bars). Headings inside the article, its headline
/// included, are kept: they are the article's own text. Thread-safe: works
/// on the document it is given and keeps no state.
/// </summary>
internal static partial class ArticleBody
{
    /// <summary>The body text (empty when the page holds no article) of <paramref name="document"/>; changes the document.</summary>
    public static string Extract(IDocument document, string? jsonLdBody = null)
    {
        var body = document.Body;
        if (body is null)
            return "";
        var text = FromMarkup(body);
        return JsonLdFallback(body, text, jsonLdBody) ?? text;
    }

    /// <summary>
    /// The JSON-LD articleBody when the markup gave much less than it and the page shows its opening
    /// (so it is this page's article, not a stale or foreign one): pages that render the body by
    /// script keep it only there.
    /// </summary>
    private static string? JsonLdFallback(IElement body, string text, string? jsonLdBody)
    {
        if (jsonLdBody is null || jsonLdBody.Length < 200 || text.Length >= jsonLdBody.Length / 3)
            return null;
        var ld = PageMetadata.Clean(System.Net.WebUtility.HtmlDecode(jsonLdBody));
        if (ld is null)
            return null;
        var opening = Letters(ld, 60);
        var page = Letters(BlockText.Join(BlockText.Render([body])), int.MaxValue);
        if (opening.Length < 30 || !page.Contains(opening, StringComparison.Ordinal))
            return null;
        var paragraphs = jsonLdBody.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => PageMetadata.Clean(System.Net.WebUtility.HtmlDecode(p))).OfType<string>();
        return string.Join("\n\n", paragraphs);
    }

    private static string Letters(string s, int max)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var c in s)
        {
            if (sb.Length >= max)
                break;
            if (char.IsLetterOrDigit(c))
                sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    private static string FromMarkup(IElement body)
    {
        var judge = new NameJudge();
        PageCleaner.Clean(body, judge);
        var measures = TextMeasure.Measure(body);
        var roots = ContentFinder.Find(body, measures, judge);
        if (roots.Count == 0)
        {
            // No paragraph long enough to score (a short note, a fragment): the semantic container, if any,
            // is the article; a page with neither holds no article.
            if (SemanticContainer(body, measures) is not { } container || measures[container].LinkDensity > 0.5)
                return "";
            roots = [container];
        }
        var blocks = BlockText.Render(roots, e => IsFurnitureInside(e, measures, judge));
        return BlockText.Join(Tidy(blocks));
    }

    private static IElement? SemanticContainer(IElement body, Dictionary<IElement, TextMeasure> measures)
    {
        IElement? best = null;
        foreach (var e in DomWalk.PreOrder(body))
        {
            if (PageCleaner.IsArticleBodyProp(e))
                return e;
            if (e.TagName is "ARTICLE" or "MAIN" && (best is null || measures[e].Chars > measures[best].Chars))
                best = e;
        }
        return best;
    }

    /// <summary>Readability's conditional cleaning: containers inside the article that read as lists of links, forms or image strips.</summary>
    private static bool IsFurnitureInside(IElement e, Dictionary<IElement, TextMeasure> measures, NameJudge judge)
    {
        if (!measures.TryGetValue(e, out var m))
            return false;
        var tag = e.TagName;
        var weight = judge.Judge(e).Weight;
        if (MarkupSignals.Headings.Contains(tag))
            return weight < 0;
        if (tag is not ("FORM" or "FIELDSET" or "TABLE" or "UL" or "OL" or "DIV" or "SECTION" or "DL" or "P"))
            return false;
        if (weight + (m.Scored ? m.Score : 0) < 0)
            return true;
        if (m.Commas >= 10)
            return false;
        var isList = tag is "UL" or "OL";
        var p = m.Paragraphs;
        var li = m.ListItems - 100;
        var ld = m.LinkDensity;
        if (tag == "P")
            return m.Chars < 200 && ld > 0.6;
        return (m.Images > 1 && (double)p / m.Images < 0.5 && m.Chars < 250)
               || (!isList && li > p)
               || m.Inputs > p / 3
               || (!isList && m.Chars < 25 && (m.Images == 0 || m.Images > 2) && m.HeadingChars < 0.9 * Math.Max(1, m.Chars))
               || (weight < 25 && ld > 0.2 && !(isList && ld < 0.5))
               || (weight >= 25 && ld > 0.5)
               || (m.Embeds == 1 && m.Chars < 75) || m.Embeds > 1;
    }

    private static List<TextBlock> Tidy(List<TextBlock> blocks)
    {
        var kept = new List<TextBlock>(blocks.Count);
        foreach (var b in blocks)
        {
            if (Boilerplate().IsMatch(b.Text))
                continue;
            kept.Add(b);
        }
        // A heading that ends the article heads something that was removed.
        while (kept.Count > 0 && kept[^1].IsHeading)
            kept.RemoveAt(kept.Count - 1);
        return kept;
    }

    // Lines that are page furniture wherever they stand.
    [GeneratedRegex(@"^(advertisement|advertising|sponsored|ad|share( this( article| story| post)?)?|print|email|tweet|"
                    + @"read more|continue reading|related( articles| stories| posts?)?|you (may|might) also like|don'?t miss|more from .{1,40}|"
                    + @"image \d+ of \d+|photo \d+ of \d+|\d* ?comments?|leave a (comment|reply)|this slideshow requires javascript|"
                    + @"click here.*|skip to.*|loading\W*)\W*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Boilerplate();
}
