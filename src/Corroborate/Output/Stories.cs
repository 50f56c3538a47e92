using Corroborate.Model;
using Corroborate.Pipeline;
using Corroborate.Reconcile;

namespace Corroborate.Output;

/// <summary>What the brief and the stories list keep of one article once its text has been written out.</summary>
public sealed record DocumentSummary(
    string Id, string Source, string? Title, string? Outlet, Published? Published, string Story,
    string? Lead, int Sentences, IReadOnlyDictionary<FurnitureKind, int> Furniture, IReadOnlyList<DocumentError> Errors)
{
    /// <summary>
    /// The lead is kept to this many characters: as long as anything the brief shows of it, short
    /// enough that a summary per article costs little over a long stream.
    /// </summary>
    private const int LeadKept = 220;

    private static readonly IReadOnlyDictionary<FurnitureKind, int> NoFurniture = new Dictionary<FurnitureKind, int>();

    public static DocumentSummary Of(AnalyzedDocument a, string story)
    {
        var lead = a.Sentences.IsDefaultOrEmpty ? null : MarkdownBrief.Shorten(a.Sentences[0].Span.Of(a.Text), LeadKept);
        var furniture = a.Furniture.IsDefaultOrEmpty ? NoFurniture : FurnitureCounts.Of(a.Furniture);
        var errors = a.AllErrors.ToArray();
        return new DocumentSummary(a.Document.Id, a.Document.Source, a.Document.Title, a.Document.Outlet, a.Document.Published,
            story, lead, a.Sentences.IsDefault ? 0 : a.Sentences.Length, furniture, errors.Length == 0 ? [] : errors);
    }

    /// <summary>
    /// What the stories list keeps of an article over a long stream: no title, lead or furniture counts (the
    /// brief reads them back with the article when its story is written), its outlet's name given once per outlet.
    /// </summary>
    public DocumentSummary Kept(string? sharedOutlet) => this with { Outlet = sharedOutlet, Title = null, Lead = null, Furniture = NoFurniture };
}

/// <summary>
/// How many lines of each kind of furniture an article had, in two small arrays: a summary is kept for every article
/// of a stream, and a dictionary apiece weighed more than the rest of it.
/// </summary>
internal sealed class FurnitureCounts : IReadOnlyDictionary<FurnitureKind, int>
{
    private readonly FurnitureKind[] _kinds;
    private readonly int[] _counts;

    private FurnitureCounts(FurnitureKind[] kinds, int[] counts) => (_kinds, _counts) = (kinds, counts);

    public static FurnitureCounts Of(IEnumerable<Furniture> furniture)
    {
        var kinds = new List<FurnitureKind>();
        var counts = new List<int>();
        foreach (var f in furniture)
        {
            var at = kinds.IndexOf(f.Kind);
            if (at < 0)
            {
                kinds.Add(f.Kind);
                counts.Add(1);
            }
            else
                counts[at]++;
        }
        return new FurnitureCounts([.. kinds], [.. counts]);
    }

    public int this[FurnitureKind key] => TryGetValue(key, out var n) ? n : throw new KeyNotFoundException(key.ToString());
    public IEnumerable<FurnitureKind> Keys => _kinds;
    public IEnumerable<int> Values => _counts;
    public int Count => _kinds.Length;
    public bool ContainsKey(FurnitureKind key) => Array.IndexOf(_kinds, key) >= 0;

    public bool TryGetValue(FurnitureKind key, out int value)
    {
        var at = Array.IndexOf(_kinds, key);
        value = at < 0 ? 0 : _counts[at];
        return at >= 0;
    }

    public IEnumerator<KeyValuePair<FurnitureKind, int>> GetEnumerator()
    {
        for (var i = 0; i < _kinds.Length; i++)
            yield return new KeyValuePair<FurnitureKind, int>(_kinds[i], _counts[i]);
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A story: the articles about one developing event. Immutable; thread-safe.</summary>
public sealed record Story(string Id, string? Key, string Title, IReadOnlyList<DocumentSummary> Documents, DateOnly? First, DateOnly? Last);

/// <summary>
/// Assigns articles to stories. An article whose input names a story keeps it; the rest are
/// clustered online (<see cref="StoryClusterer"/>). Not thread-safe (one per run).
/// </summary>
public sealed class StoryAssigner(StoryClusterer clusterer)
{
    private readonly Dictionary<string, List<DocumentSummary>> _stories = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly HashSet<string> _keyed = new(StringComparer.Ordinal);

    public string StoryOf(AnalyzedDocument article) => KeyOf(article.Document) ?? Cluster(article);

    /// <summary>The story the input gives the article, noted so a clustered id cannot clash with it; null when it gives none.</summary>
    public string? KeyOf(NewsDocument document)
    {
        if (document.Story is { } key)
            _keyed.Add(key);
        return document.Story;
    }

    /// <summary>Clusters an article that carries no story key.</summary>
    public string Cluster(AnalyzedDocument article)
    {
        // Clustered stories are named "s1", "s2", …; a clash with a given key gets a suffix.
        var id = clusterer.Assign(article);
        while (_keyed.Contains(id))
            id += "'";
        return id;
    }

    // One instance of each outlet's name, however many of its articles a long stream holds.
    private readonly Dictionary<string, string> _outlets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TitleChoice> _titles = new(StringComparer.Ordinal);

    /// <summary>
    /// Adds an article to its story, keeping little of it (<see cref="DocumentSummary.Kept"/>): the stories'
    /// titles are chosen as their articles arrive.
    /// </summary>
    public void Add(DocumentSummary summary)
    {
        if (!_stories.TryGetValue(summary.Story, out var list))
        {
            _stories[summary.Story] = list = [];
            _order.Add(summary.Story);
            _titles[summary.Story] = new TitleChoice();
        }
        _titles[summary.Story].Offer(summary);
        var outlet = summary.Outlet;
        if (outlet is not null)
        {
            if (!_outlets.TryGetValue(outlet, out var shared))
                _outlets[outlet] = shared = outlet;
            outlet = shared;
        }
        list.Add(summary.Kept(outlet));
    }

    public IReadOnlyList<Story> Stories() => _order.Select(id =>
    {
        var docs = _stories[id];
        var dates = docs.Where(d => d.Published is not null).Select(d => d.Published!.Date).ToList();
        var title = _titles[id].Title ?? id;
        if (title.Length > 160)
            title = title[..157].TrimEnd() + "…";
        return new Story(id, _keyed.Contains(id) ? id : null, title, docs,
            dates.Count > 0 ? dates.Min() : null, dates.Count > 0 ? dates.Max() : null);
    }).ToList();

    /// <summary>
    /// A story's title as its articles arrive: the title of its earliest dated article that has one (undated
    /// ones last; among the same date, the first to arrive), else the lead of the earliest that has one.
    /// </summary>
    private sealed class TitleChoice
    {
        private (DateOnly Date, string Text)? _title;
        private (DateOnly Date, string Text)? _lead;

        public string? Title => _title?.Text ?? _lead?.Text;

        public void Offer(DocumentSummary summary)
        {
            var date = summary.Published?.Date ?? DateOnly.MaxValue;
            if (!string.IsNullOrWhiteSpace(summary.Title) && (_title is not { } t || date < t.Date))
                _title = (date, summary.Title);
            if (!string.IsNullOrWhiteSpace(summary.Lead) && (_lead is not { } l || date < l.Date))
                _lead = (date, summary.Lead);
        }
    }
}
