using System.Globalization;
using Corroborate.Model;

namespace Corroborate.Extraction.Quantities;

/// <summary>
/// A number as written, before its context is read: tokens [First, End), value, the upper end of
/// a range, a vague amount's bound, and the currency or percent sign that belongs to it.
/// </summary>
public readonly record struct Figure(
    int First, int End, decimal Value, decimal? RangeHigh, decimal? VagueHigh,
    string? Currency, bool Percent, bool Words, string? Unit = null);

/// <summary>
/// Finds figures in tokens: digits ("1,200", "59.5", "1.2m"), number words ("twenty-five",
/// "a dozen", "three hundred"), scales ("10 million"), currencies, percentages, ranges and vague
/// amounts; and rejects numbers that are not quantities (years, dates, clock times, phone
/// numbers, addresses, ordinals, ages, names such as "Group of Seven" or "Route 66").
/// Token-based, no regex. Immutable; thread-safe.
/// </summary>
public sealed class FigureReader(QuantityLexicon lexicon)
{
    /// <summary>A year written plainly, 1800–2100 ("2011"): when, not how many, unless a known noun follows.</summary>
    internal static bool IsPlainYear(ReadOnlySpan<char> w) =>
        w.Length == 4 && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1800 and <= 2100;

    /// <summary>Figures above this are not counts (and would overflow a decimal once scaled).</summary>
    private const decimal MaxFigure = 1_000_000_000_000_000m;

    /// <summary>
    /// Token <paramref name="k"/> ends a dateline or opens a clause, so the capitalized word after it begins one:
    /// "NEWPORT NEWS, Va. - Five people", "CHICAGO (AP) -- Two men", "Newport News, Va. Five people"; after a
    /// quotation mark or a colon only when a lowercase word follows ("“Two brothers were", not "“Seven Seconds”").
    /// </summary>
    private static bool OpensClause(in TokenView v, int k) =>
        v.IsChar(k, '-') || v.IsChar(k, '—') || v.IsChar(k, '–') || v.IsChar(k, '.') || v.Is(k, "--")
        || (v.IsQuoteMark(k) || v.IsChar(k, ':')) && v.IsWord(k + 2) && !v.IsCapitalized(k + 2)
        || (v.Kind(k) == TokenKind.Abbreviation && v.Chars(k).EndsWith('.') && v.IsChar(k - 1, ','));

    /// <summary>
    /// Reads a figure starting at token <paramref name="i"/> of the sentence [start, end).
    /// <paramref name="next"/> is where scanning resumes: past the figure, or past a run of
    /// digits that is not a quantity (a phone number or an ISO date).
    /// </summary>
    public bool TryRead(in TokenView v, int i, int start, int end, out Figure figure, out int next)
    {
        figure = default;
        next = i + 1;
        // "a six-hour shift", "a three-member panel": a number word and a unit in one hyphenated word.
        if (i < end && CompoundWord(v, i, end, out var compoundValue, out var compoundUnit))
        {
            if (v.IsCapitalized(i) && i > start && !OpensClause(v, i - 1))
                return false;
            figure = new Figure(i, i + 1, compoundValue, null, null, null, false, true, compoundUnit);
            return true;
        }
        if (!TryNumber(v, i, start, end, out var first, out var last, out var value, out var vague, out var words, out var scaled, out next))
            return false;
        if (!words && vague is null && !IsQuantityContext(v, first, last, start, end, value, scaled, ref next))
            return false;
        if (value == decimal.Truncate(value) && value is >= 1 and <= 59 && vague is null && ToldTheTime(v, first, last, start, end, value))
            return false;
        // "28 year-old", "a two year-old", "52 years old": an age.
        if (IsContext(v, last + 1, ContextKind.AgeAfter) || (IsContext(v, last + 1, ContextKind.Period) && v.Is(last + 2, "old")))
            return false;
        if (words && v.IsCapitalized(first) && first > start && !OpensClause(v, first - 1) && !lexicon.HedgesBefore.MatchBackward(v, first - 1, start, out _, out _))
            return false; // "Group of Seven", "Big Four": a capitalized number word inside a sentence is a name

        var lastTok = last;
        string? currency = null;
        var firstTok = first;
        // A currency before: "$59.5 billion", "US$ 5", "EUR 10".
        if (first - 1 >= start && lexicon.CurrenciesBefore.MatchBackward(v, first - 1, start, out var cl, out var code))
        {
            currency = code;
            firstTok = first - cl;
            // "A$1.5m", "C$2 billion": a country's letters glued to its dollar sign, in capitals; "a $144 billion deal" is dollars.
            if (cl > 1 && v.IsWord(firstTok) && v.Chars(firstTok).Length == 1 && (!char.IsUpper(v.Chars(firstTok)[0]) || !v.Touches(firstTok)))
            {
                currency = lexicon.CurrenciesBefore.MatchBackward(v, first - 1, firstTok + 1, out cl, out code) ? code : null;
                firstTok = first - (currency is null ? 0 : cl);
            }
        }

        decimal? rangeHigh = null;
        // Ranges: "8,000 to 10,000", "10-12", "between 10 and 12", "two or three".
        var j = last + 1;
        var joiner = j < end ? RangeJoiner(v, j, first, start) : false;
        if (joiner && j + 1 < end)
        {
            var k = j + 1;
            if (currency is not null && lexicon.CurrenciesBefore.MatchForward(v, k, end, out var cl2, out _))
                k += cl2;
            if (TryNumber(v, k, start, end, out _, out var last2, out var high, out var vague2, out var words2, out var scaled2, out _)
                && vague2 is null && words2 == words)
            {
                // "8 to 10 million": the first end takes the second's scale; a vague amount keeps its own ("dozens to 10 million").
                if (scaled is null && vague is null && scaled2 is { } m && value * m <= high)
                    value *= m;
                if (high > value && high <= value * 10)
                {
                    rangeHigh = high;
                    lastTok = last2;
                }
            }
        }

        var after = lastTok + 1;
        if (IsContext(v, after, ContextKind.Clock))
            return false; // "6-8 p.m."
        // "a 450-metre gallery": the unit joined by a hyphen is the figure's.
        string? unit = null;
        if (currency is null && CompoundAfter(v, lastTok, end) is { } joined)
        {
            unit = joined;
            after += 2;
        }
        var percent = false;
        // "a 10-year euro bond": past a unit joined by a hyphen no sign or currency is the figure's.
        if (unit is null)
        {
            if (after < end && (v.IsChar(after, '%') || v.Is(after, "percent")))
            {
                percent = true;
                after++;
            }
            else if (after + 1 < end && v.Is(after, "per") && v.Is(after + 1, "cent"))
            {
                percent = true;
                after += 2;
            }
            else if (currency is null && lexicon.CurrenciesAfter.MatchForward(v, after, end, out var ca, out var code2))
            {
                currency = code2;
                after += ca;
            }
        }

        if (value > MaxFigure)
            return false;
        figure = new Figure(firstTok, after, value, rangeHigh, vague?.High, currency, percent, words, unit);
        next = after;
        return true;
    }

    /// <summary>The class of a unit joined by a hyphen after the figure's last token ("450-metre"), or null.</summary>
    private string? CompoundAfter(in TokenView v, int last, int end) =>
        last + 2 < end && (v.IsChar(last + 1, '-') || v.IsChar(last + 1, '‐')) && v.Touches(last) && v.Touches(last + 1) && v.IsWord(last + 2)
        && !Aged(v, last + 3, end) && lexicon.CompoundUnitLookup.TryGetValue(v.Chars(last + 2), out var unit) ? unit : null;

    /// <summary>"an 18-month old": an age written without its second hyphen follows at <paramref name="k"/>.</summary>
    private static bool Aged(in TokenView v, int k, int end) => k < end && v.Is(k, "old");

    /// <summary>"six-hour", "twenty-five-mile": a number word, a hyphen and a unit of <c>compound-units.tsv</c> in one word.</summary>
    private bool CompoundWord(in TokenView v, int i, int end, out decimal value, out string unit)
    {
        value = 0;
        unit = "";
        if (i >= v.Count || v.Kind(i) != TokenKind.Word)
            return false;
        var w = v.Chars(i);
        var dash = w.LastIndexOfAny('-', '‐');
        // "zero-hour contracts" measure nothing.
        if (dash <= 0 || !lexicon.CompoundUnitLookup.TryGetValue(w[(dash + 1)..], out var found) || !WordValue(w[..dash], out value) || value == 0
            || Aged(v, i + 1, end))
            return false;
        unit = found;
        return true;
    }

    /// <summary>"to", "-", "–", "and" after "between", "or" between number words.</summary>
    private static bool RangeJoiner(in TokenView v, int j, int first, int start)
    {
        if (v.Is(j, "to"))
            return !v.Is(first - 1, "from"); // "rose from 10 to 12" is a change, not a range
        if ((v.IsChar(j, '-') || v.IsChar(j, '–')) && v.Touches(j - 1) && v.Touches(j))
            return true;
        if (v.Is(j, "and") && first - 1 >= start && v.Is(first - 1, "between"))
            return true;
        return v.Is(j, "or") && v.Kind(first) == TokenKind.Word;
    }

    /// <summary>
    /// A time of day told in words: "a quarter past ten", "half past nine", "ten past six", the hour after "past" or
    /// "to" ("twenty to midnight", "five to eight" read by its first figure only before a number past 12 is no time),
    /// and an hour with its part of day ("ten in the morning", "three at night").
    /// </summary>
    private bool ToldTheTime(in TokenView v, int first, int last, int start, int end, decimal value)
    {
        // The hour: "quarter past ten", "half past nine", "ten past six", "twenty to seven".
        if (first - 2 >= start && (v.Is(first - 1, "past") || v.Is(first - 1, "to")) && value <= 12
            && (v.Is(first - 2, "quarter") || v.Is(first - 2, "half") || v.Is(first - 1, "past") && v.IsWord(first - 2) && IsMinuteWord(v.Chars(first - 2))))
            return true;
        // The minutes: "twenty past ten", "twenty to midnight", "ten past six".
        if (last + 2 < end && (v.Is(last + 1, "past") && v.IsWord(last + 2) && IsHourWord(v.Chars(last + 2))
                || v.Is(last + 1, "to") && (v.Is(last + 2, "midnight") || v.Is(last + 2, "noon"))))
            return true;
        // "ten in the morning", "three at night": an hour and its part of day, with no noun between.
        return value <= 12 && last + 3 < end && (v.Is(last + 1, "in") && v.Is(last + 2, "the") && (v.Is(last + 3, "morning") || v.Is(last + 3, "afternoon") || v.Is(last + 3, "evening"))
            || v.Is(last + 1, "at") && v.Is(last + 2, "night"));
    }

    /// <summary>Minutes told before "past": "five", "ten", "twenty", "twenty-five" (quarter and half are read apart).</summary>
    private bool IsMinuteWord(ReadOnlySpan<char> w) => WordValue(w, out var n) && n is 5 or 10 or 20 or 25;

    /// <summary>An hour told after "past": a number from one to twelve, in words or digits, or midnight and noon.</summary>
    private bool IsHourWord(ReadOnlySpan<char> w) =>
        w.Equals("midnight", StringComparison.OrdinalIgnoreCase) || w.Equals("noon", StringComparison.OrdinalIgnoreCase)
        || (WordValue(w, out var n) || w.Length is 1 or 2 && decimal.TryParse(w, out n)) && n is >= 1 and <= 12;

    /// <summary>A number at token i: digits (with a scale word or suffix), number words, or a vague amount.</summary>
    private bool TryNumber(in TokenView v, int i, int start, int end, out int first, out int last, out decimal value,
        out VagueAmount? vague, out bool words, out decimal? scaled, out int next)
    {
        first = last = i;
        value = 0;
        vague = null;
        words = false;
        scaled = null;
        next = i + 1;
        if (i >= end)
            return false;
        if (v.Kind(i) == TokenKind.Number)
        {
            if (!TryDigits(v.Chars(i), out value, out var suffixScale))
                return false;
            scaled = suffixScale;
            if (suffixScale is null && i + 1 < end && lexicon.ScaleLookup.TryGetValue(v.Chars(i + 1), out var s) && s.AsWord)
            {
                value *= s.Multiplier;
                scaled = s.Multiplier;
                last = i + 1;
                // "1.5 million" may be followed by another scale only in odd prose; stop here.
            }
            next = last + 1;
            return true;
        }
        if (!v.IsWord(i))
            return false;

        if (lexicon.Vague.MatchForward(v, i, end, out var vl, out var va))
        {
            value = va.Value;
            vague = va;
            last = i + vl - 1;
            next = last + 1;
            return true;
        }
        return TryWords(v, i, end, out last, out value, out scaled, out next) && (words = true);
    }

    /// <summary>"three", "twenty-five", "a dozen", "two hundred and fifty", "three million".</summary>
    private bool TryWords(in TokenView v, int i, int end, out int last, out decimal value, out decimal? scaled, out int next)
    {
        last = i;
        value = 0;
        scaled = null;
        next = i + 1;
        decimal total = 0, current = 0;
        var any = false;
        var j = i;
        // "a dozen", "a hundred", "an estimated" is not here: only before a scale or "dozen".
        if ((v.Is(j, "a") || v.Is(j, "an")) && j + 1 < end && (v.Is(j + 1, "dozen") || IsScaleWord(v, j + 1)))
        {
            current = 1;
            j++;
        }
        while (j < end)
        {
            if (WordValue(v.Chars(j), out var n))
            {
                if (v.Is(j, "dozen"))
                    current = (current == 0 ? 1 : current) * 12; // "a dozen", "two dozen"
                else if (current % 100 == 0 || (current % 10 == 0 && current % 100 >= 20 && n < 10))
                    current += n; // "two hundred five", "twenty five"
                else
                    break; // "two three" is two numbers
                any = true;
                last = j++;
            }
            else if (IsScaleWord(v, j) && (any || current != 0))
            {
                var m = lexicon.ScaleLookup[v.Chars(j)].Multiplier;
                if (m == 100)
                    current = (current == 0 ? 1 : current) * 100;
                else
                {
                    total += (current == 0 ? 1 : current) * m;
                    current = 0;
                }
                scaled = m;
                any = true;
                last = j++;
            }
            else if (any && v.Is(j, "and") && j + 1 < end && WordValue(v.Chars(j + 1), out var n2) && n2 < 100 && current % 100 == 0 && current != 0)
            {
                j++; // "two hundred and fifty"
            }
            else
            {
                break;
            }
        }
        if (!any)
            return false;
        value = total + current;
        next = last + 1;
        return true;
    }

    private bool IsScaleWord(in TokenView v, int j) => lexicon.ScaleLookup.TryGetValue(v.Chars(j), out var s) && s.AsWord;

    /// <summary>A number word, or a hyphenated pair of them ("twenty-five").</summary>
    private bool WordValue(ReadOnlySpan<char> w, out decimal n)
    {
        if (lexicon.NumberLookup.TryGetValue(w, out n))
            return true;
        var dash = w.IndexOfAny('-', '‐');
        if (dash > 0 && lexicon.NumberLookup.TryGetValue(w[..dash], out var tens) && tens >= 20 && tens % 10 == 0
            && lexicon.NumberLookup.TryGetValue(w[(dash + 1)..], out var units) && units is > 0 and < 10)
        {
            n = tens + units;
            return true;
        }
        return false;
    }

    /// <summary>
    /// Digits with thousands separators and one decimal point, and an optional scale suffix
    /// ("1.2m", "5bn"). Ordinals ("10th"), decades ("1990s"), measures ("9mm"), clock times
    /// ("10:30") and malformed groupings ("1,2,3") are not figures.
    /// </summary>
    private bool TryDigits(ReadOnlySpan<char> t, out decimal value, out decimal? suffixScale)
    {
        value = 0;
        suffixScale = null;
        var digitsEnd = 0;
        while (digitsEnd < t.Length && (char.IsAsciiDigit(t[digitsEnd]) || t[digitsEnd] is ',' or '.' or ':'))
            digitsEnd++;
        var number = t[..digitsEnd];
        var suffix = t[digitsEnd..];
        if (number.IndexOf(':') >= 0 || digitsEnd == 0)
            return false;
        if (suffix.Length > 0)
        {
            if (!lexicon.ScaleLookup.TryGetValue(suffix, out var s) || !s.AsSuffix)
                return false;
            suffixScale = s.Multiplier;
        }
        var dot = number.IndexOf('.');
        if (dot >= 0 && number[(dot + 1)..].IndexOfAny(',', '.') >= 0)
            return false;
        var integer = dot >= 0 ? number[..dot] : number;
        // Thousands groups: "1,200" and "10,000,000", not "1,20" or "12,34,567".
        var comma = integer.IndexOf(',');
        if (comma >= 0)
        {
            if (comma == 0 || comma > 3)
                return false;
            for (var k = comma; k < integer.Length; k += 4)
                if (integer[k] != ',' || k + 4 > integer.Length || integer[(k + 1)..(k + 4)].IndexOf(',') >= 0)
                    return false;
        }
        if (integer.Length > 19)
            return false;
        Span<char> buffer = stackalloc char[number.Length];
        var n = 0;
        foreach (var c in number)
            if (c != ',')
                buffer[n++] = c;
        if (!decimal.TryParse(buffer[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
            return false;
        if (suffixScale is { } m)
        {
            if (value > MaxFigure)
                return false;
            value *= m;
        }
        return true;
    }

    /// <summary>
    /// Whether a number written in digits is a quantity by its neighbours: not a year, date,
    /// clock time, phone number, address, age, ordinal or part of a name.
    /// </summary>
    private bool IsQuantityContext(in TokenView v, int first, int last, int start, int end, decimal value, decimal? scaled, ref int next)
    {
        var raw = v.Chars(first);
        var plain = raw.IndexOfAny(',', '.') < 0 && scaled is null && char.IsAsciiDigit(raw[^1]);
        var prev = first - 1;
        var after = last + 1;

        // Runs of digit groups joined by dashes, dots or slashes: phone numbers, ISO dates, scores.
        if (plain && after + 1 < end && (v.IsChar(after, '-') || v.IsChar(after, '/') || v.IsChar(after, '–')) && v.Touches(last) && v.Touches(after)
            && v.Kind(after + 1) == TokenKind.Number)
        {
            var k = after + 1;
            var groups = 2;
            while (k + 2 < end && (v.IsChar(k + 1, '-') || v.IsChar(k + 1, '/')) && v.Touches(k) && v.Kind(k + 2) == TokenKind.Number)
            {
                k += 2;
                groups++;
            }
            var lastGroup = v.Chars(k);
            // Phone numbers ("822-1111"), dates ("2024-10-29", "10/31/16"), codes; a tally or score, which descends
            // where a range ascends ("voted 5-2", "won 27-24", where "8-10 people" is a range).
            if (groups >= 3 || v.IsChar(after, '/') || raw.Length >= 4 || raw[0] == '0' || v.IsChar(prev, ')')
                || (raw.Length == 3 && lastGroup.Length == 4)
                || groups == 2 && decimal.TryParse(lastGroup, NumberStyles.None, CultureInfo.InvariantCulture, out var second) && second < value)
            {
                next = k + 1;
                return false;
            }
        }
        // "(555) 123-4567"
        if (v.IsChar(prev, '(') && v.IsChar(after, ')') && after + 1 < end && v.Kind(after + 1) == TokenKind.Number)
            return false;
        // Glued to other characters: part of a URL, code or citation ("img=0", "[37]").
        if (GluedToText(v.Text, v.Start(first), v.End(last)) || (v.IsChar(prev, '[') && v.IsChar(after, ']')))
            return false;
        if (IsContext(v, prev, ContextKind.Call))
            return false; // "call 911", "dial 311"
        if (IsContext(v, prev, ContextKind.Reading))
            return false; // "a magnitude 6.9 earthquake", "a category 4 storm": a reading, not a count
        // "told 13 News", "WSB-TV 2 Action News": a broadcaster's name.
        if (after < end && v.IsCapitalized(after) && IsContext(v, after, ContextKind.Station))
            return false;
        // "a 911 call", "911 dispatchers": the line, not a count (unless a known noun follows).
        if (first == last && IsContext(v, first, ContextKind.Phone) && !lexicon.Units.MatchForward(v, after, end, out _, out _))
            return false;
        // "28 year-old", "52 years old": an age.
        if (plain && raw.Length >= 7)
            return false; // identifiers, phone numbers and zip codes, not figures written without separators

        // Year: 1800–2100 written plainly, unless it counts a known noun ("2000 troops").
        if (plain && IsPlainYear(raw) && !lexicon.Units.MatchForward(v, after, end, out _, out _))
            return false;
        if (IsMonth(v, prev) || IsMonth(v, after) || (v.Is(after, "of") && IsMonth(v, after + 1)))
            return false; // "Oct. 31", "31 October", "the 6th of May"
        if (IsContext(v, after, ContextKind.Clock) || IsContext(v, prev, ContextKind.Age) || IsContext(v, after, ContextKind.Address)
            || v.Is(prev, "of") && IsContext(v, prev - 1, ContextKind.Age))
            return false;
        // The second age of a range: "ages 12 and 16", "aged 18 to 25", "between the ages of 14 and 17".
        if ((v.Is(prev, "and") || v.Is(prev, "to") || v.IsChar(prev, '-')) && prev - 1 >= start && v.Kind(prev - 1) == TokenKind.Number
            && (IsContext(v, prev - 2, ContextKind.Age) || v.Is(prev - 2, "of") && IsContext(v, prev - 3, ContextKind.Age)))
            return false;
        // A gun's bore: "9 mm handgun", "7.62 mm-caliber rounds", "12 gauge shotgun".
        if (IsContext(v, after, ContextKind.Bore))
            return false;
        // A compound modifier glued by a hyphen: "13-year-old", "9-millimeter"; not a unit of compound-units.tsv ("30-minute").
        if (after < end && (v.IsChar(after, '-') || v.IsChar(after, '‐')) && v.Touches(last) && v.Touches(after) && v.IsWord(after + 1)
            && CompoundAfter(v, last, end) is null)
            return false;
        // An address: "1500 Main Street", "4200 W. Jefferson Blvd."
        for (var k = after; k < Math.Min(end, after + 5) && v.IsCapitalized(k); k++)
            if (IsContext(v, k, ContextKind.Street))
                return false;
        // An identifier after a capitalized word inside a sentence: "Route 66", "Flight 370", "No. 5"; at the
        // sentence's start too when the text writes the word capitalized inside a sentence elsewhere, as a name
        // ("Local 1187 president …" after "United Steelworkers Local 1187"; not "Another 5 people").
        if ((prev > start || prev == start && v.IsWord(prev) && NameElsewhere(v, prev))
            && v.IsCapitalized(prev) && !IsContext(v, prev, ContextKind.Month)
            && !lexicon.HedgesBefore.MatchBackward(v, prev, start, out _, out _)
            && !lexicon.CurrenciesBefore.MatchBackward(v, prev, start, out _, out _))
            return false;
        // An age in apposition: "John Smith, 25, of Tacoma".
        if (v.IsChar(prev, ',') && v.IsCapitalized(prev - 1) && prev - 1 >= start && value < 120 && plain
            && (after >= end || v.IsChar(after, ',') || v.IsChar(after, '.') || v.IsChar(after, ';') || v.IsChar(after, ')') || v.Is(after, "of") || v.Is(after, "and")))
            return false;
        return true;
    }

    /// <summary>Characters that may touch a figure: brackets, quotes, signs and sentence punctuation.</summary>
    private static bool GluedToText(string text, int start, int end)
    {
        if (start > 0 && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] is not ('(' or '"' or '“' or '‘' or '\'' or '~' or '-' or '–' or '—' or '#' or '[' or '/')
            && char.GetUnicodeCategory(text[start - 1]) != System.Globalization.UnicodeCategory.CurrencySymbol)
            return true;
        return end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not (',' or '.' or ';' or ':' or '!' or '?' or ')' or '"' or '”' or '’' or '\'' or '%' or '-' or '–' or '—' or ']' or '+' or '/' or '…');
    }

    /// <summary>Tokens read to find a sentence's first word elsewhere: bounded, as an article's length is not.</summary>
    private const int NameReach = 20_000;

    /// <summary>
    /// Whether the word at <paramref name="i"/> is written capitalized right after another word (not an
    /// abbreviation, which may end a sentence: "at 3 p.m. Another …") somewhere else in the text.
    /// </summary>
    private static bool NameElsewhere(in TokenView v, int i)
    {
        var word = v.Chars(i);
        for (var k = 1; k < Math.Min(v.Count, NameReach); k++)
            if (k != i && v.Kind(k - 1) == TokenKind.Word && v.Chars(k).SequenceEqual(word))
                return true;
        return false;
    }

    /// <summary>A month's name is capitalized: "6 million may have been" is no date.</summary>
    private bool IsMonth(in TokenView v, int i) => IsContext(v, i, ContextKind.Month) && v.IsCapitalized(i);

    private bool IsContext(in TokenView v, int i, ContextKind kind) =>
        i >= 0 && i < v.Count && lexicon.Is(v.Chars(i), kind);
}
