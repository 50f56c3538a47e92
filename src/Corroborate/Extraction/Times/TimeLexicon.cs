using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Corroborate.Lexicons;

namespace Corroborate.Extraction.Times;

/// <summary>
/// Which way a tense cue points. <see cref="Reported"/> is a past reporting verb ("said"): it dates the
/// expression right beside it ("said Friday") and is looked past otherwise. <see cref="Deadline"/> is a
/// preposition that points ahead when it governs the expression ("until Tuesday", "by February"),
/// <see cref="Origin"/> one that points back ("since March"). <see cref="Prospective"/> is a commitment
/// ("agreed", "agreement") whose infinitive points ahead to an expression after it.
/// </summary>
/// <remarks><see cref="Timetabled"/>: a present tense of a scheduled event ("takes effect", "resumes"), ahead when it comes before the expression.</remarks>
internal enum Tense : byte { Unknown, Past, Present, Future, Neutral, Reported, Deadline, Origin, Prospective, Timetabled }

/// <summary>What a multi-word phrase of the temporal lexicon is.</summary>
internal enum PhraseKind : byte { Reference, PointModifier, AmountModifier, Holiday }

/// <summary>A multi-word entry ("the coming days", "the end of", "new year's eve"), as tokens.</summary>
internal sealed record TimePhrase(ImmutableArray<string> Words, PhraseKind Kind, string Value, bool Adjective = false);

/// <summary>A numeric date form: an anchored regex whose groups y, m, d give the parts.</summary>
internal sealed record NumericDatePattern(string Name, Regex Pattern);

/// <summary>
/// Everything the temporal lexicon says about one word; each field comes from one family file
/// under <c>data/en/time/</c>. Immutable.
/// </summary>
internal sealed record TimeWord
{
    public int Month { get; init; }
    public bool MonthAmbiguous { get; init; }
    public bool MonthAbbreviation { get; init; }
    public int Weekday { get; init; }
    public bool WeekdayPlural { get; init; }
    /// <summary>TIMEX3 duration designator: Y, M, W, D, H, M (after T), S, Q, E, C, L, WE.</summary>
    public string? Unit { get; init; }
    public bool UnitIsClock { get; init; }
    public bool UnitPlural { get; init; }
    public bool UnitQualifier { get; init; }
    public int? DecadeDigit { get; init; }
    public bool NotYearBefore { get; init; }
    public bool NotYearAfter { get; init; }
    /// <summary>Number word value; -1 for vague amounts ("several").</summary>
    public int? Number { get; init; }
    public int? Ordinal { get; init; }
    public string? Season { get; init; }
    public int SeasonStartMonth { get; init; }
    public bool SeasonAmbiguous { get; init; }
    public string? DayPart { get; init; }
    public int? RelativeDay { get; init; }
    public string? RelativeDayPart { get; init; }
    public int? Deictic { get; init; }
    public string? Set { get; init; }
    public Tense Tense { get; init; }
    /// <summary>After a weekday, makes it a name ("Sunday Times").</summary>
    public bool NameAfterWeekday { get; init; }
    /// <summary>Hours added by a meridiem marker (0 for a.m., 12 for p.m.).</summary>
    public int? Meridiem { get; init; }
    /// <summary>A named clock time ("noon" → 12:00).</summary>
    public string? Clock { get; init; }
    public bool OClock { get; init; }
    public bool TimeZone { get; init; }
}

/// <summary>
/// The English temporal lexicon: one file per family under <c>data/en/time/</c> (months,
/// weekdays, units, numbers, seasons, deictics, modifiers, references, sets, tense cues,
/// numeric patterns …), loaded once into frozen tables. Regexes are compiled and warmed at load,
/// each with <see cref="LanguageData.RegexTimeout"/>. A missing or malformed file is an error
/// naming the file and line. Immutable; thread-safe.
/// </summary>
public sealed partial class TimeLexicon
{
    private TimeLexicon(FrozenDictionary<string, TimeWord> words, FrozenDictionary<string, ImmutableArray<TimePhrase>> phrases,
        ImmutableArray<NumericDatePattern> numeric)
    {
        Words = words;
        WordLookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        Phrases = phrases;
        PhraseLookup = phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        NumericDates = numeric;
    }

    internal FrozenDictionary<string, TimeWord> Words { get; }
    internal FrozenDictionary<string, TimeWord>.AlternateLookup<ReadOnlySpan<char>> WordLookup { get; }
    /// <summary>Multi-word phrases by their first word, longest first.</summary>
    internal FrozenDictionary<string, ImmutableArray<TimePhrase>> Phrases { get; }
    internal FrozenDictionary<string, ImmutableArray<TimePhrase>>.AlternateLookup<ReadOnlySpan<char>> PhraseLookup { get; }
    internal ImmutableArray<NumericDatePattern> NumericDates { get; }

    /// <summary>Loads the English temporal lexicon. Throws <see cref="InvalidDataException"/> naming the file at fault.</summary>
    public static TimeLexicon LoadEnglish()
    {
        var words = new Dictionary<string, TimeWord>(StringComparer.OrdinalIgnoreCase);
        void Set(string word, Func<TimeWord, TimeWord> change) =>
            words[word] = change(words.TryGetValue(word, out var w) ? w : new TimeWord());

        foreach (var (f, file, line) in Rows("months.tsv", 2))
        {
            var month = Int(f[1], file, line);
            var flags = f.Length > 2 ? f[2] : "";
            Set(f[0], w => w with { Month = month, MonthAmbiguous = flags == "ambiguous", MonthAbbreviation = flags == "abbrev" });
        }
        foreach (var (f, file, line) in Rows("weekdays.tsv", 2))
        {
            var day = Int(f[1], file, line);
            Set(f[0], w => w with { Weekday = day, WeekdayPlural = f.Length > 2 && f[2] == "plural" });
        }
        foreach (var (f, _, _) in Rows("units.tsv", 2))
        {
            // "M" is month among dates and minute among clock units; the word says which.
            var clock = f[0].StartsWith("minute", StringComparison.Ordinal) || f[0].StartsWith("hour", StringComparison.Ordinal)
                        || f[0].StartsWith("second", StringComparison.Ordinal);
            Set(f[0], w => w with { Unit = f[1], UnitIsClock = clock, UnitPlural = f.Length > 2 && f[2] == "plural" });
        }
        foreach (var (f, file, line) in Rows("year-negatives.tsv", 2))
        {
            var before = f[1] switch
            {
                "before" => true,
                "after" => false,
                _ => throw new InvalidDataException($"data/en/time/{file} line {line}: expected before|after"),
            };
            Set(f[0], w => before ? w with { NotYearBefore = true } : w with { NotYearAfter = true });
        }
        foreach (var (f, file, line) in Rows("decade-words.tsv", 2))
        {
            var digit = Int(f[1], file, line);
            Set(f[0], w => w with { DecadeDigit = digit });
        }
        foreach (var (f, _, _) in Rows("unit-qualifiers.txt", 1))
            Set(f[0], w => w with { UnitQualifier = true });
        foreach (var (f, file, line) in Rows("numbers.tsv", 2))
        {
            var value = f[1] == "X" ? -1 : Int(f[1], file, line);
            Set(f[0], w => w with { Number = value });
        }
        foreach (var (f, file, line) in Rows("ordinals.tsv", 2))
        {
            var value = Int(f[1], file, line);
            Set(f[0], w => w with { Ordinal = value });
        }
        foreach (var (f, file, line) in Rows("seasons.tsv", 3))
        {
            var start = Int(f[2], file, line);
            Set(f[0], w => w with { Season = f[1], SeasonStartMonth = start, SeasonAmbiguous = f.Length > 3 && f[3] == "ambiguous" });
        }
        foreach (var (f, _, _) in Rows("dayparts.tsv", 2))
            Set(f[0], w => w with { DayPart = f[1] });
        foreach (var (f, file, line) in Rows("relative-days.tsv", 2))
        {
            var offset = Int(f[1], file, line);
            Set(f[0], w => w with { RelativeDay = offset, RelativeDayPart = f.Length > 2 && f[2].Length > 0 ? f[2] : null });
        }
        foreach (var (f, file, line) in Rows("deictics.tsv", 2))
        {
            var direction = Int(f[1], file, line);
            Set(f[0], w => w with { Deictic = direction });
        }
        foreach (var (f, _, _) in Rows("sets.tsv", 2))
            Set(f[0], w => w with { Set = f[1] });
        foreach (var (f, file, line) in Rows("tense.tsv", 2))
        {
            if (!Enum.TryParse<Tense>(f[1], ignoreCase: true, out var tense))
                throw new InvalidDataException($"data/en/time/{file} line {line}: expected past, present, future, neutral, reported, deadline, origin or prospective");
            Set(f[0], w => w with { Tense = tense });
        }
        foreach (var (f, _, _) in Rows("negatives.tsv", 2))
            Set(f[0], w => w with { NameAfterWeekday = true });
        foreach (var (f, file, line) in Rows("dayparts-clock.tsv", 3))
        {
            switch (f[1])
            {
                case "meridiem":
                    var hours = Int(f[2], file, line);
                    Set(f[0], w => w with { Meridiem = hours });
                    break;
                case "clock":
                    Set(f[0], w => w with { Clock = f[2] });
                    break;
                case "oclock":
                    Set(f[0], w => w with { OClock = true });
                    break;
                default:
                    throw new InvalidDataException($"data/en/time/{file} line {line}: expected meridiem|clock|oclock");
            }
        }
        foreach (var (f, _, _) in Rows("timezones.txt", 1))
            Set(f[0], w => w with { TimeZone = true });

        var phrases = new List<TimePhrase>();
        foreach (var (f, file, line) in Rows("references.tsv", 3))
            phrases.Add(new TimePhrase(Split(f[0]), PhraseKind.Reference, f[1], Adjective: f.Length > 3 && f[3] == "adjective"));
        foreach (var (f, file, line) in Rows("modifiers.tsv", 3))
        {
            var kind = f[2] switch
            {
                "point" => PhraseKind.PointModifier,
                "amount" => PhraseKind.AmountModifier,
                _ => throw new InvalidDataException($"data/en/time/{file} line {line}: expected point|amount"),
            };
            phrases.Add(new TimePhrase(Split(f[0]), kind, f[1]));
        }
        foreach (var (f, file, line) in Rows("holidays.tsv", 2))
        {
            if (!HolidayDay().IsMatch(f[1]))
                throw new InvalidDataException($"data/en/time/{file} line {line}: expected MM-DD, MM-dddN (11-thu4) or MM-dddN+D (11-mon1+1)");
            phrases.Add(new TimePhrase(Split(f[0]), PhraseKind.Holiday, f[1]));
        }

        var byFirst = phrases.GroupBy(p => p.Words[0], StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(
            g => g.Key, g => g.OrderByDescending(p => p.Words.Length).ToImmutableArray(), StringComparer.OrdinalIgnoreCase);
        return new TimeLexicon(words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), byFirst, LoadNumeric("numeric.json"));
    }

    [GeneratedRegex(@"^(0[1-9]|1[0-2])-([0-3][0-9]|(mon|tue|wed|thu|fri|sat|sun)[1-5](\+[1-6])?)$", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex HolidayDay();

    /// <summary>A phrase as the scanner will see it: "new year's eve" → new, year, 's, eve.</summary>
    private static ImmutableArray<string> Split(string phrase)
    {
        var words = ImmutableArray.CreateBuilder<string>();
        foreach (var t in TimeTokenizer.Tokenize(phrase))
        {
            if (t.Kind != TimeTokenKind.Break)
                words.Add(phrase[t.Start..t.End]);
        }
        return words.ToImmutable();
    }

    private static ImmutableArray<NumericDatePattern> LoadNumeric(string file)
    {
        using var json = JsonDocument.Parse(Read(file));
        var patterns = ImmutableArray.CreateBuilder<NumericDatePattern>();
        var i = 0;
        foreach (var p in json.RootElement.GetProperty("patterns").EnumerateArray())
        {
            i++;
            try
            {
                var regex = new Regex(p.GetProperty("pattern").GetString()!,
                    RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture, LanguageData.RegexTimeout);
                // Compile now, at load, so the first article's match does not pay for code generation.
                regex.IsMatch("2024-10-31");
                patterns.Add(new NumericDatePattern(p.GetProperty("name").GetString()!, regex));
            }
            catch (Exception e) when (e is ArgumentException or KeyNotFoundException or InvalidOperationException)
            {
                throw new InvalidDataException($"data/en/time/{file} pattern {i}: {e.Message}", e);
            }
        }
        return patterns.ToImmutable();
    }

    private static int Int(string s, string file, int line) =>
        int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new InvalidDataException($"data/en/time/{file} line {line}: '{s}' is not a number");

    private static IEnumerable<(string[] Fields, string File, int Line)> Rows(string file, int minFields)
    {
        var number = 0;
        foreach (var raw in Read(file).Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var fields = line.Split('\t');
            if (fields.Length < minFields || fields[0].Length == 0)
                throw new InvalidDataException($"data/en/time/{file} line {number}: expected {minFields} tab-separated fields");
            yield return (fields, file, number);
        }
    }

    private static string Read(string file) => EmbeddedData.Read("en/time/" + file);
}
