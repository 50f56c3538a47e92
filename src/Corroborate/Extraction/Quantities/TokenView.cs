using System.Collections.Immutable;
using Corroborate.Model;

namespace Corroborate.Extraction.Quantities;

/// <summary>Read-only helpers over a document's tokens, comparing their text without allocating.</summary>
public readonly struct TokenView(string text, ImmutableArray<Token> tokens)
{
    public string Text { get; } = text;
    public ImmutableArray<Token> Tokens { get; } = tokens;
    public int Count => Tokens.Length;

    public ReadOnlySpan<char> Chars(int i) => Text.AsSpan(Tokens[i].Span.Start, Tokens[i].Span.Length);
    public TokenKind Kind(int i) => Tokens[i].Kind;
    public TextSpan Span(int i) => Tokens[i].Span;
    public int Start(int i) => Tokens[i].Span.Start;
    public int End(int i) => Tokens[i].Span.End;

    public bool Is(int i, string word) =>
        i >= 0 && i < Count && Chars(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsChar(int i, char c) => i >= 0 && i < Count && Tokens[i].Span.Length == 1 && Text[Tokens[i].Span.Start] == c;

    /// <summary>A word or abbreviation that begins with a capital letter.</summary>
    public bool IsCapitalized(int i) =>
        i >= 0 && i < Count && Tokens[i].Kind is TokenKind.Word or TokenKind.Abbreviation && char.IsUpper(Text[Tokens[i].Span.Start]);

    public bool IsWord(int i) => i >= 0 && i < Count && Tokens[i].Kind is TokenKind.Word or TokenKind.Abbreviation;

    /// <summary>No whitespace between token <paramref name="i"/> and the next.</summary>
    public bool Touches(int i) => i + 1 < Count && Tokens[i].Span.End == Tokens[i + 1].Span.Start;

    public bool IsQuoteMark(int i) => i >= 0 && i < Count && Tokens[i].Span.Length == 1 && Text[Tokens[i].Span.Start] is '"' or '“' or '”' or '‘' or '\'' or '«' or '»';

    /// <summary>Commas, periods, semicolons, colons, dashes and brackets: clause punctuation.</summary>
    public bool IsClausePunctuation(int i) =>
        i >= 0 && i < Count && Tokens[i].Kind == TokenKind.Punctuation && !IsChar(i, '%');

    /// <summary>The first token whose start is at or after <paramref name="position"/>.</summary>
    public int FirstAtOrAfter(int position)
    {
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Tokens[mid].Span.Start < position)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    public string Slice(int first, int last) => Text[Start(first)..End(last)];

    /// <summary>"Palin's", "Ford’s": the token is a word in the possessive, ending in "'s" (two characters).</summary>
    public bool EndsPossessive(int i)
    {
        var w = Chars(i);
        return w.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || w.EndsWith("’s", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A word's plural ending: "-s", not "-ss" or a possessive "-'s".</summary>
    public static bool EndsPlural(ReadOnlySpan<char> w) =>
        w.EndsWith("s", StringComparison.Ordinal) && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("'s", StringComparison.Ordinal) && !w.EndsWith("’s", StringComparison.Ordinal);
}
