using AngleSharp.Dom;

namespace Corroborate.Ingest.Html;

/// <summary>
/// Removes what is never the article from a parsed page, in place: scripts and embeds, hidden
/// elements, navigation landmarks, and elements whose names mark them as furniture (comments,
/// share bars, related links, cookie and subscription notices, captions, credits). A furniture
/// element that holds most of the page's text is kept: templates put such names on wrappers too.
/// </summary>
internal static class PageCleaner
{
    public static void Clean(IElement body, NameJudge judge)
    {
        // Pass 1: what is never text, whatever holds it.
        foreach (var e in DomWalk.PreOrder(body))
        {
            if (e != body && (MarkupSignals.NeverText.Contains(e.TagName) || MarkupSignals.IsHidden(e)))
                e.Remove();
        }

        var measures = TextMeasure.Measure(body);
        var pageChars = Math.Max(1, measures[body].Chars);
        var stack = new Stack<IElement>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (e != body && IsFurniture(e, measures[e], pageChars, judge))
            {
                e.Remove();
                continue;
            }
            DomWalk.PushChildren(stack, e);
        }
    }

    private static bool IsFurniture(IElement e, TextMeasure m, int pageChars, NameJudge judge)
    {
        var tag = e.TagName;
        if (tag is "ARTICLE" or "MAIN" or "BODY" or "HTML" || IsArticleBodyProp(e))
            return false;
        // Most of a page's text is not furniture, whatever its wrapper is named; a tiny page's footer is.
        var share = m.Chars >= 200 ? (double)m.Chars / pageChars : 0;
        if (MarkupSignals.Furniture.Contains(tag) || MarkupSignals.HasFurnitureRole(e))
            return share < 0.5;
        var verdict = judge.Judge(e);
        if (!verdict.Furniture || verdict.MayHoldArticle || verdict.ArticleBody)
            return false;
        // A wrapper named for one feature ("page-ad-pusher") can hold the whole page; comments can outweigh the article.
        return share < 0.5 || verdict.Comments;
    }

    public static bool IsArticleBodyProp(IElement e) =>
        e.GetAttribute("itemprop") is { } p && p.Contains("articleBody", StringComparison.OrdinalIgnoreCase);
}
