using AngleSharp.Dom;

namespace Corroborate.Ingest.Html;

/// <summary>
/// Sizes of one element's text, summed over its subtree: what content scoring and link density
/// read. Working state of one extraction, never shared.
/// </summary>
internal sealed class TextMeasure
{
    /// <summary>Characters of text with white space collapsed.</summary>
    public int Chars;
    /// <summary>Characters inside links.</summary>
    public int LinkChars;
    public int Commas;
    /// <summary>Characters of text outside block children (what a reader sees as this element's own paragraph).</summary>
    public int InlineChars;
    public int InlineCommas;
    public int Paragraphs;
    public int Images;
    public int ListItems;
    public int Inputs;
    public int Embeds;
    public int HeadingChars;
    /// <summary>&lt;article&gt; elements below this one: two or more make a listing of teasers.</summary>
    public int Articles;
    /// <summary>&lt;article&gt; children: two or more are teasers side by side.</summary>
    public int ArticleChildren;
    public bool HasBlockChild;
    /// <summary>Readability's content score; meaningful when <see cref="Scored"/>.</summary>
    public double Score;
    public bool Scored;

    public double LinkDensity => Chars == 0 ? 0 : (double)LinkChars / Chars;

    /// <summary>Measures every element under <paramref name="root"/>, children before parents (no recursion).</summary>
    public static Dictionary<IElement, TextMeasure> Measure(IElement root)
    {
        var order = DomWalk.PreOrder(root);
        var measures = new Dictionary<IElement, TextMeasure>(order.Count);
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var e = order[i];
            var m = new TextMeasure();
            foreach (var child in e.ChildNodes)
            {
                if (child is IText text)
                {
                    var (chars, commas) = Count(text.Data);
                    m.Chars += chars;
                    m.Commas += commas;
                    m.InlineChars += chars;
                    m.InlineCommas += commas;
                }
                else if (child is IElement c && measures.TryGetValue(c, out var cm))
                {
                    m.Chars += cm.Chars;
                    m.LinkChars += cm.LinkChars;
                    m.Commas += cm.Commas;
                    m.Paragraphs += cm.Paragraphs;
                    m.Images += cm.Images;
                    m.ListItems += cm.ListItems;
                    m.Inputs += cm.Inputs;
                    m.Embeds += cm.Embeds;
                    m.HeadingChars += cm.HeadingChars;
                    m.Articles += cm.Articles + (c.TagName == "ARTICLE" ? 1 : 0);
                    m.ArticleChildren += c.TagName == "ARTICLE" ? 1 : 0;
                    if (MarkupSignals.Blocks.Contains(c.TagName))
                    {
                        m.HasBlockChild = true;
                    }
                    else
                    {
                        m.InlineChars += cm.Chars;
                        m.InlineCommas += cm.Commas;
                    }
                }
            }
            switch (e.TagName)
            {
                case "A":
                    m.LinkChars = m.Chars;
                    break;
                case "P":
                    m.Paragraphs++;
                    break;
                case "DIV" when !m.HasBlockChild && m.Chars >= 25:
                    // Templates that write paragraphs as divs: count them as paragraphs.
                    m.Paragraphs++;
                    break;
                case "IMG":
                    m.Images++;
                    break;
                case "LI":
                    m.ListItems++;
                    break;
                case "INPUT" or "SELECT" or "TEXTAREA" or "BUTTON":
                    m.Inputs++;
                    break;
                case "EMBED" or "OBJECT" or "IFRAME" or "VIDEO":
                    m.Embeds++;
                    break;
                case "H1" or "H2" or "H3" or "H4" or "H5" or "H6":
                    m.HeadingChars = m.Chars;
                    break;
            }
            measures[e] = m;
        }
        return measures;
    }

    /// <summary>Collapsed length and commas of a run of text.</summary>
    public static (int Chars, int Commas) Count(string data)
    {
        int chars = 0, commas = 0;
        var space = true;
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space)
                    chars++;
                space = true;
                continue;
            }
            space = false;
            chars++;
            if (c is ',' or '\u060C' or '\uFE50' or '\uFE10' or '\uFE11' or '\u2E41' or '\u2E34' or '\u2E32' or '\uFF0C' or '\u3001')
                commas++;
        }
        return (chars, commas);
    }
}
