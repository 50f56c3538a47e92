using System.Collections.Frozen;
using System.Collections.Immutable;
using Corroborate.Lexicons;
using Corroborate.Model;

namespace Corroborate.Reconcile;

/// <summary>An entity resolved across documents, with every mention of it.</summary>
public sealed record ResolvedEntity(
    string Id, EntityKind Kind, string Name, ImmutableArray<string> Aliases, ImmutableArray<string> Roles,
    ImmutableArray<(string Doc, TextSpan Span, string Text)> Mentions);

/// <summary>One mention as the resolver sees it: which document and story, and the text written.</summary>
/// <param name="Description">A mention by the entity's kind ("the directorate", <see cref="HeadReferences"/>), not by its name.</param>
public sealed record MentionRecord(string Doc, string Story, EntityMention Mention, string Text, bool Description = false);

/// <summary>
/// Resolves mentions to entities across the documents of each story: mentions whose in-article
/// names agree (after each article has resolved surnames to full names) are one entity. A
/// person's key leaves out initials and generational suffixes ("John Q. Doe III" is "John
/// Doe"); a lone surname that no article resolved joins the one person of the story whose
/// name ends (or, for family-name-first names, begins) with it. Aliases are the forms written,
/// with the role before the name ("Secretary of State Jane Doe"). Deterministic: ids follow
/// first appearance. Immutable once built; thread-safe.
/// </summary>
public sealed class EntityResolver
{
    private static readonly string[] Suffixes = ["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"];

    private readonly Dictionary<(string Doc, TextSpan Span), string> _byMention = [];
    private readonly Dictionary<string, List<(TextSpan Span, EntityKind Kind, string Id)>> _byDoc = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _storyOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResolvedEntity> _byId = new(StringComparer.Ordinal);
    private readonly ReconcileLexicon? _lexicon;

    /// <param name="numbered">Entities already numbered in the dossier: ids continue from "e{numbered + 1}".</param>
    /// <param name="lexicon">Descriptions that name organisations ("the company"); without it only roles resolve descriptions.</param>
    public EntityResolver(IEnumerable<MentionRecord> mentions, int numbered = 0, ReconcileLexicon? lexicon = null)
    {
        _lexicon = lexicon;
        var all = mentions.ToList();
        var keys = new KeyCache();
        var surnames = SurnameOwners(all, keys);
        var shortNames = ShortNameOwners(all, keys, lexicon?.EponymousHeads, lexicon?.OutletWords);
        var features = lexicon is null ? [] : FeatureStems(all, lexicon.PlaceFeatures);
        var initials = AcronymOwners(all, keys);
        var entities = new List<(string Id, EntityKind Kind, string Name, List<MentionRecord> Mentions)>();
        var index = new Dictionary<(string Story, EntityKind Kind, string Key), int>();
        foreach (var m in all)
        {
            var key = (m.Story, m.Mention.Kind, keys.Of(m.Mention.Name, m.Mention.Kind));
            var name = m.Mention.Name;
            if (m.Mention.Kind == EntityKind.Person && surnames.TryGetValue((m.Story, key.Item3), out var owner))
                key = (m.Story, m.Mention.Kind, owner);
            // "Veskar range" and "Veskar Mountains" are one place; "Skerrin", read as a name, is "Skerrin Island".
            else if (m.Mention.Kind == EntityKind.Place && lexicon?.PlaceFeatures.Split(name) is { } feature)
                key = (m.Story, EntityKind.Place, FeatureKey(feature.Stem, feature.Class));
            else if (m.Mention.Kind == EntityKind.Person && features.Count > 0 && features.TryGetValue((m.Story, name.ToLowerInvariant()), out var place))
                (key, name) = ((m.Story, EntityKind.Place, place.Key), place.Name);
            // "Brightmoor said" after "Brightmoor Telecom": the organisation by its short name, not a person.
            else if (m.Mention.Kind is EntityKind.Person or EntityKind.Organization
                && shortNames.TryGetValue((m.Story, keys.Of(m.Mention.Name, EntityKind.Organization)), out var organisation)
                && (organisation.AnyKind || m.Mention.Kind == EntityKind.Person))
                (key, name) = ((m.Story, EntityKind.Organization, organisation.Key), organisation.Name);
            // "Maddox told CPS" in one report, "Continental Press Service" in another.
            if (m.Mention.Kind == EntityKind.Organization && initials.TryGetValue((m.Story, name), out var spelled))
                (key, name) = ((m.Story, EntityKind.Organization, spelled.Key), spelled.Name);
            if (!index.TryGetValue(key, out var i))
            {
                i = entities.Count;
                index[key] = i;
                entities.Add(($"e{numbered + i + 1}", key.Item2, name, []));
            }
            entities[i].Mentions.Add(m);
            _storyOf.TryAdd(m.Doc, m.Story);
            _byMention[(m.Doc, m.Mention.Span)] = entities[i].Id;
            // A description ("the directorate") is no name inside an attribution: "Brightmoor told the committee …" is
            // Brightmoor's; Described resolves an attribution that is a description itself.
            if (m.Description)
                continue;
            if (!_byDoc.TryGetValue(m.Doc, out var list))
                _byDoc[m.Doc] = list = [];
            list.Add((m.Mention.Span, entities[i].Kind, entities[i].Id));
        }
        Entities = [.. entities.Select(e => Resolve(e.Id, e.Kind, e.Name, e.Mentions, keys))];
        foreach (var e in Entities)
            _byId[e.Id] = e;
        // Built here, not on first use: the resolver stays immutable once built, so threads may share it.
        foreach (var e in Entities)
            if (e.Kind == EntityKind.Person && e.Roles.Length > 0 && _storyOf.TryGetValue(e.Mentions[0].Doc, out var of))
            {
                if (!_rolePeople.TryGetValue(of, out var people))
                    _rolePeople[of] = people = [];
                people.Add(e);
            }
        HashSet<(string, string)> NamesOf(EntityKind kind) =>
            [.. Entities.Where(e => e.Kind == kind && _storyOf.ContainsKey(e.Mentions[0].Doc))
                .SelectMany(e => e.Aliases.Prepend(e.Name).Select(n => (_storyOf[e.Mentions[0].Doc], n.ToLowerInvariant())))];
        _organisationOnly = NamesOf(EntityKind.Organization);
        _organisationOnly.ExceptWith(NamesOf(EntityKind.Place));
    }

    public ImmutableArray<ResolvedEntity> Entities { get; }

    private static ResolvedEntity Resolve(string id, EntityKind kind, string first, List<MentionRecord> mentions, KeyCache keys)
    {
        // Once per entity: the alias filter used to recompute it for every alias.
        var name = CanonicalName(kind, first, mentions, keys);
        return new ResolvedEntity(
            id, kind, name,
            [.. Aliases(mentions).Distinct(StringComparer.Ordinal).Where(a => a != name)],
            [.. mentions.Select(m => m.Mention.Role).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)],
            [.. mentions.Select(m => (m.Doc, m.Mention.Span, m.Text))]);
    }

    /// <summary>
    /// The entity an attribution names: one mentioned inside it (<see cref="EntityInside"/>), else the one a
    /// definite description stands for: "the mayor" the one person of the story whose role ends with
    /// "mayor", "the company" the nearest organisation named before it in the article that is no public body.
    /// </summary>
    public string? EntityFor(string doc, Attribution attribution) =>
        EntityInside(doc, attribution.Span) ?? Described(doc, attribution);

    private const int MaxDescriptionWords = 4;
    /// <summary>How far back (characters) "the company" looks for the organisation it stands for: a few paragraphs.</summary>
    internal const int DescriptionReach = 1500;

    private string? Described(string doc, Attribution attribution)
    {
        var words = attribution.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > MaxDescriptionWords || !words[0].Equals("the", StringComparison.OrdinalIgnoreCase))
            return null;
        var description = string.Join(' ', words[1..]);
        if (_storyOf.TryGetValue(doc, out var story) && (PersonWithRole(story, description) ?? NearestWithRole(doc, attribution.Span.Start, description)) is { } person)
            return person;
        if (_lexicon is null || !_lexicon.Descriptions.TryGetValue(words[^1], out var fit) || !_byDoc.TryGetValue(doc, out var list))
            return null;
        string? nearest = null;
        foreach (var (span, kind, id) in list)
            if (kind == EntityKind.Organization && span.End <= attribution.Span.Start && attribution.Span.Start - span.End <= DescriptionReach
                && !_lexicon.Agencies.ContainsKey(_byId[id].Name) && _lexicon.Fits(_byId[id].Name, fit))
                nearest = id;
        return nearest;
    }

    /// <summary>Names (lowercase) of each story's organisations that name none of its places.</summary>
    private readonly HashSet<(string Story, string Name)> _organisationOnly;

    /// <summary>
    /// Whether <paramref name="name"/> is a name or alias of an organisation of the story and of none of its places
    /// (per story: "Houston" short for "Houston Methodist" in one story is no reason to doubt another's place).
    /// </summary>
    public bool NamesOrganisationOnly(string story, string name) => _organisationOnly.Contains((story, name.ToLowerInvariant()));

    /// <summary>Words before a role that make it another office: "Vice President" is not "the president".</summary>
    private static readonly FrozenSet<string> OtherOffice = FrozenSet.ToFrozenSet(
        ["deputy", "vice", "assistant", "former", "acting", "associate", "lieutenant", "ex", "interim"], StringComparer.OrdinalIgnoreCase);

    /// <summary>People with roles, by story (an entity belongs to one story).</summary>
    private readonly Dictionary<string, List<ResolvedEntity>> _rolePeople = new(StringComparer.Ordinal);

    /// <summary>The one person of the story with a role that is, or ends with, <paramref name="description"/> ("Fire Chief" for "fire chief").</summary>
    private string? PersonWithRole(string story, string description)
    {
        if (!_rolePeople.TryGetValue(story, out var people))
            return null;
        string? found = null;
        foreach (var e in people)
        {
            if (!e.Roles.Any(r => HoldsRole(r, description)))
                continue;
            if (found is not null)
                return null; // two mayors: the description does not tell which
            found = e.Id;
        }
        return found;
    }

    /// <summary>
    /// Where the story has several people of the role ("the minister" after the health and the interior ministers were
    /// named), the one of them the article named last before the description, within <see cref="DescriptionReach"/>.
    /// </summary>
    private string? NearestWithRole(string doc, int before, string description)
    {
        if (!_byDoc.TryGetValue(doc, out var list))
            return null;
        string? nearest = null;
        foreach (var (span, kind, id) in list)
            if (kind == EntityKind.Person && span.End <= before && before - span.End <= DescriptionReach
                && _byId[id].Roles.Any(r => HoldsRole(r, description)))
                nearest = id;
        return nearest;
    }

    /// <summary>"Fire Chief" holds "fire chief" and "chief"; "Vice President" does not hold "president".</summary>
    private static bool HoldsRole(string role, string description)
    {
        if (role.Equals(description, StringComparison.OrdinalIgnoreCase))
            return true;
        if (!role.EndsWith(" " + description, StringComparison.OrdinalIgnoreCase))
            return false;
        var before = role[..^(description.Length + 1)].TrimEnd();
        var space = before.LastIndexOfAny([' ', '-']);
        return !OtherOffice.Contains(before[(space + 1)..]);
    }

    /// <summary>"'s" after a name: a place so followed still ends the attribution.</summary>
    private const int PossessiveLength = 2;

    /// <summary>
    /// The entity mentioned inside an attribution's span: a person if there is one (the
    /// last: "ministry spokesperson Jane Doe"), else any entity mentioned inside it.
    /// </summary>
    public string? EntityInside(string doc, TextSpan attribution)
    {
        if (!_byDoc.TryGetValue(doc, out var list))
            return null;
        string? best = null;
        var bestIsPerson = false;
        foreach (var (span, kind, id) in list)
        {
            if (!attribution.Overlaps(span))
                continue;
            // "the Cook County medical examiner": a feature place that more words follow qualifies who speaks.
            if (kind == EntityKind.Place && span.End + PossessiveLength < attribution.End && _lexicon?.PlaceFeatures.Split(_byId[id].Name) is not null)
                continue;
            var isPerson = kind == EntityKind.Person;
            if (best is null || isPerson || !bestIsPerson)
            {
                best = id;
                bestIsPerson = isPerson;
            }
        }
        return best;
    }

    /// <summary>
    /// Short names of organisations (<see cref="ShortKeys"/>: "Brightmoor" of "Brightmoor Telecom", "National Bank"
    /// of "National Bank of Ostrevia", "Agrarian League" of "Veskarian Agrarian League"), when exactly one
    /// organisation of the story has it and no person of the story is named by it. Keyed by story and short key;
    /// the full key and name.
    /// </summary>
    /// <param name="eponymous">Last words of organisations named after people ("foundation"): a person's name that opens one is the person's.</param>
    /// <param name="outletWords">Last words of outlets' names ("news", "agency"): the first word of one is the outlet however it was read.</param>
    private static Dictionary<(string Story, string Key), (string Key, string Name, bool AnyKind)> ShortNameOwners(List<MentionRecord> all, KeyCache cache,
        FrozenSet<string>? eponymous, FrozenSet<string>? outletWords)
    {
        var candidates = new Dictionary<(string Story, string Key), HashSet<(string Key, string Name, bool AnyKind)>>();
        // People by key, and whether anything shows a person: a role or title, the surname alone elsewhere, or an
        // article that names the organisation and still reads the person ("Trayvon Martin" beside his foundation).
        var people = new Dictionary<(string Story, string Key), bool>();
        var personDocs = new Dictionary<(string Story, string Key), HashSet<string>>();
        var organisationDocs = new HashSet<(string Doc, string Key)>();
        var loneNames = new HashSet<(string Story, string Word)>();
        foreach (var m in all)
        {
            if (m.Mention.Kind == EntityKind.Person)
            {
                var personKey = cache.Of(m.Mention.Name, EntityKind.Person);
                if (personKey.Contains(' ', StringComparison.Ordinal))
                {
                    people[(m.Story, personKey)] = people.GetValueOrDefault((m.Story, personKey)) || m.Mention.Role is not null || m.Mention.Honorific is not null;
                    if (!personDocs.TryGetValue((m.Story, personKey), out var docs))
                        personDocs[(m.Story, personKey)] = docs = [];
                    docs.Add(m.Doc);
                }
                else
                    loneNames.Add((m.Story, personKey));
                continue;
            }
            if (m.Mention.Kind != EntityKind.Organization)
                continue;
            var key = cache.Of(m.Mention.Name, EntityKind.Organization);
            foreach (var (shortKey, anyKind) in ShortKeys(key, outletWords))
            {
                organisationDocs.Add((m.Doc, shortKey));
                if (!candidates.TryGetValue((m.Story, shortKey), out var set))
                    candidates[(m.Story, shortKey)] = set = [];
                set.Add((key, m.Mention.Name, anyKind));
            }
        }
        var personWords = new HashSet<(string Story, string Word)>();
        foreach (var ((story, personKey), shown) in people)
        {
            // "Halvard Marine" read as a person in one report is the short name of "Halvard Marine Lines" unless something
            // shows a person ("Trayvon Martin" of the "Trayvon Martin Foundation": "Martin" alone, a title, a role).
            var words = personKey.Split(' ');
            if (!shown && !loneNames.Contains((story, words[^1])) && !personDocs[(story, personKey)].Any(doc => organisationDocs.Contains((doc, personKey)))
                && candidates.TryGetValue((story, personKey), out var owners1)
                && owners1.Select(o => o.Key).Distinct().Count() == 1
                && eponymous?.Contains(owners1.First().Key.Split(' ')[^1]) != true)
                continue;
            personWords.Add((story, personKey));
            foreach (var w in words)
                personWords.Add((story, w));
        }
        var owners = new Dictionary<(string Story, string Key), (string Key, string Name, bool AnyKind)>();
        foreach (var ((story, shortKey), set) in candidates)
            if (set.Select(s => s.Key).Distinct().Count() == 1 && !personWords.Contains((story, shortKey)))
                owners[(story, shortKey)] = (set.First().Key, set.First().Name, set.All(s => s.AnyKind));
        return owners;
    }

    /// <summary>
    /// Organisations written by their initials alone ("CPS", "STRD"), when exactly one organisation of the story has a name
    /// with those initials. Keyed by story and initials; the full key and name.
    /// </summary>
    private static Dictionary<(string Story, string Acronym), (string Key, string Name)> AcronymOwners(List<MentionRecord> all, KeyCache cache)
    {
        static bool IsAcronym(string name) => name.Length is >= 2 and <= 6 && !name.AsSpan().ContainsAnyExceptInRange('A', 'Z');
        var acronyms = all.Where(m => m.Mention.Kind == EntityKind.Organization && IsAcronym(m.Mention.Name))
            .Select(m => (m.Story, m.Mention.Name)).ToHashSet();
        var owners = new Dictionary<(string Story, string Acronym), (string Key, string Name)>();
        if (acronyms.Count == 0)
            return owners;
        var stories = acronyms.Select(a => a.Story).ToHashSet(StringComparer.Ordinal);
        var names = all.Where(m => m.Mention.Kind == EntityKind.Organization && !IsAcronym(m.Mention.Name) && stories.Contains(m.Story))
            .Select(m => (m.Story, Key: cache.Of(m.Mention.Name, EntityKind.Organization), m.Mention.Name))
            .DistinctBy(n => (n.Story, n.Key)).ToLookup(n => n.Story, StringComparer.Ordinal);
        foreach (var (story, acronym) in acronyms)
        {
            var spelled = names[story].Where(n => Extraction.Entities.EntityRecognizer.InitialsAre(n.Name, acronym)).Take(2).ToList();
            if (spelled.Count == 1)
                owners[(story, acronym)] = (spelled[0].Key, spelled[0].Name);
        }
        return owners;
    }

    private static string FeatureKey(string stem, string cls) => "\u0001" + stem + "\u0001" + cls;

    /// <summary>
    /// Names of the story's geographic features without their feature word ("skerrin" of "Skerrin Island"), when one
    /// feature of the story has it ("Hallstan" is no one place beside "Hallstan River" and "Hallstan province").
    /// Keyed by story and lowercase name; the feature's key and a name written for it.
    /// </summary>
    private static Dictionary<(string Story, string Stem), (string Key, string Name)> FeatureStems(List<MentionRecord> all, PlaceFeatures features)
    {
        var candidates = new Dictionary<(string Story, string Stem), HashSet<(string Key, string Name)>>();
        foreach (var m in all)
            if (m.Mention.Kind == EntityKind.Place && features.Split(m.Mention.Name) is { } feature)
            {
                if (!candidates.TryGetValue((m.Story, feature.Stem), out var set))
                    candidates[(m.Story, feature.Stem)] = set = [];
                if (!set.Any(s => s.Key == FeatureKey(feature.Stem, feature.Class)))
                    set.Add((FeatureKey(feature.Stem, feature.Class), m.Mention.Name));
            }
        return candidates.Where(c => c.Value.Count == 1).ToDictionary(c => c.Key, c => c.Value.First());
    }

    /// <summary>
    /// The shorter names an organisation's key may be written as: its first words ("valdora" and "valdora motor" of
    /// "valdora motor group"), its name before "of" ("national bank" of "national bank of ostrevia") and its last
    /// two or more words ("agrarian league" of "veskarian agrarian league"), its head after the first word past "of"
    /// ("transport ministry" of "ministry of transport and infrastructure"); none that begins or ends with a
    /// joining word. AnyKind: an organisation's mention may be it (the name before "of", the last words); the
    /// other first words only a mention read as a person ("Valdora said"): "United Nations", written as an
    /// organisation, is not the United Nations Development Programme.
    /// </summary>
    private static IEnumerable<(string Key, bool AnyKind)> ShortKeys(string key, FrozenSet<string>? outletWords = null)
    {
        var words = key.Split(' ');
        static bool Joining(string w) => w is "of" or "for" or "and" or "the" or "&" or "on" or "in";
        // "Kestrel" of "Kestrel News Agency", "VTV1" of "VTV1 News": an outlet is credited by its first word ("(Kestrel) -").
        var outlet = outletWords?.Contains(words[^1]) == true;
        for (var n = 1; n < words.Length; n++)
        {
            if (!Joining(words[n - 1]))
                yield return (string.Join(' ', words[..n]), Joining(words[n]) || outlet && n == 1);
            if (words.Length - n >= 2 && !Joining(words[n]))
                yield return (string.Join(' ', words[n..]), true);
        }
        // "transport ministry" of "ministry of transport and infrastructure", "foreign ministry" of "ministry of foreign
        // affairs": the first word after "of" before the head (a single word after "of" the recognizer turns already).
        if (words.Length >= 4 && words[1] == "of" && !Joining(words[2]))
            yield return (words[2] + " " + words[0], true);
    }

    /// <summary>Lone person names ("Doe") that belong to exactly one fuller name of the story.</summary>
    private static Dictionary<(string Story, string Key), string> SurnameOwners(List<MentionRecord> all, KeyCache cache)
    {
        var candidates = new Dictionary<(string Story, string Word), HashSet<string>>();
        foreach (var m in all.Where(m => m.Mention.Kind == EntityKind.Person))
        {
            var key = cache.Of(m.Mention.Name, EntityKind.Person);
            var words = key.Split(' ');
            if (words.Length < 2)
                continue;
            foreach (var w in new[] { words[^1], words[0] }.Distinct())
            {
                if (!candidates.TryGetValue((m.Story, w), out var set))
                    candidates[(m.Story, w)] = set = [];
                set.Add(key);
            }
        }
        var owners = new Dictionary<(string Story, string Key), string>();
        foreach (var ((story, word), keys) in candidates)
        {
            // Prefer a surname match; a first-word match ("Park" of "Park Ji-won") only when it is the only one.
            var bySurname = keys.Where(k => k.Split(' ')[^1] == word).ToList();
            var chosen = bySurname.Count == 1 ? bySurname[0] : bySurname.Count == 0 && keys.Count == 1 ? keys.First() : null;
            if (chosen is not null)
                owners[(story, word)] = chosen;
        }
        return owners;
    }

    private static string CanonicalName(EntityKind kind, string first, List<MentionRecord> mentions, KeyCache keys)
    {
        // The entity's kind, not its first mention's: "Brightmoor said" may open an organisation as a person.
        if (kind != EntityKind.Person)
            return first;
        // The fullest plain name written for the person (no initials, no suffix), else the first:
        // the first of the longest, as a stable sort by descending word count would give.
        string? best = null;
        var bestWords = 0;
        foreach (var m in mentions)
        {
            var n = m.Mention.Name;
            var words = n.AsSpan().Count(' ') + 1;
            if (words == keys.Of(n, EntityKind.Person).AsSpan().Count(' ') + 1 && (best is null || words > bestWords))
                (best, bestWords) = (n, words);
        }
        return best ?? first;
    }

    /// <summary>Keys by name and kind, each computed once: a story names the same people many times.</summary>
    private sealed class KeyCache
    {
        private readonly Dictionary<string, string> _person = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _other = new(StringComparer.Ordinal);

        public string Of(string name, EntityKind kind)
        {
            var cache = kind == EntityKind.Person ? _person : _other;
            if (!cache.TryGetValue(name, out var key))
                cache[name] = key = Key(name, kind);
            return key;
        }
    }

    private static IEnumerable<string> Aliases(List<MentionRecord> mentions)
    {
        foreach (var m in mentions)
        {
            yield return m.Text;
            // "the union": the kind alone is a name of it too ("union", as an index would list it).
            if (m.Description && m.Text.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
                yield return m.Text[4..];
            if (m.Mention.Name != m.Text)
                yield return m.Mention.Name;
            if (m.Mention.Honorific is { } honorific)
                yield return honorific + " " + m.Text;
            // "Defence ministry spokesman Colonel Ivo Brannick", and the rank it ends on: "Colonel Ivo Brannick".
            if (m.Mention.Title is { } title)
            {
                yield return title + " " + m.Text;
                if (TrailingCapitals(title) is { } rank)
                    yield return rank + " " + m.Text;
            }
            if (m.Mention.Role is { } role)
            {
                yield return role + " " + m.Text;
                // "U.S. Secretary of State" → also "Secretary of State Jane Doe".
                var space = role.IndexOf(' ');
                if (space > 0 && (role[..space].EndsWith('.') || role[..space].EndsWith("'s") || role[..space].EndsWith("’s")))
                    yield return role[(space + 1)..] + " " + m.Text;
            }
        }
    }

    /// <summary>The capitalized words a title ends on after a lowercase one ("spokesman Captain" → "Captain"); null when none or all are.</summary>
    private static string? TrailingCapitals(string title)
    {
        var words = title.Split(' ');
        var first = words.Length;
        while (first > 0 && words[first - 1].Length > 0 && char.IsUpper(words[first - 1][0]))
            first--;
        return first == words.Length || first == 0 ? null : string.Join(' ', words[first..]);
    }

    /// <summary>Short first names and the full ones they stand for ("Ray" → "Raymond"), from data/en/entities/nicknames.tsv.</summary>
    private static readonly FrozenDictionary<string, string> Nicknames = Lexicons.LanguageData.Lines("en/entities/nicknames.tsv")
        .Select(l => l.Line.Split('\t', StringSplitOptions.TrimEntries) is [var brief, var full] && brief.Length > 0 && full.Length > 0
            ? (brief, full)
            : throw new InvalidDataException($"data/en/entities/nicknames.tsv line {l.Number}: expected a short name and a full one, separated by a tab"))
        .ToFrozenDictionary(p => p.brief, p => p.full, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The name as entities are matched by: lowercased; a person's without initials and generational
    /// suffixes, and with a short first name written in full ("Ray Tillman" is "raymond tillman").
    /// </summary>
    internal static string Key(string name, EntityKind kind)
    {
        var words = name.Replace("(", "").Replace(")", "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (kind == EntityKind.Person)
        {
            var kept = words.Where(w => !(w.Length == 2 && w[1] == '.') && !Suffixes.Contains(w)).ToArray();
            if (kept.Length > 0)
                words = kept;
            if (words.Length >= 2 && Nicknames.TryGetValue(words[0], out var full))
                words = [full, .. words[1..]];
        }
        return FoldMarks(string.Join(' ', words).ToLowerInvariant());
    }

    // Latin letters with marks and their bare forms: "Inês Sousa" and "Ines Sousa" are one name as
    // outlets write it; curly apostrophes are straight ("Parents’ Forum", "Parents' Forum"). A table, not Unicode
    // decomposition, which invariant globalization does not do.
    private const string Marked = "àáâãäåāăąçćčďèéêëēĕėęěğìíîïīįıłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿźżžșțţ’‘";
    private const string Bare = "aaaaaaaaacccdeeeeeeeeegiiiiiiilnnnoooooooorrssstuuuuuuuuyyzzzstt''";

    private static string FoldMarks(string key)
    {
        if (key.AsSpan().IndexOfAnyExceptInRange('\0', '\u007f') < 0)
            return key;
        return string.Create(key.Length, key, (chars, k) =>
        {
            for (var i = 0; i < k.Length; i++)
            {
                var at = Marked.IndexOf(k[i]);
                chars[i] = at < 0 ? k[i] : Bare[at];
            }
        });
    }
}
