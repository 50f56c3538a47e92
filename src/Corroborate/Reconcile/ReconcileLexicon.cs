using System.Collections.Frozen;
using Corroborate.Lexicons;

namespace Corroborate.Reconcile;

/// <summary>
/// Language data of the cross-article steps: place-kind words, news agencies, stopwords.
/// Loaded once from data/en/reconcile/. Immutable; thread-safe.
/// </summary>
public sealed class ReconcileLexicon
{
    private ReconcileLexicon(FrozenSet<string> placeGenerics, FrozenDictionary<string, string> agencies, FrozenSet<string> stopwords,
        FrozenDictionary<string, DescriptionFit> descriptions, FrozenSet<string> publicBodyWords, TopicShifts topicShifts, FrozenSet<string> eventTolls,
        FrozenSet<string> measuredUnits, FrozenSet<string> measureGenerics, PlaceFeatures placeFeatures, FrozenSet<string> eponymousHeads, FrozenSet<string> outcomes,
        FrozenSet<string> everydayInstitutions, FrozenSet<string> outletWords)
    {
        OutletWords = outletWords;
        EverydayInstitutions = everydayInstitutions;
        Outcomes = outcomes;
        EponymousHeads = eponymousHeads;
        PlaceFeatures = placeFeatures;
        MeasuredUnits = measuredUnits;
        MeasureGenerics = measureGenerics;
        EventTolls = eventTolls;
        TopicShifts = topicShifts;
        PlaceGenerics = placeGenerics;
        Agencies = agencies;
        Stopwords = stopwords;
        Descriptions = descriptions;
        PublicBodyWords = publicBodyWords;
    }

    /// <summary>Casualty classes no report confuses ("killed", "injured"): two of them are two counts, whatever figures they share.</summary>
    public FrozenSet<string> Outcomes { get; }
    /// <summary>Kinds of body reports name alone for any of them ("the hospital"), lowercase: alone they refer to no organisation.</summary>
    public FrozenSet<string> EverydayInstitutions { get; }
    /// <summary>Lowercase last words of organisations often named after a person ("foundation", "library").</summary>
    public FrozenSet<string> EponymousHeads { get; }
    /// <summary>Last words of news outlets' names, lowercase ("news", "agency", "herald": outlet-heads.txt).</summary>
    public FrozenSet<string> OutletWords { get; }
    /// <summary>Words that make capitalized words a geographic feature ("Skerrin Island", "Mount Garrow").</summary>
    public PlaceFeatures PlaceFeatures { get; }
    /// <summary>Lowercase words naming a kind of place or a direction ("region", "western").</summary>
    public FrozenSet<string> PlaceGenerics { get; }
    /// <summary>Every written form of a news agency, mapped to its canonical name.</summary>
    public FrozenDictionary<string, string> Agencies { get; }
    public FrozenSet<string> Stopwords { get; }
    /// <summary>Heads of descriptions that name an organisation ("company", "regulator"), lowercase, with the names that fit them.</summary>
    public FrozenDictionary<string, DescriptionFit> Descriptions { get; }
    /// <summary>Lowercase words of public bodies' names ("ministry", "commission").</summary>
    public FrozenSet<string> PublicBodyWords { get; }
    /// <summary>Words that turn a report to another story ("In other business", "Elsewhere").</summary>
    public TopicShifts TopicShifts { get; }
    /// <summary>Unit classes that count the story's own toll ("killed", "injured"): a figure of one that names no place joins the toll's group.</summary>
    public FrozenSet<string> EventTolls { get; }
    /// <summary>Units (percent, currency codes) whose figures are told apart by the measure they are linked to, not by their unit.</summary>
    public FrozenSet<string> MeasuredUnits { get; }
    /// <summary>Lowercase words of a measure that say nothing of what is measured ("figure", "total", "rate").</summary>
    public FrozenSet<string> MeasureGenerics { get; }

    /// <summary>Whether an organisation's name fits a description's head ("Office of the Data Commissioner" is a regulator).</summary>
    public bool Fits(string name, DescriptionFit fit)
    {
        var words = name.ToLowerInvariant().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        return fit.Kind switch
        {
            FitKind.PublicBody => words.Any(PublicBodyWords.Contains),
            FitKind.OtherThanPublicBody => !words.Any(PublicBodyWords.Contains),
            _ => words.Any(fit.Words.Contains),
        };
    }

    public static ReconcileLexicon LoadEnglish(LanguageData data)
    {
        var generics = LanguageData.Lines("en/reconcile/place-generics.txt").Select(l => l.Line.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
        var agencies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (line, _) in LanguageData.Lines("en/reconcile/agencies.txt"))
        {
            var forms = line.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var form in forms)
                agencies[form] = forms[0];
        }
        var publicBodies = LanguageData.Lines("en/reconcile/public-bodies.txt").Select(l => l.Line.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
        var descriptions = new Dictionary<string, DescriptionFit>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, number) in LanguageData.Lines("en/reconcile/descriptions.tsv"))
        {
            var cells = line.Split('\t', StringSplitOptions.TrimEntries);
            if (cells.Length != 2 || cells[1].Length == 0)
                throw new InvalidDataException($"data/en/reconcile/descriptions.tsv line {number}: expected a description and its fit, separated by a tab");
            descriptions[cells[0]] = cells[1] switch
            {
                "public" => new DescriptionFit(FitKind.PublicBody, FrozenSet<string>.Empty),
                "private" => new DescriptionFit(FitKind.OtherThanPublicBody, FrozenSet<string>.Empty),
                var words => new DescriptionFit(FitKind.NamedBy, words.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal)),
            };
        }
        return new ReconcileLexicon(generics, agencies.ToFrozenDictionary(StringComparer.Ordinal), data.Stopwords,
            descriptions.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), publicBodies,
            TopicShifts.Parse(LanguageData.Lines("en/reconcile/topic-shifts.txt"), "data/en/reconcile/topic-shifts.txt"),
            LanguageData.Lines("en/reconcile/event-tolls.txt").Select(l => l.Line).ToFrozenSet(StringComparer.Ordinal),
            LanguageData.Lines("en/reconcile/measured-units.txt").Select(l => l.Line)
                .Concat(LanguageData.Lines("en/quantities/currencies.tsv").Select(l => l.Line.Split('\t') is { Length: >= 2 } cells && cells[1].Trim().Length > 0
                    ? cells[1].Trim()
                    : throw new InvalidDataException($"data/en/quantities/currencies.tsv line {l.Number}: expected a form and its currency code, separated by a tab")))
                .ToFrozenSet(StringComparer.Ordinal),
            LanguageData.Lines("en/reconcile/measure-generics.txt").Select(l => l.Line.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal),
            data.PlaceFeatures,
            LanguageData.Lines("en/reconcile/eponymous-heads.txt").Select(l => l.Line.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal),
            LanguageData.Lines("en/reconcile/outcomes.txt").Select(l => l.Line).ToFrozenSet(StringComparer.Ordinal),
            LanguageData.Lines("en/reconcile/everyday-institutions.txt").Select(l => l.Line).ToFrozenSet(StringComparer.Ordinal),
            LanguageData.Lines("en/reconcile/outlet-heads.txt").Select(l => l.Line.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal));
    }
}

/// <summary>Which organisation names fit a description.</summary>
public enum FitKind
{
    /// <summary>A name with a word of a public body ("the regulator": "Office of the Data Commissioner").</summary>
    PublicBody,
    /// <summary>A name with none ("the company": "Brightmoor Telecom").</summary>
    OtherThanPublicBody,
    /// <summary>A name with one of the description's own words ("the union": "United Steelworkers Local 1187").</summary>
    NamedBy,
}

/// <summary>What organisation names fit a description; <see cref="Words"/> for <see cref="FitKind.NamedBy"/>.</summary>
public sealed record DescriptionFit(FitKind Kind, FrozenSet<string> Words);
