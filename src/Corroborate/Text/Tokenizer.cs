using System.Collections.Frozen;
using System.Collections.Immutable;
using Corroborate.Lexicons;
using Corroborate.Model;

namespace Corroborate.Text;

/// <summary>
/// Splits text into words, numbers, abbreviations and punctuation, each with its span. A period
/// belongs to the token before it when that token is an abbreviation ("Gen.", "U.S.", "J.").
/// Hand-written scanner, no regex: linear in the text. Immutable; thread-safe.
/// </summary>
public sealed class Tokenizer(LanguageData data)
{
    /// <summary>Looked up by span: every word before a full stop is asked, and needs no string.</summary>
    private readonly FrozenDictionary<string, AbbreviationClass>.AlternateLookup<ReadOnlySpan<char>> _abbreviations =
        data.Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    public ImmutableArray<Token> Tokenize(string text) => Tokenize(text, new TextSpan(0, text.Length));

    public ImmutableArray<Token> Tokenize(string text, TextSpan range)
    {
        var tokens = ImmutableArray.CreateBuilder<Token>();
        var i = range.Start;
        var end = range.End;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var start = i;
            if (char.IsDigit(c))
            {
                i = ScanNumber(text, i, end);
                tokens.Add(new Token(new TextSpan(start, i), TokenKind.Number));
            }
            else if (char.IsLetter(c))
            {
                i = ScanWord(text, i, end);
                if (i < end && text[i] == '.' && IsAbbreviation(text, start, i, end, out var abbrevEnd))
                {
                    i = abbrevEnd;
                    tokens.Add(new Token(new TextSpan(start, i), TokenKind.Abbreviation));
                }
                else
                {
                    tokens.Add(new Token(new TextSpan(start, i), TokenKind.Word));
                }
            }
            else if (c == '.' && i + 1 < end && text[i + 1] == '.')
            {
                while (i < end && text[i] == '.')
                    i++;
                tokens.Add(new Token(new TextSpan(start, i), TokenKind.Punctuation));
            }
            else if (c == '-' && i + 1 < end && text[i + 1] == '-')
            {
                while (i < end && text[i] == '-')
                    i++;
                tokens.Add(new Token(new TextSpan(start, i), TokenKind.Punctuation));
            }
            else
            {
                i += char.IsSurrogatePair(text, i) ? 2 : 1;
                tokens.Add(new Token(new TextSpan(start, i), char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol));
            }
        }
        return tokens.ToImmutable();
    }

    /// <summary>Digits with thousands separators and decimals ("1,200", "59.5"), and suffixes ("10th", "9mm", "1990s").</summary>
    private static int ScanNumber(string text, int i, int end)
    {
        while (i < end)
        {
            if (char.IsDigit(text[i]))
                i++;
            else if ((text[i] is ',' or '.' or ':') && i + 1 < end && char.IsDigit(text[i + 1]))
                i++;
            else
                break;
        }
        while (i < end && char.IsLetter(text[i]))
            i++;
        return i;
    }

    /// <summary>Letters and digits, with inner apostrophes ("don't", "Kenya’s") and hyphens ("two-plus-two").</summary>
    private static int ScanWord(string text, int i, int end)
    {
        while (i < end)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || c is '\u0301' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
                i++;
            else if ((c is '\'' or '’' or '-' or '‐') && i + 1 < end && char.IsLetterOrDigit(text[i + 1]) && (c is '-' or '‐' || char.IsLetter(text[i - 1])))
                i++;
            else
                break;
        }
        return i;
    }

    /// <summary>
    /// The word [start, wordEnd) is followed by a period: is word-plus-period an abbreviation?
    /// Yes for letter-period sequences ("U.S.", "a.m."), single capitals (initials) and lexicon entries.
    /// </summary>
    private bool IsAbbreviation(string text, int start, int wordEnd, int end, out int abbrevEnd)
    {
        // Letter-period runs: U.S. / a.m. / e.g. / D.C.
        var j = wordEnd;
        var segments = 1;
        var singleLetters = wordEnd - start == 1;
        while (singleLetters && j + 2 < end && text[j] == '.' && char.IsLetter(text[j + 1]) && (j + 2 == end || !char.IsLetter(text[j + 2])))
        {
            j += 2;
            segments++;
        }
        if (segments > 1)
        {
            abbrevEnd = j < end && text[j] == '.' ? j + 1 : j;
            return true;
        }
        abbrevEnd = wordEnd + 1;
        if (singleLetters && char.IsUpper(text[start]))
            return true;
        return _abbreviations.ContainsKey(text.AsSpan(start, wordEnd - start));
    }
}
