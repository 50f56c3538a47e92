using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Corroborate.Ingest;
using Corroborate.Lexicons;
using Corroborate.Model;

namespace Corroborate.Text;

/// <summary>
/// Marks page furniture (datelines, bylines, outlet and headline lines, related-links, share and
/// subscribe lines, captions, sign-offs) as spans; the text is never changed. Rules come from
/// <c>data/en/furniture.json</c>; headline and outlet lines are recognized by shape. A dateline
/// that carries a date or an outlet fills the article's metadata when it lacks them.
/// Immutable; thread-safe.
/// </summary>
public sealed class FurnitureDetector(LanguageData data)
{
    /// <summary>What the detector found, and the metadata the furniture gave.</summary>
    /// <param name="Heading">The article's first line under a page's name and menu when it reads as a headline but stays
    /// prose (its figures and names are the report's), for the title; null when a headline was marked.</param>
    /// <param name="DatelineDay">The day a dateline gives without its year ("TALMOR, Oct 18 (Meridian) -"), when it gave no date.</param>
    public sealed record Result(ImmutableArray<Furniture> Furniture, Published? Published, string? Outlet, string? Url = null, TextSpan? Heading = null,
        MonthDay? DatelineDay = null);

    private readonly record struct Line(int Start, int End, int Words);

    public Result Detect(string text, string? title, string? outlet)
    {
        var lines = Lines(text);
        var found = new List<Furniture>();
        var marked = new bool[lines.Count];
        Published? published = null;
        MonthDay? datelineDay = null;
        string? foundOutlet = null;
        string? foundUrl = null;
        var zone = data.FurnitureZoneLines;
        // The top zone is the first lines that are not furniture themselves: a page's masthead, section, share
        // and byline lines do not push the dateline out of it.
        var unmarkedAbove = 0;

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var content = text.Substring(line.Start, line.End - line.Start);
            if (i > 0 && !marked[i - 1])
                unmarkedAbove++;
            foreach (var rule in data.FurnitureRules)
            {
                if (rule.Scope == RuleScope.End || line.Words > rule.MaxWords
                    || rule.Zone == RuleZone.Top && unmarkedAbove >= zone || rule.Zone == RuleZone.Bottom && i < lines.Count - zone
                    || !rule.MayMatch(content))
                    continue;
                // A line that makes a rule's pattern run past its time limit is no match of it, not a failed article.
                if (Match(rule.Pattern, content) is not { Success: true, Index: 0 } m)
                    continue;
                if (rule.Scope == RuleScope.Line && m.Length == content.Length)
                {
                    found.Add(new Furniture(new TextSpan(line.Start, line.End), rule.Kind));
                    marked[i] = true;
                }
                else if (rule.Scope == RuleScope.Start && m.Length > 0)
                {
                    // A dateline may stand alone on its line ("HOUSTON -" above the prose).
                    marked[i] |= m.Length == content.Length;
                    var end = line.Start + m.Length;
                    while (end > line.Start && char.IsWhiteSpace(text[end - 1]))
                        end--;
                    found.Add(new Furniture(new TextSpan(line.Start, end), rule.Kind));
                }
                else
                {
                    continue;
                }
                published ??= DateFrom(m);
                datelineDay ??= published is null && m.Groups["date"] is { Success: true } day ? DateParsing.TryParseMonthDay(day.Value) : null;
                foundOutlet ??= m.Groups["outlet"] is { Success: true } o ? o.Value.Trim() : null;
                foundUrl ??= m.Groups["url"] is { Success: true } u ? WithoutSpaces(u.Value) : null;
                break;
            }
        }

        var heading = MarkOutletAndHeadlines(text, lines, marked, found, title, outlet, ref foundOutlet);

        // A sign-off ends the article's prose, above any related links, promotions and copyright lines under it.
        var closing = lines.Count - 1;
        while (closing > 0 && marked[closing])
            closing--;
        if (lines.Count > 1 && closing > 0 && !marked[closing])
        {
            var last = lines[closing];
            var content = text.Substring(last.Start, last.End - last.Start);
            foreach (var rule in data.FurnitureRules.Where(r => r.Scope == RuleScope.End))
            {
                var m = Match(rule.Pattern, content);
                if (m is { Success: true } && m.Length > 0 && m.Index + m.Length == content.Length)
                {
                    var start = last.Start + m.Index;
                    while (start < last.End && char.IsWhiteSpace(text[start]))
                        start++;
                    found.Add(new Furniture(new TextSpan(start, last.End), rule.Kind));
                    break;
                }
            }
        }

        found.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new Result([.. found], published, foundOutlet, foundUrl, heading, published is null ? datelineDay : null);
    }

    /// <summary>Marks the page's name and headline lines at the top; returns the heading kept as prose, if any.</summary>
    private TextSpan? MarkOutletAndHeadlines(string text, List<Line> lines, bool[] marked, List<Furniture> found,
        string? title, string? outlet, ref string? foundOutlet)
    {
        var top = Math.Min(lines.Count, 4);
        var masthead = true;
        var named = false;
        // Whether the line just read is the page's name: a tagline may follow it.
        var underName = false;
        // The page's menu, whose items a section's label over the headline repeats.
        string? menuLine = null;
        var normTitle = Normalize(title);
        var normOutlet = outlet is null ? null : Normalize(outlet);
        for (var i = 0; i < top; i++)
        {
            var afterName = underName;
            underName = false;
            if (marked[i])
                continue;
            var line = lines[i];
            var content = text.AsSpan(line.Start, line.End - line.Start);
            FurnitureKind? kind = null;
            // A section's name opens a menu under the page's name; above it, "Opinion | Save the bees" is a headline.
            var menu = IsMenu(content, named ? data.SectionLabels : null);
            if (menu)
                menuLine = content.ToString();
            // A masthead may carry a tagline after a bar or a dot ("THE HARWICK COURIER | Your valley, your news",
            // "DTV9 NEWS · Harwick & the valley"): its first part names the outlet.
            var bar = content.IndexOfAny(Bars);
            var name = bar > 0 ? content[..bar].TrimEnd() : content;
            // Under the page's name a menu is a menu ("NEWS | HARWICK"); as the first line it may carry the name ("DTV24 | News | Region").
            // (The part before the bar in capitals only: "Record Heat Grips Texas | Harwick Courier" is a headline and its site.)
            var tagged = bar > 0 && !menu && !name.ContainsAny(Lowercase) && LooksLikeOutletName(name, CountWords(name));
            if (!(menu && named) && (normOutlet is not null && Normalize(content) == normOutlet || LooksLikeOutletName(content, line.Words) || tagged))
            {
                kind = FurnitureKind.Outlet;
                foundOutlet ??= (tagged && !LooksLikeOutletName(content, line.Words) ? name : content).Trim("*#_ ").ToString();
                named = true;
            }
            else if (menu || masthead && named && IsSectionLabel(content, line.Words, menuLine))
            {
                kind = FurnitureKind.Navigation;
            }
            else if (LooksLikeHeadline(content, line.Words, i, lines.Count, normTitle, i > 0 && marked[i - 1]))
            {
                kind = FurnitureKind.Headline;
                masthead = false;
            }
            underName = kind is FurnitureKind.Outlet;
            if (kind is { } k)
            {
                found.Add(new Furniture(new TextSpan(line.Start, line.End), k));
                marked[i] = true;
                // Above the headline a page may carry only its name and its menu.
                masthead &= k is FurnitureKind.Outlet or FurnitureKind.Navigation;
            }
            else if (masthead && afterName && i + 1 < top && !marked[i + 1]
                && IsMenu(text.AsSpan(lines[i + 1].Start, lines[i + 1].End - lines[i + 1].Start), data.SectionLabels))
            {
                // A line between the page's name and its menu is the name's tagline ("TALMOR FREIGHT WEEKLY", "News and
                // analysis for shippers and ports", "Ports › Brennick"): a menu comes above the headline, not under it.
                found.Add(new Furniture(new TextSpan(line.Start, line.End), FurnitureKind.Outlet));
                marked[i] = true;
            }
            else
            {
                // The first line under them (or under a byline or dateline a rule marked), read as a headline would be at
                // the top of the text, names the article.
                if (masthead && i > 0 && LetterWords(content) >= MinHeadingWords && !IsStamp(content) && LooksLikeHeadline(content, line.Words, 0, lines.Count, normTitle, afterFurniture: true))
                    return new TextSpan(line.Start, line.End);
                // Furniture sits above the article: once prose starts, stop looking.
                if (i > 0 || lines.Count > 1)
                    break;
            }
        }
        return null;
    }

    /// <summary>Marks that set a line's items side by side (a menu's, a masthead's and its tagline), not one leading to the next.</summary>
    private static readonly SearchValues<char> Bars = SearchValues.Create("|·•");

    private static System.Text.RegularExpressions.Match? Match(System.Text.RegularExpressions.Regex pattern, string content)
    {
        try
        {
            return pattern.Match(content);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>
    /// A section's name in capitals over the headline, under the page's name and menu ("NATION"): one word, or two that
    /// name an item of the menu ("DAM SAFETY" under "Home | News | Dam Safety | …"); a short headline in capitals is
    /// none ("CEASEFIRE HOLDS").
    /// </summary>
    private static bool IsSectionLabel(ReadOnlySpan<char> line, int words, string? menu)
    {
        if (words is < 1 or > 3 || line.Length < 3)
            return false;
        if (words > 1)
        {
            var label = line.ToString();
            if (menu is null || !menu.Split(['|', '·', '•', '›', '»', '/', '>'], StringSplitOptions.TrimEntries).Any(item => item.Equals(label, StringComparison.OrdinalIgnoreCase)))
                return false;
        }
        foreach (var c in line)
            if (!(char.IsUpper(c) || c == ' '))
                return false;
        return true;
    }

    private bool LooksLikeOutletName(ReadOnlySpan<char> line, int words)
    {
        if (words > 6 || line.IsEmpty || Terminal(line[^1]))
            return false;
        var any = false;
        // A masthead in capitals ("THE HARWICK COURIER", "ASSOCIATED PRESS") is read as its words are listed,
        // capitalized, when a short line ends in one: "RECORD FLOODS HIT HARWICK" is a headline.
        var capitals = words <= MaxMastheadWords && !line.ContainsAny(Lowercase);
        Span<char> buffer = stackalloc char[32];
        var outletWords = data.OutletWords.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in line.Split(' '))
        {
            var word = line[range].Trim("*_#|");
            // "GRID & UTILITY REPORT": in capitals an ampersand joins the name's words ("Stocks & Bonds Post Gains" is a headline).
            if (word.IsEmpty || word is "&" && capitals)
                continue;
            if (!char.IsUpper(word[0]) && !char.IsDigit(word[0]))
                return false;
            scoped ReadOnlySpan<char> key = word;
            if (capitals && word.Length <= buffer.Length)
            {
                word.ToLowerInvariant(buffer);
                buffer[0] = word[0];
                key = buffer[..word.Length];
            }
            any = outletWords.Contains(key) || any && !capitals;
        }
        return any;
    }

    private static bool LooksLikeHeadline(ReadOnlySpan<char> line, int words, int index, int lineCount, string normTitle, bool afterFurniture)
    {
        if (normTitle.Length > 0 && Normalize(line) == normTitle)
            return true;
        if (line.StartsWith("**") && line.EndsWith("**") && line.Length > 4 || line.StartsWith("# ") || line.StartsWith("## "))
            return true;
        // A close button ("× Four People Shot") may precede the headline.
        line = line.TrimStart("×•· ");
        // Under the page's furniture (its name, its menu, a byline or dateline) a headline may open on a quotation
        // ("'We lost everything': Brennick counts its dead"); first on the page, such a line stays prose, its quotation a quote.
        var opening = afterFurniture ? line.TrimStart("'‘\"“") : line;
        if (lineCount < 3 || words < 3 || words > MaxHeadlineWords || opening.IsEmpty || Terminal(line[^1])
            || !(char.IsUpper(opening[0]) || char.IsDigit(opening[0])))
            return false;
        // A sentence with a trailing credit ("... were shot. (Source: WOIO)") is a caption, and a
        // line holding two sentences or ending in an attribution (", police say") is prose.
        if (line[^1] == ')' && line.LastIndexOf('(') is var open and > 0 && Terminal(line[..open].TrimEnd()[^1])
            || HasSentenceBreak(line) || words > 12 && EndsWithAttribution(line))
            return false;
        // The first line, unterminated, above prose; a later one only if it is in title case.
        return index == 0 || afterFurniture && TitleCase(line);
    }

    /// <summary>Words of three letters or more a heading has at least: "May 2, 2013, 1:12 PM" under a link names nothing.</summary>
    private const int MinHeadingWords = 3;

    /// <summary>
    /// A page's time stamp: a line opening with "Posted", "Updated" or "Published", one with "last updated", or a clock
    /// time with its suffix ("21 July 2013 Last updated at 11:11 GMT", "May 2, 2013, 1 : 12 PM"). "Police posted at
    /// schools" and "Arsenal 2:1 Chelsea" are headlines.
    /// </summary>
    private static bool IsStamp(ReadOnlySpan<char> line)
    {
        var firstWord = line[..(line.IndexOf(' ') is var sp and >= 0 ? sp : line.Length)];
        if (firstWord.Equals("posted", StringComparison.OrdinalIgnoreCase) || firstWord.Equals("updated", StringComparison.OrdinalIgnoreCase)
            || firstWord.Equals("published", StringComparison.OrdinalIgnoreCase) || line.Contains("last updated", StringComparison.OrdinalIgnoreCase))
            return true;
        for (var i = line.IndexOf(':'); i >= 0; i = line[(i + 1)..].IndexOf(':') is var next and >= 0 ? i + 1 + next : -1)
        {
            var before = line[..i].TrimEnd();
            var after = line[(i + 1)..].TrimStart();
            var digits = 0;
            while (digits < after.Length && char.IsDigit(after[digits]))
                digits++;
            if (before.Length == 0 || !char.IsDigit(before[^1]) || digits != 2)
                continue;
            var suffix = after[digits..].TrimStart();
            if (suffix.StartsWith("am", StringComparison.OrdinalIgnoreCase) || suffix.StartsWith("pm", StringComparison.OrdinalIgnoreCase)
                || suffix.StartsWith("a.m", StringComparison.OrdinalIgnoreCase) || suffix.StartsWith("p.m", StringComparison.OrdinalIgnoreCase)
                || suffix.StartsWith("GMT", StringComparison.Ordinal) || suffix.StartsWith("UTC", StringComparison.Ordinal) || suffix.StartsWith("ET", StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static int LetterWords(ReadOnlySpan<char> line)
    {
        var count = 0;
        foreach (var range in line.Split(' '))
        {
            var word = line[range];
            var letters = 0;
            foreach (var c in word)
                letters += char.IsLetter(c) ? 1 : 0;
            count += letters >= 3 ? 1 : 0;
        }
        return count;
    }

    /// <summary>The most words of a publication's name written in capitals.</summary>
    private const int MaxMastheadWords = 4;

    private static readonly System.Buffers.SearchValues<char> Lowercase = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    /// <summary>The most words one item of a menu has ("Home | News | Local Politics | Sport").</summary>
    private const int MaxMenuItemWords = 3;

    /// <summary>
    /// A site's menu, breadcrumb or section label at the top of a page: short items split by bars,
    /// chevrons, bullets or spaced slashes ("Home | News | Regions | Sport", "Sport > Football",
    /// "Home / World / Europe", "NEWS | OSKOVA"). Three items make a menu; two do when a chevron or
    /// slash leads from one to the other, both are in capitals or the first names a section of a site
    /// under the page's name ("World | Northern border"). "Bus crash | Live updates" and, with no name above it,
    /// "Opinion | Save the bees" are headlines.
    /// </summary>
    private static bool IsMenu(ReadOnlySpan<char> line, FrozenSet<string>? sectionLabels)
    {
        int items = 0, words = 0, capitals = 0;
        var firstItem = ReadOnlySpan<char>.Empty;
        var itemStart = 0;
        var path = false;
        var upper = true;
        var inWord = false;
        // The first item is a label, each word capitalized: "Gunman kills three | World news | The Guardian" is a headline.
        var label = true;
        bool Close()
        {
            if (words == 0)
                return true;
            if (words > MaxMenuItemWords || items == 0 && !label)
                return false;
            items++;
            capitals += upper ? 1 : 0;
            words = 0;
            upper = true;
            return true;
        }
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var spaced = i > 0 && i + 1 < line.Length && line[i - 1] == ' ' && line[i + 1] == ' ';
            var bar = Bars.Contains(c);
            if (bar || c is '›' or '»' || c is '/' or '>' && spaced)
            {
                path |= !bar;
                if (items == 0 && words > 0)
                    firstItem = line[itemStart..i].Trim();
                itemStart = i + 1;
                inWord = false;
                if (!Close())
                    return false;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
                continue;
            }
            if (!inWord)
            {
                words++;
                label &= !char.IsLower(c);
            }
            inWord = true;
            upper &= !char.IsLower(c);
        }
        if (!Close() || Terminal(line.TrimEnd()[^1]))
            return false;
        return items >= 3 || items == 2 && (path || capitals == 2 || sectionLabels is not null && sectionLabels.GetAlternateLookup<ReadOnlySpan<char>>().Contains(firstItem));
    }

    /// <summary>Headlines are short; a longer unterminated first line is more often a dek or a clipped sentence.</summary>
    private const int MaxHeadlineWords = 18;

    private static readonly string[] AttributionVerbs = ["say", "says", "said"];

    private static bool EndsWithAttribution(ReadOnlySpan<char> line)
    {
        var comma = line.LastIndexOf(',');
        if (comma < 0)
            return false;
        var tail = line[(comma + 1)..].Trim();
        var space = tail.LastIndexOf(' ');
        if (space < 0 || tail.Count(' ') > 3)
            return false;
        var verb = tail[(space + 1)..];
        foreach (var v in AttributionVerbs)
            if (verb.Equals(v, StringComparison.Ordinal))
                return true;
        return false;
    }

    /// <summary>A lower-case word of three letters or more, a full stop, a space, a capital: "... Plantation. Both were".</summary>
    private static bool HasSentenceBreak(ReadOnlySpan<char> line)
    {
        for (var i = 3; i + 2 < line.Length; i++)
        {
            if (line[i] is not ('.' or '!' or '?') || line[i + 1] != ' ' || !char.IsUpper(line[i + 2]))
                continue;
            if (char.IsLower(line[i - 1]) && char.IsLower(line[i - 2]) && char.IsLower(line[i - 3]))
                return true;
        }
        return false;
    }

    private static bool TitleCase(ReadOnlySpan<char> line)
    {
        int long_ = 0, upper = 0;
        foreach (var range in line.Split(' '))
        {
            var word = line[range];
            if (word.Length <= 3)
                continue;
            long_++;
            upper += char.IsUpper(word[0]) ? 1 : 0;
        }
        return long_ > 0 && upper * 10 >= long_ * 7;
    }

    private static bool Terminal(char c) => c is '.' or '!' or '?' or ':' or ';' or ',' or '"' or '”' or '’' or '\'' or '…';

    /// <summary>Letters and digits lower-cased, words one space apart; every other character dropped.</summary>
    private static string Normalize(ReadOnlySpan<char> s)
    {
        // One pass: what keeping letters, digits and spaces, then splitting and joining on spaces, gave.
        var chars = s.Length <= 256 ? stackalloc char[s.Length] : new char[s.Length];
        var n = 0;
        var space = false;
        foreach (var c in s)
        {
            if (c == ' ')
            {
                space = n > 0;
                continue;
            }
            if (!char.IsLetterOrDigit(c))
                continue;
            if (space)
            {
                chars[n++] = ' ';
                space = false;
            }
            chars[n++] = char.ToLowerInvariant(c);
        }
        return new string(chars[..n]);
    }

    private static Published? DateFrom(Match m)
    {
        var g = m.Groups["date"];
        if (!g.Success)
            return null;
        // A date with slashes is a path's ("/2013/05/02/"), written with spaces only by tokenized corpora.
        var value = g.Value.Contains('/', StringComparison.Ordinal) ? WithoutSpaces(g.Value) : g.Value.Replace(".", "");
        return DateParsing.TryParse(value, PublishedFrom.Dateline);
    }

    /// <summary>An address or path as tokenized corpora write it ("http : / / www . bbc . co . uk") put back together.</summary>
    private static string WithoutSpaces(string value) => string.Concat(value.Where(c => !char.IsWhiteSpace(c)));

    private static List<Line> Lines(string text)
    {
        var lines = new List<Line>();
        var start = 0;
        while (start <= text.Length)
        {
            var nl = text.IndexOf('\n', start);
            var end = nl < 0 ? text.Length : nl;
            int s = start, e = end;
            while (s < e && char.IsWhiteSpace(text[s]))
                s++;
            while (e > s && char.IsWhiteSpace(text[e - 1]))
                e--;
            if (e > s)
                lines.Add(new Line(s, e, CountWords(text.AsSpan(s, e - s))));
            if (nl < 0)
                break;
            start = nl + 1;
        }
        return lines;
    }

    private static int CountWords(ReadOnlySpan<char> s)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in s)
        {
            var ws = char.IsWhiteSpace(c);
            if (!ws && !inWord)
                words++;
            inWord = !ws;
        }
        return words;
    }
}
