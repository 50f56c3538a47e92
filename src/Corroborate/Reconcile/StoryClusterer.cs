using Corroborate.Extraction.Times;
using Corroborate.Lexicons;
using Corroborate.Model;
using Corroborate.Pipeline;

namespace Corroborate.Reconcile;

/// <summary>Settings of online story clustering. Immutable.</summary>
public sealed record ClusteringOptions
{
    /// <summary>Smallest score (cosine similarity weighed by dates) for an article to join a story.</summary>
    public double Threshold { get; init; } = 0.21;
    /// <summary>Stories not updated for this long (by publication date) leave the index: memory stays bounded.</summary>
    public int WindowDays { get; init; } = 365;
    /// <summary>At most this many open stories are kept; the least recently updated leave first.</summary>
    public int MaxOpenStories { get; init; } = 20_000;
    /// <summary>Terms kept per article and per story centroid.</summary>
    public int ArticleTerms { get; init; } = 40;
    public int StoryTerms { get; init; } = 80;
    /// <summary>How many of an article's strongest terms are used to look up candidate stories.</summary>
    public int ProbeTerms { get; init; } = 12;
    /// <summary>At most this many candidate stories are scored per article.</summary>
    public int MaxCandidates { get; init; } = 40;
    /// <summary>Weight of a capitalized word inside a sentence (a name), against 1 for other words.</summary>
    public double NameWeight { get; init; } = 2.0;
    /// <summary>Weight of a title word.</summary>
    public double TitleWeight { get; init; } = 1.5;
    /// <summary>A sentence already seen in this many earlier articles is boilerplate and gives no terms.</summary>
    public byte RepeatedSentence { get; init; } = 2;
    /// <summary>How fast similarity fades with the days between an article and its story's latest report.</summary>
    public double DateDecay { get; init; } = 1.0;
    /// <summary>Latest member profiles kept per story for single-link comparison.</summary>
    public int MemberProfiles { get; init; } = 8;
    /// <summary>1 compares with the story centroid only; below 1, the best single member can win.</summary>
    public double CentroidWeight { get; init; } = 1.0;
    /// <summary>How many of an article's rarest names (people, places, organisations) are used to look up candidate stories.</summary>
    public int ProbeNames { get; init; } = 6;
    /// <summary>Names, event days and years kept per story: memory per story stays bounded.</summary>
    public int StoryNames { get; init; } = 40;
    public int StoryDays { get; init; } = 16;
    /// <summary>Factor on the score when the article and the story name the same day (within <see cref="DayTolerance"/>) as when something happened.</summary>
    public double DaysAgree { get; init; } = 1.3;
    /// <summary>Factor when both name days and none is within <see cref="DayTolerance"/> of the other's: two alike incidents on different days.</summary>
    public double DaysDisagree { get; init; } = 0.7;
    /// <summary>Factor when neither days nor publication dates speak, both name years and none is within a year of the other's (one year's election, not another's).</summary>
    public double YearsDisagree { get; init; } = 0.7;
    /// <summary>Whether a publication date guessed from the content weighs like one from metadata (it misleads more than it helps).</summary>
    public bool ContentDates { get; init; }
    /// <summary>Whether agreeing event days lift the penalty for publication dates far apart (a charge months on names the day of the shooting).</summary>
    public bool DaysOverridePublication { get; init; } = true;
    /// <summary>
    /// This many full names of people shared with the story, each held by no other open story, tie the
    /// article to it whatever the dates (a trial two years on names other days); 0 turns the rule off.
    /// </summary>
    public int StrongNames { get; init; } = 2;
    /// <summary>
    /// Unseen documents added to the stream's count in IDF: early in a stream a word seen in a few
    /// reports is not yet known to be common, and a large prior keeps such counts from swinging weights.
    /// </summary>
    public double PriorDocuments { get; init; } = 1000;
    /// <summary>Days within this many of each other agree: the reports of a developing story name successive days.</summary>
    public int DayTolerance { get; init; } = 2;
    /// <summary>Factor when no day decides and the weekdays the article and the story name (resolved or not) have none in common.</summary>
    public double WeekdaysDisagree { get; init; } = 0.5;
    /// <summary>
    /// Factor when the article and the story give an age of a person ("a 17-year-old", "Petra Voss, 34,")
    /// or a count of dead in common that few open stories give (<see cref="RareFigure"/>): twin incidents
    /// of one kind seldom share them. A clash of figures does not weigh: tolls rise, and reports name
    /// the ages of other people.
    /// </summary>
    public double FiguresAgree { get; init; } = 1.3;
    /// <summary>A figure shared with the story counts only when at most this many open stories give it (a 17-year-old is in many).</summary>
    public int RareFigure { get; init; } = 8;
    /// <summary>
    /// Sentences after the headline that make the lead. An age the article's lead and a lead of the story
    /// both give weighs as a rare figure, however many stories give it: it is the age of the person the
    /// reports are about ("Boy, 3, dies after shooting himself", "a 3-year-old boy who shot himself").
    /// </summary>
    public int LeadSentences { get; init; } = 3;
    /// <summary>
    /// An article that gives this many ages of people is likely a round-up of several incidents
    /// ("a 17-year-old …, a 23-year-old …"): its score with any story is weighed by <see cref="Roundup"/>.
    /// </summary>
    public int RoundupAges { get; init; } = 4;
    public double Roundup { get; init; } = 0.7;
    /// <summary>
    /// A day that more than this many open stories name is common in the stream (a city's busy
    /// weekend): agreeing on it lifts the score only by <see cref="CommonDayAgree"/>, not
    /// <see cref="DaysAgree"/>; it still excuses publication dates far apart.
    /// </summary>
    public int CommonDay { get; init; } = 5;
    public double CommonDayAgree { get; init; } = 1.1;
    /// <summary>
    /// Factor when the article names days something happened and the story has neither a publication
    /// date nor a day (pages without dates): words alone join them, and alike events of other years
    /// share the words (one year's emergency patch, another's).
    /// </summary>
    public double TimelessStory { get; init; } = 0.7;
    /// <summary>Weight of a word of the slug of the article's address, against 1 for a word of its text.</summary>
    public double SlugWeight { get; init; } = 1.0;
    /// <summary>
    /// A stream of fewer documents than this is young: its document frequencies cannot yet tell common words from
    /// rare ones (the prior makes every word rare), so the reports of one story share little of their strongest
    /// terms. A report whose event days agree with the story's and that shares two full names of people, of
    /// organisations of three words or more (as <see cref="StrongNames"/>: the hospital's director and "Kelmar
    /// District Hospital") or of places no gazetteer knows that it repeats ("Mirenz"), or a rare age or toll with it,
    /// joins it from <see cref="YoungThreshold"/>: one official named on one day is no tie (a town's mayor speaks of
    /// its flood and of its budget).
    /// </summary>
    public int YoungStream { get; init; } = 50;
    public double YoungThreshold { get; init; } = 0.12;
    /// <summary>
    /// In a young stream, a report with no date at all (no publication date, no day it names resolved: a local page
    /// saved without its date) has no time to agree or clash with: one that shares this many names of people, places or
    /// organisations, or unknown capitalized words it repeats (the village no gazetteer knows), with a story, each held by
    /// no other open story, joins it from <see cref="UndatedThreshold"/>. A local paper's report of a story tells it
    /// through its own people, and shares the places and bodies, not the words.
    /// </summary>
    public int UndatedNames { get; init; } = 2;
    public double UndatedThreshold { get; init; } = 0.08;
    /// <summary>Unknown capitalized words a report repeats ("Mirenz": a village no gazetteer knows) kept per story, apart from its names.</summary>
    public int StoryUnknownNames { get; init; } = 16;
}

/// <summary>
/// Clusters a stream of articles into stories in one pass, in arrival order. Each article becomes a
/// TF-IDF vector (document frequencies are counted as the stream goes; names and title words
/// weigh more); candidate stories come from an inverted index over the stories' strongest terms
/// and their rarest names of people, places and organisations, so no article is compared with all
/// others. The article joins the best candidate above a threshold or opens a new story; the score is
/// the cosine weighed by dates: the days the article says something happened against the story's,
/// the years it names, and the distance between publication dates. Two rare names of people in
/// common override the dates. Stories older than a time window leave the index, and each story keeps
/// a bounded number of terms, names and days, so memory is bounded. Deterministic for the same input.
/// Not thread-safe: one clusterer per stream.
/// </summary>
public sealed class StoryClusterer(LanguageData data, ClusteringOptions options)
{
    private sealed class OpenStory(string id, Dictionary<string, double> centroid, DateOnly? date)
    {
        public string Id { get; } = id;
        public Dictionary<string, double> Centroid { get; set; } = centroid;
        public DateOnly? First { get; set; } = date;
        public DateOnly? Last { get; set; } = date;
        public int Size { get; set; } = 1;
        /// <summary>Profiles of the latest members: a follow-up report resembles one earlier report more than their average.</summary>
        public List<Dictionary<string, double>> Members { get; } = [centroid];
        public long Touched { get; set; }
        /// <summary>Names its members give, with how many members give each; bounded.</summary>
        public Dictionary<string, int> Names { get; } = new(StringComparer.Ordinal);
        /// <summary>How many of <see cref="Names"/> are unknown capitalized words (see StoryClusterer.UnknownNames), bounded apart.</summary>
        public int UnknownCount { get; set; }
        /// <summary>Days (day numbers) its members say something happened, with counts; bounded.</summary>
        public Dictionary<int, int> Days { get; } = [];
        /// <summary>Years its members name; bounded.</summary>
        public HashSet<int> Years { get; } = [];
        /// <summary>Weekdays its members name, as bits.</summary>
        public int Weekdays { get; set; }
        /// <summary>Ages and counts of dead its members give, with counts; bounded.</summary>
        public Dictionary<string, int> Figures { get; } = new(StringComparer.Ordinal);
        /// <summary>Ages its members' leads give; bounded.</summary>
        public HashSet<int> LeadAges { get; } = [];
    }

    /// <summary>What the decision weighs of one article.</summary>
    private sealed record Features(Dictionary<string, double> Vector, string[] Names, int[] Days, int[] Years, DateOnly? Date, int Weekdays, string[] Figures, int[] LeadAges);

    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    // Sentences seen in several earlier articles (login walls, cookie notices, station boilerplate)
    // say nothing about the story. Counted in a fixed-size table: memory does not grow with the stream.
    private readonly byte[] _sentenceSeen = new byte[1 << 22];
    private readonly Dictionary<string, HashSet<OpenStory>> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<OpenStory>> _nameIndex = new(StringComparer.Ordinal);
    // Which open stories give each age or count of dead: a figure many give tells nothing.
    private readonly Dictionary<string, HashSet<OpenStory>> _figureIndex = new(StringComparer.Ordinal);
    // How many open stories name each day: a day many name tells little.
    private readonly Dictionary<int, int> _dayHolders = [];
    private readonly List<OpenStory> _open = [];
    private int _documents;
    private int _stories;
    private long _clock;
    /// <summary>How many of the latest arrivals' dates give the stream's now: odd, so the median is one of them.</summary>
    private const int RecentArrivals = 255;
    // Publication dates (day numbers) of the latest arrivals, a ring: their median is the stream's now.
    private readonly RecentDates _recentDates = new(RecentArrivals);

    public StoryClusterer(LanguageData data) : this(data, new ClusteringOptions()) { }

    /// <summary>For diagnostics: the best score of the last assignment and how many candidates it weighed.</summary>
    internal (double Score, int Candidates) LastDecision { get; private set; }
    /// <summary>For diagnostics: each candidate story of the last assignment with its score.</summary>
    internal List<(string Id, double Score, double Text, string Why)> LastScores { get; } = [];
    /// <summary>For diagnostics: whether <see cref="LastScores"/> says which factors weighed each score.</summary>
    internal bool Explain { get; init; }

    /// <summary>Number of stories currently open (in the index).</summary>
    public int OpenStories => _open.Count;

    /// <summary>Assigns the article to a story and returns the story's id ("s1", "s2", …).</summary>
    public string Assign(AnalyzedDocument article)
    {
        _clock++;
        var terms = Terms(article);
        _documents++;
        foreach (var term in terms.Keys)
            _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
        var vector = Profile(terms);
        var names = NamesOf(article);
        foreach (var name in names)
            _documentFrequency[NameKey(name)] = _documentFrequency.GetValueOrDefault(NameKey(name)) + 1;
        var published = article.Document.Published;
        var date = published?.Date;
        // The window is measured from the median date of the latest arrivals, not the latest date seen:
        // an archive arrives out of order, and one follow-up a year on must not close the stories around it.
        if (date is { } seen)
        {
            _recentDates.Add(seen);
        }
        if (_clock % 64 == 0 || _open.Count > options.MaxOpenStories)
            Evict(Now());
        var features = new Features(vector, names, DaysOf(article), YearsOf(article),
            published is { From: PublishedFrom.Content } && !options.ContentDates ? null : date, WeekdaysOf(article), FiguresOf(article), LeadAgesOf(article));

        OpenStory? best = null;
        double bestScore = 0;
        double top = 0;
        var candidates = 0;
        var young = _documents < options.YoungStream;
        var undated = published is null && features.Days.Length == 0;
        LastScores.Clear();
        foreach (var story in Candidates(vector, names))
        {
            var why = Explain ? new List<string>() : null;
            var score = Score(features, story, why);
            LastScores.Add((story.Id, score, Similarity(vector, story), why is null ? "" : string.Join(' ', why)));
            top = Math.Max(top, score);
            candidates++;
            var bar = young && DaysAgreement(features.Days, story) is true
                && (RareNamesShared(features.Names, story, organisations: true) >= options.StrongNames || RareFiguresShared(features.Figures, story, youngStream: true))
                ? options.YoungThreshold
                : young && undated && UniqueNamesShared(features.Names, story) >= options.UndatedNames ? options.UndatedThreshold
                : options.Threshold;
            if (score > bar && (best is null || score > bestScore || score == bestScore && string.CompareOrdinal(story.Id, best.Id) < 0))
            {
                best = story;
                bestScore = score;
            }
        }

        LastDecision = (top, candidates);
        if (best is null)
        {
            best = new OpenStory($"s{++_stories}", vector, features.Date) { Touched = _clock };
            _open.Add(best);
            Index(best, null);
            Remember(best, features);
            return best.Id;
        }
        var before = best.Centroid;
        best.Centroid = Merge(best.Centroid, vector, best.Size);
        best.Size++;
        best.Members.Add(vector);
        if (best.Members.Count > options.MemberProfiles)
            best.Members.RemoveAt(0);
        best.Touched = _clock;
        if (features.Date is { } d)
        {
            if (best.Last is null || d > best.Last)
                best.Last = d;
            if (best.First is null || d < best.First)
                best.First = d;
        }
        Index(best, before);
        Remember(best, features);
        return best.Id;
    }

    /// <summary>
    /// Words decide, dates weigh: the cosine is raised when the article and the story name the same
    /// day something happened and lowered when they name only different days or different years, and
    /// publication dates far apart discount it unless the event days agree. Rare names of people
    /// shared with the story override the dates. A rare age or death toll in common, or an age both
    /// leads give, lifts the score;
    /// a round-up naming the ages of many people is weighed down.
    /// </summary>
    private double Score(Features article, OpenStory story, List<string>? why = null)
    {
        var text = Similarity(article.Vector, story);
        var days = DaysAgreement(article.Days, story);
        var lift = days is true && CommonDaysOnly(article.Days, story) ? options.CommonDayAgree : options.DaysAgree;
        var yearsDisagree = article.Years.Length > 0 && story.Years.Count > 0
            && !article.Years.Any(y => story.Years.Contains(y) || story.Years.Contains(y - 1) || story.Years.Contains(y + 1));
        // Only where no publication date speaks: a dated report naming "February 2022" as background is no other story.
        var years = yearsDisagree && article.Date is null && story.Last is null ? options.YearsDisagree : 1;
        var figures = RareFiguresShared(article.Figures, story) || article.LeadAges.Any(story.LeadAges.Contains) ? options.FiguresAgree : 1;
        // A round-up of a city's weekend shootings resembles each of them a little; it belongs to none.
        if (article.Figures.Count(f => f.StartsWith(AgeMark, StringComparison.Ordinal)) >= options.RoundupAges)
            figures *= options.Roundup;
        why?.AddRange([$"days:{days?.ToString() ?? "none"}", $"lift:{lift}", $"years:{years}", $"figures:{figures}"]);
        if (options.StrongNames > 0 && RareNamesShared(article.Names, story) >= options.StrongNames)
        {
            why?.Add("strong-names");
            return text * figures * (days is true ? lift : 1) * years;
        }
        var score = text * figures * (days switch { true => lift, false => options.DaysDisagree, null => years });
        // Without a publication date "on Saturday" stays a weekday; it still clashes with an event dated to a Thursday.
        if (days is null && article.Weekdays != 0 && story.Weekdays != 0 && (article.Weekdays & story.Weekdays) == 0)
        {
            why?.Add("weekdays-disagree");
            score *= options.WeekdaysDisagree;
        }
        // Nothing tells when the story happened, only its words: an article that says when needs more than words.
        if (article.Days.Length > 0 && story.Days.Count == 0 && story.Last is null)
        {
            why?.Add("timeless-story");
            score *= options.TimelessStory;
        }
        var published = DatePenalty(article.Date, story);
        why?.Add($"published:{published:F2}");
        if (days is not true || !options.DaysOverridePublication)
            score *= published;
        else if (published == 0)
            score = 0;
        return score;
    }

    /// <summary>True when the article gives an age or count of dead that the story gives and at most <see cref="ClusteringOptions.RareFigure"/> open stories give.</summary>
    /// <param name="youngStream">In a young stream every figure is held by few stories: one death, the commonest toll, tells nothing there.</param>
    private bool RareFiguresShared(string[] figures, OpenStory story, bool youngStream = false)
    {
        foreach (var figure in figures)
            if (story.Figures.ContainsKey(figure) && _figureIndex.TryGetValue(figure, out var holders) && holders.Count <= options.RareFigure
                && !(youngStream && figure == OneDeath))
                return true;
        return false;
    }

    private const string OneDeath = "killed:1";

    /// <summary>How many full names of people the article shares with the story that no other open story holds.</summary>
    /// <param name="organisations">Whether an organisation's name of <see cref="SpecificOrganisationWords"/> or more words counts as a person's
    /// does ("Kelmar District Hospital"; not "Interior Ministry" or "Ministry of Health"), and an unknown capitalized word
    /// the article repeats (the village no gazetteer knows, <see cref="UnknownNames"/>).</param>
    private int RareNamesShared(string[] names, OpenStory story, bool organisations = false) =>
        UniqueNamesShared(names, story, name => name.StartsWith(PersonMark, StringComparison.Ordinal)
                                                || organisations && (IsSpecificOrganisation(name) || name.StartsWith(UnknownMark, StringComparison.Ordinal)));

    /// <summary>How many names the article shares with the story that no other open story holds, of those <paramref name="counts"/> takes (all by default).</summary>
    private int UniqueNamesShared(string[] names, OpenStory story, Func<string, bool>? counts = null)
    {
        var n = 0;
        foreach (var name in names)
            if ((counts is null || counts(name)) && story.Names.ContainsKey(name) && _nameIndex.TryGetValue(name, out var holders) && holders.Count == 1)
                n++;
        return n;
    }

    /// <summary>True when every day the article and the story agree on is named by more than <see cref="ClusteringOptions.CommonDay"/> open stories.</summary>
    private bool CommonDaysOnly(int[] days, OpenStory story)
    {
        foreach (var day in days)
            for (var d = day - options.DayTolerance; d <= day + options.DayTolerance; d++)
                if (story.Days.ContainsKey(d) && _dayHolders.GetValueOrDefault(d) <= options.CommonDay)
                    return false;
        return true;
    }

    /// <summary>True when a day the article names is within <see cref="ClusteringOptions.DayTolerance"/> of one the story names; false when both name days and none is; null without days on either side.</summary>
    private bool? DaysAgreement(int[] days, OpenStory story)
    {
        if (days.Length == 0 || story.Days.Count == 0)
            return null;
        foreach (var day in days)
            for (var d = day - options.DayTolerance; d <= day + options.DayTolerance; d++)
                if (story.Days.ContainsKey(d))
                    return true;
        return false;
    }

    private void Remember(OpenStory story, Features article)
    {
        foreach (var name in article.Names)
        {
            // Unknown capitalized words have their own share, so they never crowd out the names of people and bodies.
            var unknown = name.StartsWith(UnknownMark, StringComparison.Ordinal);
            if (!story.Names.TryGetValue(name, out var n)
                && (unknown ? story.UnknownCount >= options.StoryUnknownNames : story.Names.Count - story.UnknownCount >= options.StoryNames))
                continue;
            if (unknown && n == 0)
                story.UnknownCount++;
            story.Names[name] = n + 1;
            if (n == 0)
            {
                if (!_nameIndex.TryGetValue(name, out var set))
                    _nameIndex[name] = set = [];
                set.Add(story);
            }
        }
        story.Weekdays |= article.Weekdays;
        foreach (var age in article.LeadAges)
            if (story.LeadAges.Count < options.StoryDays)
                story.LeadAges.Add(age);
        foreach (var figure in article.Figures)
            if (story.Figures.ContainsKey(figure) || story.Figures.Count < options.StoryNames)
            {
                story.Figures[figure] = story.Figures.GetValueOrDefault(figure) + 1;
                if (!_figureIndex.TryGetValue(figure, out var holders))
                    _figureIndex[figure] = holders = [];
                holders.Add(story);
            }
        foreach (var year in article.Years)
            if (story.Years.Count < options.StoryDays)
                story.Years.Add(year);
        foreach (var day in article.Days)
            if (story.Days.ContainsKey(day) || story.Days.Count < options.StoryDays)
            {
                if (!story.Days.ContainsKey(day))
                    _dayHolders[day] = _dayHolders.GetValueOrDefault(day) + 1;
                story.Days[day] = story.Days.GetValueOrDefault(day) + 1;
            }
    }

    /// <summary>Names of people (first and last), places and organisations, lowercased, distinct, in order.</summary>
    private string[] NamesOf(AnalyzedDocument article)
    {
        if (article.Entities.IsDefault)
            return [];
        var names = new List<string>();
        foreach (var e in article.Entities)
        {
            if (e.Kind == EntityKind.Group || e.Kind == EntityKind.Person && !e.Name.Contains(' ', StringComparison.Ordinal))
                continue;
            // Kind-marked, so that a person's full name can be told from a place or an organisation.
            // Keyed as the entity resolver keys them: "Randall R. Coffland" and "Randall Coffland" are one person.
            var name = (e.Kind == EntityKind.Person ? PersonMark : e.Kind == EntityKind.Place ? "l:" : OrganisationMark) + EntityResolver.Key(e.Name, e.Kind);
            if (!names.Contains(name))
                names.Add(name);
        }
        names.AddRange(UnknownNames(article));
        return [.. names];
    }

    private const string UnknownMark = "w:";
    /// <summary>Words of <see cref="UnknownNames"/> kept per article.</summary>
    private const int MaxUnknownNames = 8;

    /// <summary>
    /// Capitalized words inside sentences that no entity, time or stop word holds, written at least twice: the village
    /// or valley a story happens in that no gazetteer knows ("Mirenz", "Tallrein"), which every report of it names.
    /// </summary>
    private IEnumerable<string> UnknownNames(AnalyzedDocument article)
    {
        if (article.Tokens.IsDefault || article.Sentences.IsDefault)
            yield break;
        var text = article.Text;
        var held = article.Entities.Select(e => e.Span).Concat(article.Times.IsDefault ? [] : article.Times.Select(t => t.Span)).OrderBy(s => s.Start).ToList();
        // The titles and roles written before the article's people ("Mayor", "Sheriff") are no names of a place.
        var titles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in article.Entities)
            foreach (var part in new[] { e.Role, e.Title, e.Honorific })
                if (part is not null)
                    titles.UnionWith(part.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        int h = 0, t = 0;
        foreach (var sentence in article.Sentences)
        {
            for (; t < article.Tokens.Length && article.Tokens[t].Span.Start < sentence.Span.Start; t++) { }
            // The sentence's first word is capitalized whatever it is, after an opening quotation mark too.
            var first = true;
            for (; t < article.Tokens.Length && article.Tokens[t].Span.End <= sentence.Span.End; t++)
            {
                var token = article.Tokens[t];
                if (token.Kind != TokenKind.Word)
                    continue;
                var word = token.Span.SliceOf(text);
                var opens = first;
                first = false;
                if (opens || word.Length < 4 || !char.IsUpper(word[0]) || !IsLowerRest(word) || data.OutletWords.Contains(word.ToString()))
                    continue;
                while (h < held.Count && held[h].End <= token.Span.Start)
                    h++;
                if (h < held.Count && held[h].Start <= token.Span.Start)
                    continue;
                var key = word.ToString().ToLowerInvariant();
                if (data.Stopwords.Contains(key) || titles.Contains(key))
                    continue;
                if (!counts.TryGetValue(key, out var n))
                    order.Add(key);
                counts[key] = n + 1;
            }
        }
        foreach (var key in order.Where(k => counts[k] >= 2).Take(MaxUnknownNames))
            yield return UnknownMark + key;

        static bool IsLowerRest(ReadOnlySpan<char> w)
        {
            foreach (var c in w[1..])
                if (!char.IsLower(c))
                    return false;
            return true;
        }
    }

    /// <summary>Days the article names to the day ("Feb. 6", "last Friday", "Sunday night" resolved), as day numbers, distinct.</summary>
    private static int[] DaysOf(AnalyzedDocument article)
    {
        if (article.Times.IsDefault)
            return [];
        var days = new List<int>();
        foreach (var t in article.Times)
            // "Tuesday night" is a Time ("2024-03-05TNI"): its day counts too.
            if (t.Type is TimeType.Date or TimeType.Time && Timex.DayOf(t.Value) is { } day && !days.Contains(day.DayNumber))
                days.Add(day.DayNumber);
        return [.. days];
    }

    /// <summary>Years the article's dates and times name ("2006", "June 2012", "Feb. 6" resolved), distinct.</summary>
    private static int[] YearsOf(AnalyzedDocument article)
    {
        if (article.Times.IsDefault)
            return [];
        var years = new List<int>();
        foreach (var t in article.Times)
            if (t.Type is TimeType.Date or TimeType.Time && t.Value.Length >= 4
                && int.TryParse(t.Value.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
                && !years.Contains(year))
                years.Add(year);
        return [.. years];
    }

    private const string PersonMark = "p:";
    private const string OrganisationMark = "o:";

    /// <summary>
    /// Words of an organisation's name, less "of" and "the", that make it as telling as a person's: a place's hospital
    /// or council, not a ministry of every country ("Ministry of the Interior" has two).
    /// </summary>
    private const int SpecificOrganisationWords = 3;

    private bool IsSpecificOrganisation(string name)
    {
        if (!name.StartsWith(OrganisationMark, StringComparison.Ordinal))
            return false;
        var words = 0;
        var key = name.AsSpan(OrganisationMark.Length);
        var stopwords = data.Stopwords.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in key.Split(' '))
            if (!key[range].IsEmpty && !stopwords.Contains(key[range]))
                words++;
        return words >= SpecificOrganisationWords;
    }
    private const string AgeMark = "age:";

    /// <summary>
    /// What tells one incident from an alike one: the ages of the people in it ("a 17-year-old",
    /// "aged 17", "Petra Voss, 34,") and the counts of dead, as marked keys ("age:17", "killed:3"), distinct.
    /// </summary>
    private string[] FiguresOf(AnalyzedDocument article)
    {
        var ages = new List<int>();
        AgesIn(article.Text, ages);
        var figures = ages.Select(age => AgeMark + age).ToList();
        if (!article.Quantities.IsDefault)
            foreach (var q in article.Quantities)
                if (q is { Unit: "killed", Vague: false } && q.Value > 0 && q.Value == decimal.Truncate(q.Value))
                {
                    var key = "killed:" + q.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (!figures.Contains(key))
                        figures.Add(key);
                }
        return [.. figures];
    }


    /// <summary>The ages the headline and the lead (its first <see cref="ClusteringOptions.LeadSentences"/> sentences) give, distinct.</summary>
    private int[] LeadAgesOf(AnalyzedDocument article)
    {
        var ages = new List<int>();
        if (article.Document.Title is { } title)
            AgesIn(title, ages);
        if (!article.Sentences.IsDefault)
            for (var i = 0; i < Math.Min(options.LeadSentences, article.Sentences.Length); i++)
                AgesIn(article.Sentences[i].Span.SliceOf(article.Text), ages);
        return [.. ages];
    }

    /// <summary>Adds the ages a text gives ("a 17-year-old", "aged 17", "Petra Voss, 34,") to <paramref name="ages"/>, each once.</summary>
    private void AgesIn(ReadOnlySpan<char> text, List<int> ages)
    {
        foreach (var m in data.AgePattern.EnumerateMatches(text))
        {
            var match = text.Slice(m.Index, m.Length);
            var start = match.IndexOfAnyInRange('0', '9');
            var end = start;
            while (end < match.Length && char.IsAsciiDigit(match[end]))
                end++;
            if (int.TryParse(match[start..end], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var age)
                && age is > 0 and < 110 && !ages.Contains(age))
                ages.Add(age);
        }
    }

    /// <summary>The weekdays the article names, as bits (Monday = 1 … Sunday = 7), from resolved days and from weekdays left unresolved.</summary>
    private static int WeekdaysOf(AnalyzedDocument article)
    {
        if (article.Times.IsDefault)
            return 0;
        var bits = 0;
        foreach (var t in article.Times)
        {
            if (t.Type is not (TimeType.Date or TimeType.Time))
                continue;
            if (Timex.DayOf(t.Value) is { } day)
                bits |= 1 << ((int)day.DayOfWeek + 6) % 7 + 1;
            else if (Timex.UndatedWeekday(t.Value) is > 0 and var weekday)
                bits |= 1 << weekday;
        }
        return bits;
    }

    private static string NameKey(string name) => "\u0001" + name;

    /// <summary>Lowercase content words with counts; names (capitalized inside a sentence) and title words count more.</summary>
    private Dictionary<string, double> Terms(AnalyzedDocument article)
    {
        var text = article.Text;
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        // The first sentences whose words count (not seen in other articles twice already).
        var keptOpening = new List<TextSpan>();
        // The outlet's own name ("statesman", "reviewjournal") recurs in all its articles, whatever the story.
        var outlet = new string(((article.Document.Outlet ?? "") + " " + HostOf(article.Document.Url)).ToLowerInvariant().Where(char.IsLetter).ToArray());
        if (!article.Tokens.IsDefault)
        {
            var sentences = article.Sentences.IsDefault ? [] : article.Sentences;
            var kept = new List<TextSpan>();
            foreach (var sentence in sentences)
            {
                // Two slots per sentence, count-min style: a collision must happen in both to mislead.
                // A fixed hash, not string.GetHashCode (seeded per process): the same stream gives the same stories in every run.
                var hash = StableHash(sentence.Span.SliceOf(text));
                var a = (int)(hash % (uint)_sentenceSeen.Length);
                var b = (int)((hash * 2654435761u >> 7) % (uint)_sentenceSeen.Length);
                if (Math.Min(_sentenceSeen[a], _sentenceSeen[b]) < options.RepeatedSentence)
                    kept.Add(sentence.Span);
                if (_sentenceSeen[a] < byte.MaxValue)
                    _sentenceSeen[a]++;
                if (_sentenceSeen[b] < byte.MaxValue)
                    _sentenceSeen[b]++;
            }
            keptOpening.AddRange(kept.Take(3));
            var k = 0;
            foreach (var token in article.Tokens)
            {
                while (k < kept.Count && kept[k].End <= token.Span.Start)
                    k++;
                if (k >= kept.Count)
                    break;
                if (kept[k].Start > token.Span.Start || token.Kind != TokenKind.Word || token.Span.Length < 3)
                    continue;
                var name = char.IsUpper(text[token.Span.Start]) && token.Span.Start != kept[k].Start;
                var word = text.Substring(token.Span.Start, token.Span.Length);
                if (outlet.Length > 0 && outlet.Contains(word.ToLowerInvariant(), StringComparison.Ordinal))
                    continue;
                Add(counts, word, name ? options.NameWeight : 1.0);
            }
        }
        // A title the text carries as prose (a headline under the page's name) is counted there already.
        if (article.Document.Title is { } title && !keptOpening.Any(s => s.SliceOf(text).Contains(title, StringComparison.Ordinal)))
        {
            foreach (var word in title.Split([' ', ',', ':', ';', '"', '\'', '(', ')', '|', '-', '—', '–', '.', '?', '!', '‘', '’', '“', '”'], StringSplitOptions.RemoveEmptyEntries))
                if (word.Length >= 3 && char.IsLetter(word[0]))
                    Add(counts, word, options.TitleWeight);
        }
        // The slug of the page's address is the editors' keywords for the story, often still there when the page's text is not.
        if (options.SlugWeight > 0)
            foreach (var word in SlugWords(article.Document.Url))
                Add(counts, word, options.SlugWeight);
        return counts;
    }

    /// <summary>The distinct words of an address's path ("/2016/05/31/wilkinsburg-shooting-suspect" gives three), less <see cref="LanguageData.UrlWords"/>.</summary>
    private IEnumerable<string> SlugWords(string? url)
    {
        if (url is null || !Uri.TryCreate(url.Contains("://", StringComparison.Ordinal) ? url : "http://" + url, UriKind.Absolute, out var uri))
            yield break;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in uri.AbsolutePath.Split(['/', '-', '_', '.', '+', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            var word = part.ToLowerInvariant();
            if (word.Length >= 3 && word.All(char.IsAsciiLetter) && !data.UrlWords.Contains(word) && seen.Add(word))
                yield return word;
        }
    }

    /// <summary>FNV-1a over the UTF-16 code units, folded to 32 bits.</summary>
    private static uint StableHash(ReadOnlySpan<char> chars)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in chars)
            hash = (hash ^ c) * 1099511628211UL;
        return (uint)(hash ^ hash >> 32);
    }

    private static string HostOf(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return "";
        // Archive URLs wrap the original: take the last host named in the URL.
        var last = url.LastIndexOf("://", StringComparison.Ordinal);
        return last > 0 && Uri.TryCreate(url[(last - 5 < 0 ? 0 : url.LastIndexOf("http", last, StringComparison.Ordinal))..], UriKind.Absolute, out var inner) ? inner.Host : uri.Host;
    }

    private void Add(Dictionary<string, double> counts, string word, double weight)
    {
        var term = word.ToLowerInvariant();
        if (term.EndsWith("'s", StringComparison.Ordinal) || term.EndsWith("’s", StringComparison.Ordinal))
            term = term[..^2];
        if (term.Length < 3 || data.Stopwords.Contains(term))
            return;
        counts[term] = counts.GetValueOrDefault(term) + weight;
    }

    /// <summary>
    /// An article's profile: sublinear term frequencies of its strongest terms, normalized. IDF is
    /// applied only when comparing, with the counts of that moment, so a word that turns out to be
    /// common in the stream ("police", a city's name) loses weight in stories formed early too.
    /// </summary>
    private Dictionary<string, double> Profile(Dictionary<string, double> counts)
    {
        var weighted = counts
            .Select(kv => (Term: kv.Key, Weight: 1 + Math.Log(kv.Value)))
            .OrderByDescending(t => t.Weight * Idf(t.Term)).ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(options.ArticleTerms)
            .ToList();
        var norm = Math.Sqrt(weighted.Sum(t => t.Weight * t.Weight));
        return norm == 0 ? [] : weighted.ToDictionary(t => t.Term, t => t.Weight / norm, StringComparer.Ordinal);
    }

    /// <summary>
    /// Inverse document frequency with a prior of unseen documents, so that in a short stream the
    /// words all its articles share still count (five reports of one story are not noise).
    /// </summary>
    private double Idf(string term) => Math.Log((_documents + options.PriorDocuments) / (_documentFrequency.GetValueOrDefault(term) + 0.5));

    /// <summary>
    /// Stories sharing the article's strongest terms, most shared first. Terms found in a large
    /// share of the stream ("shooting", "police") are not probed: they would make every story a candidate.
    /// </summary>
    private IEnumerable<OpenStory> Candidates(Dictionary<string, double> vector, string[] names)
    {
        var shared = new Dictionary<OpenStory, double>();
        var common = Math.Max(20, _documents / 20);
        var probes = vector.Where(kv => _documentFrequency.GetValueOrDefault(kv.Key) <= common && _index.ContainsKey(kv.Key))
            .OrderByDescending(kv => kv.Value * Idf(kv.Key)).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(options.ProbeTerms);
        foreach (var (term, weight) in probes)
            if (_index.TryGetValue(term, out var stories))
                foreach (var story in stories)
                    shared[story] = shared.GetValueOrDefault(story) + weight * Idf(term);
        // Names no open story holds find nothing: the probes are the rarest of those some story holds.
        var rare = names.Where(n => !n.StartsWith(UnknownMark, StringComparison.Ordinal) && _documentFrequency.GetValueOrDefault(NameKey(n)) <= common && _nameIndex.ContainsKey(n))
            .OrderByDescending(n => Idf(NameKey(n))).ThenBy(n => n, StringComparer.Ordinal).Take(options.ProbeNames);
        foreach (var name in rare)
            if (_nameIndex.TryGetValue(name, out var stories))
                foreach (var story in stories)
                    shared[story] = shared.GetValueOrDefault(story) + Idf(NameKey(name));
        return shared.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Id, StringComparer.Ordinal).Take(options.MaxCandidates).Select(kv => kv.Key);
    }

    private double Similarity(Dictionary<string, double> article, OpenStory story)
    {
        var best = options.CentroidWeight * Cosine(article, story.Centroid);
        if (options.CentroidWeight < 1)
            foreach (var member in story.Members)
                best = Math.Max(best, Cosine(article, member));
        return best;
    }

    /// <summary>Cosine of the two profiles weighted by the current IDF.</summary>
    private double Cosine(Dictionary<string, double> article, Dictionary<string, double> story)
    {
        double dot = 0, na = 0, ns = 0;
        foreach (var (term, w) in article)
        {
            var idf = Idf(term);
            var x = w * idf;
            na += x * x;
            if (story.TryGetValue(term, out var v))
                dot += x * v * idf;
        }
        foreach (var (term, w) in story)
        {
            var y = w * Idf(term);
            ns += y * y;
        }
        return na == 0 || ns == 0 ? 0 : dot / Math.Sqrt(na * ns);
    }

    /// <summary>Reports far apart in time are less likely the same story: 1 within a week, falling slowly after.</summary>
    private double DatePenalty(DateOnly? article, OpenStory story)
    {
        if (article is not { } a || story.First is not { } first || story.Last is not { } last)
            return 1;
        var days = a < first ? first.DayNumber - a.DayNumber : a > last ? a.DayNumber - last.DayNumber : 0;
        return days > options.WindowDays ? 0 : 1 / (1 + options.DateDecay * Math.Log(1 + days / 7.0));
    }

    private Dictionary<string, double> Merge(Dictionary<string, double> centroid, Dictionary<string, double> vector, int size)
    {
        var merged = new Dictionary<string, double>(centroid, StringComparer.Ordinal);
        foreach (var (term, w) in merged.ToList())
            merged[term] = w * size / (size + 1);
        foreach (var (term, w) in vector)
            merged[term] = merged.GetValueOrDefault(term) + w / (size + 1);
        return merged.OrderByDescending(kv => kv.Value * Idf(kv.Key)).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(options.StoryTerms).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }

    private void Index(OpenStory story, Dictionary<string, double>? before)
    {
        if (before is not null)
            foreach (var term in before.Keys.Where(t => !story.Centroid.ContainsKey(t)))
                Unindex(term, story);
        foreach (var term in story.Centroid.Keys)
        {
            if (!_index.TryGetValue(term, out var set))
                _index[term] = set = [];
            set.Add(story);
        }
    }

    private void Unindex(string term, OpenStory story)
    {
        if (_index.TryGetValue(term, out var set) && set.Remove(story) && set.Count == 0)
            _index.Remove(term);
    }

    /// <summary>The median publication date of the latest <see cref="RecentArrivals"/> dated arrivals; null before any.</summary>
    private DateOnly? Now() => _recentDates.Median();

    private void Evict(DateOnly? now)
    {
        var stale = _open.Where(s => now is { } n && s.Last is { } l && n.DayNumber - l.DayNumber > options.WindowDays).ToList();
        if (_open.Count - stale.Count > options.MaxOpenStories)
            stale.AddRange(_open.Except(stale).OrderBy(s => s.Touched).Take(_open.Count - stale.Count - options.MaxOpenStories));
        foreach (var s in stale)
        {
            foreach (var term in s.Centroid.Keys)
                Unindex(term, s);
            foreach (var day in s.Days.Keys)
                if ((_dayHolders[day] -= 1) == 0)
                    _dayHolders.Remove(day);
            foreach (var name in s.Names.Keys)
                if (_nameIndex.TryGetValue(name, out var set) && set.Remove(s) && set.Count == 0)
                    _nameIndex.Remove(name);
            foreach (var figure in s.Figures.Keys)
                if (_figureIndex.TryGetValue(figure, out var set) && set.Remove(s) && set.Count == 0)
                    _figureIndex.Remove(figure);
            _open.Remove(s);
        }
    }
}
