using Corroborate.Lexicons;
using System.Collections.Frozen;
using System.Globalization;
using Corroborate.Model;

namespace Corroborate.Extraction.Entities;

/// <summary>How a word of a title or role behaves before a name.</summary>
public enum TitleClass
{
    /// <summary>Ends a role: "Secretary", "spokesperson".</summary>
    Head,
    /// <summary>Stands inside a role before its head: "Press", "Foreign".</summary>
    Modifier,
    /// <summary>A military or police rank, kept out of the role: "Maj.", "Gen.".</summary>
    Rank,
    /// <summary>The service of a rank, kept out of the role: "Air Force".</summary>
    Service,
    /// <summary>"Mr.", "Dr.": kept out of the role.</summary>
    Honorific,
}

/// <summary>What a gazetteer name stands for.</summary>
public enum PlaceType { Country, Region, City }

/// <summary>
/// One place name of the gazetteer: the place it names (canonical <see cref="Name"/>), its country
/// (ISO code), and whether the name is the capital of that country, which news uses for its government.
/// </summary>
public sealed record PlaceEntry(string Name, PlaceType Type, string Country, bool IsCapital, long Population);

/// <summary>A well-known organisation's canonical name, and the country it belongs to ("*" for none).</summary>
public sealed record OrganizationEntry(string Name, string Country);

/// <summary>
/// The lexicons and gazetteer the entity recognizer reads: titles and roles, organisation heads
/// and aliases, words that are never names, and places (countries with their names, demonyms and
/// capitals; first-level regions; cities). Loaded once from the embedded files under
/// <c>data/en/entities</c> and <c>data/en/places</c>. Immutable; thread-safe.
/// </summary>
public sealed class EntityLexicon
{
    private EntityLexicon() { }

    /// <summary>Title words, case-insensitive; a word may have several classes ("Chief": head and modifier).</summary>
    public required FrozenDictionary<string, TitleClass[]> Titles { get; init; }
    public required FrozenSet<string> OrganizationHeads { get; init; }
    /// <summary>Capitalized words that never open an organisation's name ("When", "Carmaker"), as written.</summary>
    public required FrozenSet<string> NotOrganizationOpeners { get; init; }
    /// <summary>Organisation names (without country) to their entries; a name may belong to several countries.</summary>
    public required FrozenDictionary<string, OrganizationEntry[]> Organizations { get; init; }
    public required FrozenSet<string> NotNames { get; init; }
    public required FrozenSet<string> NameSuffixes { get; init; }
    /// <summary>Place names (and demonyms, which name their country) to what they stand for; case-sensitive.</summary>
    public required FrozenDictionary<string, PlaceEntry> Places { get; init; }
    /// <summary>Demonyms and country adjectives ("South African", "U.S.") to the country's name.</summary>
    public required FrozenDictionary<string, string> Demonyms { get; init; }
    /// <summary>Country ISO code to the country's canonical name.</summary>
    public required FrozenDictionary<string, string> Countries { get; init; }
    public required FrozenSet<string> RegionSuffixes { get; init; }
    /// <summary>Words that make capitalized words a geographic feature ("Skerrin Island", "Mount Garrow").</summary>
    public required PlaceFeatures PlaceFeatures { get; init; }
    /// <summary>Speech verbs (shared with the quotation stage): a capitalized word before "said" is a name.</summary>
    public required FrozenSet<string> SpeechVerbs { get; init; }
    /// <summary>"Street", "Ave.": a capitalized phrase before one is a street, not a person.</summary>
    public required FrozenSet<string> StreetWords { get; init; }
    /// <summary>"elect", "duty": the last part of a hyphenated word that describes the name after it ("President-elect").</summary>
    public required FrozenSet<string> DescriptiveTails { get; init; }
    /// <summary>Last words of organisations that are also places people go to ("Hospital", "School"): venue-heads.txt.</summary>
    public required FrozenSet<string> VenueHeads { get; init; }
    /// <summary>Lowercase nouns after "the" and a person's name ("the Oswick family"): person-nouns.txt.</summary>
    public required FrozenSet<string> PersonNouns { get; init; }
    /// <summary>Heads of roles written beside a name ("a telecoms analyst", "chief executive"), lowercase.</summary>
    public required FrozenSet<string> Occupations { get; init; }
    /// <summary>Makes of vehicles: a name run that begins with one is a vehicle ("Ford Explorer").</summary>
    public required FrozenSet<string> VehicleMakes { get; init; }
    /// <summary>Nouns that can speak ("Friends", "Neighbors"): capitalized at a sentence start, still no name.</summary>
    public required FrozenSet<string> CommonSpeakers { get; init; }
    /// <summary>First words of every place, demonym and organisation name: a cheap test before the longest match.</summary>
    public required FrozenSet<string> FirstWords { get; init; }
    /// <summary>The most words any multi-word name (place or organisation) has.</summary>
    public required int LongestName { get; init; }

    public FrozenDictionary<string, PlaceEntry>.AlternateLookup<ReadOnlySpan<char>> PlaceLookup => Places.GetAlternateLookup<ReadOnlySpan<char>>();
    public FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> DemonymLookup => Demonyms.GetAlternateLookup<ReadOnlySpan<char>>();
    public FrozenDictionary<string, OrganizationEntry[]>.AlternateLookup<ReadOnlySpan<char>> OrganizationLookup => Organizations.GetAlternateLookup<ReadOnlySpan<char>>();
    public FrozenDictionary<string, TitleClass[]>.AlternateLookup<ReadOnlySpan<char>> TitleLookup => Titles.GetAlternateLookup<ReadOnlySpan<char>>();
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNameLookup => NotNames.GetAlternateLookup<ReadOnlySpan<char>>();
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrganizationHeadLookup => OrganizationHeads.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Loads the English lexicons. Throws <see cref="InvalidDataException"/> naming the file at fault.</summary>
    /// <param name="placeFeatures">The language's feature words (<see cref="LanguageData.PlaceFeatures"/>), loaded once for the recognizer and the resolver.</param>
    public static EntityLexicon LoadEnglish(PlaceFeatures placeFeatures)
    {
        var titles = new Dictionary<string, List<TitleClass>>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in EmbeddedData.Fields("en/entities/titles.tsv", 2))
        {
            if (!Enum.TryParse<TitleClass>(f[1], ignoreCase: true, out var cls))
                throw new InvalidDataException($"data/en/entities/titles.tsv: unknown class '{f[1]}' for '{f[0]}'");
            if (!titles.TryGetValue(f[0], out var list))
                titles[f[0]] = list = [];
            list.Add(cls);
        }

        var longest = 1;
        var organizations = new Dictionary<string, List<OrganizationEntry>>(StringComparer.Ordinal);
        foreach (var f in EmbeddedData.Fields("en/entities/organization-aliases.tsv", 3))
        {
            foreach (var alias in f[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!organizations.TryGetValue(alias, out var list))
                    organizations[alias] = list = [];
                list.Add(new OrganizationEntry(f[0], f[1]));
                longest = Math.Max(longest, WordCount(alias));
            }
        }

        var countries = new Dictionary<string, string>(StringComparer.Ordinal);
        var places = new Dictionary<string, PlaceEntry>(StringComparer.Ordinal);
        var demonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        var countryRows = EmbeddedData.Fields("en/places/countries.tsv", 2).ToList();
        foreach (var f in countryRows)
            countries[f[0]] = f[1];
        // A word that never opens an organisation's name ("When", "Carmaker") is no person's name either.
        var notOpeners = Words("en/entities/not-org-openers.txt", StringComparer.Ordinal);
        var notNames = Words("en/entities/not-names.txt", StringComparer.Ordinal).Union(notOpeners).ToFrozenSet(StringComparer.Ordinal);
        void AddPlace(string name, PlaceEntry entry, bool weak = false)
        {
            // Countries win over regions, regions over cities, bigger cities over smaller.
            if (name.Length == 0 || notNames.Contains(name) || weak && places.ContainsKey(name))
                return;
            // A capital keeps its standing for the government over a region of the same name.
            if (places.TryGetValue(name, out var existing) && existing.IsCapital && entry.Type != PlaceType.Country)
                return;
            if (places.TryGetValue(name, out var old) && (old.Type < entry.Type || (old.Type == entry.Type && old.Population >= entry.Population)))
                return;
            places[name] = entry;
            longest = Math.Max(longest, WordCount(name));
        }
        void AddDemonym(string demonym, string country)
        {
            if (demonym.Length > 0 && !demonyms.ContainsKey(demonym))
                demonyms[demonym] = country;
        }
        foreach (var f in countryRows)
        {
            var country = new PlaceEntry(f[1], PlaceType.Country, f[0], false, long.MaxValue);
            AddPlace(f[1], country);
            foreach (var alt in Field(f, 2))
                AddPlace(alt, country);
            foreach (var d in Field(f, 3))
                AddDemonym(d, f[1]);
            foreach (var capital in Field(f, 4))
            {
                // "Washington D.C." is written "Washington" when it stands for the government.
                var bare = capital.EndsWith(" D.C.", StringComparison.Ordinal) ? capital[..^5] : capital;
                AddPlace(bare, new PlaceEntry(bare, PlaceType.City, f[0], true, long.MaxValue / 2));
            }
        }
        foreach (var f in EmbeddedData.Fields("en/places/country-aliases.tsv", 2))
        {
            if (!countries.TryGetValue(f[0], out var name))
                throw new InvalidDataException($"data/en/places/country-aliases.tsv: unknown country code {f[0]}");
            var country = new PlaceEntry(name, PlaceType.Country, f[0], false, long.MaxValue);
            foreach (var alt in Field(f, 1))
                AddPlace(alt, country);
            foreach (var d in Field(f, 2))
                AddDemonym(d, name);
        }
        var suffixes = EmbeddedData.Lines("en/places/region-suffixes.txt").Select(l => l.Line.Trim())
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        foreach (var f in EmbeddedData.Fields("en/places/regions.tsv", 2))
        {
            var region = new PlaceEntry(f[1], PlaceType.Region, f[0], false, 0);
            AddPlace(f[1], region);
            // "Tver Oblast" is also written "Tver": the bare name stands for the region when no city has it.
            var words = f[1].Split(' ');
            if (words.Length > 1 && suffixes.Contains(words[^1]))
                AddPlace(string.Join(' ', words[..^1]), region, weak: true);
        }
        foreach (var f in EmbeddedData.Fields("en/places/cities.tsv", 3))
        {
            if (!long.TryParse(f[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var population))
                throw new InvalidDataException($"data/en/places/cities.tsv: bad population for {f[0]}");
            AddPlace(f[0], new PlaceEntry(f[0], PlaceType.City, f[1], false, population));
        }

        static string FirstWord(string name)
        {
            var space = name.IndexOf(' ');
            var first = space < 0 ? name : name[..space];
            return first;
        }
        var firstWords = places.Keys.Concat(demonyms.Keys).Concat(organizations.Keys).Select(FirstWord).ToFrozenSet(StringComparer.Ordinal);
        return new EntityLexicon
        {
            FirstWords = firstWords,
            Titles = titles.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase),
            OrganizationHeads = Words("en/entities/organization-heads.txt", StringComparer.Ordinal),
            NotOrganizationOpeners = notOpeners,
            Organizations = organizations.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
            NotNames = notNames,
            NameSuffixes = Words("en/entities/name-suffixes.txt", StringComparer.Ordinal),
            Places = places.ToFrozenDictionary(StringComparer.Ordinal),
            Demonyms = demonyms.ToFrozenDictionary(StringComparer.Ordinal),
            Countries = countries.ToFrozenDictionary(StringComparer.Ordinal),
            RegionSuffixes = suffixes,
            PlaceFeatures = placeFeatures,
            SpeechVerbs = Words("en/quotes/speech-verbs.txt", StringComparer.Ordinal),
            StreetWords = Words("en/entities/street-words.txt", StringComparer.Ordinal),
            DescriptiveTails = Words("en/entities/descriptive-tails.txt", StringComparer.Ordinal),
            VenueHeads = Words("en/entities/venue-heads.txt", StringComparer.Ordinal),
            PersonNouns = Words("en/entities/person-nouns.txt", StringComparer.Ordinal),
            VehicleMakes = Words("en/entities/vehicle-makes.txt", StringComparer.Ordinal),
            Occupations = Words("en/entities/occupations.txt", StringComparer.Ordinal),
            CommonSpeakers = Words("en/quotes/speaker-nouns.txt", StringComparer.OrdinalIgnoreCase),
            LongestName = Math.Min(longest, 8),
        };
    }

    /// <summary>True when <paramref name="word"/> has the title class <paramref name="cls"/>.</summary>
    public bool IsTitle(ReadOnlySpan<char> word, TitleClass cls) =>
        TitleLookup.TryGetValue(word, out var classes) && Array.IndexOf(classes, cls) >= 0;

    private static IEnumerable<string> Field(string[] f, int i) =>
        i < f.Length ? f[i].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

    private static FrozenSet<string> Words(string name, StringComparer comparer) =>
        EmbeddedData.Lines(name).Select(l => l.Line.Trim()).ToFrozenSet(comparer);

    private static int WordCount(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
