using AngleSharp.Dom;

namespace Corroborate.Ingest.Html;

/// <summary>
/// Finds the element that holds the article on a cleaned page, the way readability does:
/// every paragraph scores its container (by length and commas) and, less, the containers
/// above; link-heavy containers lose; the best container and those of its siblings that
/// score well or read as prose make the article.
/// </summary>
internal static class ContentFinder
{
    private const int MinParagraphChars = 25;
    private const double ListingFactor = 0.25;

    /// <summary>The article's elements in document order: the best container, or its qualifying siblings.</summary>
    public static IReadOnlyList<IElement> Find(IElement body, Dictionary<IElement, TextMeasure> measures, NameJudge judge)
    {
        var candidates = new List<IElement>();
        foreach (var e in DomWalk.PreOrder(body))
        {
            var m = measures[e];
            IElement? first; // the container that gets the full score
            int chars, commas;
            if (e.TagName is "P" or "PRE" or "TD" || (e.TagName == "DIV" && !m.HasBlockChild))
            {
                first = e.ParentElement;
                (chars, commas) = (m.Chars, m.Commas);
            }
            else if (m.HasBlockChild && e.TagName is "DIV" or "SECTION" or "ARTICLE" or "MAIN" or "TD" or "BLOCKQUOTE")
            {
                // Loose text between blocks reads as a paragraph of its own in this element.
                first = e;
                (chars, commas) = (m.InlineChars, m.InlineCommas);
            }
            else
            {
                continue;
            }
            if (first is null || chars < MinParagraphChars)
                continue;
            var score = 1.0 + commas + Math.Min(chars / 100, 3);
            var level = 0;
            for (var a = first; a is not null && a.ParentElement is not null && level < 5; a = a.ParentElement, level++)
            {
                var am = measures[a];
                if (!am.Scored)
                {
                    am.Scored = true;
                    am.Score = InitialScore(a, judge);
                    candidates.Add(a);
                }
                am.Score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
            }
        }
        if (candidates.Count == 0)
            return [];
        foreach (var c in candidates)
        {
            var m = measures[c];
            m.Score *= 1 - m.LinkDensity;
            // A container of several <article> elements lists teasers, and so does each of them;
            // the article is beside them (or, on a page of nothing else, one of them).
            if (m.Articles >= 3 || IsTeaser(c, measures))
                m.Score *= ListingFactor;
        }

        var ranked = candidates.OrderByDescending(c => measures[c].Score).Take(5).ToList();
        var top = ranked[0];
        var topScore = measures[top].Score;

        // Several strong candidates under one ancestor: the ancestor is the article.
        var alternatives = ranked.Skip(1).Where(c => measures[c].Score / topScore >= 0.75).ToList();
        if (alternatives.Count >= 3)
        {
            for (var p = top.ParentElement; p is not null && top != body && p != body; p = p.ParentElement)
            {
                if (measures[p].Articles >= 3)
                    break;
                if (alternatives.Count(a => DomWalk.Contains(p, a)) >= 3)
                {
                    top = p;
                    break;
                }
            }
        }

        // A parent that scores better than what it holds is the article.
        var last = measures[top].Score;
        var threshold = last / 3;
        for (var p = top.ParentElement; p is not null && top != body && p != body; p = p.ParentElement)
        {
            var pm = measures[p];
            if (!pm.Scored)
                continue;
            if (pm.Score < threshold)
                break;
            if (pm.Score > last)
            {
                top = p;
                break;
            }
            last = pm.Score;
        }
        while (top != body && top.ParentElement is { } only && only != body && DomWalk.ChildElements(only).Take(2).Count() == 1)
            top = only;

        return WithSiblings(top, measures);
    }

    /// <summary>Whether <paramref name="e"/> is, or is inside, one of three or more &lt;article&gt; elements side by side.</summary>
    private static bool IsTeaser(IElement e, Dictionary<IElement, TextMeasure> measures)
    {
        for (IElement? a = e; a is not null; a = a.ParentElement)
        {
            if (a.TagName == "ARTICLE" && a.ParentElement is { } p && measures.TryGetValue(p, out var pm) && pm.ArticleChildren >= 3)
                return true;
        }
        return false;
    }

    private static List<IElement> WithSiblings(IElement top, Dictionary<IElement, TextMeasure> measures)
    {
        var parent = top.ParentElement;
        if (parent is null || top.TagName == "BODY")
            return [top];
        var topScore = measures[top].Score;
        var threshold = Math.Max(10, topScore * 0.2);
        var topClass = top.GetAttribute("class");
        var picked = new List<IElement>();
        foreach (var s in DomWalk.ChildElements(parent))
        {
            if (s == top)
            {
                picked.Add(s);
                continue;
            }
            if (!measures.TryGetValue(s, out var m) || m.Articles >= 3)
                continue;
            var bonus = !string.IsNullOrEmpty(topClass) && s.GetAttribute("class") == topClass ? topScore * 0.2 : 0;
            if (m.Scored && m.Score + bonus >= threshold)
            {
                picked.Add(s);
            }
            else if (s.TagName == "P")
            {
                var ld = m.LinkDensity;
                if (m.Chars > 80 && ld < 0.25)
                    picked.Add(s);
                else if (m.Chars is > 0 and <= 80 && ld == 0 && s.TextContent.Contains(". ", StringComparison.Ordinal))
                    picked.Add(s);
            }
        }
        return picked;
    }


    private static double InitialScore(IElement e, NameJudge judge)
    {
        var score = e.TagName switch
        {
            "DIV" => 5,
            "PRE" or "TD" or "BLOCKQUOTE" => 3,
            "ADDRESS" or "OL" or "UL" or "DL" or "DD" or "DT" or "LI" or "FORM" => -3,
            "H1" or "H2" or "H3" or "H4" or "H5" or "H6" or "TH" => -5,
            _ => 0,
        };
        return score + judge.Judge(e).Weight;
    }
}
