using System.Buffers;
using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;
using Corroborate.Model;

namespace Corroborate.Lexicons;

/// <summary>Whether an abbreviation may end a sentence.</summary>
public enum AbbreviationClass
{
    /// <summary>Stands before a name or number ("Gen.", "No."): never ends a sentence.</summary>
    Prenominal,
    /// <summary>May end a sentence when the next word opens one ("Inc.", "Wash.").</summary>
    Other,
}

/// <summary>Where a furniture rule applies.</summary>
public enum RuleScope { Line, Start, End }

/// <summary>Which lines of a page a furniture rule looks at.</summary>
public enum RuleZone { Any, Top, Bottom }

/// <summary>
/// One compiled furniture rule. <see cref="Requires"/> and <see cref="EndsWithout"/> are cheap
/// necessary conditions checked before the pattern: a line that has none of the required strings,
/// or ends with one of the excluded characters, cannot match, and most prose lines are ruled out
/// without running a pattern that scans them. Immutable; thread-safe (compiled regexes are).
/// </summary>
public sealed record FurnitureRule(FurnitureKind Kind, RuleScope Scope, RuleZone Zone, int MaxWords, Regex Pattern,
    RequiredText? Requires = null, SearchValues<char>? EndsWithout = null)
{
    /// <summary>False when the prefilters rule the trimmed line out; true when the pattern must decide.</summary>
    public bool MayMatch(ReadOnlySpan<char> line) =>
        (Requires is null || Requires.FoundIn(line))
        && (EndsWithout is null || line.IsEmpty || !EndsWithout.Contains(line[^1]));
}

/// <summary>
/// Strings of which a line must hold one, ignoring case. Caseless single characters ("(", "@",
/// "©") are searched as characters and the rest as strings: one such character among the strings
/// would send the whole set to a slow, non-vectorized search. Immutable; thread-safe.
/// </summary>
public sealed class RequiredText
{
    private readonly SearchValues<string>? _strings;
    private readonly SearchValues<char>? _chars;

    public RequiredText(IReadOnlyCollection<string> values)
    {
        static bool Caseless(string v) => v.Length == 1 && char.ToUpperInvariant(v[0]) == v[0] && char.ToLowerInvariant(v[0]) == v[0];
        var chars = values.Where(Caseless).Select(v => v[0]).ToArray();
        var strings = values.Where(v => !Caseless(v)).ToArray();
        _chars = chars.Length > 0 ? SearchValues.Create(chars) : null;
        _strings = strings.Length > 0 ? SearchValues.Create(strings, StringComparison.OrdinalIgnoreCase) : null;
    }

    /// <summary>Whether the line holds one of the strings, ignoring case.</summary>
    public bool FoundIn(ReadOnlySpan<char> line) =>
        _chars is not null && line.IndexOfAny(_chars) >= 0 || _strings is not null && line.IndexOfAny(_strings) >= 0;
}

/// <summary>
/// The language data of one language, loaded once from the files under <c>data/</c> (embedded in
/// this assembly) into frozen tables. A missing or malformed file is an error, never a silent
/// fallback. Immutable; thread-safe.
/// </summary>
public sealed class LanguageData
{
    /// <summary>
    /// Bound on any one regex match over article text, which is untrusted. Generous, because it
    /// guards against runaway backtracking, not slow machines: rules are linear on sane input.
    /// </summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private LanguageData(
        FrozenDictionary<string, AbbreviationClass> abbreviations, FrozenSet<string> sentenceStarters,
        FrozenSet<string> outletWords, IReadOnlyList<FurnitureRule> furnitureRules, int furnitureZoneLines, FrozenSet<string> stopwords, Regex agePattern,
        FrozenSet<string> urlWords, PlaceFeatures placeFeatures, FrozenSet<string> sectionLabels)
    {
        SectionLabels = sectionLabels;
        PlaceFeatures = placeFeatures;
        Stopwords = stopwords;
        UrlWords = urlWords;
        AgePattern = agePattern;
        Abbreviations = abbreviations;
        SentenceStarters = sentenceStarters;
        OutletWords = outletWords;
        FurnitureRules = furnitureRules;
        FurnitureZoneLines = furnitureZoneLines;
    }

    /// <summary>Abbreviations without their final period ("Gen", "U.S"), case-sensitive.</summary>
    public FrozenDictionary<string, AbbreviationClass> Abbreviations { get; }
    public FrozenSet<string> SentenceStarters { get; }
    public FrozenSet<string> OutletWords { get; }
    /// <summary>Names of a news site's sections ("world", "business"), lowercase, compared ignoring case.</summary>
    public FrozenSet<string> SectionLabels { get; }
    public IReadOnlyList<FurnitureRule> FurnitureRules { get; }
    public int FurnitureZoneLines { get; }
    /// <summary>Lowercase words left out of story-clustering terms.</summary>
    public FrozenSet<string> Stopwords { get; }
    /// <summary>Lowercase words of page addresses' paths that say nothing of a story ("html", "news", "story").</summary>
    public FrozenSet<string> UrlWords { get; }
    /// <summary>Words that make capitalized words a geographic feature ("Skerrin Island"), read by the recognizer and the resolver alike.</summary>
    public PlaceFeatures PlaceFeatures { get; }
    /// <summary>How a report gives a person's age ("17-year-old", "aged 17", "Smith, 34,"): the patterns of <c>ages.txt</c> as one.</summary>
    public Regex AgePattern { get; }

    /// <summary>Loads the English data. Throws <see cref="InvalidDataException"/> naming the file at fault.</summary>
    public static LanguageData LoadEnglish()
    {
        var abbreviations = new Dictionary<string, AbbreviationClass>(StringComparer.Ordinal);
        foreach (var (line, number) in Lines("en/abbreviations.tsv"))
        {
            var parts = line.Split('\t');
            if (parts.Length != 2 || !Enum.TryParse<AbbreviationClass>(parts[1], ignoreCase: true, out var cls))
                throw new InvalidDataException($"data/en/abbreviations.tsv line {number}: expected WORD<TAB>prenominal|other");
            abbreviations[parts[0].TrimEnd('.')] = cls;
        }

        var starters = Lines("en/sentence-starters.txt").Select(l => l.Line).ToFrozenSet(StringComparer.Ordinal);
        var outletWords = Lines("en/outlet-words.txt").Select(l => l.Line).ToFrozenSet(StringComparer.Ordinal);
        var sectionLabels = Lines("en/section-labels.txt").Select(l => l.Line).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        var (rules, zone) = LoadFurniture("en/furniture.json");
        var stopwords = Lines("en/stopwords.txt").Select(l => l.Line).ToFrozenSet(StringComparer.Ordinal);
        var urlWords = Lines("en/url-words.txt").Select(l => l.Line).ToFrozenSet(StringComparer.Ordinal);
        var ages = Lines("en/ages.txt").Select(l => l.Line).ToList();
        Regex agePattern;
        try
        {
            agePattern = new Regex(string.Join('|', ages.Select(p => $"(?:{p})")), RegexOptions.CultureInvariant | RegexOptions.Compiled, RegexTimeout);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"data/en/ages.txt: {e.Message}", e);
        }
        if (ages.Count == 0)
            throw new InvalidDataException("data/en/ages.txt: no pattern");
        agePattern.IsMatch(""); // compiled now, at load, not on the first article
        return new LanguageData(abbreviations.ToFrozenDictionary(StringComparer.Ordinal), starters, outletWords, rules, zone, stopwords, agePattern, urlWords, PlaceFeatures.LoadEnglish(), sectionLabels);
    }

    private static (IReadOnlyList<FurnitureRule>, int) LoadFurniture(string name)
    {
        using var json = JsonDocument.Parse(Read(name));
        var root = json.RootElement;
        var zoneLines = root.TryGetProperty("zoneLines", out var z) ? z.GetInt32() : 6;
        var rules = new List<FurnitureRule>();
        var i = 0;
        foreach (var r in root.GetProperty("rules").EnumerateArray())
        {
            i++;
            try
            {
                var kind = Enum.Parse<FurnitureKind>(r.GetProperty("kind").GetString()!, ignoreCase: true);
                var scope = Enum.Parse<RuleScope>(r.GetProperty("where").GetString()!, ignoreCase: true);
                var zone = r.TryGetProperty("zone", out var zv) ? Enum.Parse<RuleZone>(zv.GetString()!, ignoreCase: true) : RuleZone.Any;
                var maxWords = r.TryGetProperty("maxWords", out var mw) ? mw.GetInt32() : int.MaxValue;
                var options = RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture;
                if (r.TryGetProperty("ignoreCase", out var ic) && ic.GetBoolean())
                    options |= RegexOptions.IgnoreCase;
                var pattern = new Regex(r.GetProperty("pattern").GetString()!, options, RegexTimeout);
                // Compile now, at load, so the first article's match does not pay for code generation.
                pattern.IsMatch("");
                var requires = r.TryGetProperty("requires", out var rq)
                    ? new RequiredText([.. rq.EnumerateArray().Select(s => s.GetString()!)])
                    : null;
                var endsWithout = r.TryGetProperty("endsWithout", out var ew) ? SearchValues.Create(ew.GetString()!) : null;
                rules.Add(new FurnitureRule(kind, scope, zone, maxWords, pattern, requires, endsWithout));
            }
            catch (Exception e) when (e is ArgumentException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"data/{name} rule {i}: {e.Message}", e);
            }
        }
        return (rules, zoneLines);
    }

    /// <summary>The lines of an embedded data file (data/NAME), trimmed, without comments and blank lines.</summary>
    internal static IEnumerable<(string Line, int Number)> Lines(string name) =>
        EmbeddedData.Lines(name).Select(l => (l.Line.Trim(), l.Number));

    private static string Read(string name) => EmbeddedData.Read(name);
}
