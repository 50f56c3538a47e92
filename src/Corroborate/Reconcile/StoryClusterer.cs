using Corroborate.Lexicons;
using Corroborate.Model;
using Corroborate.Pipeline;

namespace Corroborate.Reconcile;

/// <summary>Settings of online story clustering. Immutable.</summary>
public sealed record ClusteringOptions
{
    /// <summary>Smallest cosine similarity, after the date penalty, for an article to join a story.</summary>
    public double Threshold { get; init; } = 0.22;
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
    public double DateDecay { get; init; } = 0.3;
    /// <summary>Latest member profiles kept per story for single-link comparison.</summary>
    public int MemberProfiles { get; init; } = 8;
    /// <summary>1 compares with the story centroid only; below 1, the best single member can win.</summary>
    public double CentroidWeight { get; init; } = 1.0;
}

/// <summary>
/// Clusters a stream of articles into stories in one pass, in arrival order. Each article becomes a
/// TF-IDF vector (document frequencies are counted as the stream goes; names and title words
/// weigh more); candidate stories come from an inverted index over the stories' strongest terms,
/// so no article is compared with all others; the article joins the most similar candidate above
/// a threshold, discounted by the distance between publication dates, or opens a new story.
/// Stories older than a time window are dropped from the index. Deterministic for the same input.
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
    }

    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    // Sentences seen in several earlier articles (login walls, cookie notices, station boilerplate)
    // say nothing about the story. Counted in a fixed-size table: memory does not grow with the stream.
    private readonly byte[] _sentenceSeen = new byte[1 << 22];
    private readonly Dictionary<string, HashSet<OpenStory>> _index = new(StringComparer.Ordinal);
    private readonly List<OpenStory> _open = [];
    private int _documents;
    private int _stories;
    private long _clock;
    private DateOnly? _latest;

    public StoryClusterer(LanguageData data) : this(data, new ClusteringOptions()) { }

    /// <summary>For diagnostics: the best score of the last assignment and how many candidates it weighed.</summary>
    internal (double Score, int Candidates) LastDecision { get; private set; }

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
        var date = article.Document.Published?.Date;
        // Archives arrive out of order: the window is measured from the latest date seen so far.
        if (date is { } seen && (_latest is null || seen > _latest))
            _latest = seen;
        if (_clock % 64 == 0 || _open.Count > options.MaxOpenStories)
            Evict(_latest);

        OpenStory? best = null;
        var bestScore = options.Threshold;
        double top = 0;
        var candidates = 0;
        foreach (var story in Candidates(vector))
        {
            var score = Similarity(vector, story) * DatePenalty(date, story);
            top = Math.Max(top, score);
            candidates++;
            if (score > bestScore || score == bestScore && best is not null && string.CompareOrdinal(story.Id, best.Id) < 0)
            {
                best = story;
                bestScore = score;
            }
        }

        LastDecision = (top, candidates);
        if (best is null)
        {
            best = new OpenStory($"s{++_stories}", vector, date) { Touched = _clock };
            _open.Add(best);
            Index(best, null);
            return best.Id;
        }
        var before = best.Centroid;
        best.Centroid = Merge(best.Centroid, vector, best.Size);
        best.Size++;
        best.Members.Add(vector);
        if (best.Members.Count > options.MemberProfiles)
            best.Members.RemoveAt(0);
        best.Touched = _clock;
        if (date is { } d)
        {
            if (best.Last is null || d > best.Last)
                best.Last = d;
            if (best.First is null || d < best.First)
                best.First = d;
        }
        Index(best, before);
        return best.Id;
    }

    /// <summary>Lowercase content words with counts; names (capitalized inside a sentence) and title words count more.</summary>
    private Dictionary<string, double> Terms(AnalyzedDocument article)
    {
        var text = article.Text;
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        // The outlet's own name ("statesman", "reviewjournal") recurs in all its articles, whatever the story.
        var outlet = new string(((article.Document.Outlet ?? "") + " " + HostOf(article.Document.Url)).ToLowerInvariant().Where(char.IsLetter).ToArray());
        if (!article.Tokens.IsDefault)
        {
            var sentences = article.Sentences.IsDefault ? [] : article.Sentences;
            var kept = new List<TextSpan>();
            foreach (var sentence in sentences)
            {
                // Two slots per sentence, count-min style: a collision must happen in both to mislead.
                var hash = (uint)string.GetHashCode(sentence.Span.SliceOf(text));
                var a = (int)(hash % (uint)_sentenceSeen.Length);
                var b = (int)((hash * 2654435761u >> 7) % (uint)_sentenceSeen.Length);
                if (Math.Min(_sentenceSeen[a], _sentenceSeen[b]) < options.RepeatedSentence)
                    kept.Add(sentence.Span);
                if (_sentenceSeen[a] < byte.MaxValue)
                    _sentenceSeen[a]++;
                if (_sentenceSeen[b] < byte.MaxValue)
                    _sentenceSeen[b]++;
            }
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
        if (article.Document.Title is { } title)
        {
            foreach (var word in title.Split([' ', ',', ':', ';', '"', '\'', '(', ')', '|', '-', '—', '–', '.', '?', '!', '‘', '’', '“', '”'], StringSplitOptions.RemoveEmptyEntries))
                if (word.Length >= 3 && char.IsLetter(word[0]))
                    Add(counts, word, options.TitleWeight);
        }
        return counts;
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
    private double Idf(string term) => Math.Log((_documents + PriorDocuments) / (_documentFrequency.GetValueOrDefault(term) + 0.5));

    private const double PriorDocuments = 50;

    /// <summary>
    /// Stories sharing the article's strongest terms, most shared first. Terms found in a large
    /// share of the stream ("shooting", "police") are not probed: they would make every story a candidate.
    /// </summary>
    private IEnumerable<OpenStory> Candidates(Dictionary<string, double> vector)
    {
        var shared = new Dictionary<OpenStory, double>();
        var common = Math.Max(20, _documents / 20);
        var probes = vector.Where(kv => _documentFrequency.GetValueOrDefault(kv.Key) <= common)
            .OrderByDescending(kv => kv.Value * Idf(kv.Key)).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(options.ProbeTerms);
        foreach (var (term, weight) in probes)
            if (_index.TryGetValue(term, out var stories))
                foreach (var story in stories)
                    shared[story] = shared.GetValueOrDefault(story) + weight * Idf(term);
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

    private void Evict(DateOnly? now)
    {
        var stale = _open.Where(s => now is { } n && s.Last is { } l && n.DayNumber - l.DayNumber > options.WindowDays).ToList();
        if (_open.Count - stale.Count > options.MaxOpenStories)
            stale.AddRange(_open.Except(stale).OrderBy(s => s.Touched).Take(_open.Count - stale.Count - options.MaxOpenStories));
        foreach (var s in stale)
        {
            foreach (var term in s.Centroid.Keys)
                Unindex(term, s);
            _open.Remove(s);
        }
    }
}
