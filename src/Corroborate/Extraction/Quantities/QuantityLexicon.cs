using Corroborate.Lexicons;
using System.Collections.Frozen;
using System.Globalization;
using Corroborate.Model;

namespace Corroborate.Extraction.Quantities;

/// <summary>How a hedge phrase bounds a figure: factors of the value, null for an open side.</summary>
public sealed record HedgeRule(Hedge Hedge, decimal? LowFactor, decimal? HighFactor);

/// <summary>A vague amount ("dozens") with its conservative value and upper bound.</summary>
public sealed record VagueAmount(decimal Value, decimal High);

/// <summary>A scale word or suffix ("million", "bn").</summary>
public sealed record Scale(decimal Multiplier, bool AsWord, bool AsSuffix);

/// <summary>What a word of <c>attribution.tsv</c> does around a speech cue.</summary>
public enum AttributionRole { According, Skip, Boundary, Pronoun, Title, SourceNoun, Possessive, Agent, Giving, Pledge, Proposal }

/// <summary>What a word of <c>context.tsv</c> says about a figure beside it.</summary>
[Flags]
public enum ContextKind
{
    None = 0,
    Month = 1 << 0,
    Weekday = 1 << 1,
    Clock = 1 << 2,
    Street = 1 << 3,
    Address = 1 << 4,
    Age = 1 << 5,
    Period = 1 << 6,
    RateWord = 1 << 7,
    RateLead = 1 << 8,
    Place = 1 << 9,
    PlaceWord = 1 << 10,
    Stop = 1 << 11,
    Call = 1 << 12,
    AgeAfter = 1 << 13,
    Bore = 1 << 14,
    Phone = 1 << 15,
    Station = 1 << 16,
    Clause = 1 << 17,
    CountNoun = 1 << 18,
    CountLink = 1 << 19,
    PutVerb = 1 << 20,
    Reading = 1 << 21,
    MeasureLink = 1 << 22,
    Collective = 1 << 23,
    HeldTally = 1 << 24,
    Holding = 1 << 25,
}

/// <summary>
/// Multi-word phrases over tokens, matched case-insensitively forwards from a first token or
/// backwards from a last one; the longest phrase wins. Immutable; thread-safe.
/// </summary>
public sealed class PhraseTable<T>
{
    private readonly FrozenDictionary<string, (string[] Words, T Value)[]> _byFirst;
    private readonly FrozenDictionary<string, (string[] Words, T Value)[]> _byLast;
    private readonly FrozenDictionary<string, (string[] Words, T Value)[]>.AlternateLookup<ReadOnlySpan<char>> _first;
    private readonly FrozenDictionary<string, (string[] Words, T Value)[]>.AlternateLookup<ReadOnlySpan<char>> _last;

    public PhraseTable(IEnumerable<(string Phrase, T Value)> entries)
    {
        var list = entries.Select(e => (Words: e.Phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries), e.Value)).ToList();
        _byFirst = list.GroupBy(e => e.Words[0], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(e => e.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        _byLast = list.GroupBy(e => e.Words[^1], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(e => e.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        _first = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        _last = _byLast.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The longest phrase starting at token <paramref name="i"/>, within [.., end).</summary>
    public bool MatchForward(in TokenView v, int i, int end, out int length, out T value)
    {
        length = 0;
        value = default!;
        if (i < 0 || i >= end || !_first.TryGetValue(v.Chars(i), out var candidates))
            return false;
        foreach (var (words, val) in candidates)
        {
            if (i + words.Length > end)
                continue;
            var ok = true;
            for (var k = 1; k < words.Length && ok; k++)
                ok = v.Is(i + k, words[k]);
            if (ok)
            {
                length = words.Length;
                value = val;
                return true;
            }
        }
        return false;
    }

    /// <summary>The longest phrase ending at token <paramref name="last"/>, within [start, ..].</summary>
    public bool MatchBackward(in TokenView v, int last, int start, out int length, out T value)
    {
        length = 0;
        value = default!;
        if (last < start || last >= v.Count || !_last.TryGetValue(v.Chars(last), out var candidates))
            return false;
        foreach (var (words, val) in candidates)
        {
            var first = last - words.Length + 1;
            if (first < start)
                continue;
            var ok = true;
            for (var k = 0; k < words.Length - 1 && ok; k++)
                ok = v.Is(first + k, words[k]);
            if (ok)
            {
                length = words.Length;
                value = val;
                return true;
            }
        }
        return false;
    }
}

/// <summary>
/// The quantity language data of one language, loaded once from <c>data/en/quantities/</c>
/// (embedded in the library): number, scale and vague words, hedges, currencies, counted-noun
/// classes, casualty predicates, speech cues and context words. A missing or malformed file is
/// an error naming the file and line. Immutable; thread-safe.
/// </summary>
public sealed class QuantityLexicon
{
    private const string Folder = "en/quantities/";

    private QuantityLexicon() { }

    public required FrozenDictionary<string, decimal> NumberWords { get; init; }
    public required FrozenDictionary<string, Scale> Scales { get; init; }
    public required PhraseTable<VagueAmount> Vague { get; init; }
    public required PhraseTable<HedgeRule> HedgesBefore { get; init; }
    public required PhraseTable<HedgeRule> HedgesAfter { get; init; }
    public required PhraseTable<string> CurrenciesBefore { get; init; }
    public required PhraseTable<string> CurrenciesAfter { get; init; }
    /// <summary>Counted nouns (one or more words) to their class.</summary>
    public required PhraseTable<string> Units { get; init; }
    public required PhraseTable<string> CasualtyAfter { get; init; }
    /// <summary>Counted nouns that are never people (<c>measures.txt</c>): "nine hours after he was shot" counts no casualty.</summary>
    public required FrozenSet<string> Measures { get; init; }
    /// <summary>Classes of counted nouns that are people (<c>people-classes.txt</c>): only people go missing in a count.</summary>
    public required FrozenSet<string> PeopleClasses { get; init; }
    /// <summary>The classes of units.tsv: a counted noun of one of these that is no people class names things, not people.</summary>
    public required FrozenSet<string> UnitClasses { get; init; }
    public required PhraseTable<string> CasualtyBefore { get; init; }
    public required PhraseTable<string> CasualtyContext { get; init; }
    /// <summary>Casualty predicates after a singular subject (<c>implicit.tsv</c>): class, and whether an auxiliary must precede.</summary>
    public required PhraseTable<(string Class, bool NeedsAux)> ImplicitPredicates { get; init; }
    /// <summary>Casualty verbs before a singular object ("killing him").</summary>
    public required PhraseTable<string> ImplicitObjects { get; init; }
    /// <summary>"before turning the gun on himself", "and then himself": the killer's own death after the killings he is the subject of (implicit.tsv, role self).</summary>
    public required PhraseTable<string> SelfKillings { get; init; }
    /// <summary>Singular person nouns and pronouns, auxiliaries and adverbs of <c>implicit.tsv</c>.</summary>
    public required FrozenDictionary<string, string> ImplicitWords { get; init; }
    public required FrozenSet<string> Cues { get; init; }
    public required PhraseTable<AttributionRole> Attribution { get; init; }
    public required FrozenDictionary<string, (ContextKind Kind, string? Value)> Context { get; init; }

    // Span lookups, made once: the scanners compare token text without allocating strings.
    internal FrozenDictionary<string, decimal>.AlternateLookup<ReadOnlySpan<char>> NumberLookup { get; private init; }
    internal FrozenDictionary<string, Scale>.AlternateLookup<ReadOnlySpan<char>> ScaleLookup { get; private init; }
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CueLookup { get; private init; }
    /// <summary>Nouns a figure joins by a hyphen into a modifier, and their class (<c>compound-units.tsv</c>): "six-hour" counts hours.</summary>
    internal FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CompoundUnitLookup { get; private init; }
    internal FrozenDictionary<string, (ContextKind Kind, string? Value)>.AlternateLookup<ReadOnlySpan<char>> ContextLookup { get; private init; }

    /// <summary>Whether <c>context.tsv</c> gives the word one of <paramref name="kinds"/>.</summary>
    internal bool Is(ReadOnlySpan<char> word, ContextKind kinds) => ContextLookup.TryGetValue(word, out var c) && (c.Kind & kinds) != 0;

    /// <summary>"in", "and", "during": a word that ends a counted-noun phrase (context kind stop).</summary>
    internal bool IsStop(ReadOnlySpan<char> word) => Is(word, ContextKind.Stop);

    /// <summary>A place preposition that says where something is ("in", "at", "near"), not where it goes ("to", "into").</summary>
    internal bool IsWhere(ReadOnlySpan<char> word) =>
        Is(word, ContextKind.Place) && !word.Equals("to", StringComparison.OrdinalIgnoreCase) && !word.Equals("into", StringComparison.OrdinalIgnoreCase);

    /// <summary>Loads the English data. Throws <see cref="InvalidDataException"/> naming the file and line at fault.</summary>
    public static QuantityLexicon LoadEnglish()
    {
        var numbers = Rows("numbers.tsv", 2).ToFrozenDictionary(r => r.Cells[0], r => ParseDecimal(r, 1), StringComparer.OrdinalIgnoreCase);
        var scales = Rows("scales.tsv", 3).ToFrozenDictionary(r => r.Cells[0], r =>
        {
            var form = r.Cells[2];
            if (form is not ("word" or "suffix" or "both"))
                throw r.Error("form must be word, suffix or both");
            return new Scale(ParseDecimal(r, 1), form != "suffix", form != "word");
        }, StringComparer.OrdinalIgnoreCase);
        var vague = new PhraseTable<VagueAmount>(Rows("vague.tsv", 3).Select(r => (r.Cells[0], new VagueAmount(ParseDecimal(r, 1), ParseDecimal(r, 2)))));

        var hedges = Rows("hedges.tsv", 5).Select(r =>
        {
            if (!Enum.TryParse<Hedge>(r.Cells[1], ignoreCase: true, out var hedge))
                throw r.Error($"unknown hedge '{r.Cells[1]}'");
            decimal? Factor(int i) => r.Cells[i] == "-" ? null : ParseDecimal(r, i);
            return (Phrase: r.Cells[0], Position: r.Cells[2], Rule: new HedgeRule(hedge, Factor(3), Factor(4)));
        }).ToList();
        var currencies = Rows("currencies.tsv", 3).ToList();
        var casualties = Rows("casualties.tsv", 3).ToList();
        var attribution = Rows("attribution.tsv", 2).Select(r =>
        {
            if (!Enum.TryParse<AttributionRole>(r.Cells[1], ignoreCase: true, out var role))
                throw r.Error($"unknown kind '{r.Cells[1]}'");
            return (r.Cells[0], role);
        });
        var context = new Dictionary<string, (ContextKind, string?)>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in Rows("context.tsv", 2))
        {
            if (!Enum.TryParse<ContextKind>(r.Cells[1], ignoreCase: true, out var kind))
                throw r.Error($"unknown kind '{r.Cells[1]}'");
            // A word may have several kinds ("in" is a place preposition and a phrase stop).
            context[r.Cells[0]] = context.TryGetValue(r.Cells[0], out var old)
                ? (old.Item1 | kind, old.Item2 ?? (r.Cells.Length > 2 ? r.Cells[2] : null))
                : (kind, r.Cells.Length > 2 ? r.Cells[2] : null);
        }

        var implicitRows = Rows("implicit.tsv", 3).ToList();
        foreach (var r in implicitRows)
            if (r.Cells[2] is not ("predicate" or "predicate-aux" or "object" or "person" or "aux" or "skip" or "suffer" or "wound" or "mild" or "fatal" or "carried" or "hospital" or "result" or "discovered" or "self"))
                throw r.Error($"unknown role '{r.Cells[2]}'");
        var cues = Rows("cues.txt", 1).Select(r => r.Cells[0]).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        var contextTable = context.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        var compoundUnits = Rows("compound-units.tsv", 2).ToFrozenDictionary(r => r.Cells[0], r => r.Cells[1], StringComparer.OrdinalIgnoreCase);
        return new QuantityLexicon
        {
            NumberLookup = numbers.GetAlternateLookup<ReadOnlySpan<char>>(),
            ScaleLookup = scales.GetAlternateLookup<ReadOnlySpan<char>>(),
            CueLookup = cues.GetAlternateLookup<ReadOnlySpan<char>>(),
            ContextLookup = contextTable.GetAlternateLookup<ReadOnlySpan<char>>(),
            NumberWords = numbers,
            Scales = scales,
            Vague = vague,
            HedgesBefore = new(hedges.Where(h => h.Position == "before").Select(h => (h.Phrase, h.Rule))),
            HedgesAfter = new(hedges.Where(h => h.Position == "after").Select(h => (h.Phrase, h.Rule))),
            CurrenciesBefore = new(currencies.Where(r => r.Cells[2] is "before" or "both").Select(r => (r.Cells[0], r.Cells[1]))),
            CurrenciesAfter = new(currencies.Where(r => r.Cells[2] is "after" or "both").Select(r => (r.Cells[0], r.Cells[1]))),
            Units = new(Rows("units.tsv", 2).Select(r => (r.Cells[0], r.Cells[1]))),
            UnitClasses = Rows("units.tsv", 2).Select(r => r.Cells[1]).ToFrozenSet(StringComparer.Ordinal),
            Measures = Rows("measures.txt", 1).Select(r => r.Cells[0]).ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            CompoundUnitLookup = compoundUnits.GetAlternateLookup<ReadOnlySpan<char>>(),
            PeopleClasses = Rows("people-classes.txt", 1).Select(r => r.Cells[0]).ToFrozenSet(StringComparer.Ordinal),
            CasualtyAfter = new(casualties.Where(r => r.Cells[2] == "after").Select(r => (r.Cells[0], r.Cells[1]))),
            CasualtyBefore = new(casualties.Where(r => r.Cells[2] == "before").Select(r => (r.Cells[0], r.Cells[1]))),
            CasualtyContext = new(casualties.Where(r => r.Cells[2] == "context").Select(r => (r.Cells[0], r.Cells[1]))),
            ImplicitPredicates = new(implicitRows.Where(r => r.Cells[2].StartsWith("predicate", StringComparison.Ordinal)).Select(r => (r.Cells[0], (r.Cells[1], r.Cells[2] == "predicate-aux")))),
            ImplicitObjects = new(implicitRows.Where(r => r.Cells[2] == "object").Select(r => (r.Cells[0], r.Cells[1]))),
            SelfKillings = new(implicitRows.Where(r => r.Cells[2] == "self").Select(r => (r.Cells[0], r.Cells[1]))),
            ImplicitWords = implicitRows.Where(r => r.Cells[2] is not ("predicate" or "predicate-aux" or "object" or "self")).ToFrozenDictionary(r => r.Cells[0], r => r.Cells[2], StringComparer.OrdinalIgnoreCase),
            Cues = cues,
            Attribution = new(attribution),
            Context = contextTable,
        };
    }

    private sealed record Row(string File, int Line, string[] Cells)
    {
        public InvalidDataException Error(string message) => new($"data/{Folder}{File} line {Line}: {message}");
    }

    private static decimal ParseDecimal(Row r, int i) =>
        decimal.TryParse(r.Cells[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw r.Error($"'{r.Cells[i]}' is not a number");

    private static IEnumerable<Row> Rows(string file, int minCells)
    {
        var rows = new List<Row>();
        foreach (var (line, number) in EmbeddedData.Lines(Folder + file))
        {
            var row = new Row(file, number, line.Split('\t'));
            if (row.Cells.Length < minCells || row.Cells.Any(c => c.Length == 0))
                throw row.Error($"expected {minCells} tab-separated cells");
            rows.Add(row);
        }
        return rows;
    }
}
