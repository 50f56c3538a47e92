using System.Collections.Frozen;

namespace Corroborate.Lexicons;

/// <summary>What kind of geographic feature a word makes of a name, and where it stands.</summary>
public sealed record PlaceFeature(string Class, bool Before);

/// <summary>
/// Words that make capitalized words a geographic feature ("Skerrin Island", "Hallstan province", "Mount Garrow"),
/// from <c>data/en/places/features.tsv</c>: the recognizer reads places no gazetteer lists, and the resolver takes
/// "Skerrin" for "Skerrin Island" and "Veskar range" for "Veskar Mountains". Immutable; thread-safe.
/// </summary>
public sealed class PlaceFeatures
{
    private readonly FrozenDictionary<string, PlaceFeature> _after;
    private readonly FrozenDictionary<string, PlaceFeature> _before;

    private PlaceFeatures(FrozenDictionary<string, PlaceFeature> after, FrozenDictionary<string, PlaceFeature> before)
    {
        _after = after;
        _before = before;
        After = after.GetAlternateLookup<ReadOnlySpan<char>>();
        Before = before.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Words after a name ("Island", "province"), any case.</summary>
    public FrozenDictionary<string, PlaceFeature>.AlternateLookup<ReadOnlySpan<char>> After { get; }
    /// <summary>Words before a name ("Mount", "Lake"), as written.</summary>
    public FrozenDictionary<string, PlaceFeature>.AlternateLookup<ReadOnlySpan<char>> Before { get; }

    /// <summary>
    /// The name without its feature word, lowercase, and the feature's class: ("skerrin", "island") for "Skerrin Island",
    /// ("garrow", "mountain") for "Mount Garrow"; null when the name has no feature word or nothing else.
    /// </summary>
    public (string Stem, string Class)? Split(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
            return null;
        if (_after.TryGetValue(words[^1], out var after))
            return (string.Join(' ', words[..^1]).ToLowerInvariant(), after.Class);
        if (_before.TryGetValue(words[0], out var before))
            return (string.Join(' ', words[1..]).ToLowerInvariant(), before.Class);
        return null;
    }

    /// <summary>Loads the English words. Throws <see cref="InvalidDataException"/> naming the file and line at fault.</summary>
    public static PlaceFeatures LoadEnglish()
    {
        var after = new Dictionary<string, PlaceFeature>(StringComparer.OrdinalIgnoreCase);
        var before = new Dictionary<string, PlaceFeature>(StringComparer.Ordinal);
        foreach (var (line, number) in LanguageData.Lines("en/places/features.tsv"))
        {
            var f = line.Split('\t', StringSplitOptions.TrimEntries);
            if (f.Length != 3 || f[0].Length == 0 || f[2].Length == 0 || f[1] is not ("after" or "before"))
                throw new InvalidDataException($"data/en/places/features.tsv line {number}: expected WORD<TAB>after|before<TAB>CLASS");
            (f[1] == "after" ? after : before)[f[0]] = new PlaceFeature(f[2], f[1] == "before");
        }
        return new PlaceFeatures(after.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), before.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
