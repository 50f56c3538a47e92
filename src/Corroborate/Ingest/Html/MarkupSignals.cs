using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Corroborate.Ingest.Html;

/// <summary>
/// What an element's tag, class, id and role say about it: page furniture, or article. The
/// patterns are the general vocabulary of web templates (as readability and trafilatura use it),
/// never one site's names. Thread-safe: holds no state.
/// </summary>
internal static partial class MarkupSignals
{
    /// <summary>Elements that never hold article text.</summary>
    public static readonly HashSet<string> NeverText =
    [
        "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "SVG", "BUTTON", "SELECT", "OPTION", "INPUT", "TEXTAREA",
        "CANVAS", "VIDEO", "AUDIO", "OBJECT", "EMBED", "DIALOG", "LINK", "META", "HEAD", "FIGCAPTION", "LABEL", "MATH",
        "PICTURE", "MAP", "DATALIST", "OUTPUT", "PROGRESS", "METER",
    ];

    /// <summary>Sectioning elements for page furniture; dropped unless they hold most of the page's text.</summary>
    public static readonly HashSet<string> Furniture = ["NAV", "ASIDE", "FOOTER", "HEADER", "MENU"];

    /// <summary>Elements that start a new block of text.</summary>
    public static readonly HashSet<string> Blocks =
    [
        "P", "DIV", "SECTION", "ARTICLE", "MAIN", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "UL", "OL", "DL", "DT", "DD",
        "BLOCKQUOTE", "PRE", "TABLE", "THEAD", "TBODY", "TFOOT", "TR", "TD", "TH", "CAPTION", "FIGURE", "HR", "ADDRESS",
        "CENTER", "FORM", "FIELDSET", "HEADER", "FOOTER", "NAV", "ASIDE", "DETAILS", "SUMMARY", "HGROUP", "BODY",
    ];

    public static readonly HashSet<string> Headings = ["H1", "H2", "H3", "H4", "H5", "H6"];

    private static readonly HashSet<string> FurnitureRoles =
    [
        "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog", "alertdialog",
        "toolbar", "tablist", "tooltip", "alert",
    ];

    // Names that mark furniture even inside an element that is otherwise article-like
    // ("post-comments", "article-share", "story-related").
    [GeneratedRegex(@"comment|disqus|shar(e|ing)|social|related|recommend|newsletter|subscri|signup|sign-up|cookie|consent|gdpr|"
                    + @"sidebar|side-bar|breadcrumb|promo|sponsor|advert|outbrain|taboola|popular|trending|"
                    + @"byline|caption|credit|author-?(bio|box|info)|about-?the-?author|skip-?link|sr-only|visually-?hidden|screen-?reader|"
                    + @"newsletter|follow-?us|read-?(more|next|also)|also-?read|more-?(stories|news|from)|next-?(article|post|story)|"
                    + @"prev-?(article|post)|pagination|pager|tags|tag-?list|keywords|(^|[\s_-])print($|[\s_-])|toolbar|modal|overlay|popup|rss|"
                    + @"-ad-|^ad-|-ad$|^ads?$|adslot|ad-?container|ad-?wrap|dfp|banner|masthead|"
                    // Date and byline lines above or below the text.
                    + @"(^|[\s_-])((post|entry|pub|publish)-?(date|time|meta|info)|timestamp|posted-?on|date-?published|updated-?date)($|[\s_-])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StrongFurnitureName();

    // Names that mark furniture unless the element also looks like content ("main-header" no,
    // but "content-footer" keeps the doubt).
    [GeneratedRegex(@"(^|[\s_-])(nav|navbar|navigation|menu|footer|header|widget|meta|ad|ads|login|search|hidden|hide|share|tools|utility|links|sidebar|aside|extra|supplemental|shoutbox|combx|community|remark|replies|agegate|legends|complementary)($|[\s_-])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WeakFurnitureName();

    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|richtext|rich-text",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ContentName();

    // Containers that templates use for the article's own text.
    [GeneratedRegex(@"article-?body|articlebody|article-?content|article-?text|post-?body|post-?content|post-?text|entry-?content|entry-?body|"
                    + @"story-?body|story-?content|story-?text|body-?text|main-?text|article__body|article__content|content-?body|"
                    + @"text-?body|single-?content|blog-?content|news-?text|news-?body|rich-?text|td-post-content|field-?body",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ArticleBodyName();

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HiddenStyle();

    /// <summary>The element's class and id, joined, for matching (length-bounded: attributes are untrusted).</summary>
    public static string Names(IElement e)
    {
        var c = e.GetAttribute("class");
        var id = e.Id;
        var names = string.IsNullOrEmpty(id) ? c ?? "" : string.IsNullOrEmpty(c) ? id : c + " " + id;
        return names.Length > 300 ? names[..300] : names;
    }

    public static bool IsHidden(IElement e) =>
        e.HasAttribute("hidden")
        || string.Equals(e.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
        || e.GetAttribute("style") is { Length: > 0 and < 2000 } style
           && (style.Contains("none", StringComparison.OrdinalIgnoreCase) || style.Contains("hidden", StringComparison.OrdinalIgnoreCase))
           && HiddenStyle().IsMatch(style);

    public static bool HasFurnitureRole(IElement e) => e.GetAttribute("role") is { } role && FurnitureRoles.Contains(role.Trim().ToLowerInvariant());

    public static bool IsStrongFurniture(string names) => names.Length > 0 && StrongFurnitureName().IsMatch(names);

    /// <summary>Names that may still hold the article (readability's "ok maybe its a candidate").</summary>
    public static bool MayHoldArticle(string names) => names.Length > 0 && MayHoldArticleName().IsMatch(names);

    /// <summary>Comment sections, which can outweigh the article they follow.</summary>
    public static bool IsComments(string names) => names.Length > 0 && CommentsName().IsMatch(names);

    [GeneratedRegex(@"article|body|column|content|main|shadow", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MayHoldArticleName();

    [GeneratedRegex(@"comment|disqus|respond|replies|discussion", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CommentsName();

    public static bool IsWeakFurniture(string names) => names.Length > 0 && WeakFurnitureName().IsMatch(names) && !ContentName().IsMatch(names);

    public static bool IsArticleBodyName(string names) => names.Length > 0 && ArticleBodyName().IsMatch(names);

    /// <summary>What a class-and-id string says, computed once per distinct string.</summary>
    public readonly record struct Verdict(bool Furniture, bool MayHoldArticle, bool ArticleBody, bool Comments, int Weight);

    public static Verdict Judge(string names) => names.Length == 0
        ? default
        : new Verdict(IsStrongFurniture(names) || IsWeakFurniture(names), MayHoldArticle(names), IsArticleBodyName(names), IsComments(names), ClassWeight(names));

    /// <summary>Readability's class weight: furniture names count against an element, content names for it.</summary>
    public static int ClassWeight(string names)
    {
        if (names.Length == 0)
            return 0;
        var weight = 0;
        if (StrongFurnitureName().IsMatch(names) || WeakFurnitureName().IsMatch(names))
            weight -= 25;
        if (ContentName().IsMatch(names))
            weight += 25;
        return weight;
    }
}
