using System.Collections.Immutable;
using Corroborate.Lexicons;
using Corroborate.Model;

namespace Corroborate.Text;

/// <summary>
/// Finds paragraphs and sentences. Paragraphs end at blank lines and at hard line breaks (a line
/// break is soft only when the line does not end a sentence and the next starts in lower case).
/// Sentences end at terminal punctuation with any closing quotes and brackets, unless what
/// follows shows the period belongs to an abbreviation, an initial, a decimal or an ellipsis
/// inside a sentence. Sentences never cross paragraphs and never include page furniture.
/// Immutable; thread-safe.
/// </summary>
public sealed class SentenceSplitter(LanguageData data)
{
    private const string Terminals = ".!?…";
    private const string Closers = "\"'”’»)]}";
    private const string Openers = "\"'“‘«([{";
    private const string QuoteOpeners = "\"“‘«";

    public (ImmutableArray<Paragraph> Paragraphs, ImmutableArray<Sentence> Sentences) Split(
        string text, ImmutableArray<Token> tokens, ImmutableArray<Furniture> furniture)
    {
        var paragraphs = FindParagraphs(text);
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var t = 0;
        foreach (var paragraph in paragraphs)
        {
            while (t < tokens.Length && tokens[t].Span.End <= paragraph.Span.Start)
                t++;
            var first = t;
            while (t < tokens.Length && tokens[t].Span.Start < paragraph.Span.End)
                t++;
            foreach (var span in SplitParagraph(text, tokens.AsSpan(first, t - first)))
                foreach (var kept in WithoutFurniture(text, span, furniture))
                    sentences.Add(new Sentence(kept, paragraph.Index));
        }
        return (paragraphs, sentences.ToImmutable());
    }

    internal static ImmutableArray<Paragraph> FindParagraphs(string text)
    {
        var result = ImmutableArray.CreateBuilder<Paragraph>();
        int? start = null;
        var end = 0;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var nl = text.IndexOf('\n', lineStart);
            var lineEnd = nl < 0 ? text.Length : nl;
            var (ts, te) = Trim(text, lineStart, lineEnd);
            if (ts == te)
            {
                Close();
            }
            else
            {
                if (start is not null && !IsSoftBreak(text, end, ts))
                    Close();
                start ??= ts;
                end = te;
            }
            if (nl < 0)
                break;
            lineStart = nl + 1;
        }
        Close();
        return result.ToImmutable();

        void Close()
        {
            if (start is { } s)
                result.Add(new Paragraph(new TextSpan(s, end), result.Count));
            start = null;
        }
    }

    /// <summary>A line break inside a wrapped sentence: the line does not end one and the next goes on in lower case.</summary>
    private static bool IsSoftBreak(string text, int previousEnd, int nextStart)
    {
        var last = text[previousEnd - 1];
        return !Terminals.Contains(last) && !Closers.Contains(last) && last != ':' && char.IsLower(text[nextStart]);
    }

    private IEnumerable<TextSpan> SplitParagraph(string text, ReadOnlySpan<Token> tokens)
    {
        var spans = new List<TextSpan>();
        if (tokens.Length == 0)
            return spans;
        var sentenceStart = tokens[0].Span.Start;
        for (var k = 0; k < tokens.Length; k++)
        {
            var token = tokens[k];
            var isAbbreviation = token.Kind == TokenKind.Abbreviation && text[token.Span.End - 1] == '.';
            var isTerminal = token.Kind == TokenKind.Punctuation && Terminals.Contains(text[token.Span.Start]);
            if (!isAbbreviation && !isTerminal)
                continue;

            // Take in closing quotes and brackets and further terminal marks written against it.
            var m = k;
            var end = token.Span.End;
            var closed = false;
            var bracketed = false;
            while (m + 1 < tokens.Length && tokens[m + 1].Span.Start == end && tokens[m + 1].Span.Length == 1
                   && (Closers.Contains(text[end]) || Terminals.Contains(text[end])) && !OpensQuote(text, end))
            {
                m++;
                // "Casselberry (Fla.) Police": a bracket around the abbreviation alone closes the bracket, not a sentence.
                bracketed |= isAbbreviation && m == k + 1 && IsBracketAround(text, tokens, k);
                closed |= Closers.Contains(text[end]);
                isTerminal |= Terminals.Contains(text[end]);
                end = tokens[m].Span.End;
            }
            if (m + 1 >= tokens.Length)
                break;
            if (bracketed)
            {
                k = m;
                continue;
            }
            var next = tokens[m + 1];
            if (!EndsSentence(text, tokens, k, token, isAbbreviation && !isTerminal, closed, end, next))
                continue;
            spans.Add(new TextSpan(sentenceStart, end));
            sentenceStart = next.Span.Start;
            k = m;
        }
        spans.Add(new TextSpan(sentenceStart, tokens[^1].Span.End));
        return spans;
    }

    private bool EndsSentence(string text, ReadOnlySpan<Token> tokens, int k, Token token, bool abbreviation, bool closed, int end, Token next)
    {
        var nextChar = text[next.Span.Start];
        var gap = next.Span.Start > end;
        if (char.IsLower(nextChar))
            return false;
        if (abbreviation && !closed)
        {
            var word = text.AsSpan(token.Span.Start, token.Span.Length - 1);
            var lookup = data.Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(word, out var cls) && cls == AbbreviationClass.Prenominal)
            {
                // "No. 5" but "No. None.": a title that is also a sentence word ("No") stands before numbers only.
                var alsoWord = data.SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
                if (!alsoWord || next.Kind == TokenKind.Number || nextChar == '#')
                    return false;
                return gap && char.IsUpper(nextChar);
            }
            // "U.S.", "Inc.", "J.": a sentence ends only if the next word is one that opens sentences,
            // also behind an opening quote ('Jr. "However, ...').
            return gap && OpensSentence(text, tokens, k, next);
        }
        var mark = text[token.Span.Start];
        if (mark == '…' || token.Span.Length > 1 && mark == '.')
        {
            // "in the world ... Ciancia terrorized": an ellipsis may drop words inside one sentence, so a
            // capital after it starts a sentence only after a full stop ("tonight. ... I") or a sentence-opening word.
            var afterStop = k > 0 && tokens[k - 1].Kind == TokenKind.Punctuation && Terminals.Contains(text[tokens[k - 1].Span.Start]);
            return gap && char.IsUpper(nextChar) && (afterStop || OpensSentence(text, tokens, k, next));
        }
        if (!gap)
        {
            // "Manhattan.One man was shot": a missing space after a sentence, not "file.txt" or "?!".
            // 'I-75."It's tragic': a quotation opened against the full stop.
            if (Terminals.Contains(mark) && OpensQuote(text, next.Span.Start) && char.IsUpper(text[next.Span.Start + 1]))
                return true;
            return mark == '.' && char.IsUpper(nextChar) && next.Kind == TokenKind.Word && k > 0
                   && tokens[k - 1].Kind == TokenKind.Word && tokens[k - 1].Span.Length > 1 && tokens[k - 1].Span.End == token.Span.Start;
        }
        return char.IsUpper(nextChar) || char.IsDigit(nextChar) || Openers.Contains(nextChar) || nextChar is '$' or '£' or '€' or '¥'
               || char.IsLetter(nextChar) && !char.IsLower(nextChar);
    }

    /// <summary>The next word, or the word behind an opening quote, is one that commonly opens a sentence.</summary>
    private bool OpensSentence(string text, ReadOnlySpan<Token> tokens, int k, Token next)
    {
        var word = next;
        if (next.Span.Length == 1 && QuoteOpeners.Contains(text[next.Span.Start]))
        {
            var at = -1;
            for (var j = k + 1; j < tokens.Length && tokens[j].Span.Start <= next.Span.End; j++)
                if (tokens[j].Span.Start == next.Span.End)
                    at = j;
            if (at < 0)
                return false;
            word = tokens[at];
        }
        return word.Kind is TokenKind.Word or TokenKind.Abbreviation
               && data.SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word.Span.SliceOf(text));
    }

    /// <summary>A straight quote written against the next word ('I-75."It's') opens a quotation; it does not close one.</summary>
    private static bool OpensQuote(string text, int at) =>
        text[at] is '"' or '\'' && at + 1 < text.Length && char.IsLetterOrDigit(text[at + 1]);

    /// <summary>Token k is the whole content of a bracket: "(" right before it and a closer right after.</summary>
    private static bool IsBracketAround(string text, ReadOnlySpan<Token> tokens, int k) =>
        k > 0 && tokens[k - 1].Span.End == tokens[k].Span.Start && text[tokens[k - 1].Span.Start] is '(' or '['
        && tokens[k].Span.End < text.Length && text[tokens[k].Span.End] is ')' or ']';

    /// <summary>The parts of a sentence that are not page furniture, trimmed.</summary>
    private static IEnumerable<TextSpan> WithoutFurniture(string text, TextSpan sentence, ImmutableArray<Furniture> furniture)
    {
        var start = sentence.Start;
        var end = sentence.End;
        foreach (var f in furniture)
        {
            if (!f.Span.Overlaps(new TextSpan(start, Math.Max(start, end))))
                continue;
            if (f.Span.Start <= start)
                start = Math.Min(end, f.Span.End);
            else if (f.Span.End >= end)
                end = f.Span.Start;
        }
        var (s, e) = Trim(text, start, end);
        if (e > s && text.AsSpan(s, e - s).ContainsAnyExcept(" \t-–—|:.,;"))
            yield return new TextSpan(s, e);
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        return (start, end);
    }
}
