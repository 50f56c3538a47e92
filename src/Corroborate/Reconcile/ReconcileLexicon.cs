using System.Collections.Frozen;
using Corroborate.Lexicons;

namespace Corroborate.Reconcile;

/// <summary>
/// Language data of the cross-article steps: place-kind words, news agencies, stopwords.
/// Loaded once from data/en/reconcile/. Immutable; thread-safe.
/// </summary>
public sealed class ReconcileLexicon
{
    private ReconcileLexicon(FrozenSet<string> placeGenerics, FrozenDictionary<string, string> agencies, FrozenSet<string> stopwords)
    {
        PlaceGenerics = placeGenerics;
        Agencies = agencies;
        Stopwords = stopwords;
    }

    /// <summary>Lowercase words naming a kind of place or a direction ("region", "western").</summary>
    public FrozenSet<string> PlaceGenerics { get; }
    /// <summary>Every written form of a news agency, mapped to its canonical name.</summary>
    public FrozenDictionary<string, string> Agencies { get; }
    public FrozenSet<string> Stopwords { get; }

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
        return new ReconcileLexicon(generics, agencies.ToFrozenDictionary(StringComparer.Ordinal), data.Stopwords);
    }
}
