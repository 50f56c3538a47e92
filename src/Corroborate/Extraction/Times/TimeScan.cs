using System.Collections.Immutable;
using System.Globalization;
using Corroborate.Model;

namespace Corroborate.Extraction.Times;

/// <summary>One reading of a temporal expression: tokens [Start, End), its type, value and mod.</summary>
internal readonly record struct TimeHit(int Start, int End, TimeType Type, string Value, string? Mod = null);

/// <summary>
/// One pass of the temporal grammar over one text. Holds the per-call state (tokens, anchor, the
/// last quarter mentioned), so the extractor itself stays immutable. Not thread-safe; one per call.
/// </summary>
internal sealed class TimeScan(TimeLexicon lex, string text, List<TimeToken> t, DateOnly? anchor)
{
    private const int TenseWindow = 14;
    /// <summary>How far ahead of the report a day named without year or tense may fall ("on July 24" in January is last July's).</summary>
    private const int UntensedAhead = 61;
    // How far back (in tokens) a written date can be the reference of "the following year", "that day".
    private const int ReferenceWindow = 150;
    private (int Year, int Quarter)? _lastQuarter;
    private bool _derivedQuarter;
    // The last date written before the scan position, with its precision (1 year, 2 month, 3 day) and token.
    private (DateOnly Date, int Precision, int Token)? _reference;
    // The last day written before the scan position that dates no saying ("on Sunday evening", not "said Tuesday"), and its token.
    private (DateOnly Date, int Token)? _eventDay;
    // The expression just read is a clock time with no day of its own: it is no new event day (a chain of evening times would carry one on).
    private bool _dayFromEvent;

    public ImmutableArray<TimeExpression> Run()
    {
        var found = ImmutableArray.CreateBuilder<TimeExpression>();
        var i = 0;
        while (i < t.Count)
        {
            if (t[i].Kind is TimeTokenKind.Break || (t[i].Kind == TimeTokenKind.Punctuation && !IsApostrophe(i)))
            {
                i++;
                continue;
            }
            _derivedQuarter = false;
            _dayFromEvent = false;
            if (TryAt(i, out var hit) && hit.End > i && !IsQuotedTitle(hit))
            {
                found.Add(new TimeExpression(new TextSpan(t[hit.Start].Start, t[hit.End - 1].End), hit.Type, hit.Value, hit.Mod));
                if (hit.Value.Length == 7 && hit.Value[5] == 'Q' && char.IsAsciiDigit(hit.Value[6]) && char.IsAsciiDigit(hit.Value[0]) && !_derivedQuarter)
                    _lastQuarter = (int.Parse(hit.Value.AsSpan(0, 4), CultureInfo.InvariantCulture), hit.Value[6] - '0');
                if (hit.Type is TimeType.Date or TimeType.Time && ReferenceOf(hit.Value) is { } reference)
                {
                    _reference = (reference.Date, reference.Precision, hit.End);
                    if (reference.Precision == 3 && !DatesSaying(hit) && !_dayFromEvent)
                        _eventDay = (reference.Date, hit.End);
                }
                i = hit.End;
            }
            else
            {
                i++;
            }
        }
        return found.ToImmutable();
    }

    /// <summary>
    /// A capitalized expression that opens a quotation and is all of it, or of its capitalized words, is a
    /// title: the programmes “This Week” and ''60 Minutes'', the film “High Noon”.
    /// </summary>
    private bool IsQuotedTitle(TimeHit hit)
    {
        var start = t[hit.Start].Start;
        var end = t[hit.End - 1].End;
        var j = end;
        if (j < text.Length && text[j] is '.' or ',')
            j++;
        // "live on “Valley Tonight” on Friday": it closes a short quotation of capitalized words.
        if (start > 0 && !IsQuoteChar(text[start - 1]) && char.IsUpper(text[start]) && j < text.Length && text[j] is '"' or '”'
            && text.LastIndexOfAny(['"', '“'], start - 1, Math.Min(40, start)) is var open and >= 0
            && text.AsSpan(open + 1, start - open - 1).Trim() is var before && before.Length > 0 && !before.ContainsAny(".,;:!?")
            && AllCapitalized(before))
            return true;
        if (start == 0 || !IsQuoteChar(text[start - 1]) || !text.AsSpan(start, end - start).ContainsAnyInRange('A', 'Z'))
            return false;
        if (j < text.Length && IsQuoteChar(text[j]))
            return true;
        // "This Week With David Brinkley": the title goes on in capitals.
        return end < text.Length && text[end] == ' ' && end + 1 < text.Length && char.IsUpper(text[end + 1])
               && text.IndexOfAny(['"', '”', '\''], end, Math.Min(40, text.Length - end)) > 0;
    }

    private static bool AllCapitalized(ReadOnlySpan<char> words)
    {
        foreach (var range in words.Split(' '))
            if (words[range] is var word && word.Length > 0 && !char.IsUpper(word[0]))
                return false;
        return true;
    }

    private static bool IsQuoteChar(char c) => c is '"' or '“' or '”' or '\'' or '`' or '‘' or '’';

    /// <summary>A calendar date a value names: 1998 (precision 1), 1998-10 (2), 1998-10-23 with or without a time (3).</summary>
    private static (DateOnly Date, int Precision)? ReferenceOf(string value)
    {
        static bool Digits(string v, int from, int count)
        {
            for (var j = from; j < from + count; j++)
            {
                if (j >= v.Length || !char.IsAsciiDigit(v[j]))
                    return false;
            }
            return true;
        }
        if (!Digits(value, 0, 4) || value.Length > 4 && value[4] != '-')
            return null;
        var year = int.Parse(value.AsSpan(0, 4), CultureInfo.InvariantCulture);
        if (year < 1)
            return null;
        // A quarter, half or season names its year only: "the following year" after "the fourth quarter of 2005" is 2006.
        if (value.Length == 7 && value[5] is 'Q' or 'H' && char.IsAsciiDigit(value[6]) || value.Length == 7 && value[5] is 'S' or 'F' or 'W' && value[6] is 'P' or 'U' or 'A' or 'I')
            return (new DateOnly(year, 1, 1), 1);
        if (!Digits(value, 5, 2))
            return value.Length == 4 ? (new DateOnly(year, 1, 1), 1) : null;
        var month = int.Parse(value.AsSpan(5, 2), CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
            return null;
        if (!Digits(value, 8, 2) || value.Length > 10 && value[10] != 'T')
            return value.Length == 7 ? (new DateOnly(year, month, 1), 2) : null;
        var day = int.Parse(value.AsSpan(8, 2), CultureInfo.InvariantCulture);
        return day >= 1 && day <= DateTime.DaysInMonth(year, month) ? (new DateOnly(year, month, day), 3) : null;
    }

    /// <summary>
    /// The date an anaphoric expression counts from ("the following year", "that day"): the last date
    /// written shortly before token <paramref name="i"/>, when it is precise enough for the unit.
    /// </summary>
    private DateOnly? ReferenceFor(string unit, int i)
    {
        if (_reference is not { } r || i - r.Token > ReferenceWindow)
            return null;
        var need = unit switch { "Y" => 1, "M" or "Q" => 2, "D" or "W" or "WE" => 3, _ => 4 };
        return r.Precision >= need ? r.Date : null;
    }

    /// <summary>The calendar unit around a day: the year, month, quarter, ISO week or the day itself.</summary>
    private static string? UnitOf(string unit, DateOnly d) => unit switch
    {
        "Y" => Timex.Year(d.Year),
        "M" => Timex.Month(d.Year, d.Month),
        "Q" => Timex.Quarter(d.Year, Timex.QuarterOf(d)),
        "W" => Timex.Week(d),
        "D" => Timex.Day(d),
        _ => null,
    };

    /// <summary>One unit before (-1) or after (1) a day: "the following year" after "in 1995" is 1996.</summary>
    private static string? StepUnit(string unit, DateOnly d, int dir) => unit switch
    {
        "Y" => UnitOf(unit, d.AddYears(dir)),
        "M" => UnitOf(unit, d.AddMonths(dir)),
        "Q" => UnitOf(unit, d.AddMonths(3 * dir)),
        "W" => UnitOf(unit, d.AddDays(7 * dir)),
        "D" => UnitOf(unit, d.AddDays(dir)),
        _ => null,
    };

    /// <summary>
    /// "by year-end", "year end", "year's end": the end of this year, or of the last one after "since" or
    /// in a past clause early in the year.
    /// </summary>
    private bool YearEnd(int i, out TimeHit hit)
    {
        hit = default;
        var end = IsHyphen(i + 1) && Is(i + 2, "end") ? i + 3 : Is(i + 1, "end") ? i + 2 : Is(i + 1, "'s") && Is(i + 2, "end") ? i + 3 : -1;
        if (end < 0 || IsHyphen(end))
            return false;
        var start = Is(i - 1, "the") ? i - 1 : i;
        if (anchor is not { } a)
        {
            hit = new TimeHit(start, end, TimeType.Date, "XXXX", "END");
            return true;
        }
        var last = Is(start - 1, "since") || a.Month <= 2 && Tense(start) == Times.Tense.Past;
        hit = new TimeHit(start, end, TimeType.Date, Timex.Year(last ? a.Year - 1 : a.Year), "END");
        return true;
    }

    /// <summary>
    /// A part of the day written without "this" or a weekday before it: "mid-afternoon" (of the day of its sentence,
    /// else the anchor's), "afternoon yesterday". Other bare ones ("in the morning", "early morning raids") date nothing.
    /// </summary>
    private bool DayPartAlone(int i, string part, out TimeHit hit)
    {
        hit = default;
        var mid = IsHyphen(i - 1) ? Is(i - 2, "mid") : Is(i - 1, "mid");
        if (W(i + 1)?.RelativeDay is not null && RelativeDay(i + 1, W(i + 1)!.RelativeDay!.Value, W(i + 1)!, out var day) && day.Value.Length == 10)
        {
            hit = new TimeHit(i, day.End, TimeType.Time, day.Value + "T" + part);
            return true;
        }
        if (!mid)
            return false;
        var date = SentenceDate("D", i) is { } d ? Timex.Day(d) : "XXXX-XX-XX";
        hit = new TimeHit(i, i + 1, TimeType.Time, date + "T" + part);
        return true;
    }

    /// <summary>"April 24 and 25", "on May 3 or 4": a second day of the month of the day written just before.</summary>
    private bool SecondDay(int i, out TimeHit hit)
    {
        hit = default;
        if (_reference is not { Precision: 3 } r || r.Token != i - 1 || !IsAny(i - 1, "and", "or", "to", "through"))
            return false;
        var day = DayNumber(i);
        // "April 24 and 25 people": a count, not a day.
        if (day <= r.Date.Day || day > DateTime.DaysInMonth(r.Date.Year, r.Date.Month)
            || InRange(i + 1) && t[i + 1].Kind == TimeTokenKind.Word && !Upper(i + 1) && Cue(i + 1) is Times.Tense.Unknown or Times.Tense.Neutral
            && !IsAny(i + 1, "in", "at", "on", "when", "and", "or", "to"))
            return false;
        hit = new TimeHit(i, i + 1, TimeType.Date, Timex.Day(new DateOnly(r.Date.Year, r.Date.Month, day)));
        return true;
    }

    /// <summary>"the nineties", "the early sixties": the latest such decade begun by the anchor.</summary>
    private bool DecadeWord(int start, int i, int digit, out TimeHit hit)
    {
        hit = default;
        var g = i - 1;
        if (IsHyphen(g))
            g--;
        if (IsAny(g, "early", "late", "mid"))
            g--;
        if (!Is(g, "the") || anchor is not { } a)
            return false;
        var year = a.Year / 100 * 100 + digit * 10;
        if (year > a.Year)
            year -= 100;
        hit = new TimeHit(start, i + 1, TimeType.Date, (year / 10).ToString("000", CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>"that year", "that same day", "the same month": the unit of the date written just before.</summary>
    private bool SameUnit(int start, int k, out TimeHit hit)
    {
        hit = default;
        var same = Is(k, "same");
        if (same)
            k++;
        // "the same period last year": the period of the date just written, a year back.
        if (same && Is(k, "period") && _reference is { } r && start - r.Token <= ReferenceWindow && YearBack(k + 1) is var back and > 0)
        {
            var unitOfPeriod = r.Precision switch { 1 => "Y", 2 => "M", _ => "D" };
            hit = new TimeHit(start, back, TimeType.Date, UnitOf(unitOfPeriod, r.Date.AddYears(-1))!);
            return true;
        }
        if (W(k) is not { Unit: { } unit, UnitPlural: false } || IsHyphen(k + 1) || Is(k + 1, "'s") && !Upper(start))
            return false;
        if (ReferenceFor(unit, start) is not { } from || UnitOf(unit, from) is not { } value)
            return false;
        // "the same month a year ago"
        if (same && YearBack(k + 1) is var end and > 0 && unit != "Y")
        {
            hit = new TimeHit(start, end, TimeType.Date, UnitOf(unit, from.AddYears(-1))!);
            return true;
        }
        hit = new TimeHit(start, k + 1, TimeType.Date, value);
        return true;
    }

    /// <summary>"a year ago", "a year earlier", "last year", "of last year", "of the last year" at token j: the token after it, else -1.</summary>
    private int YearBack(int j)
    {
        if (Is(j, "a") && Is(j + 1, "year") && IsAny(j + 2, "ago", "earlier", "before"))
            return j + 3;
        if (Is(j, "of"))
            j++;
        if (Is(j, "the") && Is(j + 1, "last") && Is(j + 2, "year"))
            return j + 3;
        return IsAny(j, "last", "previous") && Is(j + 1, "year") ? j + 2 : -1;
    }

    // ---------------------------------------------------------------- token helpers

    private bool InRange(int j) => j >= 0 && j < t.Count;
    private ReadOnlySpan<char> S(int j) => text.AsSpan(t[j].Start, t[j].Length);

    private TimeWord? W(int j)
    {
        if (!InRange(j) || t[j].Kind != TimeTokenKind.Word)
            return null;
        // The rules ask each token's entry many times (every rule looks at its neighbours): look it up once.
        var known = _wordOf[j];
        if (known is null)
            _wordOf[j] = known = lex.WordLookup.TryGetValue(S(j), out var w) ? w : NoWord;
        return ReferenceEquals(known, NoWord) ? null : known;
    }

    /// <summary>Stands in <see cref="_wordOf"/> for a token looked up and found in no entry.</summary>
    private static readonly TimeWord NoWord = new();

    private readonly TimeWord?[] _wordOf = new TimeWord?[t.Count];

    private bool Is(int j, string word) =>
        InRange(j) && t[j].Kind == TimeTokenKind.Word && S(j).Equals(word, StringComparison.OrdinalIgnoreCase);

    private bool IsAny(int j, params ReadOnlySpan<string> words)
    {
        if (!InRange(j) || t[j].Kind != TimeTokenKind.Word)
            return false;
        var s = S(j);
        foreach (var w in words)
        {
            if (s.Equals(w, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private bool IsPunct(int j, char c) => InRange(j) && t[j].Kind == TimeTokenKind.Punctuation && t[j].Length == 1 && text[t[j].Start] == c;
    private bool IsHyphen(int j) => InRange(j) && t[j].Joined && t[j].Kind == TimeTokenKind.Punctuation && text[t[j].Start] is '-' or '‐' or '–';
    private bool IsApostrophe(int j) => text[t[j].Start] is '\'' or '’';
    private bool Upper(int j) => InRange(j) && char.IsUpper(text[t[j].Start]);
    private bool IsNumber(int j) => InRange(j) && t[j].Kind == TimeTokenKind.Number;

    /// <summary>A plain integer token ("31", "2,000" is not one), else -1.</summary>
    private int Int(int j)
    {
        if (!IsNumber(j) || t[j].Length > 9)
            return -1;
        var v = 0;
        foreach (var c in S(j))
        {
            if (!char.IsAsciiDigit(c))
                return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /// <summary>A day of the month, bare or with its ordinal suffix ("31", "31st"), else -1.</summary>
    private int DayNumber(int j)
    {
        if (!IsNumber(j))
            return -1;
        var s = S(j);
        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits]))
            digits++;
        if (digits is 0 or > 2)
            return -1;
        var suffix = s[digits..];
        if (suffix.Length > 0 && !(suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
                                   || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase)))
            return -1;
        var d = int.Parse(s[..digits], CultureInfo.InvariantCulture);
        return d is >= 1 and <= 31 ? d : -1;
    }

    /// <summary>A four-digit year token in a plausible news range, else -1.</summary>
    private int Year(int j)
    {
        var v = Int(j);
        return t[j].Length == 4 && v is >= 1800 and <= 2099 ? v : -1;
    }

    /// <summary>An amount at j: a number token or number words ("a few", "twenty-five", "a couple of"); -1 value for vague.</summary>
    private bool Amount(int j, out int value, out int next)
    {
        value = 0;
        next = j;
        if (IsNumber(j))
        {
            var s = S(j);
            if (s.IndexOfAny(':', '/') >= 0 || s.Contains('-'))
                return false;
            var clean = s.ToString().Replace(",", "", StringComparison.Ordinal);
            if (!int.TryParse(clean, NumberStyles.None, CultureInfo.InvariantCulture, out value))
                return false;
            next = j + 1;
            return true;
        }
        var w = W(j);
        if (w?.Number is not { } n)
            return false;
        value = n;
        next = j + 1;
        if (n == 1 && Is(j, "a") || Is(j, "an"))
        {
            // "a few", "a couple of", "a dozen"
            if (W(next)?.Number is { } m && IsAny(next, "few", "couple", "dozen", "hundred", "thousand"))
            {
                value = m;
                next++;
            }
        }
        else if (n is >= 20 and < 100 && n % 10 == 0 && IsHyphen(next) && W(next + 1)?.Number is >= 1 and <= 9)
        {
            value = n + W(next + 1)!.Number!.Value;
            next += 2;
        }
        // "the last twenty four hours", as transcripts write it.
        else if (n is >= 20 and < 100 && n % 10 == 0 && !IsHyphen(next) && W(next)?.Number is >= 1 and <= 9 && !IsAny(next, "a", "an"))
        {
            value = n + W(next)!.Number!.Value;
            next++;
        }
        if (Is(next, "hundred") && value > 0)
        {
            value *= 100;
            next++;
        }
        if (Is(next, "of") && (Is(next - 1, "couple") || Is(next - 1, "dozen")))
            next++;
        return true;
    }

    // ---------------------------------------------------------------- grammar

    private bool TryAt(int i, out TimeHit hit)
    {
        // Part-of and approximation modifiers wrap a core expression: "late October", "about two years".
        if (lex.PhraseLookup.TryGetValue(S(i), out var phrases))
        {
            foreach (var p in phrases)
            {
                if (p.Kind is not (PhraseKind.PointModifier or PhraseKind.AmountModifier) || !PhraseAt(i, p, out var k))
                    continue;
                var core = IsHyphen(k) ? k + 1 : k;
                if (!Core(core, out var inner))
                    continue;
                var point = inner.Type is TimeType.Date or TimeType.Time && !inner.Value.EndsWith("_REF", StringComparison.Ordinal) && !inner.Value.StartsWith('P');
                if (p.Kind == PhraseKind.PointModifier && point && ModifierFits(p, core))
                {
                    hit = inner with { Start = i, Mod = p.Value };
                    return true;
                }
                if (p.Kind == PhraseKind.AmountModifier && (inner.Type == TimeType.Duration || IsAnyAgo(inner.End - 1)) && IsAmount(core))
                {
                    hit = inner with { Start = i, Mod = p.Value };
                    return true;
                }
            }
        }
        return Core(i, out hit);
    }

    private bool IsAnyAgo(int j) => IsAny(j, "ago", "earlier");
    private bool IsAmount(int j) => IsNumber(j) || W(j)?.Number is not null;

    /// <summary>"earlier"/"later" modify only deictic expressions ("earlier this year", "later Sunday").</summary>
    private bool ModifierFits(TimePhrase p, int core) =>
        !(p.Words.Length == 1 && p.Words[0] is "earlier" or "later")
        || W(core) is { } w && (w.Deictic is not null || w.Weekday > 0 || w.RelativeDay is not null) || Is(core, "that");

    private bool PhraseAt(int i, TimePhrase p, out int end)
    {
        end = i;
        var j = i;
        foreach (var word in p.Words)
        {
            if (!InRange(j) || t[j].Kind is TimeTokenKind.Break || !S(j).Equals(word, StringComparison.OrdinalIgnoreCase))
                return false;
            j++;
        }
        end = j;
        return true;
    }

    private bool Core(int i, out TimeHit hit)
    {
        hit = default;
        if (!InRange(i))
            return false;
        if (t[i].Kind == TimeTokenKind.Number)
            return NumberCore(i, out hit);
        if (t[i].Kind == TimeTokenKind.Punctuation)
            return IsApostrophe(i) && ShortDecade(i, i, out hit);
        if (t[i].Kind != TimeTokenKind.Word)
            return false;

        var w = W(i);
        if (Is(i, "the") && TheCore(i, out hit))
            return true;
        // "will one day be": some time ahead.
        if (Is(i, "one") && Is(i + 1, "day") && (W(i - 1)?.Tense == Times.Tense.Future || IsAny(i - 1, "could", "can")) && !IsHyphen(i + 2))
        {
            hit = new TimeHit(i, i + 2, TimeType.Date, Timex.FutureRef);
            return true;
        }
        if (w is not null)
        {
            if (w.Deictic is not null && DeicticCore(i, i, out hit))
                return true;
            if (w.Month > 0 && MonthCore(i, i, out hit))
                return true;
            if (w.Weekday > 0 && WeekdayCore(i, out hit))
                return true;
            if (w.RelativeDay is { } offset)
                return RelativeDay(i, offset, w, out hit);
            if (w.Season is not null && SeasonCore(i, i, out hit))
                return true;
            if (w.DecadeDigit is { } digit && DecadeWord(i, i, digit, out hit))
                return true;
            if (w.DayPart is { } part && part != "NI" && DayPartAlone(i, part, out hit))
                return true;
            if (Is(i, "nineteen") && SpelledYear(i, out var spelled, out var afterSpelled))
            {
                hit = new TimeHit(i, afterSpelled, TimeType.Date, Timex.Year(spelled));
                return true;
            }
            if (w.Number is not null && AmountCore(i, i, out hit))
                return true;
            if (w.Ordinal is >= 1 and <= 4 && IsHyphen(i + 1) && QuarterAdjective(i, out hit))
                return true;
            if (w.Ordinal is >= 1 and <= 4 && Is(i + 1, "quarter") && OrdinalPeriod(i, i + 1, w.Ordinal.Value, out hit))
                return true;
            if (w.Set is { } set && SetCore(i, set, out hit))
                return true;
            // "high noon" is an idiom, not a time.
            if (w.Clock is { } clock && !Is(i - 1, "high") && ClockWord(i, clock, out hit))
                return true;
            if (w.UnitPlural && w.Unit is { } unit && VagueDuration(i, unit, w.UnitIsClock, out hit))
                return true;
            // "a third day-long meeting", "month-long talks": one unit.
            if (!w.UnitPlural && w.Unit is { } one && one != "WE" && IsHyphen(i + 1) && Is(i + 2, "long"))
            {
                hit = new TimeHit(i, i + 3, TimeType.Duration, Timex.Duration(1, one, w.UnitIsClock));
                return true;
            }
            if (w.Unit == "Y" && IsHyphen(i + 1) && IsAny(i + 2, "earlier", "ago"))
            {
                hit = new TimeHit(i, i + 3, TimeType.Date, YearAgo());
                return true;
            }
        }
        if (Is(i, "fiscal") && FiscalYear(i, i, out hit))
            return true;
        if (Is(i, "that") && SameUnit(i, i + 1, out hit))
            return true;
        if (Is(i, "year") && YearEnd(i, out hit))
            return true;

        // "half an hour", "half a century": half the unit, as a duration.
        if (Is(i, "half") && IsAny(i + 1, "a", "an") && W(i + 2) is { Unit: { } hu, UnitPlural: false } hw && hu != "WE" && !Is(i + 2, "second"))
        {
            hit = new TimeHit(i, i + 3, TimeType.Duration, Timex.DurationAndHalf(0, hu, hw.UnitIsClock));
            return true;
        }
        if (Is(i, "recent") && W(i + 1) is { UnitPlural: true, Unit: { } u } rw)
        {
            hit = new TimeHit(i, i + 2, TimeType.Duration, Timex.Duration(-1, u, rw.UnitIsClock));
            return true;
        }
        if (t[i].Length == 2 && text[t[i].Start] == 'Q' && text[t[i].Start + 1] is >= '1' and <= '4')
        {
            var q = text[t[i].Start + 1] - '0';
            var y = InRange(i + 1) ? Year(i + 1) : -1;
            hit = new TimeHit(i, y > 0 ? i + 2 : i + 1, TimeType.Date, y > 0 ? Timex.Quarter(y, q) : QuarterValue(q, Tense(i)));
            return true;
        }
        return PhraseCore(i, out hit);
    }

    private bool PhraseCore(int i, out TimeHit hit)
    {
        hit = default;
        if (!lex.PhraseLookup.TryGetValue(S(i), out var phrases))
            return false;
        foreach (var p in phrases)
        {
            if (p.Kind is PhraseKind.PointModifier or PhraseKind.AmountModifier || !PhraseAt(i, p, out var end))
                continue;
            if (p.Kind == PhraseKind.Reference)
            {
                // "current" and "future" are references only as adjectives of a noun phrase, never as "the current".
                if (p.Adjective && !(InRange(end) && t[end].Kind == TimeTokenKind.Word))
                    continue;
                hit = new TimeHit(i, end, TimeType.Date, p.Value);
                return true;
            }
            if (p.Kind == PhraseKind.Holiday)
            {
                if (!Upper(i))
                    continue;
                var value = p.Value;
                var y = InRange(end) ? Year(end) : -1;
                if (y > 0 && HolidayIn(y, value) is { } dated)
                {
                    hit = new TimeHit(i, end + 1, TimeType.Date, Timex.Day(dated));
                    return true;
                }
                hit = new TimeHit(i, end, TimeType.Date,
                    anchor is null ? $"XXXX-{value[..2]}-XX" : PickYear(year => HolidayIn(year, value), Tense(i)) is { } day ? Timex.Day(day) : $"XXXX-{value[..2]}-XX");
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------ numbers: numeric dates, clock times, days, years, amounts

    private bool NumberCore(int i, out TimeHit hit)
    {
        hit = default;
        var s = S(i);
        if (s.IndexOfAny('-', '/') >= 0 || s.Count('.') == 2) // "13.05.2025": a day-first date with dots
        {
            foreach (var p in lex.NumericDates)
            {
                var m = p.Pattern.Match(text, t[i].Start);
                if (!m.Success || m.Index + m.Length != t[i].End)
                    continue;
                var y = int.Parse(m.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
                if (y < 100)
                    y += y >= 50 ? 1900 : 2000;
                var mo = int.Parse(m.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
                var d = int.Parse(m.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
                if (d > DateTime.DaysInMonth(y, mo))
                    return false;
                hit = new TimeHit(i, i + 1, TimeType.Date, Timex.Day(new DateOnly(y, mo, d)));
                return true;
            }
            return false;
        }
        if (ClockTime(i, out hit))
            return true;
        if (SecondDay(i, out hit))
            return true;
        if (DayFirstDate(i, out hit))
            return true;
        if (AmountCore(i, i, out hit))
            return true;
        // "0800 UTC", "1530 GMT": a clock written as four digits, which only a time zone tells from a year.
        if (s.Length == 4 && W(i + 1)?.TimeZone == true && Upper(i + 1) && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm)
            && hhmm / 100 <= 23 && hhmm % 100 <= 59)
        {
            var zulu = IsAny(i + 1, "UTC", "GMT") ? "Z" : "";
            return WithDayAfter(i, i + 2, $"T{hhmm / 100:00}:{hhmm % 100:00}{zulu}", out hit);
        }
        var year = Year(i);
        if (year > 0 && YearIsDate(i))
        {
            if (W(i + 1)?.Season is { } season && !W(i + 1)!.SeasonAmbiguous)
            {
                hit = new TimeHit(i, i + 2, TimeType.Date, $"{Timex.Year(year)}-{season}");
                return true;
            }
            hit = new TimeHit(i, i + 1, TimeType.Date, Timex.Year(year));
            return true;
        }
        if (s.Length == 5 && (s[4] is 's') && int.TryParse(s[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var decade)
            && decade is >= 1800 and <= 2090 && decade % 10 == 0)
        {
            hit = new TimeHit(i, i + 1, TimeType.Date, (decade / 10).ToString("000", CultureInfo.InvariantCulture));
            return true;
        }
        if (s.Length is >= 3 and <= 4 && s[^2..].Equals("th", StringComparison.OrdinalIgnoreCase) || s.EndsWith("st", StringComparison.OrdinalIgnoreCase))
        {
            // "the 20th century" → 19
            if (IsAny(i + 1, "century") && int.TryParse(s[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c is >= 1 and <= 30)
            {
                hit = new TimeHit(i, i + 2, TimeType.Date, (c - 1).ToString("00", CultureInfo.InvariantCulture));
                return true;
            }
        }
        return false;
    }

    /// <summary>A lone four-digit number is a year unless money, a count or a percentage says otherwise.</summary>
    private bool YearIsDate(int i)
    {
        if (InRange(i - 1) && t[i].Joined && t[i - 1].Kind == TimeTokenKind.Punctuation && text[t[i - 1].Start] is '$' or '£' or '€' or '#')
            return false;
        if (IsHyphen(i) == false && InRange(i - 1) && t[i].Joined && IsHyphen(i - 1) && IsNumber(i - 2))
            return false; // the second number of a range: "1,500-2000"

        // year-negatives.tsv: "flight 1549", "the 1900 block of Main Street".
        if (W(i - 1)?.NotYearBefore == true || IsPunct(i + 1, '%') || W(i + 1)?.NotYearAfter == true)
            return false;
        if (IsPunct(i + 1, ':') || IsPunct(i + 1, '-') && IsNumber(i + 2) && !t[i + 1].Joined)
            return false;
        return true;
    }

    /// <summary>"'90s" → 199.</summary>
    private bool ShortDecade(int start, int i, out TimeHit hit)
    {
        hit = default;
        if (!IsNumber(i + 1) || !t[i + 1].Joined)
            return false;
        var s = S(i + 1);
        if (s.Length != 3 || s[2] != 's' || !char.IsAsciiDigit(s[0]) || s[1] != '0')
            return false;
        var century = s[0] >= '3' ? "19" : "20";
        hit = new TimeHit(start, i + 2, TimeType.Date, century + s[0]);
        return true;
    }

    /// <summary>"31 October 2024", "31st of October", "31 Oct".</summary>
    private bool DayFirstDate(int i, out TimeHit hit)
    {
        hit = default;
        var day = DayNumber(i);
        if (day < 0)
            return false;
        var k = Is(i + 1, "of") ? i + 2 : i + 1;
        var mw = W(k);
        if (mw is null || mw.Month == 0 || !Upper(k))
            return false;
        var end = k + 1;
        if (mw.MonthAbbreviation && IsPunct(end, '.'))
            end++;
        var y = InRange(end) ? Year(end) : -1;
        if (y < 0 && IsPunct(end, ',') && InRange(end + 1) && Year(end + 1) > 0)
        {
            end++;
            y = Year(end);
        }
        if (y > 0)
        {
            if (day > DateTime.DaysInMonth(y, mw.Month))
                return false;
            hit = new TimeHit(i, end + 1, TimeType.Date, Timex.Day(new DateOnly(y, mw.Month, day)));
            return true;
        }
        if (day > DateTime.DaysInMonth(2024, mw.Month))
            return false;
        hit = new TimeHit(i, end, TimeType.Date, MonthDayValue(mw.Month, day, Tense(i)));
        return true;
    }

    /// <summary>"6 p.m.", "6:30pm", "18:00 GMT", optionally with a day: "6 p.m. Monday".</summary>
    private bool ClockTime(int i, out TimeHit hit)
    {
        hit = default;
        var s = S(i);
        int hour, minute = 0, k = i + 1;
        var letters = s.Length;
        while (letters > 0 && char.IsAsciiLetter(s[letters - 1]))
            letters--;
        var digits = s[..letters];
        var suffix = s[letters..];
        // "4.30pm", "6.15 p.m.": a point between hours and minutes, as British papers write it; only with a meridiem,
        // since "4.30" alone is a decimal.
        var colon = digits.IndexOf(':');
        var dotted = false;
        if (colon < 0 && digits.IndexOf('.') is > 0 and var dot)
            (colon, dotted) = (dot, true);
        if (colon > 0)
        {
            if (!int.TryParse(digits[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out hour)
                || digits.Length - colon - 1 != 2 || !int.TryParse(digits[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out minute))
                return false;
        }
        else if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out hour) || digits.Length > 2)
            return false;
        if (hour > 24 || minute > 59)
            return false;

        int? meridiem = null;
        // "4.30pm", "6.15 p.m.": a point needs the meridiem written ("fell 1.20 in the morning" is no clock time).
        var written = false;
        if (suffix.Length > 0)
        {
            if (!lex.WordLookup.TryGetValue(suffix, out var sw) || sw.Meridiem is not { } m)
                return false;
            meridiem = m;
            written = true;
        }
        else if (W(k)?.Meridiem is { } m)
        {
            meridiem = m;
            written = true;
            k++;
        }
        else if (W(k)?.OClock == true)
        {
            k++;
            meridiem = -1;
        }
        // "4 in the morning", "8 in the evening", "11 at night": the part of the day says which half.
        else if (hour is >= 1 and <= 12 && (Is(k, "in") && Is(k + 1, "the") && W(k + 2)?.DayPart is "MO" or "AF" or "EV"
                                            || Is(k, "at") && Is(k + 1, "night")))
        {
            var part = Is(k, "at") ? "NI" : W(k + 2)!.DayPart;
            meridiem = part == "MO" || part == "NI" && hour is < 5 or 12 ? 0 : 12;
            k += Is(k, "at") ? 2 : 3;
        }
        if (meridiem is null && colon < 0 || dotted && !(written && meridiem is 0 or 12))
            return false;
        if (meridiem is >= 0 && (hour is 0 or > 12))
            return false;
        if (meridiem == 12 && hour < 12)
            hour += 12;
        else if (meridiem == 0 && hour == 12)
            hour = 0;
        var utc = false;
        if (W(k)?.TimeZone == true && Upper(k))
        {
            utc = IsAny(k, "UTC", "GMT");
            k++;
        }
        // TIMEX3 marks universal time with Z.
        var clock = $"T{hour:00}:{minute:00}{(utc ? "Z" : "")}";
        return WithDayAfter(i, k, clock, out hit);
    }

    private bool ClockWord(int i, string clock, out TimeHit hit) => WithDayAfter(i, i + 1, "T" + clock, out hit);

    /// <summary>
    /// A clock time ending before token <paramref name="k"/>, with the day written right after it when there is
    /// one ("6 p.m. Monday", "noon on Friday", "9 a.m. yesterday", "5 p.m. EST, Nov. 9"); else on the anchor's day.
    /// </summary>
    private bool WithDayAfter(int i, int k, string clock, out TimeHit hit)
    {
        // "10:35 a.m. (0735 GMT) Friday": the day after a short bracketed aside is the clock's.
        var after = k;
        if (IsPunct(k, '('))
        {
            var close = k + 1;
            while (close < k + 6 && InRange(close) && !IsPunct(close, ')'))
                close++;
            if (IsPunct(close, ')'))
                after = close;
        }
        // "6 p.m. on Monday", "5 p.m. EST, Nov. 6", "(0735 GMT) Friday".
        var dk = Is(after, "on") || IsPunct(after, ',') || IsPunct(after, ')') ? after + 1 : after;
        if ((W(dk) is { } dw && (dw.Weekday > 0 && Upper(dk) && !dw.WeekdayPlural || dw.RelativeDay is not null || dw.Month > 0 && Upper(dk))
             || InRange(dk) && Upper(dk) && lex.PhraseLookup.TryGetValue(S(dk), out var named) && named.Any(p => p.Kind == PhraseKind.Holiday))
            && Core(dk, out var day) && day.Type == TimeType.Date && day.Value.Length == 10)
        {
            hit = new TimeHit(i, day.End, TimeType.Time, day.Value + clock);
            return true;
        }
        // "made its first flight Tuesday in Everett at 18:00 UTC": the day written earlier in the sentence; else, for an
        // afternoon or evening hour, the day the report last said something happened, a day or two before it
        // ("capsized on Saturday evening … overturned at about 7:40 p.m."), not the day of its saying ("officials said
        // Tuesday"): a report tells the evening before it; a morning hour is its own day's ("Engineers met at 9 a.m.").
        var inSentence = ReferenceFor("D", i) is { } from && SameSentence(_reference!.Value.Token, i) ? from : (DateOnly?)null;
        var evening = clock.Length >= 3 && int.TryParse(clock.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour >= 12;
        // Not in a clause about what is to come ("The minister will speak at 3 p.m.": the report's day, or after it); the
        // tense is read only when an event day could apply.
        var eventDay = inSentence is null && evening && EventDay(i) is { } e && Tense(i) != Times.Tense.Future ? e : (DateOnly?)null;
        // A clock time with no day of its own is no event day for the times after it.
        _dayFromEvent = true;
        var date = (inSentence ?? eventDay ?? anchor) is { } d ? Timex.Day(d) : "XXXX-XX-XX";
        hit = new TimeHit(i, k, TimeType.Time, date + clock);
        return true;
    }

    /// <summary>Days before the report a clock time's event day may lie.</summary>
    private const int EventDayReach = 6;

    /// <summary>The day the report last said something happened, within <see cref="ReferenceWindow"/> tokens and a day or two before the report.</summary>
    private DateOnly? EventDay(int i) =>
        _eventDay is { } e && i - e.Token <= ReferenceWindow && anchor is { } a && e.Date < a && a.DayNumber - e.Date.DayNumber <= EventDayReach ? e.Date : null;

    /// <summary>An expression right beside a reporting verb dates the saying: "said Tuesday", "on Monday announced".</summary>
    private bool DatesSaying(TimeHit hit)
    {
        var before = Is(hit.Start - 1, "on") ? hit.Start - 2 : hit.Start - 1;
        return Cue(before) == Times.Tense.Reported || Cue(hit.End) == Times.Tense.Reported;
    }

    /// <summary>
    /// The date written earlier in token <paramref name="i"/>'s sentence when it is precise enough for
    /// the unit ("flew Tuesday … at 18:00 UTC", "the fourth quarter of 2005 … the entire year"), else the anchor.
    /// </summary>
    private DateOnly? SentenceDate(string unit, int i) =>
        ReferenceFor(unit, i) is { } from && SameSentence(_reference!.Value.Token, i) ? from : anchor;

    /// <summary>Whether no sentence ends between tokens <paramref name="from"/> and <paramref name="to"/>.</summary>
    private bool SameSentence(int from, int to)
    {
        for (var j = Math.Max(0, from); j < to && j < t.Count; j++)
        {
            if (t[j].Kind == TimeTokenKind.Break || t[j].Kind == TimeTokenKind.Punctuation && text[t[j].Start] is '.' or '!' or '?' or ';')
                return false;
        }
        return true;
    }

    /// <summary>A year in words, as broadcast transcripts write it: "nineteen ninety-six", "two thousand".</summary>
    private bool SpelledYear(int j, out int year, out int next)
    {
        year = -1;
        next = j;
        if (Is(j, "nineteen") && W(j + 1)?.Number is >= 20 and <= 90 and var tens && tens % 10 == 0 && !Is(j + 1, "a"))
        {
            year = 1900 + tens;
            next = j + 2;
        }
        else if (Is(j, "two") && Is(j + 1, "thousand"))
        {
            year = 2000;
            next = j + 2;
            if (W(next)?.Number is >= 1 and <= 9 and var units && !Is(next, "a") && !Is(next, "an"))
            {
                year += units;
                next++;
            }
            return true;
        }
        else
            return false;
        if (IsHyphen(next) && W(next + 1)?.Number is >= 1 and <= 9 and var u)
        {
            year += u;
            next += 2;
        }
        return true;
    }

    /// <summary>
    /// Amounts of a unit: durations ("three years", "a two-year"), dates counted back ("two days ago"),
    /// and sets ("three times a week" gives "a week" as a set). Ages ("13-year-old") and rates
    /// ("$5 a day", "100 barrels a day") are not temporal expressions.
    /// </summary>
    private bool AmountCore(int start, int i, out TimeHit hit)
    {
        hit = default;
        if (!Amount(i, out var n, out var k))
            return false;
        // "5 1/2 hours", "2½ days", "two and a half years": half a unit more.
        var half = false;
        if (n >= 0 && IsHalfMark(k))
        {
            half = true;
            k++;
        }
        else if (n >= 0 && Is(k, "and") && IsAny(k + 1, "a", "one") && Is(k + 2, "half"))
        {
            half = true;
            k += 3;
        }
        var unitAt = PastQualifiers(k);
        var qualified = unitAt != k;
        k = unitAt;
        var hyphen = IsHyphen(k);
        if (hyphen)
            k++;
        var uw = W(k);
        if (uw?.Unit is not { } unit)
            return false;
        // "the 1988 second quarter", "the 1988 quarter": a year, not an amount.
        if (IsNumber(i) && Year(i) > 0 && (Is(k, "second") || unit == "Q"))
            return false;
        var article = Is(i, "a") || Is(i, "an");
        if (article && !uw.UnitPlural)
        {
            if (Is(k, "second"))
                return false;
            // "a year-earlier loss": the article belongs to the noun; "year-earlier" is the expression.
            if (IsHyphen(k + 1) && IsAnyAgo(k + 2))
                return false;
            if (IsAny(i - 1, "times", "once", "twice", "thrice"))
            {
                hit = new TimeHit(i, k + 1, TimeType.Set, Timex.Duration(1, unit, uw.UnitIsClock));
                return true;
            }
            // "$5 a day" is a rate; "C$307.2 a year earlier" is not.
            if (IsRateContext(i - 1) && !IsAnyAgo(k + 1))
                return false;
        }
        if (!article && !IsNumber(i) && n == 1 && Is(k, "second") && !Is(i, "one"))
            return false;
        if (unit == "WE" && !uw.UnitPlural)
            return false;
        // Fractions: "three-quarters", "a quarter of", "a half".
        if (unit == "Q" && (hyphen || Is(k + 1, "of")) && !qualified)
            return false;
        var end = k + 1;
        // Ages: "13-year-old", "13 years old".
        if (IsHyphen(end) && IsAny(end + 1, "old") || Is(end, "old"))
            return false;
        // "a year and a half", "an hour and a half".
        if (!half && n >= 0 && Is(end, "and") && Is(end + 1, "a") && Is(end + 2, "half"))
        {
            half = true;
            end += 3;
        }
        if (half && (unit == "WE" || n > 100_000))
            return false;
        if (IsHyphen(end) && IsAny(end + 1, "long"))
            end += 2;
        // "a week or so ago": about a week.
        string? approx = null;
        if (Is(end, "or") && Is(end + 1, "so") && IsAny(end + 2, "ago", "earlier"))
        {
            end += 2;
            approx = "APPROX";
        }
        if (Is(end, "ago") || Is(end, "earlier") || Is(end, "before") && !InRange(end + 1) || IsAny(end, "from") && Is(end + 1, "now"))
        {
            var forward = Is(end, "from");
            var last = forward ? end + 2 : end + 1;
            if (half)
            {
                // "two and a half years ago": counted back in the unit below, when there is one.
                var (lower, per) = Timex.UnitBelow(unit, uw.UnitIsClock);
                var back = per > 0 ? Shift(lower.Unit, lower.Clock, (forward ? 1 : -1) * (n * per + per / 2)) : Shift(unit, uw.UnitIsClock, forward ? n : -n);
                hit = new TimeHit(start, last, TimeType.Date, back, approx);
                return true;
            }
            if (unit == "Y" && n == 1 && !forward)
            {
                hit = new TimeHit(start, last, TimeType.Date, YearAgo(), approx);
                return true;
            }
            if (Is(end, "earlier") && IsNumber(i) == false && n != 1)
            {
                hit = new TimeHit(start, last, TimeType.Duration, Timex.Duration(n, unit, uw.UnitIsClock), approx);
                return true;
            }
            hit = new TimeHit(start, last, TimeType.Date, n < 0 ? (forward ? Timex.FutureRef : Timex.PastRef) : Shift(unit, uw.UnitIsClock, forward ? n : -n), approx);
            return true;
        }
        if (Is(end, "later"))
            end++;
        hit = new TimeHit(start, end, TimeType.Duration, half ? Timex.DurationAndHalf(n, unit, uw.UnitIsClock) : Timex.Duration(n, unit, uw.UnitIsClock));
        return true;
    }

    /// <summary>"two more weeks", "an additional year", "eight trading days": the unit after at most two qualifiers at <paramref name="k"/>.</summary>
    private int PastQualifiers(int k)
    {
        for (var q = 0; q < 2 && W(k)?.UnitQualifier == true && W(k + 1) is { } next && (next.Unit is not null || next.UnitQualifier); q++)
            k++;
        return k;
    }

    private bool IsHalfMark(int j) => InRange(j) && (S(j) is "1/2" || S(j) is "½");

    /// <summary>"barrels a day", "$5 a day", "20 a year": the article is a rate's "per".</summary>
    private bool IsRateContext(int j)
    {
        if (!InRange(j))
            return false;
        if (t[j].Kind == TimeTokenKind.Number)
            return true;
        if (t[j].Kind != TimeTokenKind.Word || Upper(j))
            return false;
        var s = S(j);
        return s.Length > 3 && s[^1] == 's' && s[^2] != 's' && !IsAny(j, "was", "has", "his", "this", "its", "does", "goes", "across", "lasts", "takes", "is", "as", "us", "thus", "perhaps", "towards")
               && W(j)?.Unit is null;
    }

    /// <summary>"for years", "in recent months", "decades-long": a vague amount of a unit.</summary>
    private bool VagueDuration(int i, string unit, bool clock, out TimeHit hit)
    {
        hit = default;
        if (IsHyphen(i + 1) && Is(i + 2, "long"))
        {
            hit = new TimeHit(i, i + 3, TimeType.Duration, Timex.Duration(-1, unit, clock));
            return true;
        }
        if (unit == "WE" || !IsAny(i - 1, "for", "over", "within", "recent", "past"))
            return false;
        if (Is(i + 1, "ago"))
        {
            hit = new TimeHit(i, i + 2, TimeType.Date, Timex.PastRef);
            return true;
        }
        hit = new TimeHit(i, i + 1, TimeType.Duration, Timex.Duration(-1, unit, clock));
        return true;
    }

    // ------------------------------------------------ "the …"

    private bool TheCore(int i, out TimeHit hit)
    {
        hit = default;
        var k = i + 1;
        // "the quarter-to-quarter comparison", "the day-to-day running": a compound adjective, no time.
        if (W(k)?.Unit is not null && IsHyphen(k + 1) && Is(k + 2, "to") && IsHyphen(k + 3))
            return false;
        if (IsAny(k, "full", "whole", "entire") && Is(k + 1, "year"))
        {
            // "a loss in the fourth quarter of 2005 and for the entire year": the year written in the sentence, else the anchor's.
            var year = SentenceDate("Y", i)?.Year;
            hit = new TimeHit(i, k + 2, TimeType.Date, year is { } y ? Timex.Year(y) : "XXXX");
            return true;
        }
        var fiscal = Is(k, "current") && Is(k + 1, "fiscal") ? k + 1 : k;
        if (Is(fiscal, "fiscal") && Is(fiscal + 1, "year"))
        {
            var y = InRange(fiscal + 2) ? Year(fiscal + 2) : -1;
            // "the fiscal year ended Jan. 31" is a year-long period, as "the year ended March 31" is.
            hit = y > 0 ? new TimeHit(i, fiscal + 3, TimeType.Date, Timex.Year(y))
                : IsAny(fiscal + 2, "ended", "ending") ? new TimeHit(i, fiscal + 2, TimeType.Duration, "P1Y")
                : new TimeHit(i, fiscal + 2, TimeType.Date, anchor is { } a ? Timex.Year(a.Year) : "XXXX");
            return true;
        }
        // "the latest period" of an earnings report is its quarter.
        if (Is(k, "latest") && Is(k + 1, "period"))
        {
            hit = new TimeHit(i, k + 2, TimeType.Date, LastCompletedQuarter());
            return true;
        }
        if (Is(k, "year") && SpelledYear(k + 1, out var spelled, out var afterSpelled))
        {
            hit = new TimeHit(i, afterSpelled, TimeType.Date, Timex.Year(spelled));
            return true;
        }
        if (Is(k, "same") && SameUnit(i, k, out hit))
            return true;
        // "the last half of 1989", "the latter half": the second half.
        if (IsAny(k, "last", "latter") && Is(k + 1, "half") && (!Is(k + 2, "of") || InRange(k + 3) && Year(k + 3) > 0) && OrdinalPeriod(i, k + 1, 2, out hit))
            return true;
        // "the quarter a year ago", "the corresponding period last year": the report's quarter, a year back.
        var period = IsAny(k, "same", "corresponding", "comparable") ? k + 1 : k;
        if (IsAny(period, "quarter", "period") && YearBack(period + 1) is var yearBack and > 0)
        {
            hit = new TimeHit(i, yearBack, TimeType.Date, YearAgo());
            return true;
        }
        if (W(k)?.DecadeDigit is { } decade && DecadeWord(i, k, decade, out hit))
            return true;
        var w = W(k);
        if (w is null)
        {
            var year = IsNumber(k) ? Year(k) : -1;
            if (year > 0 && W(k + 1)?.Ordinal is >= 1 and <= 4 && IsAny(k + 2, "quarter", "half"))
                return OrdinalPeriod(i, k + 2, W(k + 1)!.Ordinal!.Value, out hit, year);
            // "the 1988 quarter", "the 1989 period": in a quarterly report, that year's quarter.
            if (year > 0 && IsAny(k + 1, "quarter", "period"))
            {
                _derivedQuarter = true;
                hit = new TimeHit(i, k + 2, TimeType.Date, _lastQuarter is { } q ? Timex.Quarter(year, q.Quarter)
                    : Is(k + 1, "quarter") ? $"{Timex.Year(year)}-QX" : Timex.Year(year));
                return true;
            }
            if (IsNumber(k))
            {
                // "the 1990s", "the 20th century", "the 1988 period"
                if (NumberCore(k, out var inner) && inner.Type == TimeType.Date && inner.Value.Length is 2 or 3)
                {
                    hit = inner with { Start = i };
                    return true;
                }
                return false;
            }
            return IsPunct(k, '\'') && ShortDecade(i, k, out hit);
        }
        if (w.Deictic is { } dir && !Is(k, "this"))
        {
            // "the past two months", "the next few weeks": a duration.
            if (Amount(k + 1, out var n, out var amountEnd) && PastQualifiers(amountEnd) is var u && W(u)?.Unit is { } unit && !Is(k + 1, "a") && !Is(k + 1, "an"))
            {
                hit = new TimeHit(i, u + 1, TimeType.Duration, Timex.Duration(n, unit, W(u)!.UnitIsClock));
                return true;
            }
            var uw = W(k + 1);
            // "the following year", "the previous month": counted from the date just written, when there is one.
            if (uw?.Unit is { } anaphoric && !uw.UnitPlural && IsAny(k, "following", "previous") && !IsHyphen(k + 2)
                && ReferenceFor(anaphoric, i) is { } from && StepUnit(anaphoric, from, dir) is { } stepped)
            {
                hit = new TimeHit(i, k + 2, TimeType.Date, stepped);
                return true;
            }
            // "He was released the next day": the day after the one just written, else after the anchor;
            // "in the next day or two" stays a span.
            if (uw is { Unit: "D", UnitPlural: false } && Is(k, "next") && !Is(k + 2, "or") && !IsHyphen(k + 2))
            {
                var day = ReferenceFor("D", i) ?? anchor;
                hit = new TimeHit(i, k + 2, TimeType.Date, day is { } d ? Timex.Day(d.AddDays(1)) : "XXXX-XX-XX");
                return true;
            }
            if (uw?.Unit is { } single && !uw.UnitPlural)
            {
                // "the previous week", "the current quarter" are calendar units, and so, as TimeBank and MEANTIME annotate them, are
                // "the past year" (1997 in 1998), "the last week" and "the next year"; a day, decade or century stays a span of time.
                if (IsAny(k, "past", "last", "next", "coming") && single is not ("Q" or "WE" or "Y" or "M" or "W"))
                {
                    hit = new TimeHit(i, k + 2, TimeType.Duration, Timex.Duration(1, single, uw.UnitIsClock));
                    return true;
                }
                if (UnitPoint(single, Is(k, "latest") && single == "Q" ? -1 : dir, out var value))
                {
                    hit = new TimeHit(i, k + 2, TimeType.Date, value);
                    return true;
                }
            }
            if (uw?.UnitPlural == true && uw.Unit is { } plural && IsAny(k, "past", "last", "next", "coming"))
            {
                if (dir > 0 && Is(k, "coming"))
                    return false; // "the coming days" is a reference, from the phrase list
                hit = new TimeHit(i, k + 2, TimeType.Duration, Timex.Duration(-1, plural, uw.UnitIsClock));
                return true;
            }
        }
        if (w.Ordinal is { } ord && ord is >= 1 and <= 4 || Is(k, "final") || Is(k, "last") && Is(k + 1, "quarter"))
        {
            var q = w.Ordinal ?? 4;
            if (q < 0)
                q = 4;
            if (IsAny(k + 1, "quarter", "half") && OrdinalPeriod(i, k + 1, q, out hit))
                return true;
            // "the first nine months": a duration.
            if (Amount(k + 1, out var n, out var amountEnd) && PastQualifiers(amountEnd) is var u && W(u)?.Unit is { } unit && W(u)!.UnitPlural)
            {
                // ... but "the first two quarters of 1990" is that year's first half.
                if (unit == "Q" && n == 2 && q is 1 or 4 && Is(u + 1, "of") && InRange(u + 2) && Year(u + 2) is var halfYear and > 0)
                {
                    hit = new TimeHit(i, u + 3, TimeType.Date, $"{Timex.Year(halfYear)}-H{(q == 1 ? 1 : 2)}");
                    return true;
                }
                hit = new TimeHit(i, u + 1, TimeType.Duration, Timex.Duration(n, unit, W(u)!.UnitIsClock));
                return true;
            }
        }
        if (w.Number is { } num && num > 1 && Amount(k, out var amount, out var next) && W(next) is { UnitPlural: true, Unit: { } pu } puw)
        {
            hit = new TimeHit(i, next + 1, TimeType.Duration, Timex.Duration(amount, pu, puw.UnitIsClock));
            return true;
        }
        if (w.Unit is { } the && !w.UnitPlural)
        {
            switch (the)
            {
                // "the year ended March 31" is the fiscal year: a period of a year.
                case "Y" when IsAny(k + 1, "ended", "ending"):
                    hit = new TimeHit(i, k + 1, TimeType.Duration, "P1Y");
                    return true;
                case "Y" when !IsHyphen(k + 1) && !Is(k + 1, "before") && !Is(k + 1, "after"):
                    hit = new TimeHit(i, k + 1, TimeType.Date, anchor is { } a ? Timex.Year(a.Year) : "XXXX");
                    return true;
                // "the week of March 6" is the week of that day.
                case "W" when Is(k + 1, "of") && Core(k + 2, out var day) && day.Type == TimeType.Date && day.Value.Length == 10
                                                && DateOnly.TryParseExact(day.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dayDate):
                    hit = new TimeHit(i, day.End, TimeType.Date, Timex.Week(dayDate));
                    return true;
                case "W" when !Is(k + 1, "before") && !Is(k + 1, "after") && !IsHyphen(k + 1):
                    hit = new TimeHit(i, k + 1, TimeType.Date, anchor is { } aw ? Timex.Week(aw) : "XXXX-WXX");
                    return true;
                // "ended the day at 9,505", "later in the day", "for the day": the day of the sentence's date, else the anchor's.
                case "D" when !IsAny(k + 1, "before", "after") && !IsHyphen(k + 1)
                              && (IsAny(i - 1, "end", "ended", "ending", "ends", "finish", "finished", "for", "closed")
                                  || Is(i - 1, "in") && IsAny(i - 2, "later", "late", "earlier", "early")
                                  || Is(i - 1, "of") && IsAny(i - 2, "start", "end", "rest", "beginning", "middle")):
                    var today = SentenceDate("D", i);
                    hit = new TimeHit(i, k + 1, TimeType.Date, today is { } d0 ? Timex.Day(d0) : "XXXX-XX-XX");
                    return true;
                // "by the end of the month": the month of the sentence's date, else the anchor's.
                case "M" when Is(i - 1, "of") && IsAny(i - 2, "end", "beginning", "start", "middle") && !IsHyphen(k + 1):
                    var month = SentenceDate("M", i);
                    hit = new TimeHit(i, k + 1, TimeType.Date, month is { } m ? Timex.Month(m.Year, m.Month) : "XXXX-XX");
                    return true;
                case "Q" when !Is(k + 1, "before"):
                    hit = new TimeHit(i, k + 1, TimeType.Date, LastCompletedQuarter());
                    return true;
                case "WE":
                    hit = new TimeHit(i, k + 1, TimeType.Date, Weekend(Tense(i)));
                    return true;
            }
        }
        if (w.Unit == "Y" && IsHyphen(k + 1) && IsAny(k + 2, "earlier", "ago") && IsAny(k + 3, "quarter", "period", "months", "year"))
        {
            hit = new TimeHit(i, k + 4, TimeType.Date, YearAgo());
            return true;
        }
        if (Is(k, "fiscal") && W(k + 1)?.Ordinal is >= 1 and <= 4 && IsAny(k + 2, "quarter", "half"))
            return OrdinalPeriod(i, k + 2, W(k + 1)!.Ordinal!.Value, out hit);
        if (w.Season is not null && SeasonCore(i, k, out hit))
            return true;
        if (w.Weekday > 0 || w.Month > 0)
            return false;
        return false;
    }

    /// <summary>"the third quarter", "the first half of 2024", "the fourth quarter, 1989".</summary>
    private bool OrdinalPeriod(int start, int unitTok, int ordinal, out TimeHit hit, int writtenYear = -1)
    {
        var half = Is(unitTok, "half");
        if (half && ordinal > 2)
        {
            hit = default;
            return false;
        }
        var end = unitTok + 1;
        // A year written before the period ("the 1988 third quarter") settles it; else one written after.
        var y = writtenYear;
        if (y > 0)
        {
            // Nothing follows the period to read.
        }
        else if (Is(end, "of") && InRange(end + 1) && Year(end + 1) > 0)
        {
            y = Year(end + 1);
            end += 2;
        }
        else if (IsPunct(end, ',') && InRange(end + 1) && Year(end + 1) > 0 || InRange(end) && Year(end) > 0)
        {
            end += IsPunct(end, ',') ? 1 : 0;
            y = Year(end);
            end++;
        }
        else if (Is(end, "of") && Is(end + 1, "the") && Is(end + 2, "year"))
            end += 3;
        else if ((Is(end, "of") && (IsAny(end + 1, "this", "last", "next"))) && Is(end + 2, "year"))
        {
            var d = Is(end + 1, "this") ? 0 : Is(end + 1, "last") ? -1 : 1;
            if (anchor is { } a0)
                y = a0.Year + d;
            end += 3;
        }
        string value;
        if (half)
            value = y > 0 ? $"{Timex.Year(y)}-H{ordinal}" : anchor is { } a ? $"{Timex.Year(a.Year)}-H{ordinal}" : $"XXXX-H{ordinal}";
        else
            value = y > 0 ? Timex.Quarter(y, ordinal) : QuarterValue(ordinal, Tense(start));
        hit = new TimeHit(start, end, TimeType.Date, value);
        return true;
    }

    /// <summary>"third-quarter", "first-half".</summary>
    private bool QuarterAdjective(int i, out TimeHit hit)
    {
        hit = default;
        var q = W(i)!.Ordinal!.Value;
        if (Is(i + 2, "quarter"))
        {
            hit = new TimeHit(i, i + 3, TimeType.Date, QuarterValue(q, Tense(i)));
            return true;
        }
        if (Is(i + 2, "half") && q <= 2)
        {
            hit = new TimeHit(i, i + 3, TimeType.Date, anchor is { } a ? $"{Timex.Year(a.Year)}-H{q}" : $"XXXX-H{q}");
            return true;
        }
        return false;
    }

    private bool FiscalYear(int start, int i, out TimeHit hit)
    {
        hit = default;
        var k = Is(i + 1, "year") ? i + 2 : i + 1;
        if (!InRange(k) || Year(k) < 0)
            return false;
        hit = new TimeHit(start, k + 1, TimeType.Date, Timex.Year(Year(k)));
        return true;
    }

    // ------------------------------------------------ deictics: last / this / next …

    private bool DeicticCore(int start, int i, out TimeHit hit)
    {
        hit = default;
        var dir = W(i)!.Deictic!.Value;
        var k = i + 1;
        var w = W(k);
        if (w is null)
            return false;
        var past = Is(i, "past");
        // "this past spring", "this past Sunday": the last one, as HeidelTime reads them.
        if (Is(i, "this") && past == false && Is(k, "past") && W(k + 1) is { } pw)
        {
            if (pw.Season is { } lastSeason)
            {
                hit = new TimeHit(start, k + 2, TimeType.Date, SeasonValue(lastSeason, pw.SeasonStartMonth, -1, strict: true));
                return true;
            }
            if ((pw.Weekday > 0 && !pw.WeekdayPlural || pw.Month > 0) && Upper(k + 1))
                return DeicticCore(start, k, out hit);
        }
        if (w.Weekday > 0 && Upper(k) && !w.WeekdayPlural)
        {
            // "the previous Friday", "the following Monday": from the day just written, when there is one.
            var a0 = anchor;
            if (Is(i - 1, "the") && IsAny(i, "previous", "following") && ReferenceFor("D", i) is { } from)
                a0 = from;
            var value = a0 is not { } a ? $"XXXX-WXX-{w.Weekday}" : Timex.Day(dir switch
            {
                < 0 => StepWeekday(a, w.Weekday, -1, strict: true),
                > 0 => StepWeekday(a, w.Weekday, 1, strict: true),
                _ => a.AddDays(w.Weekday - (int)IsoDay(a)),
            });
            return WithDayPart(start, k + 1, value, out hit);
        }
        if (w.Month > 0 && Upper(k))
        {
            var end = w.MonthAbbreviation && IsPunct(k + 1, '.') ? k + 2 : k + 1;
            // "last Oct. 23": a day, the last one before the report (the next one for "next"); a year written after it decides.
            if (DayNumber(end) > 0 && MonthCore(k, k, out var dated) && dated.Value.Length == 10)
            {
                var day = DayNumber(end);
                var value0 = dir == 0 || dated.End > end + 1 ? dated.Value
                    : MonthDayValue(w.Month, day, dir < 0 ? Times.Tense.Past : Times.Tense.Future, reach: 366);
                hit = new TimeHit(start, dated.End, TimeType.Date, value0);
                return true;
            }
            string value;
            if (anchor is not { } a)
                value = $"XXXX-{w.Month:00}";
            else
            {
                var y = dir switch
                {
                    < 0 => w.Month < a.Month ? a.Year : a.Year - 1,
                    > 0 => w.Month > a.Month ? a.Year : a.Year + 1,
                    _ => a.Year,
                };
                value = Timex.Month(y, w.Month);
            }
            hit = new TimeHit(start, end, TimeType.Date, value);
            return true;
        }
        if (w.Season is { } season && !past)
        {
            hit = new TimeHit(start, k + 1, TimeType.Date, SeasonValue(season, w.SeasonStartMonth, dir, strict: dir != 0));
            return true;
        }
        if (w.DayPart is { } part && !past)
        {
            // "this morning", "last night"
            if (anchor is not { } a)
                hit = new TimeHit(start, k + 1, TimeType.Time, $"XXXX-XX-XXT{part}");
            else
                hit = new TimeHit(start, k + 1, TimeType.Time, Timex.Day(a.AddDays(dir < 0 ? -1 : dir > 0 ? 1 : 0)) + "T" + part);
            return true;
        }
        if (w.Unit is { } unit && !w.UnitPlural)
        {
            if (past || (Is(i, "last") || Is(i, "next")) && IsHyphen(k + 1))
            {
                if (!past)
                    return false;
                hit = new TimeHit(start, k + 1, TimeType.Duration, Timex.Duration(1, unit, w.UnitIsClock));
                return true;
            }
            if (IsHyphen(k + 1))
                return false;
            if (UnitPoint(unit, dir, out var value))
            {
                // "this year's third quarter"
                if (unit == "Y" && Is(k + 1, "'s") && W(k + 2)?.Ordinal is >= 1 and <= 4 && Is(k + 3, "quarter") && value.Length == 4)
                {
                    hit = new TimeHit(start, k + 4, TimeType.Date, $"{value}-Q{W(k + 2)!.Ordinal}");
                    return true;
                }
                // "last year's quarter": the report's quarter, a year back.
                if (unit == "Y" && dir < 0 && Is(k + 1, "'s") && IsAny(k + 2, "quarter", "period"))
                {
                    hit = new TimeHit(start, k + 3, TimeType.Date, YearAgo());
                    return true;
                }
                hit = new TimeHit(start, k + 1, TimeType.Date, value);
                return true;
            }
            return false;
        }
        // "the last two years", "past few weeks", "next 10 days"; "will last six months" is a verb.
        if (Amount(k, out var n, out var amountEnd) && PastQualifiers(amountEnd) is var u && W(u)?.Unit is { } amountUnit && !Is(k, "a") && !Is(k, "an") && !(Is(i, "last") && start == i))
        {
            hit = new TimeHit(start, u + 1, TimeType.Duration, Timex.Duration(n, amountUnit, W(u)!.UnitIsClock));
            return true;
        }
        if (w.UnitPlural && w.Unit is { } pu && (past || Is(i, "last")))
        {
            hit = new TimeHit(start, k + 1, TimeType.Duration, Timex.Duration(-1, pu, w.UnitIsClock));
            return true;
        }
        return false;
    }

    /// <summary>The calendar unit <paramref name="dir"/> steps from the anchor: "last week" → 2024-W43.</summary>
    private bool UnitPoint(string unit, int dir, out string value)
    {
        value = "";
        if (anchor is not { } a)
        {
            value = unit switch
            {
                "D" => "XXXX-XX-XX",
                "W" => "XXXX-WXX",
                "M" => "XXXX-XX",
                "Q" => "XXXX-QX",
                "Y" or "E" or "C" => "XXXX",
                "WE" => "XXXX-WXX-WE",
                _ => "",
            };
            return value.Length > 0;
        }
        switch (unit)
        {
            case "D":
                value = Timex.Day(a.AddDays(dir));
                return true;
            case "W":
                value = Timex.Week(a.AddDays(7 * dir));
                return true;
            case "WE":
                value = Timex.Week(a.AddDays(7 * dir)) + "-WE";
                return true;
            case "M":
                var m = a.AddMonths(dir);
                value = Timex.Month(m.Year, m.Month);
                return true;
            case "Q":
                var qd = a.AddMonths(3 * dir);
                value = Timex.Quarter(qd.Year, Timex.QuarterOf(qd));
                return true;
            case "Y":
                value = Timex.Year(a.Year + dir);
                return true;
            case "E":
                value = ((a.Year + 10 * dir) / 10).ToString("000", CultureInfo.InvariantCulture);
                return true;
            case "C":
                value = ((a.Year + 100 * dir) / 100).ToString("00", CultureInfo.InvariantCulture);
                return true;
            default:
                return false;
        }
    }

    // ------------------------------------------------ months, weekdays, days, seasons

    private static readonly string[] MonthContext =
        ["in", "since", "until", "till", "by", "from", "through", "during", "before", "after", "of", "early", "late", "mid",
         "last", "next", "this", "between", "to", "and", "or", "end", "beginning", "start", "middle", "that", "for", "on"];

    private bool MonthCore(int start, int i, out TimeHit hit)
    {
        hit = default;
        var w = W(i)!;
        if (!Upper(i))
            return false;
        var k = i + 1;
        if (w.MonthAbbreviation)
        {
            if (IsPunct(k, '.') && t[k].Joined)
                k++;
            else if (!IsNumber(k))
                return false;
        }
        else if (IsPunct(k, '.') && t[k].Joined && W(i)!.Month != 5)
            k = i + 1;

        // "October 31st, 2024", "Oct. 31", "February 2022", "March of 2020", "October, 2024".
        var day = DayNumber(k);
        var year = InRange(k) ? Year(k) : -1;
        if (year < 0 && SpelledYear(k, out var spelled, out var afterSpelled))
        {
            hit = new TimeHit(start, afterSpelled, TimeType.Date, Timex.Month(spelled, w.Month));
            return true;
        }
        if (year < 0 && day > 0 && !(IsPunct(k + 1, ':') && t[k + 1].Joined && IsNumber(k + 2) || IsAny(k + 1, "p.m.", "a.m.", "pm", "am")))
        {
            if (day > DateTime.DaysInMonth(2024, w.Month))
                return false;
            var end = k + 1;
            var y = -1;
            if (IsPunct(end, ',') && InRange(end + 1) && Year(end + 1) > 0)
            {
                y = Year(end + 1);
                end += 2;
            }
            else if (InRange(end) && Year(end) > 0)
            {
                y = Year(end);
                end++;
            }
            else if (DeicticYear(end, out var dy, out var dyEnd))
            {
                y = dy;
                end = dyEnd;
            }
            if (y > 0)
            {
                if (day > DateTime.DaysInMonth(y, w.Month))
                    return false;
                hit = new TimeHit(start, end, TimeType.Date, Timex.Day(new DateOnly(y, w.Month, day)));
                return true;
            }
            // A verb right before the date governs it: "the year ended Jan. 31" is the last Jan. 31, however far back.
            hit = new TimeHit(start, end, TimeType.Date, MonthDayValue(w.Month, day, Tense(i), reach: PastParticipleAt(start - 1) ? 366 : 245));
            return true;
        }
        if (year > 0)
        {
            hit = new TimeHit(start, k + 1, TimeType.Date, Timex.Month(year, w.Month));
            return true;
        }
        if ((Is(k, "of") || IsPunct(k, ',')) && InRange(k + 1) && Year(k + 1) > 0)
        {
            hit = new TimeHit(start, k + 2, TimeType.Date, Timex.Month(Year(k + 1), w.Month));
            return true;
        }
        if (DeicticYear(k, out var deicticYear, out var deicticEnd))
        {
            hit = new TimeHit(start, deicticEnd, TimeType.Date, Timex.Month(deicticYear, w.Month));
            return true;
        }
        if (w.MonthAbbreviation && k == i + 1)
            return false;
        // A bare month name: "may" and "march" need a temporal word before them.
        if (w.MonthAmbiguous && !(IsAny(i - 1, MonthContext) || IsHyphen(i - 1) && Is(i - 2, "mid")))
            return false;
        if (W(k)?.NameAfterWeekday == true && Upper(k))
            return false;
        hit = new TimeHit(start, k, TimeType.Date, MonthValue(w.Month, Tense(i)));
        return true;
    }

    /// <summary>"this year", "last year", "next year" (or "of last year") right after a month or a day of one, naming its year, as HeidelTime
    /// reads "June last year" and "April 24 next year": one expression, not a month and a year.</summary>
    private bool DeicticYear(int k, out int year, out int end)
    {
        year = -1;
        end = k;
        if (anchor is not { } a)
            return false;
        var j = Is(k, "of") ? k + 1 : k;
        if (!IsAny(j, "this", "last", "next") || !Is(j + 1, "year"))
            return false;
        year = a.Year + (Is(j, "last") ? -1 : Is(j, "next") ? 1 : 0);
        end = j + 2;
        return true;
    }

    private bool WeekdayCore(int i, out TimeHit hit)
    {
        hit = default;
        var w = W(i)!;
        if (!Upper(i))
            return false;
        // "Sunday Times", "Saturday Night Live" are names.
        if (W(i + 1)?.NameAfterWeekday == true && Upper(i + 1))
            return false;
        if (w.WeekdayPlural)
        {
            hit = new TimeHit(i, i + 1, TimeType.Set, $"XXXX-WXX-{w.Weekday}");
            return true;
        }
        // "Monday, Oct. 28, 2024", "Friday Oct. 28": the written date wins.
        var k = IsPunct(i + 1, ',') ? i + 2 : i + 1;
        if (W(k)?.Month > 0 && MonthCore(i, k, out var dated) && dated.Value.Length == 10)
        {
            hit = dated;
            return true;
        }
        if (IsNumber(k) && DayFirstDate(k, out dated) && dated.Value.Length == 10)
        {
            hit = dated with { Start = i };
            return true;
        }
        var tense = Tense(i);
        // "called a protest for Saturday": the day something is set for lies ahead, unless what follows says it is past
        // ("a service planned for Saturday was canceled"); "rain through Tuesday" too, unless the clause is past
        // ("stayed closed through Tuesday"). Not a day's event: "arrested for Monday's attack".
        var possessive = IsAny(i + 1, "'s", "’s") || W(i + 1)?.DayPart is not null && IsAny(i + 2, "'s", "’s");
        if (!possessive && (Is(i - 1, "for") && TenseAfter(i) != Times.Tense.Past && !PastPerfectBefore(i - 1) || Is(i - 1, "through") && tense != Times.Tense.Past))
            tense = Times.Tense.Future;
        var value = anchor is not { } a ? $"XXXX-WXX-{w.Weekday}" : Timex.Day(tense switch
        {
            Times.Tense.Future => StepWeekday(a, w.Weekday, 1, strict: false),
            Times.Tense.Present => NearestWeekday(a, w.Weekday),
            _ => StepWeekday(a, w.Weekday, -1, strict: false),
        });
        return WithDayPart(i, i + 1, value, out hit);
    }

    /// <summary>Adds a part of day written after a date: "Friday morning" → 1998-08-07TMO.</summary>
    private bool WithDayPart(int start, int end, string dayValue, out TimeHit hit)
    {
        if (W(end)?.DayPart is { } part && !(IsHyphen(end)))
        {
            hit = new TimeHit(start, end + 1, TimeType.Time, $"{dayValue}T{part}");
            return true;
        }
        hit = new TimeHit(start, end, TimeType.Date, dayValue);
        return true;
    }

    private bool RelativeDay(int i, int offset, TimeWord w, out TimeHit hit)
    {
        var value = anchor is { } a ? Timex.Day(a.AddDays(offset)) : "XXXX-XX-XX";
        if (w.RelativeDayPart is { } part)
        {
            hit = new TimeHit(i, i + 1, TimeType.Time, $"{value}T{part}");
            return true;
        }
        return WithDayPart(i, i + 1, value, out hit);
    }

    private static readonly string[] SeasonContext = ["in", "during", "this", "last", "next", "since", "until", "by", "early", "late", "mid", "of", "through", "the"];

    private bool SeasonCore(int start, int i, out TimeHit hit)
    {
        hit = default;
        var w = W(i)!;
        var season = w.Season!;
        // "summer 2023", "the summer of 2023"
        var y = InRange(i + 1) ? Year(i + 1) : -1;
        if (y > 0)
        {
            hit = new TimeHit(start, i + 2, TimeType.Date, $"{Timex.Year(y)}-{season}");
            return true;
        }
        if (Is(i + 1, "of") && InRange(i + 2) && Year(i + 2) > 0)
        {
            hit = new TimeHit(start, i + 3, TimeType.Date, $"{Timex.Year(Year(i + 2))}-{season}");
            return true;
        }
        if (Is(i + 1, "of") && SpelledYear(i + 2, out var spelled, out var afterSpelled))
        {
            hit = new TimeHit(start, afterSpelled, TimeType.Date, $"{Timex.Year(spelled)}-{season}");
            return true;
        }
        // "shot in Spring", "members of Spring family": a capital inside a sentence makes the word a name (a town), not a season.
        if (start == i && Upper(i) && InRange(i - 1) && t[i - 1].Kind == TimeTokenKind.Word && !Upper(i - 1))
            return false;
        var context = start < i ? IsAny(start - 1, SeasonContext) || Is(start, "the") && IsAny(start - 1, "in", "during", "since", "by", "until", "of", "through")
                                : IsAny(i - 1, SeasonContext);
        if (w.SeasonAmbiguous && !(start < i && context))
            return false;
        if (!context)
            return false;
        var tense = Tense(i);
        hit = new TimeHit(start, i + 1, TimeType.Date,
            SeasonValue(season, w.SeasonStartMonth, tense == Times.Tense.Future ? 1 : tense == Times.Tense.Past ? -1 : 0, strict: false));
        return true;
    }

    private bool SetCore(int i, string set, out TimeHit hit)
    {
        hit = default;
        // "the Daily Nexus", "Farmington Daily Times": a newspaper's name.
        if (Upper(i) && InRange(i + 1) && t[i + 1].Kind == TimeTokenKind.Word && Upper(i + 1))
            return false;
        if (set != "EVERY")
        {
            hit = new TimeHit(i, i + 1, TimeType.Set, set);
            return true;
        }
        var k = Is(i + 1, "other") ? i + 2 : i + 1;
        var step = k > i + 1 ? 2 : 1;
        if (Amount(k, out var n, out var next) && !Is(k, "a") && W(next)?.Unit is { } au)
        {
            hit = new TimeHit(i, next + 1, TimeType.Set, Timex.Duration(n * step, au, W(next)!.UnitIsClock));
            return true;
        }
        var w = W(k);
        if (w is null)
            return false;
        if (w.Unit is { } unit && !w.UnitPlural && unit != "WE")
            hit = new TimeHit(i, k + 1, TimeType.Set, Timex.Duration(step, unit, w.UnitIsClock));
        else if (w.Weekday > 0 && Upper(k))
            hit = new TimeHit(i, k + 1, TimeType.Set, $"XXXX-WXX-{w.Weekday}");
        else if (w.DayPart is { } part)
            hit = new TimeHit(i, k + 1, TimeType.Set, $"XXXX-XX-XXT{part}");
        else if (w.Month > 0 && Upper(k))
            hit = new TimeHit(i, k + 1, TimeType.Set, $"XXXX-{w.Month:00}");
        else if (w.Season is { } season)
            hit = new TimeHit(i, k + 1, TimeType.Set, $"XXXX-{season}");
        else
            return false;
        return true;
    }

    // ------------------------------------------------ resolution against the anchor

    /// <summary>"a year ago": in a report about a quarter, the same quarter a year before (as TimeBank reads it).</summary>
    private string YearAgo()
    {
        _derivedQuarter = true;
        if (_lastQuarter is { } q)
            return Timex.Quarter(q.Year - 1, q.Quarter);
        return anchor is { } a ? Timex.Year(a.Year - 1) : "XXXX";
    }

    private string LastCompletedQuarter()
    {
        _derivedQuarter = true;
        if (_lastQuarter is { } q)
            return Timex.Quarter(q.Year, q.Quarter);
        if (anchor is not { } a)
            return "XXXX-QX";
        var d = a.AddMonths(-3);
        return Timex.Quarter(d.Year, Timex.QuarterOf(d));
    }

    /// <summary>"the third quarter": this year's, unless it has not begun and the report is not about the future.</summary>
    private string QuarterValue(int q, Tense tense)
    {
        if (anchor is not { } a)
            return $"XXXX-Q{q}";
        var y = q > Timex.QuarterOf(a) && tense != Times.Tense.Future ? a.Year - 1 : a.Year;
        return Timex.Quarter(y, q);
    }

    private string Weekend(Tense tense)
    {
        if (anchor is not { } a)
            return "XXXX-WXX-WE";
        var day = (int)IsoDay(a);
        var d = tense == Times.Tense.Future || day >= 6 ? a : a.AddDays(-7);
        return Timex.Week(d) + "-WE";
    }

    private string Shift(string unit, bool clock, int n)
    {
        if (anchor is not { } a)
            return unit switch { "W" => "XXXX-WXX", "M" when !clock => "XXXX-XX", "Y" => "XXXX", _ => "XXXX-XX-XX" };
        // An offset beyond the calendar ("99 centuries ago", "10,000,000 days") is only "past" or "future".
        var beyond = n < 0 ? Timex.PastRef : Timex.FutureRef;
        try
        {
            var value = unit switch
            {
                "D" => Timex.Day(a.AddDays(n)),
                "W" or "2W" => Timex.Week(a.AddDays(7 * n * (unit == "2W" ? 2 : 1))),
                "WE" => Timex.Week(a.AddDays(7 * n)) + "-WE",
                "M" when !clock => Timex.Month(a.AddMonths(n).Year, a.AddMonths(n).Month),
                "Q" => Timex.Quarter(a.AddMonths(3 * n).Year, Timex.QuarterOf(a.AddMonths(3 * n))),
                "Y" => Timex.Year(a.Year + n),
                "E" => ((a.Year + 10 * n) / 10).ToString("000", CultureInfo.InvariantCulture),
                "C" => ((a.Year + 100 * n) / 100).ToString("00", CultureInfo.InvariantCulture),
                "L" => ((a.Year + 1000 * n) / 1000).ToString("0", CultureInfo.InvariantCulture) + "XXX",
                _ => Timex.Day(a),
            };
            return Timex.IsValid(value) ? value : beyond;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            return beyond;
        }
    }

    private string MonthValue(int month, Tense tense)
    {
        if (anchor is not { } a)
            return $"XXXX-{month:00}";
        // Without a tense, this year's unless that is more than two months ahead: news reports the past.
        var y = tense switch
        {
            Times.Tense.Past => month <= a.Month ? a.Year : a.Year - 1,
            Times.Tense.Future => month >= a.Month ? a.Year : a.Year + 1,
            _ => month > a.Month + 2 ? a.Year - 1 : a.Year,
        };
        return Timex.Month(y, month);
    }

    private static readonly string[] WeekdayKeys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>A holiday of holidays.tsv in one year: "12-25" a fixed day, "11-thu4" the fourth Thursday of November.</summary>
    private static DateOnly? HolidayIn(int year, string value)
    {
        var month = int.Parse(value.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var rest = value.AsSpan(3);
        if (char.IsAsciiDigit(rest[0]))
        {
            var day = int.Parse(rest, CultureInfo.InvariantCulture);
            return day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
        }
        var weekday = Array.IndexOf(WeekdayKeys, rest[..3].ToString()) + 1;
        var first = new DateOnly(year, month, 1);
        // "11-mon1+1": the day after the first Monday (the US Election Day).
        var after = rest.Length > 5 && rest[4] == '+' ? rest[5] - '0' : 0;
        return first.AddDays((weekday - IsoDay(first) + 7) % 7 + 7 * (rest[3] - '1') + after);
    }

    /// <summary>A day written without its year: within eight months, the next one for future tense and the last one for past tense; else the nearest not more than two months ahead (news rarely omits the year of a date a year away, and reports the past).</summary>
    private string MonthDayValue(int month, int day, Tense tense, int reach = 245)
    {
        if (anchor is null)
            return $"XXXX-{month:00}-{day:00}";
        var pick = PickYear(y => day <= DateTime.DaysInMonth(y, month) ? new DateOnly(y, month, day) : null, tense, reach);
        return pick is { } p ? Timex.Day(p) : $"XXXX-{month:00}-{day:00}";
    }

    /// <summary>The year of a day named without one (<see cref="MonthDayValue"/>), for any rule that makes the day of a year.</summary>
    private DateOnly? PickYear(Func<int, DateOnly?> Make, Tense tense, int reach = 245)
    {
        if (anchor is not { } a)
            return null;
        DateOnly? pick = tense switch
        {
            Times.Tense.Future when (Make(a.Year) is { } d && d >= a ? d : Make(a.Year + 1)) is { } next && next.DayNumber - a.DayNumber <= reach => next,
            // Past tense reaches back most of a year ("had revenue in the year ended March 31"), no further.
            Times.Tense.Past when (Make(a.Year) is { } d && d <= a ? d : Make(a.Year - 1)) is { } last && a.DayNumber - last.DayNumber <= reach => last,
            // Else the nearest; but news reports the past, so without a cue of now or later (no tense, or a
            // past beyond reach) a day more than two months ahead is last year's. "The hearing is April 20" stays ahead.
            _ => new[] { Make(a.Year - 1), Make(a.Year), Make(a.Year + 1) }
                .Where(d => d is { } n && (tense is Times.Tense.Present or Times.Tense.Future || n.DayNumber - a.DayNumber <= UntensedAhead))
                .OrderBy(d => Math.Abs(d!.Value.DayNumber - a.DayNumber)).FirstOrDefault(),
        };
        return pick;
    }

    private string SeasonValue(string season, int startMonth, int dir, bool strict)
    {
        if (anchor is not { } a)
            return $"XXXX-{season}";
        // A season belongs to the year it begins in; the current one is the one begun most recently.
        var startThisYear = new DateOnly(a.Year, startMonth, 1);
        var current = startThisYear <= a ? a.Year : a.Year - 1;
        var ongoing = a < new DateOnly(current, startMonth, 1).AddMonths(3);
        var y = dir < 0 ? (ongoing && strict ? current - 1 : current)
            : dir > 0 ? (ongoing && !strict ? current : current + 1)
            : ongoing ? current : (startThisYear > a ? a.Year : current);
        return $"{Timex.Year(y)}-{season}";
    }

    private static int IsoDay(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    /// <summary>The weekday before (dir -1) or after (dir 1) the anchor; today counts unless strict.</summary>
    private static DateOnly StepWeekday(DateOnly a, int weekday, int dir, bool strict)
    {
        var today = IsoDay(a);
        var diff = dir < 0 ? (today - weekday + 7) % 7 : (weekday - today + 7) % 7;
        if (diff == 0 && strict)
            diff = 7;
        return a.AddDays(dir * diff);
    }

    private static DateOnly NearestWeekday(DateOnly a, int weekday)
    {
        var back = StepWeekday(a, weekday, -1, strict: false);
        var ahead = StepWeekday(a, weekday, 1, strict: false);
        return ahead.DayNumber - a.DayNumber < a.DayNumber - back.DayNumber ? ahead : back;
    }

    private static readonly string[] GovernedBy =
        ["the", "early", "late", "mid", "end", "beginning", "start", "middle", "of", "on", "in", "at", "noon", "midnight", "a.m.", "p.m."];

    /// <summary>
    /// The tense of the clause around token <paramref name="i"/>: a deadline preposition governing it
    /// ("until Tuesday", "as soon as Tuesday", "by May" in a clause not in the past) points ahead, "since" back; else the nearest tense cue (a verb form from
    /// tense.tsv, or a past "-ed" form) within the sentence and not across a quotation's closing mark. A reporting verb before the
    /// expression dates it when no nearer verb does ("said in parliament in Maputo on Monday"), and one after it ends
    /// the search there ("In an interview on Friday, the minister said he would …"): what follows it is what was said.
    /// </summary>
    private Tense Tense(int i)
    {
        var g = i - 1;
        while (InRange(g) && i - g <= 5 && (IsHyphen(g) || IsAny(g, GovernedBy) || IsNumber(g) || W(g)?.TimeZone == true))
            g--;
        var deadline = W(g)?.Tense == Times.Tense.Deadline && !Upper(g);
        // "by Friday" follows the clause's tense, and so does "until" after a negation ("nobody came until Sunday
        // morning"); otherwise "until" looks ahead ("postponed until Tuesday morning").
        if (deadline && !(Is(g, "by") || IsAny(g, "until", "till") && NegatedBefore(g)) || Is(g, "as") && IsAny(g - 1, "soon", "early") && Is(g - 2, "as"))
            return Times.Tense.Future;
        if (W(g)?.Tense == Times.Tense.Origin && !Upper(g))
            return Times.Tense.Past;
        // "a rise of 3.5 per cent from July", "starting in May": a month when something begins, ahead unless the clause
        // is past ("fell from July to September"); not a weekday ("footage from Saturday shows"), nor a figure's "from"
        // ("up from 612 on Thursday").
        var onset = IsAny(g, "from", "starting") && !Upper(g) && W(i)?.Month > 0 && !Enumerable.Range(g + 1, i - g - 1).Any(IsNumber);

        var best = Times.Tense.Unknown;
        var bestDistance = int.MaxValue;
        for (var dirStep = -1; dirStep <= 1; dirStep += 2)
        {
            for (var j = i + dirStep; InRange(j) && Math.Abs(j - i) <= TenseWindow; j += dirStep)
            {
                var tok = t[j];
                if (SentenceBreak(j) || QuotationMark(j))
                    break;
                if (tok.Kind != TimeTokenKind.Word)
                    continue;
                // "would begin inspecting on Thursday and urged people …", "would start flying on Monday if the weather
                // allowed": past the conjunction is another verb's clause.
                if (dirStep > 0 && best != Times.Tense.Unknown && IsAny(j, ClauseOpeners))
                    break;
                var distance = Math.Abs(j - i) + (dirStep > 0 ? 1 : 0);
                // "cut-off areas", "set-up costs": a hyphened word is no verb.
                if (IsHyphen(j - 1) || IsHyphen(j + 1))
                    continue;
                var cue = Cue(j);
                // Right beside the expression a reporting verb dates it ("said Friday", "on Tuesday announced"); further
                // after it, it closes the clause ("… in early March, an official said", "on Friday, the minister said he
                // would"); further before it, it dates it when no nearer verb does ("said in parliament on Monday").
                if (cue == Times.Tense.Reported)
                {
                    if (dirStep > 0 && distance > 2)
                        break;
                    cue = Times.Tense.Past;
                }
                if (cue == Times.Tense.Prospective)
                    cue = dirStep < 0 && Is(j + 1, "to") ? Times.Tense.Future : S(j).EndsWith("ed", StringComparison.Ordinal) ? Times.Tense.Past : Times.Tense.Unknown;
                // "the order takes effect on Friday" lies ahead; after the expression the verb may be another clause's
                // ("According to Friday's report, the base meets …").
                if (cue == Times.Tense.Timetabled)
                    cue = dirStep < 0 && !Is(j - 1, "to") && !NegatedBefore(j) ? Times.Tense.Future : Times.Tense.Unknown;
                if (cue is Times.Tense.Unknown or Times.Tense.Neutral or Times.Tense.Deadline or Times.Tense.Origin)
                    continue;
                if (distance < bestDistance)
                {
                    best = cue;
                    bestDistance = distance;
                }
                break;
            }
        }
        // "by Friday" is a deadline unless the clause is in the past ("had filed reports by Wednesday").
        return (deadline || onset) && best != Times.Tense.Past ? Times.Tense.Future : best;
    }

    /// <summary>
    /// A double quotation mark (or two apostrophes) that closes quoted speech: after its closing comma or stop
    /// ("… we will publish them,” Matsinhe said"). Not one around a title ("live on “Valley Tonight” on Wednesday").
    /// </summary>
    private bool QuotationMark(int j)
    {
        if (t[j].Kind != TimeTokenKind.Punctuation)
            return false;
        var c = text[t[j].Start];
        var k = j - 1;
        if (c == '\'' && InRange(k) && t[k].End == t[j].Start && text[t[k].Start] == '\'')
            k--;
        else if (c is not ('"' or '”'))
            return false;
        return InRange(k) && t[k].Kind == TimeTokenKind.Punctuation && t[k].End == t[k + 1].Start && text[t[k].Start] is ',' or '.' or '?' or '!';
    }

    /// <summary>The tense of the nearest cue after token <paramref name="i"/> in its clause, Unknown without one.</summary>
    private Tense TenseAfter(int i)
    {
        for (var j = i + 1; InRange(j) && j - i <= TenseWindow; j++)
        {
            if (SentenceBreak(j) || QuotationMark(j) || IsAny(j, ClauseOpeners))
                break;
            if (t[j].Kind == TimeTokenKind.Word && Cue(j) is var cue and not (Times.Tense.Unknown or Times.Tense.Neutral or Times.Tense.Deadline or Times.Tense.Origin or Times.Tense.Reported or Times.Tense.Prospective or Times.Tense.Timetabled))
                return cue;
        }
        return Times.Tense.Unknown;
    }

    /// <summary>"had been scheduled for Sunday": a plan in the past perfect, a few words before <paramref name="g"/> in its sentence.</summary>
    private bool PastPerfectBefore(int g)
    {
        for (var k = g - 1; InRange(k) && g - k <= 4; k--)
        {
            if (SentenceBreak(k))
                return false;
            if (Is(k, "had") && Is(k + 1, "been"))
                return true;
        }
        return false;
    }

    /// <summary>A negation in the few words before <paramref name="g"/>, within its sentence.</summary>
    private bool NegatedBefore(int g)
    {
        for (var k = g - 1; InRange(k) && g - k <= 8; k--)
        {
            if (SentenceBreak(k))
                return false;
            if (IsAny(k, "not", "no", "nobody", "never", "nothing", "none", "neither", "nor") || S(k).EndsWith("n't", StringComparison.Ordinal) || S(k).EndsWith("n’t", StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>A line break or a sentence's closing mark at <paramref name="j"/> (not the period of an initial).</summary>
    private bool SentenceBreak(int j) =>
        t[j].Kind == TimeTokenKind.Break || t[j].Kind == TimeTokenKind.Punctuation && text[t[j].Start] is '.' or '!' or '?' or ';' && !Initial(j)
        || MeridiemClosesSentence(j);

    /// <summary>
    /// "on Thursday at 11 a.m. The parish has asked …": the marker's period ends the sentence when a capitalized word
    /// that tells no time follows ("6 p.m. Monday", "9 a.m. EST", "5 p.m. Nov. 9" go on).
    /// </summary>
    private bool MeridiemClosesSentence(int j) =>
        t[j].Kind == TimeTokenKind.Word && W(j)?.Meridiem is not null && text[t[j].End - 1] == '.'
        && InRange(j + 1) && t[j + 1].Kind == TimeTokenKind.Word && Upper(j + 1)
        && W(j + 1) is not ({ Month: > 0 } or { Weekday: > 0 } or { TimeZone: true } or { RelativeDay: not null } or { Deictic: not null });

    /// <summary>True when the period at <paramref name="j"/> closes an initial ("Daniel P. Davison"), not a sentence.</summary>
    private bool Initial(int j) =>
        text[t[j].Start] == '.' && InRange(j - 1) && InRange(j + 1) && t[j - 1].Length == 1 && t[j - 1].End == t[j].Start && char.IsUpper(text[t[j - 1].Start])
        && t[j + 1].Kind == TimeTokenKind.Word && Upper(j + 1);

    private bool PastParticipleAt(int j) => Cue(j) is Times.Tense.Past or Times.Tense.Prospective && S(j).EndsWith("ed", StringComparison.Ordinal);

    private static readonly string[] Determiners = ["the", "a", "an", "its", "his", "her", "their", "our", "still"];

    /// <summary>Words that open another clause after a date, whose verb does not date it: conjunctions, "that" of
    /// reported speech and a pronoun subject ("told CVN9 on Thursday she planned to …").</summary>
    private static readonly string[] ClauseOpeners = ["and", "but", "if", "unless", "whether", "because", "although", "though", "while", "when", "where",
        "that", "he", "she", "they", "we", "it", "i"];

    /// <summary>Places one goes to named with no article ("going to church"), which "going to" does not make a plan.</summary>
    private static readonly string[] Destinations = ["church", "school", "work", "bed", "hospital", "jail", "prison", "court", "college", "class", "mass", "town", "market"];

    private static readonly string[] Modals = ["would", "should", "could", "can", "may", "might", "must"];

    private bool Modal(int j) => IsAny(j, Modals);

    private Tense Cue(int j)
    {
        if (!InRange(j) || t[j].Kind != TimeTokenKind.Word)
            return Times.Tense.Unknown;
        var s = S(j);
        Tense cue;
        if (W(j) is { } w && w.Tense != Times.Tense.Unknown)
            cue = w.Tense;
        else if (s.Length >= 5 && s.EndsWith("ed", StringComparison.Ordinal) && char.IsLower(s[0])
                 // "unspecified date", "the proposed merger": adjectives, not verbs.
                 && !s.StartsWith("un", StringComparison.Ordinal) && !IsAny(j - 1, Determiners))
            cue = Times.Tense.Past;
        else
            return Times.Tense.Unknown;
        // "announced plans to", "its plans for": the noun, which dates nothing; the verb that governs it does.
        if (cue == Times.Tense.Future && IsAny(j, "plans", "plan") && (IsAny(j - 1, Determiners) || IsAny(j - 1, "new", "no", "any")
                                                                          || Cue(j - 1) is Times.Tense.Past or Times.Tense.Reported))
            return Times.Tense.Unknown;
        // A plan in the past perfect lies behind the report: "it had been due to expire Friday", "had been scheduled to expire at midnight Friday",
        // and so does a possibility's perfect ("may have died on Monday"); "would have" is what did not happen ("what would
        // have been his birthday in June"), and tells nothing.
        if (cue == Times.Tense.Future && Modal(j) && IsAny(j + 1, "have", "'ve", "’ve"))
            return Is(j, "would") ? Times.Tense.Unknown : Times.Tense.Past;
        if (cue == Times.Tense.Future && Is(j - 1, "been") && Is(j - 2, "had"))
            return Times.Tense.Past;
        // "can" and "may" are verbs only before one: not "a garbage can Saturday morning", "in May".
        if (IsAny(j, "can", "may") && !(InRange(j + 1) && t[j + 1].Kind == TimeTokenKind.Word && !Upper(j + 1)))
            return Times.Tense.Unknown;
        // "was still going late Tuesday", "was going to church on Sunday": only "going to" with a verb tells what is to come
        // ("is going to court on Monday" is a plan).
        if (Is(j, "going") && !(Is(j + 1, "to") && !IsAny(j + 2, Determiners) && !(IsAny(j + 2, Destinations) && IsAny(j - 1, "was", "were"))))
            return Times.Tense.Unknown;
        // "could not reach them on Monday": what was not possible, not what is to come.
        if (Is(j, "could") && (IsAny(j + 1, "not", "never") || NegatedBefore(j)))
            return Times.Tense.Unknown;
        // "is to resume trading Tuesday": an arrangement, so ahead.
        if (cue == Times.Tense.Present && IsAny(j, "is", "are") && Is(j + 1, "to") && InRange(j + 2) && t[j + 2].Kind == TimeTokenKind.Word && !Upper(j + 2)
            && W(j + 2) is null)
            return Times.Tense.Future;
        // An auxiliary takes the tense of the plan it carries: "were planning to", "is expected to".
        if (cue is Times.Tense.Past or Times.Tense.Present && IsAny(j, "was", "were", "is", "are")
            && W(j + 1)?.Tense == Times.Tense.Future && (!Is(j + 1, "going") || Is(j + 2, "to") && !IsAny(j + 3, Determiners) && !(IsAny(j + 3, Destinations) && IsAny(j, "was", "were"))))
            return Times.Tense.Future;
        if (cue == Times.Tense.Past)
        {
            // "set to resume", "set for April": scheduled, so ahead.
            if (Is(j, "set") && IsAny(j + 1, "to", "for"))
                return Times.Tense.Future;
            // A passive after "is"/"are" is present ("the case is heard in May"); after "be" it is the modal's ("would be paid").
            if (IsAny(j - 1, "is", "are"))
                return Times.Tense.Present;
            if (IsAny(j - 1, "be"))
                return Times.Tense.Unknown;
        }
        return cue;
    }
}
