using System.Collections.Frozen;
using System.Collections.Immutable;
using Corroborate.Lexicons;
using Corroborate.Model;

namespace Corroborate.Extraction.Entities;

/// <summary>
/// Finds people, organisations and places in one article by scanning its tokens sentence by
/// sentence: a role before a name makes a person and is split off ("Agency Press Secretary Air
/// Force Maj. Gen. Pat Reed"); capitalized phrases ending in an organisation word, or known
/// organisation names, make organisations; gazetteer names, region variants and demonyms make
/// places; a capital that is not a location of something stands for its country's government.
/// Within the article, a surname or title + surname takes the full name introduced earlier, and
/// an acronym in brackets names the phrase before it. Linear in the tokens. Immutable; thread-safe.
/// </summary>
public sealed class EntityRecognizer(EntityLexicon lexicon)
{
    private static readonly string[] Connectors = ["of", "and", "for", "the", "on", "&"];
    private static readonly string[] Locatives = ["in", "at", "to", "from", "near", "into", "outside", "around", "across", "toward", "towards", "via", "through", "visit", "visited", "visiting", "inside", "throughout", "within", "over", "out"];

    public ImmutableArray<EntityMention> Recognize(string text, ImmutableArray<Token> tokens, ImmutableArray<Sentence> sentences)
    {
        var scan = new Scan(lexicon, text, tokens);
        var t = 0;
        foreach (var sentence in sentences)
        {
            while (t < tokens.Length && tokens[t].Span.Start < sentence.Span.Start)
                t++;
            var first = t;
            while (t < tokens.Length && tokens[t].Span.End <= sentence.Span.End)
                t++;
            scan.Sentence(first, t);
        }
        var mentions = AppositiveRoles.Fill(text, tokens, [.. scan.Mentions.OrderBy(m => m.Span.Start).ThenBy(m => m.Span.End)], lexicon.Occupations);
        return WrittenTitles.Fill(text, tokens, mentions, lexicon);
    }

    /// <summary>
    /// Whether the capitalized words of <paramref name="name"/> ("Occupational Safety and Health Administration") begin
    /// with the letters of <paramref name="acronym"/>, a hyphenated word's parts each giving one ("Sorrel-Tamsin Regional District", STRD).
    /// </summary>
    internal static bool InitialsAre(string name, ReadOnlySpan<char> acronym) =>
        Initials(name, acronym, ' ') || name.Contains('-', StringComparison.Ordinal) && Initials(name, acronym, ' ', '-');

    private static bool Initials(string name, ReadOnlySpan<char> acronym, params char[] separators)
    {
        var n = 0;
        foreach (var word in name.Split(separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!char.IsUpper(word[0]))
                continue; // "of", "and", "the"
            if (n >= acronym.Length || char.ToUpperInvariant(word[0]) != acronym[n])
                return false;
            n++;
        }
        return n == acronym.Length;
    }

    /// <summary>The state of one article's scan: its mentions so far, its people and its acronyms.</summary>
    private sealed class Scan(EntityLexicon lex, string text, ImmutableArray<Token> tokens)
    {
        public readonly List<EntityMention> Mentions = [];
        private readonly List<Person> _people = [];
        private readonly HashSet<string> _peopleWords = new(StringComparer.Ordinal);

        // Span lookups, made once per article so the scan allocates no strings to test a word.
        private readonly FrozenDictionary<string, PlaceEntry>.AlternateLookup<ReadOnlySpan<char>> _places = lex.PlaceLookup;
        private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _demonyms = lex.DemonymLookup;
        private readonly FrozenDictionary<string, OrganizationEntry[]>.AlternateLookup<ReadOnlySpan<char>> _organizations = lex.OrganizationLookup;
        private readonly FrozenDictionary<string, TitleClass[]>.AlternateLookup<ReadOnlySpan<char>> _titles = lex.TitleLookup;
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _notNames = lex.NotNameLookup;
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _orgHeads = lex.OrganizationHeadLookup;
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _notOpeners = lex.NotOrganizationOpeners.GetAlternateLookup<ReadOnlySpan<char>>();
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _suffixes = lex.NameSuffixes.GetAlternateLookup<ReadOnlySpan<char>>();
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _makes = lex.VehicleMakes.GetAlternateLookup<ReadOnlySpan<char>>();
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _regionSuffixes = lex.RegionSuffixes.GetAlternateLookup<ReadOnlySpan<char>>();
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _streets = lex.StreetWords.GetAlternateLookup<ReadOnlySpan<char>>();
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _tails = lex.DescriptiveTails.GetAlternateLookup<ReadOnlySpan<char>>();
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _speech = lex.SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _commonSpeakers = lex.CommonSpeakers.GetAlternateLookup<ReadOnlySpan<char>>();
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _firstWords = lex.FirstWords.GetAlternateLookup<ReadOnlySpan<char>>();
        private readonly Dictionary<string, (EntityKind Kind, string Name)> _acronyms = new(StringComparer.Ordinal);

        /// <summary>A person the article has introduced, with the forms a later mention may take.</summary>
        private sealed record Person(string Full, string Key, string Last, string First);

        private ReadOnlySpan<char> W(int i) => tokens[i].Span.SliceOf(text);

        private bool IsCap(int i) => char.IsUpper(text[tokens[i].Span.Start]);

        private bool IsWord(int i) => tokens[i].Kind is TokenKind.Word or TokenKind.Abbreviation;

        private static bool IsPossessive(ReadOnlySpan<char> w) => w.Length > 2 && (w.EndsWith("'s") || w.EndsWith("’s"));

        private static ReadOnlySpan<char> Bare(ReadOnlySpan<char> w) => IsPossessive(w) ? w[..^2] : w;

        private int BareEnd(int i) => IsPossessive(W(i)) ? tokens[i].Span.End - 2 : tokens[i].Span.End;

        private bool AllCaps(int i)
        {
            var w = W(i);
            var letters = 0;
            foreach (var c in w)
            {
                if (char.IsLower(c))
                    return false;
                if (char.IsLetter(c))
                    letters++;
            }
            return letters >= 2;
        }

        private int _sentenceStart;

        /// <summary>Whether the sentence is a headline in capitals ("Ferry Sinks Off Skerrin Island As Storm Hits"): its capitals tell no names apart.</summary>
        private bool _titleCase;

        private bool IsTitleCase(int a, int b)
        {
            int words = 0, capitals = 0;
            for (var k = a; k < b; k++)
                if (IsWord(k) && W(k).Length > 3)
                {
                    words++;
                    if (IsCap(k))
                        capitals++;
                }
            return words >= 4 && capitals * 4 >= words * 3;
        }

        /// <summary>
        /// A token of this sentence where <see cref="OrganizationOrPlaceAt"/> found nothing. Both
        /// tries read only the tokens, the lexicon and the sentence's bounds, so the scan need not repeat them there.
        /// </summary>
        private int _noEntityAt = -1;

        public void Sentence(int a, int b)
        {
            _sentenceStart = a;
            _titleCase = IsTitleCase(a, b);
            _noEntityAt = -1;
            _placeMemo = null;
            var i = a;
            var known = Mentions.Count;
            while (i < b)
            {
                var next = TryAcronym(i, b);
                if (next < 0) next = TryKnownPerson(i, b);
                if (next < 0) next = TryRolePerson(i, b);
                if (next < 0) next = TryShortOrganization(i, b);
                if (next < 0 && _noEntityAt != i) next = TryOrganization(i, b);
                if (next < 0) next = TryFeaturePlace(i, b);
                if (next < 0 && _noEntityAt != i) next = TryPlace(i, b, emit: true);
                if (next < 0) next = TryFeatureStem(i, b);
                if (next < 0) next = TryName(i, b, a);
                i = next > i ? next : i + 1;
            }
            for (var m = known; m < Mentions.Count; m++)
                if (Mentions[m].Kind == EntityKind.Organization)
                    RememberShortNames(Mentions[m].Span.SliceOf(text).ToString(), Mentions[m].Name);
        }

        /// <summary>
        /// Short forms of the article's organisations, written as in the text, and the name each stands for (null when
        /// two organisations share one): "National Bank" of "National Bank of Ostrevia", "Halvard Marine" of
        /// "Halvard Marine Lines", and a first word that is no common, title or place word ("Bluewake" of
        /// "Bluewake Inter-Island Lines"; "National" names nothing alone).
        /// </summary>
        // Made once, as the lexicon's lookups are: getting one checks its comparer, a cost on every capitalized word otherwise.
        private readonly Dictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> _shortNames =
            new Dictionary<string, string?>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        /// <summary>A short form is remembered unless it names something else: a place ("Hong Kong" of the Hong Kong Monetary
        /// Authority) or a known organisation ("United Nations" of the United Nations Development Programme).</summary>
        private void RememberShortName(string shortForm, string name)
        {
            if (_places.ContainsKey(shortForm) || _organizations.ContainsKey(shortForm))
                return;
            var names = _shortNames.Dictionary;
            names[shortForm] = names.TryGetValue(shortForm, out var other) && other != name ? null : name;
        }

        private void RememberShortNames(string written, string name)
        {
            var words = written.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // One word alone only when it can be nothing else: no title, generic or organisation word, no place ("Bluewake's licence").
            var first = words[0];
            if (words.Length >= 2 && first.Length > 2 && char.IsUpper(first[0]) && first.Skip(1).Any(char.IsLower) && !_notNames.Contains(first) && !_titles.ContainsKey(first)
                && !_orgHeads.Contains(first) && !_notOpeners.Contains(first) && !_firstWords.Contains(first))
                RememberShortName(first, name);
            for (var n = 2; n < words.Length; n++)
            {
                if (!char.IsUpper(words[n - 1][0]) || !char.IsUpper(words[0][0]))
                    break; // "Ministry of …": no short form past a joining word
                RememberShortName(string.Join(' ', words[..n]), name);
            }
        }

        /// <summary>"The National Bank said": a short form of an organisation the article named before, as the whole capitalized run.</summary>
        private int TryShortOrganization(int i, int b)
        {
            if (_shortNames.Dictionary.Count == 0 || !IsWord(i) || !IsCap(i))
                return -1;
            var end = i;
            while (end < b && end - i < MaxShortNameWords && IsWord(end) && IsCap(end))
                end++;
            if (end < b && IsWord(end) && IsCap(end))
                return -1;
            if (!_shortNames.TryGetValue(text.AsSpan(tokens[i].Span.Start, BareEnd(end - 1) - tokens[i].Span.Start), out var name) || name is null)
                return -1;
            if (end == i + 1 && IsLocative(i) && !VisitedVenue(i, name))
                return -1;
            Mentions.Add(new EntityMention(new TextSpan(tokens[i].Span.Start, BareEnd(end - 1)), EntityKind.Organization, name));
            return end;
        }

        private const int MaxShortNameWords = 4;

        // ---- places ----

        /// <summary>The last <see cref="MatchPlace"/> asked, and its answer: organisation and place tries ask it in turn for one token.</summary>
        private (int I, int B, (int End, PlaceEntry Entry, bool Demonym)? Result)? _placeMemo;

        /// <summary>The longest gazetteer name starting at token i: (end token exclusive, entry, is possessive).</summary>
        private (int End, PlaceEntry Entry, bool Demonym)? MatchPlace(int i, int b)
        {
            if (_placeMemo is { } memo && memo.I == i && memo.B == b)
                return memo.Result;
            var result = MatchPlaceUncached(i, b);
            _placeMemo = (i, b, result);
            return result;
        }

        private (int End, PlaceEntry Entry, bool Demonym)? MatchPlaceUncached(int i, int b)
        {
            if (!IsWord(i) || !IsCap(i) || !_firstWords.Contains(Bare(W(i))) && !_firstWords.Contains(W(i)))
                return null;
            var places = _places;
            var demonyms = _demonyms;
            for (var k = Math.Min(lex.LongestName, b - i); k >= 1; k--)
            {
                var last = i + k - 1;
                if (!IsWord(last))
                    continue;
                var slice = text.AsSpan(tokens[i].Span.Start, BareEnd(last) - tokens[i].Span.Start);
                if (places.TryGetValue(slice, out var entry))
                    return (i + k, entry, false);
                if (demonyms.TryGetValue(slice, out var country) && places.TryGetValue(country, out var c))
                    return (i + k, c, true);
            }
            return null;
        }

        private int TryPlace(int i, int b, bool emit)
        {
            // "(Vlad) Brenner": a first name in brackets, not a place.
            if (i > 0 && W(i - 1).SequenceEqual("(") && i + 2 < b && W(i + 1).SequenceEqual(")") && IsCap(i + 2))
                return -1;
            if (MatchPlace(i, b) is not { } m)
                return -1;
            var (end, entry, _) = m;
            // "a red Honda": a make of car that is also a town's name is the car.
            if (end - i == 1 && entry.Type == PlaceType.City && _makes.Contains(W(i)))
                return -1;
            // "Howard Uribe", "Tyler Smith": a town's name that opens a person's name.
            if (end - i == 1 && entry.Type != PlaceType.Country && !entry.IsCapital && end < b && IsNameToken(end, false)
                && !IsPossessive(W(i)) && MatchPlace(end, b) is not { Entry.Type: PlaceType.Country or PlaceType.Region } && !_regionSuffixes.Contains(W(end)))
                return -1;
            // "Salcedo said", "said Sutton.": a surname that is also a town's name, used as a speaker.
            if (end - i == 1 && entry.Type != PlaceType.Country && !entry.IsCapital && (SpeechFollows(end, b) || SpeechPrecedes(i, b, _sentenceStart)))
                return -1;
            var start = tokens[i].Span.Start;
            var stop = BareEnd(end - 1);
            var name = entry.Name;
            // "Tver region", "Tver Oblast", "Hubei Province": the first-level region.
            if (end < b && IsWord(end) && !IsPossessive(W(end - 1)) && _regionSuffixes.Contains(Bare(W(end))) && entry.Type != PlaceType.Country)
            {
                name = RegionName(text.AsSpan(start, stop - start).ToString(), entry);
                stop = BareEnd(end);
                end++;
            }
            else if (entry.IsCapital && !IsLocative(i))
            {
                // A capital that is not where something is stands for its government: "the capital's forces".
                name = lex.Countries[entry.Country];
            }
            if (emit)
                Mentions.Add(new EntityMention(new TextSpan(start, stop), EntityKind.Place, name));
            return end;
        }

        /// <summary>Most capitalized words a feature's name runs to ("Upper Tarn Valley").</summary>
        private const int MaxFeatureNameWords = 3;

        /// <summary>A capitalized word that may be part of a feature's name: no organisation, title, place, demonym or common capitalized word.</summary>
        private bool FeatureNameWord(int k) =>
            IsWord(k) && IsCap(k) && !AllCaps(k) && Bare(W(k)).Length > 1 && !_orgHeads.Contains(Bare(W(k))) && !_titles.ContainsKey(W(k)) && !_notNames.Contains(W(k))
            && !_notOpeners.Contains(W(k)) && !IsPossessive(W(k)) && !_features.After.ContainsKey(Bare(W(k))) && MatchPlace(k, k + 1) is null;

        /// <summary>
        /// A geographic feature no gazetteer lists: capitalized words and a feature word after them ("Skerrin Island",
        /// "the Keelan Strait", "Hallstan province") or before them ("Mount Garrow", "Lake Tana"). Not a place the
        /// gazetteer knows ("Hubei Province", "Cape Town", "Faeroe Islands"), and not when an organisation word or more
        /// capitals follow ("Harwick Valley Hospital"). In a headline's capitals only the one word before the feature word
        /// names it ("Rescuers Reach Skerrin Island"). Its name alone is the place later in the article.
        /// </summary>
        private int TryFeaturePlace(int i, int b)
        {
            if (!IsWord(i) || !IsCap(i) || MatchPlace(i, b) is not null)
                return -1;
            int end;
            if (_features.Before.ContainsKey(W(i)))
            {
                // "Mount Kenya", "Lake Chad": a feature may take a known place's name.
                end = i + 1 < b && MatchPlace(i + 1, b) is { Demonym: false } named ? named.End : i + 1;
                while (end < b && end - i <= (_titleCase ? 1 : MaxFeatureNameWords) && FeatureNameWord(end))
                    end++;
                if (end == i + 1 || end < b && IsWord(end) && IsCap(end))
                    return -1;
                return EmitFeaturePlace(i, end);
            }
            if (_titleCase)
            {
                // "Ferry Sinks Off Skerrin Island As Storm Hits": the words before the name are the headline's, not a name's.
                var f = i;
                while (f < b && f - i <= MaxHeadlineWords && IsWord(f) && IsCap(f) && !_features.After.ContainsKey(Bare(W(f))))
                    f++;
                if (f > i + 1 && f < b && IsWord(f) && IsCap(f) && _features.After.ContainsKey(Bare(W(f))) && FeatureNameWord(f - 1)
                    && MatchPlace(f - 1, b) is null && !(f + 1 < b && IsWord(f + 1) && _orgHeads.Contains(Bare(W(f + 1)))))
                    return EmitFeaturePlace(f - 1, f + 1);
            }
            // Most capitalized words have no feature word after them: look for one before weighing the name's words.
            var feature = i + 1;
            while (feature < b && feature - i <= MaxFeatureNameWords && !(IsWord(feature) && _features.After.ContainsKey(Bare(W(feature)))))
                feature++;
            if (feature >= b || feature - i > MaxFeatureNameWords)
                return -1;
            end = i;
            while (end < b && end - i < (_titleCase ? 1 : MaxFeatureNameWords) && FeatureNameWord(end))
                end++;
            if (end == i || end >= b || !IsWord(end) || !_features.After.ContainsKey(Bare(W(end))) || IsPossessive(W(end - 1)))
                return -1;
            // "Injuries range from …": a sentence's first word before a lower-case feature word is its subject, not a name.
            if (i == _sentenceStart && !IsCap(end))
                return -1;
            if (end + 1 < b && IsWord(end + 1) && (IsCap(end + 1) && (_orgHeads.Contains(Bare(W(end + 1))) || FeatureNameWord(end + 1)) || _streets.Contains(W(end + 1))))
                return -1;
            return EmitFeaturePlace(i, end + 1);
        }

        /// <summary>Capitalized words of a headline scanned for a feature word.</summary>
        private const int MaxHeadlineWords = 8;

        private int EmitFeaturePlace(int start, int end)
        {
            var span = new TextSpan(tokens[start].Span.Start, BareEnd(end - 1));
            var name = span.SliceOf(text).ToString();
            Mentions.Add(new EntityMention(span, EntityKind.Place, name));
            if (_features.Split(name) is { } feature)
            {
                // By stem and class: "Hallstan Province" and "Hallstan province" are one place, "Hallstan River" another.
                var stems = _featureStems.Dictionary;
                var key = feature.Stem + "\u0001" + feature.Class;
                stems[feature.Stem] = stems.TryGetValue(feature.Stem, out var other) && other?.Key != key ? null : other ?? (key, name);
            }
            return end;
        }

        private readonly PlaceFeatures _features = lex.PlaceFeatures;

        /// <summary>The article's feature places by their name alone (any case), with their key and a written name (null when two share one).</summary>
        private readonly Dictionary<string, (string Key, string Name)?>.AlternateLookup<ReadOnlySpan<char>> _featureStems =
            new Dictionary<string, (string Key, string Name)?>(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

        /// <summary>
        /// "Villages across Hallstan" after "Hallstan province": the place by its name alone. Not a sentence's first word
        /// ("Black smoke rose" beside the Black Sea) and not a speaker ("Harris said" beside Harris County).
        /// </summary>
        private int TryFeatureStem(int i, int b)
        {
            if (_featureStems.Dictionary.Count == 0 || i == _sentenceStart || !IsWord(i) || !IsCap(i))
                return -1;
            var end = i;
            while (end < b && end - i < MaxFeatureNameWords && FeatureNameWord(end))
                end++;
            if (end == i || end < b && IsWord(end) && IsCap(end) || SpeechFollows(end, b) || SpeechPrecedes(i, b, _sentenceStart))
                return -1;
            if (!_featureStems.TryGetValue(text.AsSpan(tokens[i].Span.Start, BareEnd(end - 1) - tokens[i].Span.Start), out var place) || place is null)
                return -1;
            Mentions.Add(new EntityMention(new TextSpan(tokens[i].Span.Start, BareEnd(end - 1)), EntityKind.Place, place.Value.Name));
            return end;
        }

        private string RegionName(string bare, PlaceEntry entry)
        {
            if (entry.Type == PlaceType.Region)
                return entry.Name;
            return bare + " Region";
        }

        /// <summary>
        /// "the only road to Mirenz", "in Mirenz": the first word of "Mirenz Lift Company" alone after a locative is the place
        /// the company is named for, which no gazetteer may know. A venue's is the venue after "to", "at" or "the" ("taken to
        /// Lutheran", "a shooting at the Cameo"), not after "in" or "near" ("lives in Aptos").
        /// </summary>
        private bool VisitedVenue(int i, string organisation)
        {
            var prev = W(i - 1);
            return (prev.SequenceEqual("to") || prev.SequenceEqual("at") || prev.SequenceEqual("the"))
                   && lex.VenueHeads.Contains(organisation[(organisation.LastIndexOf(' ') + 1)..]);
        }

        private bool IsLocative(int i)
        {
            if (i == 0)
                return false;
            var prev = W(i - 1);
            foreach (var l in Locatives)
                if (prev.Equals(l, StringComparison.OrdinalIgnoreCase))
                    return true;
            // "Lima, Peru" or "the Lima region" name a location, not a government.
            return prev.Equals("the", StringComparison.OrdinalIgnoreCase);
        }

        // ---- organisations ----

        private int TryOrganization(int i, int b)
        {
            // Optional country before the organisation: "U.S. Labor Department", "Chile's Defense Ministry".
            string? country = null;
            var j = i;
            if (MatchPlace(i, b) is { } p && p.Entry.Type == PlaceType.Country && p.End < b && IsWord(p.End) && IsCap(p.End))
            {
                country = p.Entry.Country;
                j = p.End;
            }
            if (j >= b || !IsWord(j) || !IsCap(j))
                return -1;
            // A generic word opens an organisation's name only when the phrase ends in an organisation word
            // ("National Disaster Management Institute", "Central Emergency Response Fund").
            int? headEnd = null; // the generic scan's answer, asked at most once
            // ("New Haven Police Department" is a place, then the organisation: the place scan reads it.)
            if (_notOpeners.Contains(W(j)))
                return -1; // "When Norland Motor Group …", "Carmaker Norland Motor Group …": the name begins after it
            if (_notNames.Contains(W(j)) && !_orgHeads.Contains(W(j)) && (MatchPlace(j, b) is not null || (headEnd ??= HeadEnd(j, b)) <= j))
                return -1;
            // A known name ("White House", "NATO", "Interpol").
            var maybeKnown = _firstWords.Contains(Bare(W(j))) || _firstWords.Contains(W(j));
            for (var k = maybeKnown ? Math.Min(lex.LongestName, b - j) : 0; k >= 1; k--)
            {
                var last = j + k - 1;
                var slice = text.AsSpan(tokens[j].Span.Start, BareEnd(last) - tokens[j].Span.Start);
                if (_organizations.TryGetValue(slice, out var entries))
                {
                    var entry = entries.FirstOrDefault(e => country is null || e.Country == country || e.Country == "*");
                    if (entry is null)
                        break;
                    if (k == 1 && IsTitleWord(j) && j + 1 < b && IsCap(j + 1))
                        return -1;
                    // "Microsoft Security Response Center": a known name that opens a longer organisation's name is that
                    // organisation — unless the longer one runs into a role ("Pentagon Press Secretary").
                    if (last + 1 < b && IsWord(last + 1) && IsCap(last + 1) && (headEnd ??= HeadEnd(j, b)) is var head && head > last
                        && !(head + 1 < b && IsWord(head + 1) && IsTitleWord(head + 1)))
                        break;
                    EmitCountry(i, j, country);
                    var start = country is not null && !IsPossessive(W(j - 1)) ? tokens[i].Span.Start : tokens[j].Span.Start;
                    Mentions.Add(new EntityMention(new TextSpan(country is not null ? tokens[i].Span.Start : start, BareEnd(last)), EntityKind.Organization, entry.Name));
                    return last + 1;
                }
            }
            // A capitalized phrase that ends in an organisation word: "Kyodo News Agency", "Department of Labor".
            var end = headEnd ?? HeadEnd(j, b);
            // A lone head ("Police", "Department") is no organisation; a title-led phrase is a role, unless it runs
            // past a title's words to an organisation word that no name follows ("General Confederation of Valdessan Workers").
            if (end < 0 || end == j && country is null || IsTitleWord(j) && !_orgHeads.Contains(Bare(W(j))) && country is null && !TitleLedOrganization(j, end, b))
                return -1;
            if (_notNames.Contains(W(j)) && end == j)
                return -1;
            var orgText = text.AsSpan(tokens[j].Span.Start, BareEnd(end) - tokens[j].Span.Start).ToString();
            EmitCountry(i, j, country);
            Mentions.Add(new EntityMention(new TextSpan(tokens[i].Span.Start, BareEnd(end)), EntityKind.Organization, OrganizationName(orgText, country)));
            return end + 1;
        }

        /// <summary>
        /// Whether a phrase from a title word at <paramref name="j"/> to the organisation word at <paramref name="end"/> is an
        /// organisation: no title's head inside it and no capitalized word after it ("Deputy Police Chief Jane Doe" is a role);
        /// two words when the first only qualifies titles ("Transport Ministry").
        /// </summary>
        private bool TitleLedOrganization(int j, int end, int b)
        {
            // "the Transport Ministry", "the Interior Ministry": a word that only qualifies titles names the body before its organisation word.
            var qualified = end == j + 1 && !HasClass(j, TitleClass.Head);
            if (end < j + 2 && !qualified || end + 1 < b && IsWord(end + 1) && IsCap(end + 1))
                return false;
            for (var x = j; x <= end; x++)
                if (HasClass(x, TitleClass.Head))
                    return false;
            return true;
        }

        /// <summary>The last organisation word of the capitalized phrase that starts at token j ("Kyodo News Agency"), or -1.</summary>
        private int HeadEnd(int j, int b)
        {
            var end = -1;
            var x = j;
            // Past "of" after an organisation word, the name runs to the end of the capitalized phrase, "and" included:
            // "Ministry of Agriculture and Rural Development", "Federation of Automotive and Metal Workers".
            var ofHead = false;
            var forHead = false;
            while (x < b && IsWord(x))
            {
                if (IsCap(x) && !AllCaps(x) || AllCaps(x) && x > j)
                {
                    // "Bank of England Governor Andrew Bailey": the role and its holder follow the name. "Medical University of
                    // South Carolina": a known place is read as the place, as before.
                    if (ofHead && (HasClass(x, TitleClass.Head) && !_orgHeads.Contains(Bare(W(x))) || end < x - 1 && MatchPlace(x, b) is not null))
                        break;
                    if (_orgHeads.Contains(Bare(W(x))) || ofHead)
                        end = x;
                    // "Comer Children's Hospital", "Broward Sheriff's Office": a common noun's possessive stays inside the name; a person's ends it.
                    if (IsPossessive(W(x)) && !(end < 0 && (_titles.ContainsKey(Bare(W(x))) || _notNames.Contains(Bare(W(x))))))
                        break;
                    // "Automotive Suppliers' Association", "Teachers' Union": a plural's possessive stays inside the name.
                    if (x + 2 < b && W(x).EndsWith('s') && W(x + 1) is "'" or "’" && tokens[x + 1].Span.Start == tokens[x].Span.End
                        && IsWord(x + 2) && IsCap(x + 2))
                    {
                        x += 2;
                        continue;
                    }
                    x++;
                }
                else if (x + 1 < b && (IsConnector(x) || forHead && end == x - 1 && W(x) is "in" && MatchPlace(x + 1, b) is null && !IsCalendarWord(x + 1))
                    && IsWord(x + 1) && IsCap(x + 1) && x > j
                    && !(end >= 0 && W(x) is "and" or "&" && (!ofHead || HasClass(x + 1, TitleClass.Head) || _orgHeads.Contains(Bare(W(x + 1)))
                        || KnownNameRunAt(x + 1, b))))
                {
                    // "Ilse Marchetti of Tarvik Securities": two plain capitalized words before "of", no organisation
                    // word among them, are a person's name and where they work, not one organisation's name.
                    if (end < 0 && x - j == 2 && W(x) is "of" && PlainNameWord(j) && PlainNameWord(j + 1))
                        break;
                    // "Office for National Statistics", "Centre for Education in Emergencies": "for" after an
                    // organisation word goes on as "of" does, and past "for" "in" before a word that is no known place
                    // or month ("Ministry of Health in Gaza", "Office for National Statistics in March" end before it).
                    if (end == x - 1 && W(x) is "of" or "for")
                    {
                        ofHead = true;
                        forHead = W(x) is "for";
                    }
                    x++;
                }
                else
                {
                    break;
                }
            }
            return end;
        }

        /// <summary>A month's or a weekday's name (the invariant culture's): "in March" says when, not which organisation.</summary>
        private bool IsCalendarWord(int k)
        {
            var w = Bare(W(k));
            var names = System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat;
            foreach (var name in names.MonthNames)
                if (name.Length > 0 && w.Equals(name, StringComparison.OrdinalIgnoreCase))
                    return true;
            foreach (var name in names.DayNames)
                if (w.Equals(name, StringComparison.OrdinalIgnoreCase))
                    return true;
            return false;
        }

        /// <summary>A capitalized word that is no organisation, title, generic or place word: it may be part of a person's name.</summary>
        private bool PlainNameWord(int k) =>
            IsWord(k) && IsCap(k) && !AllCaps(k) && !_orgHeads.Contains(Bare(W(k))) && !_titles.ContainsKey(W(k)) && !_notNames.Contains(W(k))
            && !_notOpeners.Contains(W(k)) && MatchPlace(k, k + 1) is null;

        /// <summary>
        /// Whether the capitalized run from <paramref name="k"/> is a known organisation's name and nothing more:
        /// "the Ministry of Health and Red Cross teams" are two, "… of Red Cross and Red Crescent Societies" one.
        /// </summary>
        private bool KnownNameRunAt(int k, int b)
        {
            var last = k;
            while (last + 1 < b && IsWord(last + 1) && IsCap(last + 1))
                last++;
            return _organizations.ContainsKey(text.AsSpan(tokens[k].Span.Start, BareEnd(last) - tokens[k].Span.Start));
        }

        private void EmitCountry(int i, int j, string? country)
        {
            if (country is not null)
                Mentions.Add(new EntityMention(new TextSpan(tokens[i].Span.Start, BareEnd(j - 1)), EntityKind.Place, lex.Countries[country]));
        }

        private bool IsConnector(int i)
        {
            var w = W(i);
            foreach (var c in Connectors)
                if (w.SequenceEqual(c))
                    return true;
            return false;
        }

        /// <summary>
        /// A canonical organisation name: "Ministry of Defense" and "Defense Ministry" agree, a known
        /// alias takes its canonical name, and a country written before it qualifies it.
        /// </summary>
        private string OrganizationName(string org, string? country)
        {
            if (org.StartsWith("The ", StringComparison.Ordinal))
                org = org[4..];
            var parts = org.Split(" of ", 2, StringSplitOptions.None);
            var swapped = parts.Length == 2 && !parts[1].Contains(' ') && lex.OrganizationHeads.Contains(parts[0]) ? parts[1] + " " + parts[0] : org;
            foreach (var candidate in new[] { org, swapped })
                if (lex.Organizations.TryGetValue(candidate, out var entries) && entries.FirstOrDefault(e => country is null || e.Country == country || e.Country == "*") is { } e)
                    return e.Name;
            return country is null ? swapped : $"{swapped} ({lex.Countries[country]})";
        }

        // ---- acronyms ----

        /// <summary>"(ABW)" after a phrase names that phrase; later, the acronym alone names it too.</summary>
        private const int MaxAcronym = 6;

        /// <summary>The name of the one organisation mentioned so far whose capitalized words' initials are <paramref name="acronym"/>.</summary>
        private string? OrganizationWithInitials(ReadOnlySpan<char> acronym)
        {
            string? found = null;
            foreach (var m in Mentions)
            {
                if (m.Kind != EntityKind.Organization || found == m.Name || !InitialsAre(m.Name, acronym))
                    continue;
                if (found is not null)
                    return null;
                found = m.Name;
            }
            return found;
        }

        /// <summary>
        /// "Maddox told CPS", "according to the STRD", "The JTF says": capitals no article named before, where an
        /// organisation speaks or is spoken to. Not inside a line of capitals (a headline, a shouted word).
        /// </summary>
        private bool UnknownAcronymSpeaks(int i, int b)
        {
            var w = Bare(W(i));
            if (w.Length is < 2 or > MaxAcronym || !AllCaps(i) || w.ContainsAnyExceptInRange('A', 'Z') || _notNames.Contains(w)
                || i + 1 < b && IsWord(i + 1) && AllCaps(i + 1) || i > 0 && IsWord(i - 1) && AllCaps(i - 1))
                return false;
            var prior = i > 0 && W(i - 1).Equals("the", StringComparison.OrdinalIgnoreCase) ? i - 1 : i;
            return SpeechFollows(i + 1, b)
                || prior > 0 && W(prior - 1).SequenceEqual("told")
                || prior >= 2 && W(prior - 2).Equals("according", StringComparison.OrdinalIgnoreCase) && W(prior - 1).SequenceEqual("to");
        }

        private int TryAcronym(int i, int b)
        {
            if (IsWord(i) && AllCaps(i) && _acronyms.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(Bare(W(i)), out var known))
            {
                Mentions.Add(new EntityMention(new TextSpan(tokens[i].Span.Start, BareEnd(i)), known.Kind, known.Name));
                return i + 1;
            }
            // "… the Occupational Safety and Health Administration have opened investigations. … OSHA has up to six
            // months": the initials of an organisation the article has named.
            if (IsWord(i) && AllCaps(i) && W(i).Length is >= 3 and <= MaxAcronym && OrganizationWithInitials(Bare(W(i))) is { } named)
            {
                _acronyms[Bare(W(i)).ToString()] = (EntityKind.Organization, named);
                Mentions.Add(new EntityMention(new TextSpan(tokens[i].Span.Start, BareEnd(i)), EntityKind.Organization, named));
                return i + 1;
            }
            if (IsWord(i) && UnknownAcronymSpeaks(i, b))
            {
                Mentions.Add(new EntityMention(new TextSpan(tokens[i].Span.Start, BareEnd(i)), EntityKind.Organization, Bare(W(i)).ToString()));
                return i + 1;
            }
            if (!(W(i).SequenceEqual("(") && i + 2 < b && IsWord(i + 1) && AllCaps(i + 1) && W(i + 2).SequenceEqual(")") && i > 0))
                return -1;
            var acronym = W(i + 1).ToString();
            if (_acronyms.ContainsKey(acronym))
                return -1;
            var before = tokens[i - 1].Span.End;
            var last = Mentions.Count > 0 ? Mentions[^1] : null;
            string name;
            EntityKind kind;
            if (last is not null && last.Span.End >= BareEnd(i - 1) && last.Kind != EntityKind.Place)
            {
                (kind, name) = (last.Kind, last.Name);
            }
            else if (PossessivePhrase(i) is { } start)
            {
                // "Poland's internal security agency (ABW)": a country's body named in lower case.
                kind = EntityKind.Organization;
                name = text[tokens[start].Span.Start..before];
                Mentions.Add(new EntityMention(new TextSpan(tokens[start].Span.Start, before), kind, name));
            }
            else if (InitialsMatch(i, acronym) is { } from)
            {
                kind = EntityKind.Organization;
                name = text[tokens[from].Span.Start..before];
                Mentions.Add(new EntityMention(new TextSpan(tokens[from].Span.Start, before), kind, name));
            }
            else
            {
                return -1;
            }
            _acronyms[acronym] = (kind, name);
            Mentions.Add(new EntityMention(tokens[i + 1].Span, kind, name));
            return i + 3;
        }

        /// <summary>The token where "Country's w1 w2" starts, for up to four words before the bracket.</summary>
        private int? PossessivePhrase(int bracket)
        {
            for (var k = bracket - 1; k >= Math.Max(0, bracket - 5); k--)
            {
                if (!IsWord(k))
                    return null;
                if (IsPossessive(W(k)) && k < bracket - 1)
                {
                    var s = k;
                    while (s > 0 && IsWord(s - 1) && IsCap(s - 1) && s > k - 2)
                        s--;
                    for (var x = s; x <= k; x++)
                        if (MatchPlace(x, k + 1) is { } p && p.End == k + 1 && p.Entry.Type == PlaceType.Country)
                            return x;
                    return null;
                }
            }
            return null;
        }

        /// <summary>The token where capitalized words whose initials spell the acronym start.</summary>
        private int? InitialsMatch(int bracket, string acronym)
        {
            var n = acronym.Length;
            var k = bracket - 1;
            var letter = n - 1;
            while (k >= 0 && letter >= 0 && IsWord(k))
            {
                var w = W(k);
                if (IsConnector(k)) { k--; continue; }
                if (char.ToUpperInvariant(w[0]) != acronym[letter])
                    return null;
                if (letter == 0)
                    return k;
                letter--;
                k--;
            }
            return null;
        }

        // ---- people ----

        private bool IsTitleWord(int i) => _titles.ContainsKey(W(i));

        private bool HasClass(int i, TitleClass cls) => _titles.TryGetValue(W(i), out var classes) && Array.IndexOf(classes, cls) >= 0;

        /// <summary>A role, rank or honorific, then a name: the person, with the role split off.</summary>
        private int TryRolePerson(int i, int b)
        {
            var j = i;
            var headEnd = -1;
            var roleStart = -1;
            var titled = false;
            // Most tokens open no role: test the first before allocating anything.
            if (!IsWord(i) || char.IsLower(text[tokens[i].Span.Start]) && !_titles.ContainsKey(W(i)))
                return -1;
            var embedded = new List<EntityMention>(2);
            while (j < b && IsWord(j))
            {
                var w = W(j);
                var lower = char.IsLower(w[0]);
                // One lookup for the word's classes, not one for each class asked.
                var classes = _titles.TryGetValue(w, out var found) ? found : [];
                if (Array.IndexOf(classes, TitleClass.Head) >= 0 && (!lower || !IsPossessive(w)))
                {
                    if (roleStart < 0) roleStart = j;
                    headEnd = j;
                    titled = true;
                    j++;
                }
                else if (Array.IndexOf(classes, TitleClass.Modifier) >= 0 && (!lower || headEnd < 0))
                {
                    if (roleStart < 0) roleStart = j;
                    j++;
                }
                else if (!lower && (Array.IndexOf(classes, TitleClass.Rank) >= 0 || Array.IndexOf(classes, TitleClass.Service) >= 0
                    || Array.IndexOf(classes, TitleClass.Honorific) >= 0))
                {
                    titled = true;
                    j++;
                }
                else if (w.SequenceEqual("of") && headEnd == j - 1 && j + 1 < b && IsWord(j + 1) && IsCap(j + 1))
                {
                    // "Secretary of State", "Minister of Foreign Affairs", "President of Chile": the role goes on.
                    j++;
                    if (j < b && W(j).SequenceEqual("the")) j++;
                    var ofEnd = j;
                    while (ofEnd < b && IsWord(ofEnd) && IsCap(ofEnd) && HasClass(ofEnd, TitleClass.Modifier))
                        ofEnd++;
                    if (ofEnd == j && OrganizationOrPlaceAt(j, b) is { } ofPlace)
                    {
                        embedded.Add(ofPlace.Mention);
                        ofEnd = ofPlace.End;
                    }
                    if (ofEnd > j)
                    {
                        headEnd = ofEnd - 1;
                        j = ofEnd;
                    }
                }
                else if (!lower && (headEnd < 0 || j > 0 && W(j - 1).SequenceEqual("of")) && OrganizationOrPlaceAt(j, b) is { } op)
                {
                    if (roleStart < 0) roleStart = j;
                    embedded.Add(op.Mention);
                    j = op.End;
                }
                else
                {
                    break;
                }
            }
            if (!titled || j == i)
                return -1;
            var nameEnd = NameRun(j, b);
            // "Lt. Ireland", "Sheriff Tyler": a one-word place right after the title is the name.
            if (nameEnd <= j && embedded.Count > 0 && embedded[^1].Span.End == BareEnd(j - 1) && TokenCount(embedded[^1].Span) == 1
                && embedded[^1].Span.Start > tokens[i].Span.Start && (headEnd < 0 || headEnd < j - 1))
            {
                embedded.RemoveAt(embedded.Count - 1);
                j--;
                nameEnd = j + 1;
            }
            if (nameEnd <= j)
                return -1;
            Mentions.AddRange(embedded);
            var role = headEnd >= 0 && roleStart >= 0 && roleStart <= headEnd
                ? text[tokens[roleStart].Span.Start..BareEnd(headEnd)]
                : null;
            // "Mr Varenne", "Dr. Okafor": the honorific is kept with the mention (not its span, not a role),
            // so the form a reader sees is one of the person's.
            var honorificOnly = role is null && embedded.Count == 0;
            for (var k = i; k < j && honorificOnly; k++)
                honorificOnly = HasClass(k, TitleClass.Honorific);
            var honorific = honorificOnly ? text[tokens[i].Span.Start..tokens[j - 1].Span.End] : null;
            AddPerson(j, nameEnd, role, honorific);
            return nameEnd;
        }

        private int TokenCount(TextSpan span)
        {
            var n = 0;
            foreach (var c in span.SliceOf(text))
                if (c == ' ') n++;
            return n + 1;
        }

        private (int End, EntityMention Mention)? OrganizationOrPlaceAt(int j, int b)
        {
            var count = Mentions.Count;
            var end = TryOrganization(j, b);
            if (end < 0)
                end = TryPlace(j, b, emit: true);
            if (end < 0 || Mentions.Count == count)
            {
                _noEntityAt = j;
                return null;
            }
            var m = Mentions[^1];
            // Take back what was emitted: the caller keeps it only if a person follows.
            Mentions.RemoveRange(count, Mentions.Count - count);
            return (end, m);
        }

        /// <summary>The end of a run of name-like tokens at j (first names, initials, surnames, a suffix), or j.</summary>
        private int NameRun(int j, int b)
        {
            var k = j;
            while (k < b && k - j < 5 && IsNameToken(k, k == j))
            {
                k++;
                if (IsPossessive(W(k - 1)))
                    break;
            }
            // A run never ends with an initial alone ("J."), and a suffix alone is no name.
            while (k > j && tokens[k - 1].Kind == TokenKind.Abbreviation && W(k - 1).Length == 2)
                k--;
            if (k == j + 1 && _suffixes.Contains(W(j)))
                return j;
            // "N. Teutonia Ave.": a street.
            if (k > j && k < b && IsWord(k) && _streets.Contains(W(k)))
                return j;
            return k;
        }

        private bool IsNameToken(int k, bool first)
        {
            if (!IsWord(k) || !IsCap(k))
                return false;
            var w = W(k);
            if (_suffixes.Contains(Bare(w)))
                return !first;
            if (tokens[k].Kind == TokenKind.Abbreviation)
                return w.Length == 2 && char.IsUpper(w[0]);
            // "I'm", "They're", "We'll": a contraction is no name.
            if (w.Length > 2 && w[^2] is '\'' or '’' && w[^1] is 'm' or 'd' || w.Length > 3 && w[^3] is '\'' or '’' && (w.EndsWith("re") || w.EndsWith("ve") || w.EndsWith("ll")))
                return false;
            if (AllCaps(k) || _notNames.Contains(Bare(w)) || IsTitleWord(k) || _orgHeads.Contains(Bare(w))
                || first && _commonSpeakers.Contains(Bare(w)))
                return false;
            if (_demonyms.ContainsKey(Bare(w)))
                return false;
            // "Six-month-old Miracle", "President-elect Barack", "Off-duty Orlando": a compound ending in a lowercase word
            // of three parts or a descriptive one describes the name that follows; "Hyun-woo Lee" and "Ban Ki-moon" are names.
            var hyphen = w.IndexOfAny('-', '‐');
            var lastHyphen = w.LastIndexOfAny('-', '‐');
            if (first && lastHyphen > 0 && lastHyphen + 1 < w.Length && char.IsLower(w[lastHyphen + 1])
                && (lastHyphen != hyphen || _tails.Contains(w[(lastHyphen + 1)..])))
                return false;
            // "Chilean-Peruvian" is no name: a part of it is a place or demonym.
            if (hyphen > 0 && (_places.ContainsKey(w[..hyphen]) || _demonyms.ContainsKey(w[..hyphen])))
                return false;
            return true;
        }

        /// <summary>Capitalized name-like words that are no place or organisation: two or more, or one known surname.</summary>
        private int TryName(int i, int b, int sentenceStart)
        {
            if (!IsWord(i) || !IsCap(i))
                return -1;
            // "(Vlad) Brenner": a first name in brackets.
            var end = NameRun(i, b);
            if (end <= i)
                return -1;
            if (IsVehicle(i, end))
                return end;
            // "the Upper Ardel police", "the Kelmar valley": a run right after "the" and before a lowercase noun names a
            // place or a body, not a person (who is "the late John Smith" or "the actor John Smith", not "the John Smith"),
            // unless the noun is a person's ("the Oswick family", "the Biden administration").
            if (i > sentenceStart && W(i - 1).SequenceEqual("the") && end < b && IsWord(end) && !IsCap(end) && !lex.PersonNouns.Contains(W(end).ToString()))
                return end;
            if (end - i == 1)
            {
                var key = Bare(W(i)).ToString();
                if (Resolve(key) is null && !SpeechFollows(i + 1, b) && !SpeechPrecedes(i, b, sentenceStart) && !AccordingTo(i, b))
                    return -1;
            }
            else if (i == sentenceStart && end - i == 2 && !(end < b && (SpeechFollows(end, b) || W(end).SequenceEqual(","))))
            {
                // "Initial Reports" at a sentence start: a name only when a cue confirms it.
                if (Resolve(Bare(W(i + 1)).ToString()) is null && !LooksLikeGivenName(i))
                    return -1;
            }
            AddPerson(i, end, null);
            return end;
        }

        /// <summary>"a silver Ford Explorer": a name run that begins with a make of vehicle is the vehicle, not a person, however the run was found.</summary>
        private bool IsVehicle(int i, int end) => end - i >= 2 && _makes.Contains(W(i));

        /// <summary>A surname (or full name) of a person this article has already introduced: "Reed emphasized".</summary>
        private int TryKnownPerson(int i, int b)
        {
            if (!IsWord(i) || !IsCap(i) || _people.Count == 0 || !_peopleWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(Bare(W(i))) || !IsNameToken(i, true))
                return -1;
            var end = NameRun(i, b);
            if (end <= i)
                return -1;
            if (IsVehicle(i, end))
                return end;
            var written = string.Join(' ', Enumerable.Range(i, end - i).Select(k => Bare(W(k)).ToString()));
            if (Resolve(written) is null)
                return -1;
            AddPerson(i, end, null);
            return end;
        }

        private bool LooksLikeGivenName(int i) => W(i).Length > 1 && !char.IsUpper(W(i)[1]);

        /// <summary>"Hanes said", "Hanes also told": a speech verb right after, perhaps past one adverb.</summary>
        private bool SpeechFollows(int k, int b)
        {
            if (k < b && IsWord(k) && (W(k).EndsWith("ly") || W(k).SequenceEqual("also")) && char.IsLower(W(k)[0]))
                k++;
            return k < b && IsWord(k) && char.IsLower(W(k)[0]) && _speech.Contains(W(k));
        }

        /// <summary>"according to Nichols.": a lone capitalized word that a report is attributed to.</summary>
        private bool AccordingTo(int i, int b) =>
            i >= 2 && W(i - 2).Equals("according", StringComparison.OrdinalIgnoreCase) && W(i - 1).SequenceEqual("to")
            && (i + 1 >= b || tokens[i + 1].Kind == TokenKind.Punctuation);

        /// <summary>"…," said Mattix.: a speech verb right before and the clause ends after.</summary>
        private bool SpeechPrecedes(int i, int b, int sentenceStart) =>
            i > sentenceStart && i > 0 && IsWord(i - 1) && _speech.Contains(W(i - 1))
            && (i + 1 >= b || tokens[i + 1].Kind == TokenKind.Punctuation);

        private void AddPerson(int start, int end, string? role, string? honorific = null)
        {
            // "(Vlad) Brenner": the bracketed first name belongs to the name.
            var s = tokens[start].Span.Start;
            var e = BareEnd(end - 1);
            var written = string.Join(' ', Enumerable.Range(start, end - start).Select(k => Bare(W(k)).ToString()));
            string name;
            if (end - start == 1)
            {
                var given = start >= 3 && W(start - 1).SequenceEqual(")") && W(start - 3).SequenceEqual("(") && IsNameToken(start - 2, true)
                    ? W(start - 2).ToString() + " " + written : null;
                name = Resolve(written) ?? given ?? written;
                if (given is not null && Resolve(written) is null)
                    Introduce(given);
            }
            else
            {
                name = Resolve(written) ?? written;
                if (name == written)
                    Introduce(written);
            }
            Mentions.Add(new EntityMention(new TextSpan(s, e), EntityKind.Person, name, role, honorific));
        }

        /// <summary>The full name introduced earlier that a written name (surname, or the full name again) refers to.</summary>
        private string? Resolve(string written)
        {
            if (_people.Count == 0 || !written.Contains(' ') && !_peopleWords.Contains(written))
                return null;
            var key = Key(written);
            for (var p = _people.Count - 1; p >= 0; p--)
                if (_people[p].Key == key)
                    return _people[p].Full;
            if (written.Contains(' ') || !_peopleWords.Contains(written))
                return null;
            for (var p = _people.Count - 1; p >= 0; p--)
                if (_people[p].Last == written)
                    return _people[p].Full;
            for (var p = _people.Count - 1; p >= 0; p--)
                if (_people[p].First == written)
                    return _people[p].Full;
            return null;
        }

        private void Introduce(string full)
        {
            var person = new Person(full, Key(full), LastWord(full), full.Split(' ')[0]);
            _people.Add(person);
            _peopleWords.Add(person.Last);
            _peopleWords.Add(person.First);
        }

        private string Key(string name) => string.Join(' ', name.Split(' ').Where(w => !(w.Length == 2 && w[1] == '.') && !lex.NameSuffixes.Contains(w)));

        private string LastWord(string name)
        {
            var words = name.Split(' ');
            for (var k = words.Length - 1; k >= 0; k--)
                if (!lex.NameSuffixes.Contains(words[k]) && !(words[k].Length == 2 && words[k][1] == '.'))
                    return words[k];
            return words[^1];
        }
    }
}
