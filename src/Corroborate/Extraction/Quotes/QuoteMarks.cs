using System.Buffers;
using System.Collections.Immutable;
using Corroborate.Model;

namespace Corroborate.Extraction.Quotes;

/// <summary>
/// A span of text between quotation marks: <see cref="Content"/> excludes the marks;
/// <see cref="Open"/> is the opening mark's offset; <see cref="Closed"/> is false when the
/// quotation ran to the end of its paragraph without a closing mark.
/// </summary>
public sealed record QuotedSpan(TextSpan Content, int Open, bool Closed, bool Single);

/// <summary>
/// Pairs quotation marks: curly and straight double marks, single marks (inside a double
/// quotation they are part of it), a quotation that runs on into a paragraph opening with a
/// mark, and an unterminated one that ends with its paragraph. One pass over the text.
/// Immutable; thread-safe.
/// </summary>
public static class QuoteMarks
{
    private const string DoubleOpeners = "“„«";
    private const string DoubleClosers = "”»";
    /// <summary>Every character the scan acts on: double and single marks, straight quotes, grave accents.</summary>
    private static readonly SearchValues<char> Marks = SearchValues.Create(DoubleOpeners + DoubleClosers + "\"'‘’`");

    public static ImmutableArray<QuotedSpan> Find(string text, ImmutableArray<Paragraph> paragraphs)
    {
        var result = ImmutableArray.CreateBuilder<QuotedSpan>();
        int? open = null;        // offset of an open double mark
        var runsOn = false;      // the open quotation continued from an earlier paragraph
        for (var pi = 0; pi < paragraphs.Length; pi++)
        {
            var para = paragraphs[pi].Span;
            int? single = null;
            var p = para.Start;
            if (open is not null && runsOn && p < para.End && IsDoubleOpening(text, p, para.Start))
                p++; // the mark that reopens a quotation running over paragraphs
            for (; p < para.End; p++)
            {
                // Only quotation marks change the state: jump to the next one.
                var skip = text.AsSpan(p, para.End - p).IndexOfAny(Marks);
                if (skip < 0)
                    break;
                p += skip;
                var c = text[p];
                if (open is { } o)
                {
                    // Two single closing marks stand for a double one: “Pops a lot’’.
                    if (c is '’' or '\'' && p + 1 < para.End && text[p + 1] == c)
                    {
                        Add(result, text, o + 1, p, o, closed: true, single: false);
                        open = null;
                        runsOn = false;
                        p++;
                    }
                    else if (DoubleClosers.Contains(c) || c == '"')
                    {
                        Add(result, text, o + 1, p, o, closed: true, single: false);
                        open = null;
                        runsOn = false;
                    }
                    else if (DoubleOpeners.Contains(c))
                    {
                        // A new opening mark while one is open: the first was never closed.
                        Add(result, text, o + 1, p, o, closed: false, single: false);
                        open = p;
                        runsOn = false;
                    }
                    continue;
                }
                if (IsDoubleOpening(text, p, para.Start))
                {
                    single = null;
                    open = p;
                    continue;
                }
                // ``Typeset quotation marks'' (two grave accents, two apostrophes), as in tokenized corpora.
                if (c == '`' && p + 1 < para.End && text[p + 1] == '`')
                {
                    single = null;
                    open = ++p;
                    continue;
                }
                if (c is '‘' or '\'' && single is null && IsBoundary(text, p - 1, para.Start) && p + 1 < para.End && char.IsLetterOrDigit(text[p + 1]))
                {
                    single = p;
                }
                else if (c is '’' or '\'' && single is { } s && p > s + 1 && !char.IsWhiteSpace(text[p - 1]) && (p + 1 >= para.End || !char.IsLetterOrDigit(text[p + 1])))
                {
                    Add(result, text, s + 1, p, s, closed: true, single: true);
                    single = null;
                }
            }
            if (open is { } still)
            {
                var next = pi + 1 < paragraphs.Length ? paragraphs[pi + 1].Span.Start : -1;
                if (next >= 0 && IsDoubleOpening(text, next, next))
                {
                    runsOn = true; // the quotation goes on in the next paragraph
                    continue;
                }
                Add(result, text, still + 1, para.End, still, closed: false, single: false);
                open = null;
                runsOn = false;
            }
        }
        if (open is { } last)
            Add(result, text, last + 1, text.Length, last, closed: false, single: false);
        return result.ToImmutable();
    }

    private static bool IsDoubleOpening(string text, int p, int paragraphStart)
    {
        if (p >= text.Length)
            return false;
        var c = text[p];
        if (DoubleOpeners.Contains(c))
            return true;
        return c == '"' && IsBoundary(text, p - 1, paragraphStart) && p + 1 < text.Length && !char.IsWhiteSpace(text[p + 1]);
    }

    private static bool IsBoundary(string text, int p, int paragraphStart) =>
        p < paragraphStart || char.IsWhiteSpace(text[p]) || text[p] is '(' or '[' or '{' or '—' or '–' or '-' or ':' or '/';

    private static void Add(ImmutableArray<QuotedSpan>.Builder result, string text, int start, int end, int open, bool closed, bool single)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        if (end > start)
            result.Add(new QuotedSpan(new TextSpan(start, end), open, closed, single));
    }
}
