namespace Corroborate.Extraction.Times;

internal enum TimeTokenKind : byte
{
    Word,
    /// <summary>Digits, with inner separators ("2024-10-31", "6:30", "2,000") and a letter suffix ("31st", "1990s", "6pm").</summary>
    Number,
    Punctuation,
    /// <summary>A line break: expressions never cross one.</summary>
    Break,
}

/// <summary>A token of the temporal scanner: a span of the text and its kind. <see cref="Joined"/>: no space before it.</summary>
internal readonly record struct TimeToken(int Start, int End, TimeTokenKind Kind, bool Joined)
{
    public int Length => End - Start;
}

/// <summary>
/// The temporal scanner's own light tokenizer, tuned for dates: hyphens are tokens ("mid-March",
/// "third-quarter"), a possessive "'s" is split off ("Tuesday's"), letter-period runs stay whole
/// ("a.m.", "p.m."), and a period after a word is its own token. Linear; no regex; thread-safe.
/// </summary>
internal static class TimeTokenizer
{
    public static List<TimeToken> Tokenize(string text) => Tokenize(text, 0, text.Length, new List<TimeToken>(text.Length / 5));

    public static List<TimeToken> Tokenize(string text, int start, int end, List<TimeToken> tokens)
    {
        var i = start;
        var joined = false;
        while (i < end)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\r' or '\u00A0')
            {
                i++;
                joined = false;
                continue;
            }
            if (c == '\n')
            {
                tokens.Add(new TimeToken(i, i + 1, TimeTokenKind.Break, false));
                i++;
                joined = false;
                continue;
            }
            var s = i;
            if (char.IsAsciiDigit(c))
            {
                i++;
                while (i < end)
                {
                    var d = text[i];
                    if (char.IsAsciiDigit(d))
                        i++;
                    else if (d is ',' or '.' or ':' or '/' or '-' && i + 1 < end && char.IsAsciiDigit(text[i + 1]))
                        i++;
                    else
                        break;
                }
                while (i < end && char.IsAsciiLetter(text[i]))
                    i++;
                tokens.Add(new TimeToken(s, i, TimeTokenKind.Number, joined));
            }
            else if (char.IsLetter(c))
            {
                i++;
                while (i < end)
                {
                    var d = text[i];
                    if (char.IsLetterOrDigit(d))
                        i++;
                    else if (d is '\'' or '’' && i + 1 < end && char.IsLetter(text[i + 1])
                             && !(text[i + 1] is 's' or 'S' && (i + 2 >= end || !char.IsLetter(text[i + 2]))))
                        i++; // "o'clock", "don't"; but "Tuesday's" splits
                    else if (d == '.' && i - s == 1 && i + 2 < end && char.IsLetter(text[i + 1]) && text[i + 2] == '.')
                    {
                        // letter-period runs: "a.m.", "p.m.", "U.S."
                        i += 3;
                        while (i + 1 < end && char.IsLetter(text[i]) && text[i + 1] == '.')
                            i += 2;
                        break;
                    }
                    else
                        break;
                }
                tokens.Add(new TimeToken(s, i, TimeTokenKind.Word, joined));
            }
            else if (c is '\'' or '’' && i + 1 < end && text[i + 1] is 's' or 'S' && (i + 2 >= end || !char.IsLetter(text[i + 2])))
            {
                i += 2;
                tokens.Add(new TimeToken(s, i, TimeTokenKind.Word, joined));
            }
            else
            {
                i += char.IsHighSurrogate(c) && i + 1 < end ? 2 : 1;
                tokens.Add(new TimeToken(s, i, TimeTokenKind.Punctuation, joined));
            }
            joined = true;
        }
        return tokens;
    }
}
